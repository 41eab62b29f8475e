/**
 * Coded calls (dropdowns, webhook registration, uploads done inside another operation, polling):
 * the same endpoint table, authentication, failure rule and retry policy as the declarative routing.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EndpointId } from './endpoints';
import { checkedPath, ENDPOINTS, PathValueError } from './endpoints';
import { normalizeBaseUrl } from './baseUrl';
import type { PipelineContext } from './pipeline';
import { CREDENTIAL_TYPE, sendToChakra } from './pipeline';
import { DEFAULT_MAX_RETRIES } from './retry';
import type { ItemFunctions } from './itemFunctions';
import { fieldError } from './validation';

export { CREDENTIAL_TYPE };

export type ChakraContext =
	IExecuteFunctions | ItemFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface ChakraCall {
	/** Values of the endpoint's `{placeholders}`. */
	path?: Record<string, unknown>;
	/** A path from the API itself (C60's next page) instead of the endpoint's template. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | FormData;
	/** Ask for bytes (binary endpoints). */
	binary?: boolean;
	maxRetries?: number;
	/** Limit in bytes of an answer read into memory (default: the pipeline's). */
	maxResponseBytes?: number;
	itemIndex?: number;
}

export interface ChakraResponse {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

/** Base URL of credential data, trimmed, without trailing slashes (checked by the pipeline). */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return normalizeBaseUrl(credentials.baseUrl);
}

/** Base URL of the credential without trailing slashes. */
export async function chakraBaseUrl(context: ChakraContext): Promise<string> {
	return baseUrlOf(await context.getCredentials(CREDENTIAL_TYPE));
}

/** The path of endpoint `id`; a value that fails its check is an error naming the field and item. */
function endpointPath(context: ChakraContext, id: EndpointId, call: ChakraCall): string {
	try {
		return checkedPath(id, call.path ?? {});
	} catch (error) {
		if (error instanceof PathValueError) {
			throw fieldError(
				context.getNode(),
				call.itemIndex ?? 0,
				error.field,
				error.problem.message,
				error.problem.description,
			);
		}
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex: call.itemIndex });
	}
}

/** Calls endpoint `id` through the request pipeline; throws NodeApiError with ChakraHQ's or Meta's message on failure. */
export async function chakraRequest(
	context: ChakraContext,
	id: EndpointId,
	call: ChakraCall = {},
): Promise<ChakraResponse> {
	const endpoint = ENDPOINTS[id];
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		url: call.url ?? endpointPath(context, id, call),
		qs: call.qs,
		body: call.body,
		json: !call.binary && !(call.body instanceof FormData),
		headers: { Accept: call.binary ? '*/*' : 'application/json' },
	};
	const response = await sendToChakra(context as PipelineContext, {
		options,
		binary: call.binary,
		itemIndex: call.itemIndex,
		maxRetries: call.maxRetries ?? DEFAULT_MAX_RETRIES,
		maxResponseBytes: call.maxResponseBytes,
		describe: () => `${endpoint.method} ${options.url}`,
	});
	return {
		body: response.body,
		headers: (response.headers ?? {}) as IDataObject,
		statusCode: response.statusCode,
	};
}
