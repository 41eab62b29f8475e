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

/** Readable hints for Meta codes users meet most (docs/api-reference.md 1.5); read as own keys only. */
const META_HINTS: Readonly<Record<string, string>> = {
	131047:
		'More than 24 hours have passed since the customer last wrote: send a template message instead.',
	131056:
		'Too many messages to the same recipient in a short time: wait before writing to this number again.',
	130429: 'The phone number hit its throughput limit.',
	80007: 'The WhatsApp Business Account hit its rate limit.',
	80008: 'The WhatsApp Business Account hit its rate limit.',
	132001: 'The template does not exist in this language, or it is not approved yet.',
	138006: 'The user has not granted permission for calls.',
};

/** Longest error message and description shown (an error body can be megabytes). */
export const MAX_ERROR_TEXT = 500;

/** Text cut to `max` characters, with an ellipsis when it was longer. */
export function boundedText(text: string, max = MAX_ERROR_TEXT): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A value from an answer as text for a message: strings and numbers as given, anything else as JSON. */
function asShownText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

function metaHint(code: unknown): string | undefined {
	const key = String(code);
	return Object.prototype.hasOwnProperty.call(META_HINTS, key) ? META_HINTS[key] : undefined;
}

/** Standard reason phrases, for answers whose body is a web page rather than an API error. */
const STATUS_TEXT: Readonly<Record<string, string>> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	408: 'Request Timeout',
	409: 'Conflict',
	413: 'Payload Too Large',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/** "HTTP 502 Bad Gateway" */
export function statusLine(statusCode: number): string {
	const key = String(statusCode);
	const reason = Object.prototype.hasOwnProperty.call(STATUS_TEXT, key)
		? ` ${STATUS_TEXT[key]}`
		: '';
	return `HTTP ${statusCode}${reason}`;
}

/** Whether a text body is a web page (a proxy's or login page) rather than an API answer. */
export function looksLikeHtml(text: string, contentType?: string): boolean {
	return (
		/text\/html/i.test(contentType ?? '') ||
		/^\s*<(!doctype|html|head|body|\?xml|[a-z]+[\s>])/i.test(text)
	);
}

/**
 * Replaces every occurrence of the secrets (access token, signing secret) in a text, also in their
 * JSON-escaped form, so an answer that echoes them leaks nothing into errors or items.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length < 4) continue;
		result = result.split(secret).join('[redacted]');
		const escaped = JSON.stringify(secret).slice(1, -1);
		if (escaped !== secret) result = result.split(escaped).join('[redacted]');
	}
	return result;
}

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
	const message = boundedText(
		error.message === undefined ? 'WhatsApp rejected the request' : asShownText(error.message),
	);
	const parts: string[] = [];
	if (error.error_user_title || error.error_user_msg) {
		parts.push(
			[error.error_user_title, error.error_user_msg].filter(Boolean).map(asShownText).join(': '),
		);
	}
	if (isObject(error.error_data) && error.error_data.details)
		parts.push(asShownText(error.error_data.details));
	if (error.code !== undefined) {
		// Codes are printed as given; a hint is looked up as an own key only ("constructor" has none).
		const code = asShownText(error.code);
		const hint = metaHint(error.code);
		const subcode =
			error.error_subcode !== undefined ? ` (subcode ${asShownText(error.error_subcode)})` : '';
		parts.push(`Meta error code ${code}${subcode}${hint ? `: ${hint}` : ''}`);
	}
	if (error.type) parts.push(`Type: ${asShownText(error.type)}`);
	if (error.fbtrace_id) parts.push(`fbtrace_id: ${asShownText(error.fbtrace_id)}`);
	const code = error.code === undefined ? undefined : asShownText(error.code);
	return {
		// Meta often starts the message with "(#code)" itself; name the code once.
		message:
			code !== undefined && !message.includes(`(#${code})`) ? `${message} (#${code})` : message,
		description: boundedText(parts.join('\n'), MAX_ERROR_TEXT * 2),
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
		: { body: typeof body === 'string' ? boundedText(body, 2000) : null };

	if (metaError) {
		const { message, description } = describeMetaError(metaError);
		return {
			message,
			description,
			httpCode,
			metaCode: typeof metaError.code === 'number' ? metaError.code : undefined,
			rateLimited: statusCode === 429 || META_RATE_LIMIT_CODES.includes(Number(metaError.code)),
			retryAfter,
			body: jsonBody,
		};
	}
	if (errors.length > 0) {
		return {
			message: boundedText(errors.map(asShownText).join('; ')),
			description: `ChakraHQ answered with HTTP ${statusCode}`,
			httpCode,
			rateLimited: statusCode === 429,
			retryAfter,
			body: jsonBody,
		};
	}
	const raw = typeof body === 'string' ? body.trim() : '';
	// A web page (a proxy's 502 page, a login page) is named by its status line, not shown as markup.
	if (raw !== '' && looksLikeHtml(raw, responseHeader(headers, 'content-type'))) {
		return {
			message: statusLine(statusCode),
			description: `ChakraHQ answered with ${statusLine(statusCode)} and a web page instead of an API answer`,
			httpCode,
			rateLimited: statusCode === 429,
			retryAfter,
			body: { body: null },
		};
	}
	const text = raw !== '' ? boundedText(raw) : undefined;
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
export function failureToError(
	node: INode,
	failure: ChakraFailure,
	itemIndex?: number,
): NodeApiError {
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
		return data.map((entry) => ({
			json: isObject(entry) ? entry : { value: entry as IDataObject[keyof IDataObject] },
		}));
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
	if (
		isStreamBody(response.body) &&
		(!ok || isJsonContentType(responseHeader(response.headers, 'content-type')))
	) {
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

/**
 * postReceive of writes: an answer without a record (`{"_data": []}`) still gives one item, so every
 * input item of a send has its output item.
 */
export async function atLeastOneItem(
	this: ItemFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.length > 0 ? items : [{ json: { success: true } }];
}
