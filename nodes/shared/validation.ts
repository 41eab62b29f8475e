/**
 * Input checks that run before any request, so bad input never reaches ChakraHQ. Each error names
 * the field (as the user sees it) and the item.
 */
import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { ItemFunctions } from './itemFunctions';

/** Labels (see `labelOf`) of the API identifiers used as node parameters, for errors raised by name. */
export const FIELD_LABELS: Record<string, string> = {
	pluginId: 'Plugin ID',
	whatsappPhoneNumberId: 'WhatsApp Phone Number ID',
	wabaId: 'WhatsApp Business Account ID',
	whatsappApiVersion: 'WhatsApp API Version',
	phoneNumber: 'Phone Number',
	customerPhoneNumber: 'Phone Number',
	templateName: 'Template',
	procedureShortId: 'Procedure',
	processId: 'Process ID',
	primaryKeyShortId: 'Primary Key Attribute',
	primaryKeyValue: 'Primary Key Value',
	primaryKeyOrId: 'Process ID or Primary Key Value',
	processIdOrPrimaryKey: 'Process ID or Primary Key Value',
	stateTaskShortId: 'Task Type',
	groupId: 'Group ID',
	chatId: 'Chat ID',
	campaignId: 'Campaign ID',
	userId: 'User ID',
	photoId: 'Photo ID',
	backgroundJobId: 'Background Job ID',
	whatsappMediaId: 'Media ID',
	whatsappMessageTemplateId: 'Template ID',
};

/**
 * The label of a field in errors, from its display name: a dropdown's "X Name or ID" is "X"; a
 * resource locator "X" whose parameter is an ID (`…Id`) holds that ID whatever mode it was picked in,
 * so it is "X ID".
 * test/shared/field-labels.test.ts checks FIELD_LABELS against the fields of every node by this rule.
 */
export function labelOf(property: Pick<INodeProperties, 'displayName' | 'name' | 'type'>): string {
	if (property.type === 'resourceLocator' && property.name.endsWith('Id'))
		return `${property.displayName} ID`;
	return property.displayName.replace(/ Name or ID$/, '');
}

export function fieldLabel(name: string): string {
	return FIELD_LABELS[name] ?? name;
}

const PHONE_DECORATION = /[\s\-().]/g;

/**
 * Recipient phone numbers: digits only, country code first (docs/api-reference.md 1.6). A leading `+`, spaces,
 * dashes, dots and brackets are removed; what remains must be 8 to 15 digits.
 */
export function normalizePhoneNumber(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
	if (typeof value !== 'string') return undefined;
	const stripped = value.trim().replace(PHONE_DECORATION, '').replace(/^\+/, '');
	return /^[0-9]{8,15}$/.test(stripped) ? stripped : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}

/**
 * The error of one bad field of one item. A NodeApiError without an HTTP code: n8n's RoutingNode
 * passes it on as it is, while it wraps any other error of a preSend into a NodeApiError with the
 * code "none", which the editor then shows as "Error code none".
 */
export function fieldError(
	node: INode,
	itemIndex: number,
	field: string,
	message: string,
	description?: string,
) {
	return new NodeApiError(
		node,
		{},
		{
			message: `${fieldLabel(field)}: ${message}`,
			itemIndex,
			description: description ?? `Fix the "${fieldLabel(field)}" field for item ${itemIndex}.`,
		},
	);
}

function itemError(context: ItemFunctions, field: string, message: string, description?: string) {
	return fieldError(context.getNode(), context.getItemIndex(), field, message, description);
}

export function requirePhoneNumber(context: ItemFunctions, field: string, raw: unknown): string {
	const normalized = normalizePhoneNumber(raw);
	if (normalized === undefined) {
		const nonText = describeNonText(raw);
		if (nonText !== undefined) throw itemError(context, field, `is ${nonText}, not a phone number`);
		const shown =
			typeof raw === 'string' || typeof raw === 'number' ? `"${String(raw)}"` : 'an empty value';
		throw itemError(
			context,
			field,
			`${shown} is not a phone number`,
			'Use the international format with the country code and 8 to 15 digits, for example 919911223344 or +91 99112 23344.',
		);
	}
	return normalized;
}

const PHONE_FIELDS = ['phoneNumber', 'customerPhoneNumber'];
/** Identifiers that are UUIDs (docs/api-reference.md 1.6). */
const UUID_FIELDS = ['pluginId', 'processId', 'userId', 'photoId', 'backgroundJobId'];
/** Meta identifiers: digits only (docs/api-reference.md 1.6). */
const NUMERIC_ID_FIELDS = [
	'whatsappPhoneNumberId',
	'wabaId',
	'whatsappMessageTemplateId',
	'whatsappMediaId',
];
/** Short ids of procedures, attributes and task types (`lead`, `lead_id`, `tele_sales`). */
const SHORT_ID_FIELDS = ['procedureShortId', 'primaryKeyShortId', 'stateTaskShortId'];
const SHORT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/** Meta group ids are base64 text (`Y2FwaV9ncm91cDox...ZD`); the same characters as the field's own check. */
const GROUP_ID = /^[A-Za-z0-9_=.:-]{1,512}$/;
/** Other ChakraHQ ids (chat, campaign): letters, digits and `_ . : -`, starting with a letter or digit. */
const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,255}$/;
const API_VERSION = /^v[0-9]{1,3}\.[0-9]{1,2}$/;
/** Unicode's control characters (Cc: U+0000-U+001F, U+007F-U+009F). */
const CONTROL_CHARACTERS = /\p{Cc}/u;

export interface ValueProblem {
	message: string;
	description?: string;
}

/** What a value that is not text is, for an error: "an object", "an array", "true", "NaN". */
export function describeNonText(value: unknown): string | undefined {
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'boolean') return `a boolean (${String(value)})`;
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
	if (typeof value === 'object' && value !== null) return 'an object';
	if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
		return `a ${typeof value}`;
	return undefined;
}

/**
 * What is wrong with a value that goes into a URL path segment, or undefined when it is fine. Only
 * text and finite numbers are accepted, each identifier in its own format; free-text values (primary
 * key values) may hold anything but control characters and may not be a dot segment, which URL
 * resolution would turn into "the parent endpoint".
 */
export function pathValueProblem(field: string, raw: unknown): ValueProblem | undefined {
	const nonText = describeNonText(raw);
	if (nonText !== undefined)
		return {
			message: `is ${nonText}, not text or an ID`,
			description:
				'Map a single value (text or a number) to this field, not a whole object or list.',
		};
	const text = raw === undefined || raw === null ? '' : String(raw).trim();
	if (text === '') return { message: 'is required but empty' };
	if (CONTROL_CHARACTERS.test(text))
		return {
			message: 'contains control characters (line breaks, tabs or other invisible characters)',
		};
	if (text === '.' || text === '..') return { message: `"${text}" is not a valid value` };
	if (UUID_FIELDS.includes(field) && !isUuid(text)) {
		return {
			message: `"${text}" is not a valid UUID`,
			description: 'Use a UUID such as 3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f.',
		};
	}
	if (NUMERIC_ID_FIELDS.includes(field) && !/^[0-9]{1,30}$/.test(text))
		return { message: `"${text}" is not a WhatsApp ID (digits only)` };
	if (field === 'whatsappApiVersion' && !API_VERSION.test(text)) {
		return {
			message: `"${text}" is not a Graph API version`,
			description: 'Use the form vNN.N, for example v24.0.',
		};
	}
	if (SHORT_ID_FIELDS.includes(field) && !SHORT_ID.test(text)) {
		return {
			message: `"${text}" is not a short ID`,
			description: 'Short IDs hold letters, digits, "_" and "-", for example lead or lead_id.',
		};
	}
	if (field === 'groupId' && !GROUP_ID.test(text))
		return { message: `"${text}" is not a WhatsApp group ID` };
	if ((field === 'chatId' || field === 'campaignId') && !OPAQUE_ID.test(text))
		return { message: `"${text}" is not a valid ID` };
	return undefined;
}

/** Checks and normalises one identifier parameter; returns the text to send. */
export function normalizeParameter(context: ItemFunctions, field: string, raw: unknown): string {
	if (PHONE_FIELDS.includes(field)) return requirePhoneNumber(context, field, raw);
	const problem = pathValueProblem(field, raw);
	if (problem) throw itemError(context, field, problem.message, problem.description);
	return String(raw).trim();
}

/**
 * Text that is sent to a person (message bodies, captions): text and numbers as text; objects,
 * arrays and booleans from expressions are refused instead of arriving as "[object Object]".
 */
export function requireText(context: ItemFunctions, field: string, raw: unknown): string {
	const nonText = describeNonText(raw);
	if (nonText !== undefined) {
		throw itemError(
			context,
			field,
			`is ${nonText}, not text`,
			'Map a text value to this field, for example {{ $json.message }}, not a whole object or list.',
		);
	}
	return raw === undefined || raw === null ? '' : String(raw);
}

/** Parses a JSON parameter (string or already an object) with an error that names the field. */
export function parseJsonField(
	context: ItemFunctions,
	field: string,
	value: unknown,
): IDataObject | IDataObject[] {
	if (typeof value === 'object' && value !== null) return value as IDataObject;
	if (typeof value !== 'string' || value.trim() === '') {
		throw itemError(context, field, 'is required but empty');
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(value) as unknown;
	} catch (error) {
		throw itemError(context, field, `is not valid JSON (${(error as Error).message})`);
	}
	if (typeof parsed !== 'object' || parsed === null) {
		throw itemError(context, field, 'must be a JSON object or array');
	}
	return parsed as IDataObject;
}

export { itemError };
