/**
 * Process bodies (C43, C44, C45 and the entries of C48 / C49), built from the mapper, the key/value
 * attributes and the process fields. Only what the user gave is sent; bad values stop the item
 * before any request.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { DATE_HINT, parseEpochMilliseconds } from '../dates';
import { isObject } from '../envelope';
import { attributeValuesForApi } from '../methods/platformConfig';
import type { ItemParameters } from './itemParameters';
import { requiredText, singleItemParameters } from './itemParameters';

const STATUSES = ['OPEN', 'COMPLETED', 'CANCELLED'];

interface SchemaEntry {
	id: string;
	type?: string;
	removed?: boolean;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** Key/value pairs of a fixedCollection (`<name>.attribute[]`), checked for empty and repeated keys. */
export function attributePairs(params: ItemParameters, name: string, label: string): IDataObject {
	const collection = params.get(name, {}) as { attribute?: Array<{ shortId?: unknown; value?: unknown }> };
	const result: IDataObject = {};
	for (const [position, pair] of (collection?.attribute ?? []).entries()) {
		const shortId = typeof pair.shortId === 'string' ? pair.shortId.trim() : '';
		if (shortId === '') throw params.error(label, `attribute ${position + 1} has no short ID`);
		if (shortId in result) throw params.error(label, `attribute "${shortId}" is given twice`);
		result[shortId] = pair.value as IDataObject[string];
	}
	return result;
}

/** Attribute values from the resource mapper: fields defined below, or the input item auto-mapped. */
async function mappedAttributes(params: ItemParameters, procedureShortId: string): Promise<IDataObject> {
	const mappingMode = params.get('processData.mappingMode', 'defineBelow');
	const schema = ((params.get('processData.schema', []) as SchemaEntry[] | null) ?? []).filter((field) => !field.removed);
	let values: IDataObject;
	if (mappingMode === 'autoMapInputData') {
		const json = params.json();
		values = {};
		for (const field of schema) if (field.id in json) values[field.id] = json[field.id];
	} else {
		const defined = params.get('processData.value', {}) as IDataObject | null;
		values = isObject(defined) ? defined : {};
	}
	const given = Object.fromEntries(Object.entries(values).filter(([, value]) => !isEmpty(value)));
	// Only date attributes need the configuration: it tells epoch milliseconds from ISO strings.
	const hasDate = schema.some((field) => field.type === 'dateTime' && field.id in given);
	const config = hasDate ? await params.config() : undefined;
	return attributeValuesForApi(given, config, procedureShortId);
}

/** `data` of a process body: mapper values plus Additional Attributes (a key given in both is refused). */
export async function processData(params: ItemParameters, procedureShortId: string): Promise<IDataObject> {
	const mapped = await mappedAttributes(params, procedureShortId);
	const extra = attributePairs(params, 'additionalAttributes', 'Additional Attributes');
	for (const key of Object.keys(extra)) {
		if (key in mapped) {
			throw params.error('Additional Attributes', `attribute "${key}" is already set in Process Data`);
		}
	}
	return { ...mapped, ...extra };
}

function epochMs(params: ItemParameters, value: unknown): number {
	const ms = parseEpochMilliseconds(value, params.timezone());
	if (ms === undefined) throw params.error('Next Action At', `"${String(value)}" is not a date`, DATE_HINT);
	return ms;
}

/** Status, state, next action, assignee (and the bulk delete flag) as given. */
function processFields(params: ItemParameters): IDataObject {
	const fields = params.get('processFields', {}) as IDataObject;
	const body: IDataObject = {};
	if (!isEmpty(fields.status)) {
		const status = String(fields.status);
		if (!STATUSES.includes(status)) throw params.error('Status', `"${status}" is not one of ${STATUSES.join(', ')}`);
		body.status = status;
	}
	if (!isEmpty(fields.state)) body.state = String(fields.state).trim();
	if (!isEmpty(fields.nextActionAt)) body.nextActionAt = epochMs(params, fields.nextActionAt);
	if (!isEmpty(fields.assignedTo)) body.assignedTo = String(fields.assignedTo).trim();
	if (fields.isDeleted === true) body.isDeleted = true;
	return body;
}

/** C43 body (also one entry of C48). */
export async function createProcessBody(params: ItemParameters): Promise<IDataObject> {
	const procedureShortId = requiredText(params, 'procedureShortId', 'procedureShortId');
	const body: IDataObject = {};
	const data = await processData(params, procedureShortId);
	if (Object.keys(data).length) body.data = data;
	const record = attributePairs(params, 'recordData', 'Record Data');
	if (Object.keys(record).length) body.record = { data: record };
	return { ...body, ...processFields(params) };
}

/** C44 / C45 body (also the `update` of a C49 entry); refuses an update that changes nothing. */
export async function updateProcessBody(params: ItemParameters): Promise<IDataObject> {
	const procedureShortId = requiredText(params, 'procedureShortId', 'procedureShortId');
	const body: IDataObject = {};
	const data = await processData(params, procedureShortId);
	if (Object.keys(data).length) body.data = data;
	Object.assign(body, processFields(params));
	if (Object.keys(body).length === 0) {
		throw params.error(
			'Process Data',
			'nothing to update',
			'Set at least one attribute in Process Data or Additional Attributes, or a field under Update Fields.',
		);
	}
	return body;
}

/** preSend of C43. */
export async function sendCreateProcessBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.body = await createProcessBody(singleItemParameters(this));
	return requestOptions;
}

/** preSend of C44 / C45. */
export async function sendUpdateProcessBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.body = await updateProcessBody(singleItemParameters(this));
	return requestOptions;
}
