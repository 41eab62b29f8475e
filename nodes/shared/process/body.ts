/**
 * Process bodies (C43, C44, C45 and the entries of C48 / C49), built from the mapper, the key/value
 * attributes and the process fields. Only what the user gave is sent; bad values stop the item
 * before any request.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requiredTextParameter } from '../checks';
import { toEpochMilliseconds } from '../dates';
import { isObject } from '../envelope';
import type { ItemFunctions } from '../itemFunctions';
import { attributeValuesForApi } from '../methods/platformConfig';
import { itemError } from '../validation';
import type { AttributeKey } from './fields';
import { platformConfigFor } from './platformConfig';

const STATUSES = ['OPEN', 'COMPLETED', 'CANCELLED'];

interface SchemaEntry {
	id: string;
	type?: string;
	removed?: boolean;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/**
 * Key/value pairs of an attribute pairs field (`<name>.attribute[]`, see `attributePairsField`),
 * checked for empty and repeated keys. `key` is the sub-field holding the short ID.
 */
export function attributePairs(
	item: ItemFunctions,
	name: string,
	label: string,
	key: AttributeKey = 'shortId',
): IDataObject {
	const collection = item.getNodeParameter(name, {}) as {
		attribute?: Array<Record<string, unknown>>;
	} | null;
	const result: IDataObject = {};
	for (const [position, pair] of (collection?.attribute ?? []).entries()) {
		const shortId = typeof pair[key] === 'string' ? (pair[key] as string).trim() : '';
		if (shortId === '') throw itemError(item, label, `attribute ${position + 1} has no short ID`);
		if (shortId in result) throw itemError(item, label, `attribute "${shortId}" is given twice`);
		result[shortId] = (pair.value ?? '') as IDataObject[string];
	}
	return result;
}

/** Attribute values from the resource mapper: fields defined below, or the input item auto-mapped. */
async function mappedAttributes(
	item: ItemFunctions,
	procedureShortId: string,
): Promise<IDataObject> {
	const mappingMode = item.getNodeParameter('processData.mappingMode', 'defineBelow');
	const schema = (
		(item.getNodeParameter('processData.schema', []) as SchemaEntry[] | null) ?? []
	).filter((field) => !field.removed);
	let values: IDataObject;
	if (mappingMode === 'autoMapInputData') {
		const json = item.getInputData()?.json ?? {};
		values = {};
		for (const field of schema) if (field.id in json) values[field.id] = json[field.id];
	} else {
		const defined = item.getNodeParameter('processData.value', {}) as IDataObject | null;
		values = isObject(defined) ? defined : {};
	}
	const given = Object.fromEntries(Object.entries(values).filter(([, value]) => !isEmpty(value)));
	// Only date attributes need the configuration: it tells epoch milliseconds from ISO strings.
	const hasDate = schema.some((field) => field.type === 'dateTime' && field.id in given);
	const config = hasDate ? await platformConfigFor(item) : undefined;
	return attributeValuesForApi(given, config, procedureShortId);
}

/** `data` of a process body: mapper values plus Additional Attributes (a key given in both is refused). */
export async function processData(
	item: ItemFunctions,
	procedureShortId: string,
): Promise<IDataObject> {
	const mapped = await mappedAttributes(item, procedureShortId);
	const extra = attributePairs(item, 'additionalAttributes', 'Additional Attributes');
	for (const key of Object.keys(extra)) {
		if (key in mapped) {
			throw itemError(
				item,
				'Additional Attributes',
				`attribute "${key}" is already set in Process Data`,
			);
		}
	}
	return { ...mapped, ...extra };
}

/** Status, state, next action, assignee (and the bulk delete flag) as given. */
function processFields(item: ItemFunctions): IDataObject {
	const fields = item.getNodeParameter('processFields', {}) as IDataObject;
	const body: IDataObject = {};
	if (!isEmpty(fields.status)) {
		const status = String(fields.status);
		if (!STATUSES.includes(status))
			throw itemError(item, 'Status', `"${status}" is not one of ${STATUSES.join(', ')}`);
		body.status = status;
	}
	if (!isEmpty(fields.state)) body.state = String(fields.state).trim();
	if (!isEmpty(fields.nextActionAt))
		body.nextActionAt = toEpochMilliseconds(item, 'Next Action At', fields.nextActionAt);
	if (!isEmpty(fields.assignedTo)) body.assignedTo = String(fields.assignedTo).trim();
	if (fields.isDeleted === true) body.isDeleted = true;
	return body;
}

/** C43 body (also one entry of C48). */
export async function createProcessBody(item: ItemFunctions): Promise<IDataObject> {
	const procedureShortId = requiredTextParameter(item, 'procedureShortId');
	const body: IDataObject = {};
	const data = await processData(item, procedureShortId);
	if (Object.keys(data).length) body.data = data;
	const record = attributePairs(item, 'recordData', 'Record Data');
	if (Object.keys(record).length) body.record = { data: record };
	return { ...body, ...processFields(item) };
}

/** C44 / C45 body (also the `update` of a C49 entry); refuses an update that changes nothing. */
export async function updateProcessBody(item: ItemFunctions): Promise<IDataObject> {
	const procedureShortId = requiredTextParameter(item, 'procedureShortId');
	const body: IDataObject = {};
	const data = await processData(item, procedureShortId);
	if (Object.keys(data).length) body.data = data;
	Object.assign(body, processFields(item));
	if (Object.keys(body).length === 0) {
		throw itemError(
			item,
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
	requestOptions.body = await createProcessBody(this);
	return requestOptions;
}

/** preSend of C44 / C45. */
export async function sendUpdateProcessBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.body = await updateProcessBody(this);
	return requestOptions;
}
