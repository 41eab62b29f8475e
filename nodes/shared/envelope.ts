/**
 * Response envelopes and the failure rule of docs/api-reference.md 1.5: a status outside 2xx, a non-empty
 * `_errors` array (even on 2xx) or a top-level Meta `error` object is a failure, reported with
 * ChakraHQ's or Meta's own message and code.
 */
import type {
	IDataObject,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { ItemFunctions } from './itemFunctions';

/** Meta error codes that mean "slow down" (docs/api-reference.md 1.8). */
export const META_RATE_LIMIT_CODES = [130429, 131056, 80007, 80008];

/** Readable hints for Meta codes users meet most (docs/api-reference.md 1.5). */
const META_HINTS: Record<number, string> = {
	131047: 'More than 24 hours have passed since the customer last wrote: send a template message instead.',
	131056: 'Too many messages to the same recipient in a short time: wait before writing to this number again.',
	130429: 'The phone number hit its throughput limit.',
	80007: 'The WhatsApp Business Account hit its rate limit.',
	80008: 'The WhatsApp Business Account hit its rate limit.',
	132001: 'The template does not exist in this language, or it is not approved yet.',
	138006: 'The user has not granted permission for calls.',
};

export interface ChakraFailure {
	message: string;
	description?: string;
	httpCode: string;
	metaCode?: number;
	/** Set when the failure is a rate limit (HTTP 429 or a Meta rate-limit code). */
	rateLimited: boolean;
	/** `Retry-After` header as received, if any. */
	retryAfter?: string;
	body: JsonObject;
}

interface MetaError {
	message?: string;
	type?: string;
	code?: number;
	error_subcode?: number;
	error_user_title?: string;
	error_user_msg?: string;
	error_data?: { details?: string };
	fbtrace_id?: string;
}

/** A response header by name, whatever its case. */
export function responseHeader(headers: IDataObject | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return value === undefined || value === null ? undefined : String(value);
}

/** Turns a body that arrived as text or bytes into JSON when it is JSON; otherwise keeps the text. */
export function parseBody(body: unknown): unknown {
	let text: string | undefined;
	if (typeof body === 'string') text = body;
	else if (Buffer.isBuffer(body)) text = body.toString('utf8');
	else if (body instanceof ArrayBuffer) text = Buffer.from(body).toString('utf8');
	if (text === undefined) return body;
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return text;
	}
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds the user-facing message from a Meta `error` object. */
function describeMetaError(error: MetaError): { message: string; description: string } {
	const message = error.message ?? 'WhatsApp rejected the request';
	const parts: string[] = [];
	if (error.error_user_title || error.error_user_msg) {
		parts.push([error.error_user_title, error.error_user_msg].filter(Boolean).join(': '));
	}
	if (error.error_data?.details) parts.push(error.error_data.details);
	if (error.code !== undefined) {
		const hint = META_HINTS[error.code];
		parts.push(`Meta error code ${error.code}${error.error_subcode !== undefined ? ` (subcode ${error.error_subcode})` : ''}${hint ? `: ${hint}` : ''}`);
	}
	if (error.type) parts.push(`Type: ${error.type}`);
	if (error.fbtrace_id) parts.push(`fbtrace_id: ${error.fbtrace_id}`);
	return {
		// Meta often starts the message with "(#code)" itself; name the code once.
		message: error.code !== undefined && !message.includes(`(#${error.code})`) ? `${message} (#${error.code})` : message,
		description: parts.join('\n'),
	};
}

/**
 * Applies the failure rule to one response. Returns undefined on success, otherwise what went
 * wrong, without any request header (so never the access token).
 */
export function findFailure(
	statusCode: number,
	rawBody: unknown,
	headers?: IDataObject,
): ChakraFailure | undefined {
	const body = parseBody(rawBody);
	const ok = statusCode >= 200 && statusCode < 300;
	const errors = isObject(body) && Array.isArray(body._errors) ? (body._errors as unknown[]) : [];
	const metaError = isObject(body) && isObject(body.error) ? (body.error as MetaError) : undefined;
	if (ok && errors.length === 0 && !metaError) return undefined;

	const httpCode = ok ? '400' : String(statusCode);
	const retryAfter = responseHeader(headers, 'retry-after');
	const jsonBody: JsonObject = isObject(body)
		? (body as JsonObject)
		: { body: typeof body === 'string' ? body.slice(0, 2000) : null };

	if (metaError) {
		const { message, description } = describeMetaError(metaError);
		return {
			message,
			description,
			httpCode,
			metaCode: metaError.code,
			rateLimited: statusCode === 429 || META_RATE_LIMIT_CODES.includes(Number(metaError.code)),
			retryAfter,
			body: jsonBody,
		};
	}
	if (errors.length > 0) {
		return {
			message: errors.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))).join('; '),
			description: `ChakraHQ answered with HTTP ${statusCode}`,
			httpCode,
			rateLimited: statusCode === 429,
			retryAfter,
			body: jsonBody,
		};
	}
	const text = typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 500) : undefined;
	return {
		message: text ?? `Request failed with status ${statusCode}`,
		description: text ? `ChakraHQ answered with HTTP ${statusCode}` : undefined,
		httpCode,
		rateLimited: statusCode === 429,
		retryAfter,
		body: jsonBody,
	};
}

/** The error n8n shows for a failed ChakraHQ response. */
export function failureToError(node: INode, failure: ChakraFailure, itemIndex?: number): NodeApiError {
	const error = new NodeApiError(node, failure.body, {
		message: failure.message,
		description: failure.description,
		httpCode: failure.httpCode,
		itemIndex,
	});
	// NodeApiError may replace the message with a generic one per status code; keep ChakraHQ's own.
	error.message = failure.message;
	if (failure.description !== undefined) error.description = failure.description;
	error.context.rateLimited = failure.rateLimited;
	if (failure.retryAfter !== undefined) error.context.retryAfter = failure.retryAfter;
	if (failure.metaCode !== undefined) error.context.metaCode = failure.metaCode;
	return error;
}

/** For coded calls: throws on a failed response, returns the parsed body otherwise. */
export function assertSuccess(
	node: INode,
	response: { statusCode: number; body: unknown; headers?: IDataObject },
	itemIndex?: number,
): unknown {
	const failure = findFailure(response.statusCode, response.body, response.headers);
	if (failure) throw failureToError(node, failure, itemIndex);
	return parseBody(response.body);
}

/** `_data` of a chakra envelope (the body itself when it is not an envelope). */
export function unwrapChakraData(body: unknown): unknown {
	if (isObject(body) && '_data' in body) return body._data;
	return body;
}

/** `_meta` of a chakra envelope, `{}` when absent. */
export function chakraMeta(body: unknown): IDataObject {
	return isObject(body) && isObject(body._meta) ? body._meta : {};
}

/** Items for n8n: an array becomes one item per element, anything else one item. */
export function toItems(data: unknown): INodeExecutionData[] {
	if (Array.isArray(data)) {
		return data.map((entry) => ({ json: isObject(entry) ? entry : { value: entry as IDataObject[keyof IDataObject] } }));
	}
	if (data === undefined || data === null || data === '') return [{ json: { success: true } }];
	return [{ json: isObject(data) ? data : { value: data as IDataObject[keyof IDataObject] } }];
}

/** A streamed response body (binary downloads are requested as streams). */
export function isStreamBody(body: unknown): body is AsyncIterable<Uint8Array> & { pipe: unknown } {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as { pipe?: unknown }).pipe === 'function' &&
		typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
	);
}

/** Reads a streamed body into one buffer (only for answers that are not files: errors and JSON). */
export async function readStreamBody(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}

/** Whether a Content-Type names JSON (`application/json`, `…+json`). */
export function isJsonContentType(contentType: string | undefined): boolean {
	return !!contentType && /[/+]json\b/i.test(contentType);
}

/** postReceive: fail on any error shape (section 1.5), whatever the envelope. */
export async function throwOnErrorResponse(
	this: ItemFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	// A streamed download is read here only when it is not the file: an error or a JSON answer.
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	if (isStreamBody(response.body) && (!ok || isJsonContentType(responseHeader(response.headers, 'content-type')))) {
		response.body = await readStreamBody(response.body);
	}
	const failure = findFailure(response.statusCode, response.body, response.headers);
	if (failure) throw failureToError(this.getNode(), failure, this.getItemIndex());
	return items;
}

/** postReceive: chakra envelope -> `_data` as items (one item per listed record). */
export async function unwrapDataToItems(
	this: ItemFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return toItems(unwrapChakraData(parseBody(response.body)));
}

/** postReceive: Meta body as it came (docs/api-reference.md 1.4: output it unchanged). */
export async function metaBodyToItems(
	this: ItemFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return toItems(parseBody(response.body));
}
