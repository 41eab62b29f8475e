/**
 * Coded calls (dropdowns, webhook registration, uploads done inside another operation, polling):
 * the same endpoint table, authentication, failure rule and retry policy as the declarative routing.
 */
import type {
	IAllExecuteFunctions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { EndpointId } from './endpoints';
import { buildPath, ENDPOINTS } from './endpoints';
import { assertSuccess, isJsonContentType, responseHeader } from './envelope';
import { DEFAULT_MAX_RETRIES, withRetryPolicy } from './retry';
import type { ItemFunctions } from './itemFunctions';

export const CREDENTIAL_TYPE = 'chakraApi';

export type ChakraContext =
	| IExecuteFunctions
	| ItemFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface ChakraCall {
	/** Values of the endpoint's `{placeholders}`. */
	path?: Record<string, string | number>;
	/** A path from the API itself (C60's next page) instead of the endpoint's template. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | FormData;
	/** Ask for bytes (binary endpoints). */
	binary?: boolean;
	maxRetries?: number;
	itemIndex?: number;
}

export interface ChakraResponse {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

/** Base URL of credential data without trailing slashes. */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || 'https://api.chakrahq.com').replace(/\/+$/, '');
}

/** Base URL of the credential without trailing slashes. */
export async function chakraBaseUrl(context: ChakraContext): Promise<string> {
	return baseUrlOf(await context.getCredentials(CREDENTIAL_TYPE));
}

/** Calls endpoint `id`; throws NodeApiError with ChakraHQ's or Meta's message on failure. */
export async function chakraRequest(context: ChakraContext, id: EndpointId, call: ChakraCall = {}): Promise<ChakraResponse> {
	const endpoint = ENDPOINTS[id];
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		baseURL: await chakraBaseUrl(context),
		url: call.url ?? buildPath(id, call.path ?? {}),
		qs: call.qs,
		body: call.body,
		json: !call.binary && !(call.body instanceof FormData),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		headers: { Accept: call.binary ? '*/*' : 'application/json' },
	};
	if (call.binary) {
		options.encoding = 'arraybuffer';
		options.sendCredentialsOnCrossOriginRedirect = false;
	}
	const response = await withRetryPolicy(
		async () => {
			// n8n's helper reads the credential through `this`; the coded routing's item view binds its
			// helper to the node's own context, so `this` only matters for n8n's contexts.
			const raw = (await context.helpers.httpRequestWithAuthentication.call(
				context as IAllExecuteFunctions,
				CREDENTIAL_TYPE,
				options,
			)) as ChakraResponse;
			const body = call.binary ? raw.body : assertSuccess(context.getNode(), raw, call.itemIndex);
			if (call.binary) assertBinarySuccess(context, raw, call.itemIndex);
			return { ...raw, body };
		},
		{
			node: context.getNode(),
			method: endpoint.method,
			describe: () => `${endpoint.method} ${options.url}`,
			maxRetries: call.maxRetries ?? DEFAULT_MAX_RETRIES,
		},
	);
	return response;
}

function assertBinarySuccess(context: ChakraContext, raw: ChakraResponse, itemIndex?: number) {
	const contentType = responseHeader(raw.headers, 'content-type');
	const failed = raw.statusCode < 200 || raw.statusCode >= 300 || isJsonContentType(contentType);
	if (failed) assertSuccess(context.getNode(), raw, itemIndex);
}
