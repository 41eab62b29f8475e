/**
 * Simplify: outputs with more than 10 fields (chat messages, chats, processes, templates, users,
 * group info) can be cut down to the fields a person or an AI agent needs, as n8n's UX guidelines
 * ask. Off by default on the canvas (saved workflows keep their output), on by default when the
 * node is an AI Agent's tool (n8n's `@tool` display condition picks the definition).
 */
import type {
	IDataObject,
	IDisplayOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Paginator } from './request';

type Show = NonNullable<IDisplayOptions['show']>;

/** The Simplify parameter for `show`: one definition for the canvas, one for tools. */
export function simplifyFields(show: Show): INodeProperties[] {
	const description = 'Whether to return only the main fields instead of the full record';
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: false,
			description,
			displayOptions: { show: { ...show, '@tool': [false] } },
		},
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description,
			displayOptions: { show: { ...show, '@tool': [true] } },
		},
	];
}

export type Simplifier = (record: IDataObject) => IDataObject;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `keys` of `record` that have a value (null, undefined and '' left out). */
function pick(record: IDataObject, keys: string[]): IDataObject {
	const result: IDataObject = {};
	for (const key of keys) {
		const value = record[key];
		if (value !== undefined && value !== null && value !== '') result[key] = value;
	}
	return result;
}

/** A ChakraHQ chat message (C2, C29, C30). */
export const simplifyChatMessage: Simplifier = (record) =>
	pick(record, [
		'id',
		'chat',
		'direction',
		'dataType',
		'text',
		'attachments',
		'deliveryStatus',
		'timestamp',
		'externalId',
		'user',
	]);

/** A ChakraHQ chat (C28); its fields are not documented beyond `id`, these are the ones seen. */
export const simplifyChat: Simplifier = (record) =>
	pick(record, [
		'id',
		'contactName',
		'contactPhoneNumber',
		'status',
		'unreadCount',
		'lastMessageAt',
		'whatsappPhoneNumberId',
	]);

/** A process (C41-C45): its attributes are in `data`. */
export const simplifyProcess: Simplifier = (record) =>
	pick(record, [
		'id',
		'procedure',
		'state',
		'status',
		'assignedTo',
		'data',
		'nextActionAt',
		'createdAt',
		'updatedAt',
	]);

/** A WhatsApp template (C7), with the text of its body. */
export const simplifyTemplate: Simplifier = (record) => {
	const components = Array.isArray(record.components) ? (record.components as unknown[]) : [];
	const body = components.find(
		(component) => isObject(component) && String(component.type).toUpperCase() === 'BODY',
	) as IDataObject | undefined;
	return {
		...pick(record, ['id', 'name', 'language', 'status', 'category']),
		...(body?.text ? { bodyText: body.text } : {}),
	};
};

/** A user (C51-C55): names, the primary e-mail and phone, role and availability. */
export const simplifyUser: Simplifier = (record) => {
	const email = isObject(record.primaryEmail) ? record.primaryEmail.email : undefined;
	const phone = isObject(record.primaryPhone)
		? (record.primaryPhone.phoneNumber ?? record.primaryPhone.phone)
		: undefined;
	return {
		...pick(record, ['id', 'username', 'firstName', 'lastName', 'displayName']),
		...(email ? { email } : {}),
		...(phone ? { phone } : {}),
		...pick(record, ['role', 'isActive', 'availabilityStatus', 'timezone']),
	};
};

/** WhatsApp group info (C17): participants as their phone numbers. */
export const simplifyGroup: Simplifier = (record) => {
	const participants = Array.isArray(record.participants)
		? (record.participants as unknown[]).map((participant) =>
				isObject(participant) ? participant.wa_id : participant,
			)
		: undefined;
	return {
		...pick(record, [
			'id',
			'subject',
			'description',
			'suspended',
			'join_approval_mode',
			'creation_timestamp',
			'total_participant_count',
		]),
		...(participants ? { participants } : {}),
	};
};

/**
 * Every operation runs through a pagination function (a list's paginator or `sendOnce`), so the
 * records are simplified where they leave it, after all pages and Limit.
 */
export function simplifying(paginator: Paginator, simplifier: Simplifier): Paginator {
	const simplify = simplifyItems(simplifier);
	return async function (this, requestData) {
		return await simplify.call(this, await paginator.call(this, requestData));
	};
}

/** postReceive: the records simplified when the operation's Simplify is on. */
export function simplifyItems(simplifier: Simplifier) {
	return async function (
		this: { getNodeParameter(name: string, fallback: unknown): unknown },
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		if (this.getNodeParameter('simplify', false) !== true) return items;
		return items.map((item) => ({ ...item, json: simplifier(item.json) }));
	};
}
