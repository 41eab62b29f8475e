/**
 * The one place where ChakraHQ paths live (docs/api-reference.md section 2).
 * Every operation names its endpoint by C-id; a wrong DERIVED path is fixed here, in one line.
 */
import type { IHttpRequestMethods } from 'n8n-workflow';

import type { ValueProblem } from './validation';
import { fieldLabel, pathValueProblem } from './validation';

export type Confidence = 'DOCUMENTED' | 'DERIVED';
export type Envelope = 'chakra' | 'meta' | 'binary';

export interface Endpoint {
	method: IHttpRequestMethods;
	/** Path template; `{name}` placeholders are filled with encoded values. */
	path: string;
	envelope: Envelope;
	confidence: Confidence;
}

const WA_PLUGIN = '/v1/ext/plugin/whatsapp';
const GRAPH = '/v1/whatsapp/{whatsappApiVersion}';
const PROCESS = '/v1/ext/procedure/{procedureShortId}/process';

function ep(method: IHttpRequestMethods, path: string, envelope: Envelope, confidence: Confidence) {
	return { method, path, envelope, confidence };
}

export const ENDPOINTS = {
	// Template messages
	C1: ep(
		'POST',
		`${WA_PLUGIN}/{pluginId}/process/{procedureShortId}/{primaryKeyOrId}/send-template-message`,
		'chakra',
		'DOCUMENTED',
	),
	C2: ep(
		'POST',
		`${WA_PLUGIN}/{pluginId}/phoneNumber/{phoneNumber}/send-template-message`,
		'chakra',
		'DOCUMENTED',
	),
	C3: ep(
		'POST',
		`${WA_PLUGIN}/{pluginId}/api/{whatsappApiVersion}/{whatsappPhoneNumberId}/messages`,
		'chakra',
		'DERIVED',
	),
	// Session messages
	C4: ep(
		'POST',
		`${WA_PLUGIN}/{pluginId}/api/{whatsappApiVersion}/{whatsappPhoneNumberId}/messages`,
		'chakra',
		'DOCUMENTED',
	),
	C5: ep(
		'POST',
		`${WA_PLUGIN}/{pluginId}/api/{whatsappApiVersion}/{whatsappPhoneNumberId}/messages`,
		'chakra',
		'DOCUMENTED',
	),
	// Message templates (no pluginId: the literal segment is /plugin/whatsapp/api/)
	C6: ep(
		'POST',
		`${WA_PLUGIN}/api/{whatsappApiVersion}/{wabaId}/message_templates`,
		'meta',
		'DOCUMENTED',
	),
	C7: ep(
		'GET',
		`${WA_PLUGIN}/api/{whatsappApiVersion}/{wabaId}/message_templates`,
		'meta',
		'DERIVED',
	),
	C8: ep(
		'POST',
		`${WA_PLUGIN}/api/{whatsappApiVersion}/{whatsappMessageTemplateId}`,
		'meta',
		'DOCUMENTED',
	),
	// Media
	C9: ep('POST', `${WA_PLUGIN}/{pluginId}/upload-public-media`, 'chakra', 'DOCUMENTED'),
	C10: ep('GET', `${GRAPH}/media/{whatsappMediaId}/show`, 'binary', 'DERIVED'),
	C11: ep('GET', `${GRAPH}/media/{whatsappMediaId}`, 'meta', 'DOCUMENTED'),
	C12: ep('GET', `${GRAPH}/media/whatsapp_business/attachments`, 'binary', 'DERIVED'),
	// Flows
	C13: ep(
		'POST',
		`${GRAPH}/{whatsappPhoneNumberId}/whatsapp_business_encryption`,
		'meta',
		'DERIVED',
	),
	C14: ep(
		'GET',
		`${GRAPH}/{whatsappPhoneNumberId}/whatsapp_business_encryption`,
		'meta',
		'DERIVED',
	),
	// Groups
	C15: ep('POST', `${GRAPH}/{whatsappPhoneNumberId}/groups`, 'meta', 'DERIVED'),
	C16: ep('GET', `${GRAPH}/{whatsappPhoneNumberId}/groups`, 'meta', 'DERIVED'),
	C17: ep('GET', `${GRAPH}/{groupId}`, 'meta', 'DERIVED'),
	C18: ep('POST', `${GRAPH}/{groupId}`, 'meta', 'DERIVED'),
	C19: ep('DELETE', `${GRAPH}/{groupId}`, 'meta', 'DERIVED'),
	C20: ep('GET', `${GRAPH}/{groupId}/invite_link`, 'meta', 'DERIVED'),
	C21: ep('POST', `${GRAPH}/{groupId}/invite_link`, 'meta', 'DERIVED'),
	C22: ep('GET', `${GRAPH}/{groupId}/join_requests`, 'meta', 'DERIVED'),
	C23: ep('POST', `${GRAPH}/{groupId}/join_requests`, 'meta', 'DERIVED'),
	C24: ep('DELETE', `${GRAPH}/{groupId}/join_requests`, 'meta', 'DERIVED'),
	C25: ep('DELETE', `${GRAPH}/{groupId}/participants`, 'meta', 'DERIVED'),
	// Leads
	C26: ep('POST', '/v1/ext/procedure/lead/process', 'chakra', 'DOCUMENTED'),
	C27: ep('PUT', '/v1/ext/procedure/lead/process/phone_number/{phoneNumber}', 'chakra', 'DERIVED'),
	// Chats
	C28: ep('POST', '/v1/ext/chat', 'chakra', 'DOCUMENTED'),
	C29: ep('POST', '/v1/ext/chat/{chatId}/message', 'chakra', 'DOCUMENTED'),
	C30: ep('POST', `${WA_PLUGIN}/list-chat-messages-for-phone-number`, 'chakra', 'DOCUMENTED'),
	// Campaigns
	C31: ep('POST', '/v1/ext/campaign/{campaignId}/add-phone-number', 'chakra', 'DERIVED'),
	C32: ep('POST', '/v1/ext/campaign/{campaignId}/remove-phone-number', 'chakra', 'DERIVED'),
	// Calling
	C33: ep('GET', `${GRAPH}/{whatsappPhoneNumberId}/settings`, 'meta', 'DOCUMENTED'),
	C34: ep('POST', `${GRAPH}/{whatsappPhoneNumberId}/settings`, 'meta', 'DOCUMENTED'),
	C35: ep('GET', `${GRAPH}/{whatsappPhoneNumberId}/call_permissions`, 'meta', 'DOCUMENTED'),
	C36: ep('POST', `${GRAPH}/{whatsappPhoneNumberId}/calls`, 'meta', 'DOCUMENTED'),
	// Partner access
	C37: ep('POST', '/v1/ext/whatsapp-partner/create-connect-token', 'chakra', 'DERIVED'),
	C38: ep('POST', `${WA_PLUGIN}/{pluginId}/update-config`, 'chakra', 'DERIVED'),
	C39: ep('GET', `${WA_PLUGIN}/{pluginId}/config`, 'chakra', 'DERIVED'),
	C40: ep('POST', `${WA_PLUGIN}/{pluginId}/disconnect-waba`, 'chakra', 'DERIVED'),
	// Platform: process
	C41: ep('GET', `${PROCESS}/{processId}`, 'chakra', 'DOCUMENTED'),
	C42: ep('POST', `${PROCESS}/list`, 'chakra', 'DOCUMENTED'),
	C43: ep('POST', PROCESS, 'chakra', 'DOCUMENTED'),
	C44: ep('PUT', `${PROCESS}/{processId}`, 'chakra', 'DOCUMENTED'),
	C45: ep('PUT', `${PROCESS}/{primaryKeyShortId}/{primaryKeyValue}`, 'chakra', 'DOCUMENTED'),
	C46: ep('DELETE', `${PROCESS}/{processId}`, 'chakra', 'DOCUMENTED'),
	C47: ep('DELETE', `${PROCESS}/{primaryKeyShortId}/{primaryKeyValue}`, 'chakra', 'DOCUMENTED'),
	C48: ep('POST', `${PROCESS}/bulk-create`, 'chakra', 'DOCUMENTED'),
	C49: ep('PATCH', PROCESS, 'chakra', 'DOCUMENTED'),
	// Task
	C50: ep(
		'POST',
		'/v1/ext/p/{procedureShortId}/{processIdOrPrimaryKey}/task/{stateTaskShortId}',
		'chakra',
		'DOCUMENTED',
	),
	// User
	C51: ep('GET', '/v1/ext/users', 'chakra', 'DOCUMENTED'),
	C52: ep('GET', '/v2/ext/users', 'chakra', 'DOCUMENTED'),
	C53: ep('GET', '/v1/ext/user/{userId}', 'chakra', 'DOCUMENTED'),
	C54: ep('GET', '/v2/ext/user/{userId}', 'chakra', 'DOCUMENTED'),
	C55: ep('PUT', '/v1/ext/user/{userId}', 'chakra', 'DERIVED'),
	// Photo
	C56: ep('GET', '/v1/ext/photo/{photoId}', 'binary', 'DERIVED'),
	C57: ep('POST', '/v1/ext/photo', 'chakra', 'DOCUMENTED'),
	C58: ep('POST', '/v1/ext/photo/{photoId}', 'chakra', 'DOCUMENTED'),
	// Background job
	C59: ep('GET', '/v1/ext/background-job/{backgroundJobId}', 'chakra', 'DOCUMENTED'),
	C60: ep('GET', '/v1/ext/background-job/{backgroundJobId}/entries', 'chakra', 'DOCUMENTED'),
	// Config and health
	C61: ep('GET', '/v1/ext/config', 'chakra', 'DOCUMENTED'),
	C62: ep('GET', '/v1/health', 'chakra', 'DOCUMENTED'),
	// Discovery (dropdowns)
	C63: ep('GET', '/v1/ext/whatsapp-phone-number', 'chakra', 'DERIVED'),
	C64: ep('GET', '/v1/ext/whatsapp-business-account', 'chakra', 'DERIVED'),
} satisfies Record<string, Endpoint>;

export type EndpointId = keyof typeof ENDPOINTS;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Names of the `{placeholders}` of an endpoint's path, in order. */
export function pathParameterNames(id: EndpointId): string[] {
	return [...ENDPOINTS[id].path.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** A path value that failed its check (pathValueProblem), before any request. */
export class PathValueError extends Error {
	constructor(
		readonly field: string,
		readonly problem: ValueProblem,
		message = `${fieldLabel(field)}: ${problem.message}`,
	) {
		super(message);
	}
}

/**
 * Fills an endpoint's path template. Every value is `encodeURIComponent`-ed, so ids, phone numbers
 * and primary-key values holding `/` or spaces stay one path segment. It does not check formats:
 * callers with values from users or answers use `checkedPath`.
 */
export function buildPath(id: EndpointId, values: Record<string, unknown>): string {
	return ENDPOINTS[id].path.replace(PLACEHOLDER, (_match, name: string) => {
		const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
		if (value === undefined || value === '') {
			throw new PathValueError(
				name,
				{ message: 'is required but empty' },
				`Missing value for path parameter "${name}" of ${id}`,
			);
		}
		return encodeURIComponent(String(value).trim());
	});
}

/**
 * `buildPath` after every value passed its check (pathValueProblem: type, no dot segments, no
 * control characters, the identifier's format); the first bad value throws a PathValueError.
 */
export function checkedPath(id: EndpointId, values: Record<string, unknown>): string {
	for (const name of pathParameterNames(id)) {
		const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
		const problem = pathValueProblem(name, value);
		if (problem) throw new PathValueError(name, problem);
	}
	return buildPath(id, values);
}
