/**
 * What lead `create` (C26) and `updateByPhoneNumber` (C27) share: the attribute mapper built from the
 * lead procedure's configuration (C61), free attributes the configuration does not list, the status
 * / state / next action fields, and the preSend helpers that turn them into the `data` object.
 */
import type {
	IDataObject,
	IDisplayOptions,
	ILoadOptionsFunctions,
	INodeProperties,
	ResourceMapperFields,
	ResourceMapperValue,
} from 'n8n-workflow';

import { toEpochMilliseconds } from '../dates';
import type { ItemFunctions } from '../itemFunctions';
import {
	attributeValuesForApi,
	fetchPlatformConfig,
	getProcessDataFields,
} from '../methods/platformConfig';
import { itemError } from '../validation';
import { attributePairs } from './body';
import {
	assigneeOption,
	attributePairsField,
	nextActionAtOption,
	stateOption,
	statusOption,
} from './fields';

type Show = IDisplayOptions['show'];

/** Leads are processes of this procedure (docs/api-reference.md 3.7). */
export const LEAD_PROCEDURE = 'lead';

/** Lead attributes that have their own fields in the node, so the mapper does not offer them twice. */
const DEDICATED_ATTRIBUTES = ['name', 'phone_number', 'email'];

/** resourceMapping method: the lead procedure's attributes (C61) except name, phone number and email. */
export async function getLeadAttributeFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const { fields } = await getProcessDataFields.call(this);
	return {
		fields: fields
			.filter((field) => !DEDICATED_ATTRIBUTES.includes(field.id))
			// Create and update address the lead by path or not at all: nothing is matched on.
			.map((field) => ({ ...field, defaultMatch: false, canBeUsedToMatch: false })),
	};
}

/** Status, state, assignee and next action of a lead: the process fields, sent as the lead operations always sent them. */
export function leadStatusOption(description: string): INodeProperties {
	return statusOption({ description, sendToBody: true });
}

export const leadStateOption: INodeProperties = stateOption({
	hint: 'Stage of the lead, e.g. New; an expression gives the state short ID such as NEW',
	sendToBody: true,
});

export const leadAssigneeOption: INodeProperties = assigneeOption({
	displayName: 'Assigned To Name or ID',
	hint: 'Team member who owns the lead; an expression gives the username',
	sendToBody: true,
});

export const leadNextActionAtOption: INodeProperties = nextActionAtOption(
	'When someone should act on the lead next. Sent as epoch milliseconds; a date without an offset is read in the workflow time zone.',
);

export function leadAttributesField(show: Show, description: string): INodeProperties {
	return {
		displayName: 'Lead Attributes',
		name: 'leadAttributes',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description,
		typeOptions: {
			resourceMapper: {
				resourceMapperMethod: 'getLeadAttributeFields',
				mode: 'add',
				valuesLabel: 'Attributes',
				fieldWords: { singular: 'attribute', plural: 'attributes' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: false,
				noFieldsError:
					'The lead procedure of this team has no attributes besides name, phone number and email',
			},
		},
		displayOptions: { show },
	};
}

/** A free list of `key: value` pairs (attributes the configuration does not list, record data); sub-field `key`. */
export function leadAttributePairsField(
	show: Show,
	names: { displayName: string; name: string; placeholder: string },
	description: string,
): INodeProperties {
	return attributePairsField(show, { ...names, description, key: 'key' });
}

/** Collects the values of a lead's `data`, refusing an attribute given in two places. */
export class LeadData {
	readonly values: IDataObject = {};

	private readonly origin: Record<string, string> = {};

	constructor(private readonly context: ItemFunctions) {}

	set(shortId: string, value: unknown, from: string): void {
		if (shortId in this.values) {
			throw itemError(
				this.context,
				from,
				`sets attribute "${shortId}", which ${this.origin[shortId]} already sets`,
				`Give each attribute once: remove "${shortId}" from ${from} or from ${this.origin[shortId]}.`,
			);
		}
		this.values[shortId] = value as IDataObject[string];
		this.origin[shortId] = from;
	}

	get isEmpty(): boolean {
		return Object.keys(this.values).length === 0;
	}

	/** The mapper's values, converted for the API (dates as epoch ms or ISO, per attribute type). */
	async addMappedAttributes(parameter = 'leadAttributes', from = 'Lead Attributes'): Promise<void> {
		const mapper = this.context.getNodeParameter(parameter, null) as ResourceMapperValue | null;
		if (!mapper?.value) return;
		let values: IDataObject;
		try {
			values = { ...(this.context.getNodeParameter(`${parameter}.value`, {}) as IDataObject) };
		} catch (error) {
			throw itemError(
				this.context,
				from,
				(error as Error).message,
				(error as { description?: string }).description,
			);
		}
		const dateFields = (mapper.schema ?? [])
			.filter((field) => field.type === 'dateTime')
			.map((field) => field.id);
		const dated = dateFields.filter(
			(id) => values[id] !== undefined && values[id] !== null && values[id] !== '',
		);
		for (const id of dated)
			values[id] = toEpochMilliseconds(this.context, `${from} › ${id}`, values[id]);
		// The attribute type (epoch ms or ISO text) is only in the configuration: read it when a date is set.
		const config = dated.length ? await fetchPlatformConfig(this.context) : undefined;
		for (const [key, value] of Object.entries(
			attributeValuesForApi(values, config, LEAD_PROCEDURE),
		)) {
			this.set(key, value, from);
		}
	}

	/** Entries of a lead attribute pairs field (`leadAttributePairsField`). */
	addListedAttributes(parameter: string, from: string): void {
		for (const [key, value] of Object.entries(listedAttributes(this.context, parameter, from)))
			this.set(key, value, from);
	}
}

/** `key: value` pairs of a lead attribute pairs field (see `attributePairs`). */
export function listedAttributes(
	context: ItemFunctions,
	parameter: string,
	from: string,
): IDataObject {
	return attributePairs(context, parameter, from, 'key');
}

/** The request body as an object (routing.send may already have put status or state in it). */
export function bodyObject(body: unknown): IDataObject {
	return typeof body === 'object' &&
		body !== null &&
		!Array.isArray(body) &&
		!(body instanceof FormData)
		? { ...(body as IDataObject) }
		: {};
}

/** Refuses a collection entry that was added but left empty (it would be sent as ""). */
export function refuseEmptyChoices(
	context: ItemFunctions,
	fields: IDataObject,
	labels: Record<string, string>,
): void {
	for (const [name, label] of Object.entries(labels)) {
		if (name in fields && String(fields[name] ?? '').trim() === '') {
			throw itemError(context, label, 'is empty: choose a value or remove the field');
		}
	}
}

/** `nextActionAt` as epoch ms when the collection holds it. */
export function nextActionAtOf(context: ItemFunctions, fields: IDataObject): number | undefined {
	const value = fields.nextActionAt;
	if (value === undefined || value === null || value === '') return undefined;
	return toEpochMilliseconds(context, 'Next Action At', value);
}
