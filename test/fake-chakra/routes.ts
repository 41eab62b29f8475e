/**
 * Route table C1..C64, written from docs/api-reference.md (never from nodes/shared/endpoints.ts).
 */
import type { ErrorShape } from './errors';
import type { Handler } from './handlers';
import { H } from './handlers';

export type Envelope = 'chakra' | 'meta' | 'binary';

export interface Route {
	cid: string;
	method: string;
	template: string;
	segs: string[];
	envelope: Envelope;
	errorShape: ErrorShape;
	handler: Handler;
	/** Overrides the recorded cid from the parsed body (C3 vs C4). */
	cidFor?: (body: unknown) => string;
	alsoMatches: string[];
}

const V = '{whatsappApiVersion}';
const PLUGIN_WA = '/v1/ext/plugin/whatsapp';

function r(
	cid: string,
	method: string,
	template: string,
	envelope: Envelope,
	handler: Handler,
	extra: {
		errorShape?: ErrorShape;
		cidFor?: (body: unknown) => string;
		alsoMatches?: string[];
	} = {},
): Route {
	return {
		cid,
		method,
		template,
		segs: template.split('/').slice(1),
		envelope,
		errorShape: extra.errorShape ?? (envelope === 'chakra' ? 'chakra' : 'meta'),
		handler,
		cidFor: extra.cidFor,
		alsoMatches: extra.alsoMatches ?? [],
	};
}

const messagesCid = (body: unknown): string =>
	body !== null && typeof body === 'object' && (body as Record<string, unknown>).type === 'template'
		? 'C3'
		: 'C4';

export const ROUTES: Route[] = [
	r(
		'C1',
		'POST',
		`${PLUGIN_WA}/{pluginId}/process/{procedureShortId}/{primaryKeyOrId}/send-template-message`,
		'chakra',
		H.c1,
	),
	r(
		'C2',
		'POST',
		`${PLUGIN_WA}/{pluginId}/phoneNumber/{phoneNumber}/send-template-message`,
		'chakra',
		H.c2,
	),
	// C3/C4/C5 are one route; the recorded cid is C3 for type 'template', else C4 (C5 = alias of C4).
	r(
		'C4',
		'POST',
		`${PLUGIN_WA}/{pluginId}/api/${V}/{whatsappPhoneNumberId}/messages`,
		'chakra',
		H.c4,
		{
			errorShape: 'meta',
			cidFor: messagesCid,
			alsoMatches: ['C5'],
		},
	),
	r('C6', 'POST', `${PLUGIN_WA}/api/${V}/{wabaId}/message_templates`, 'meta', H.c6),
	r('C7', 'GET', `${PLUGIN_WA}/api/${V}/{wabaId}/message_templates`, 'meta', H.c7),
	r('C8', 'POST', `${PLUGIN_WA}/api/${V}/{whatsappMessageTemplateId}`, 'meta', H.c8),
	r('C9', 'POST', `${PLUGIN_WA}/{pluginId}/upload-public-media`, 'chakra', H.c9),
	r('C10', 'GET', `/v1/whatsapp/${V}/media/{whatsappMediaId}/show`, 'binary', H.c10),
	r('C11', 'GET', `/v1/whatsapp/${V}/media/{whatsappMediaId}`, 'meta', H.c11),
	r('C12', 'GET', `/v1/whatsapp/${V}/media/whatsapp_business/attachments`, 'binary', H.c12),
	r(
		'C13',
		'POST',
		`/v1/whatsapp/${V}/{whatsappPhoneNumberId}/whatsapp_business_encryption`,
		'meta',
		H.c13,
	),
	r(
		'C14',
		'GET',
		`/v1/whatsapp/${V}/{whatsappPhoneNumberId}/whatsapp_business_encryption`,
		'meta',
		H.c14,
	),
	r('C15', 'POST', `/v1/whatsapp/${V}/{whatsappPhoneNumberId}/groups`, 'meta', H.c15),
	r('C16', 'GET', `/v1/whatsapp/${V}/{whatsappPhoneNumberId}/groups`, 'meta', H.c16),
	r('C17', 'GET', `/v1/whatsapp/${V}/{groupId}`, 'meta', H.c17),
	r('C18', 'POST', `/v1/whatsapp/${V}/{groupId}`, 'meta', H.c18),
	r('C19', 'DELETE', `/v1/whatsapp/${V}/{groupId}`, 'meta', H.c19),
	r('C20', 'GET', `/v1/whatsapp/${V}/{groupId}/invite_link`, 'meta', H.c20),
	r('C21', 'POST', `/v1/whatsapp/${V}/{groupId}/invite_link`, 'meta', H.c21),
	r('C22', 'GET', `/v1/whatsapp/${V}/{groupId}/join_requests`, 'meta', H.c22),
	r('C23', 'POST', `/v1/whatsapp/${V}/{groupId}/join_requests`, 'meta', H.c23),
	r('C24', 'DELETE', `/v1/whatsapp/${V}/{groupId}/join_requests`, 'meta', H.c24),
	r('C25', 'DELETE', `/v1/whatsapp/${V}/{groupId}/participants`, 'meta', H.c25),
	r('C26', 'POST', '/v1/ext/procedure/lead/process', 'chakra', H.c26, { alsoMatches: ['C43'] }),
	r('C27', 'PUT', '/v1/ext/procedure/lead/process/phone_number/{phoneNumber}', 'chakra', H.c27, {
		alsoMatches: ['C45'],
	}),
	r('C28', 'POST', '/v1/ext/chat', 'chakra', H.c28),
	r('C29', 'POST', '/v1/ext/chat/{chatId}/message', 'chakra', H.c29),
	r('C30', 'POST', `${PLUGIN_WA}/list-chat-messages-for-phone-number`, 'chakra', H.c30),
	r('C31', 'POST', '/v1/ext/campaign/{campaignId}/add-phone-number', 'chakra', H.c31),
	r('C32', 'POST', '/v1/ext/campaign/{campaignId}/remove-phone-number', 'chakra', H.c32),
	r('C33', 'GET', `/v1/whatsapp/${V}/{whatsappPhoneNumberId}/settings`, 'meta', H.c33),
	r('C34', 'POST', `/v1/whatsapp/${V}/{whatsappPhoneNumberId}/settings`, 'meta', H.c34),
	r('C35', 'GET', `/v1/whatsapp/${V}/{whatsappPhoneNumberId}/call_permissions`, 'meta', H.c35),
	r('C36', 'POST', `/v1/whatsapp/${V}/{whatsappPhoneNumberId}/calls`, 'meta', H.c36),
	r('C37', 'POST', '/v1/ext/whatsapp-partner/create-connect-token', 'chakra', H.c37),
	r('C38', 'POST', `${PLUGIN_WA}/{pluginId}/update-config`, 'chakra', H.c38),
	r('C39', 'GET', `${PLUGIN_WA}/{pluginId}/config`, 'chakra', H.c39),
	r('C40', 'POST', `${PLUGIN_WA}/{pluginId}/disconnect-waba`, 'chakra', H.c40),
	r('C41', 'GET', '/v1/ext/procedure/{procedureShortId}/process/{processId}', 'chakra', H.c41),
	r('C42', 'POST', '/v1/ext/procedure/{procedureShortId}/process/list', 'chakra', H.c42),
	r('C43', 'POST', '/v1/ext/procedure/{procedureShortId}/process', 'chakra', H.c43),
	r('C44', 'PUT', '/v1/ext/procedure/{procedureShortId}/process/{processId}', 'chakra', H.c44),
	r(
		'C45',
		'PUT',
		'/v1/ext/procedure/{procedureShortId}/process/{primaryKeyShortId}/{primaryKeyValue}',
		'chakra',
		H.c45,
	),
	r('C46', 'DELETE', '/v1/ext/procedure/{procedureShortId}/process/{processId}', 'chakra', H.c46),
	r(
		'C47',
		'DELETE',
		'/v1/ext/procedure/{procedureShortId}/process/{primaryKeyShortId}/{primaryKeyValue}',
		'chakra',
		H.c47,
	),
	r('C48', 'POST', '/v1/ext/procedure/{procedureShortId}/process/bulk-create', 'chakra', H.c48),
	r('C49', 'PATCH', '/v1/ext/procedure/{procedureShortId}/process', 'chakra', H.c49),
	r(
		'C50',
		'POST',
		'/v1/ext/p/{procedureShortId}/{processIdOrPrimaryKey}/task/{stateTaskShortId}',
		'chakra',
		H.c50,
	),
	r('C51', 'GET', '/v1/ext/users', 'chakra', H.c51),
	r('C52', 'GET', '/v2/ext/users', 'chakra', H.c52),
	r('C53', 'GET', '/v1/ext/user/{userId}', 'chakra', H.c53),
	r('C54', 'GET', '/v2/ext/user/{userId}', 'chakra', H.c54),
	r('C55', 'PUT', '/v1/ext/user/{userId}', 'chakra', H.c55),
	r('C56', 'GET', '/v1/ext/photo/{photoId}', 'binary', H.c56, { errorShape: 'chakra' }),
	r('C57', 'POST', '/v1/ext/photo', 'chakra', H.c57),
	r('C58', 'POST', '/v1/ext/photo/{photoId}', 'chakra', H.c58),
	r('C59', 'GET', '/v1/ext/background-job/{backgroundJobId}', 'chakra', H.c59),
	r('C60', 'GET', '/v1/ext/background-job/{backgroundJobId}/entries', 'chakra', H.c60),
	r('C61', 'GET', '/v1/ext/config', 'chakra', H.c61),
	r('C62', 'GET', '/v1/health', 'chakra', H.c62),
	r('C63', 'GET', '/v1/ext/whatsapp-phone-number', 'chakra', H.c63),
	r('C64', 'GET', '/v1/ext/whatsapp-business-account', 'chakra', H.c64),
];

export type MatchResult =
	| { kind: 'ok'; route: Route; rawParams: Record<string, string> }
	| { kind: 'method'; route: Route }
	| { kind: 'none' };

function matchTemplate(route: Route, segs: string[]): Record<string, string> | undefined {
	if (route.segs.length !== segs.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < segs.length; i++) {
		const t = route.segs[i];
		if (t.startsWith('{')) {
			if (segs[i] === '') return undefined;
			params[t.slice(1, -1)] = segs[i];
		} else if (t !== segs[i]) {
			return undefined;
		}
	}
	return params;
}

/** Higher = more specific: literal segments win over params, earlier literals win ties. */
function specificity(route: Route): number {
	let score = 0;
	for (let i = 0; i < route.segs.length; i++) {
		if (!route.segs[i].startsWith('{')) score += 1000 + (route.segs.length - i);
	}
	return score;
}

const SPEC = new Map(ROUTES.map((rt) => [rt, specificity(rt)]));

/**
 * Routing: among the templates that match the path, prefer those that also match the method
 * (most specific first); if the path matches only templates of other methods -> 405.
 */
export function matchRoute(method: string, rawPath: string): MatchResult {
	const segs = rawPath.split('/').slice(1);
	let best: { route: Route; params: Record<string, string> } | undefined;
	let bestOtherMethod: Route | undefined;
	for (const route of ROUTES) {
		const params = matchTemplate(route, segs);
		if (!params) continue;
		if (route.method === method) {
			if (!best || SPEC.get(route)! > SPEC.get(best.route)!) best = { route, params };
		} else if (!bestOtherMethod || SPEC.get(route)! > SPEC.get(bestOtherMethod)!) {
			bestOtherMethod = route;
		}
	}
	if (best) return { kind: 'ok', route: best.route, rawParams: best.params };
	if (bestOtherMethod) return { kind: 'method', route: bestOtherMethod };
	return { kind: 'none' };
}
