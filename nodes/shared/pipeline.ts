/**
 * The one place every request to ChakraHQ passes: declarative operations (through their pagination
 * function, request.ts), the coded message routing (codedRouting.ts), coded calls (transport.ts:
 * dropdowns, uploads, Platform bulk polling, the trigger's registration and media downloads).
 * Here, once:
 * - the Base URL is checked and the Bearer token is set (baseUrl.ts);
 * - redirects are followed by hand: same origin (scheme, host, port) up to MAX_REDIRECTS hops; a JSON
 *   call redirected to another origin is an error naming the target host and nothing is sent there;
 *   a binary download may follow it, without the token;
 * - the answer is read as a stream and refused past the size limit (decompressed bytes);
 * - the failure rule (envelope.ts) and the integrity rule: a 2xx that is not the JSON promised is an
 *   error, for writes one that says the request may or may not have been processed;
 * - the access token and the signing secret are redacted from everything read;
 * - the retry policy (retry.ts) wraps it all.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { baseUrlProblem, normalizeBaseUrl } from './baseUrl';
import {
	assertSuccess,
	boundedText,
	isJsonContentType,
	isStreamBody,
	looksLikeHtml,
	redactSecrets,
	responseHeader,
	statusLine,
} from './envelope';
import { withRetryPolicy } from './retry';

export const CREDENTIAL_TYPE = 'chakraApi';

/** Redirect hops followed on ChakraHQ's own origin before giving up. */
export const MAX_REDIRECTS = 5;

/** Default limit of an answer read into memory (decompressed), in MB; the node option raises it. */
export const DEFAULT_MAX_RESPONSE_MB = 64;

const REDIRECT_STATUS = [301, 302, 303, 307, 308];

type HttpHelper = (options: IHttpRequestOptions) => Promise<unknown>;

/** What the pipeline needs of any n8n context (execute, single item, load options, hook, webhook). */
export interface PipelineContext {
	getNode(): INode;
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
	helpers: { httpRequest: HttpHelper };
}

export interface PipelineRequest {
	/** method, url (a path below the Base URL), qs, body, headers, json, timeout, proxy ... */
	options: IHttpRequestOptions;
	/** A file download: a success that is not JSON stays a stream for n8n's binary store. */
	binary?: boolean;
	/** The credential when the caller has read it already (the coded routing reads it once per run). */
	credentials?: ICredentialDataDecryptedObject;
	itemIndex?: number;
	maxRetries: number;
	/** Limit in bytes of an answer read into memory. */
	maxResponseBytes?: number;
	/** What a "may or may not have been processed" error names. */
	describe?: () => string;
	/**
	 * Wraps every attempt, the first and each retry: the per-sender pacing of message sends (pacing.ts)
	 * waits for its slot and learns the outcome here.
	 */
	eachAttempt?: (attempt: () => Promise<IN8nHttpFullResponse>) => Promise<IN8nHttpFullResponse>;
}

/** The access token and signing secret of a credential: never shown, wherever an answer echoes them. */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	return [credentials.accessToken, credentials.webhookSecret].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
}

/** The checked Base URL of the credential; a refusal names the Base URL field. */
export function checkedBaseUrl(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	itemIndex?: number,
): string {
	const problem = baseUrlProblem(credentials.baseUrl ?? '');
	if (problem !== undefined) {
		throw new NodeOperationError(node, `Base URL: ${problem}`, {
			itemIndex,
			description:
				'Fix the "Base URL" field of the Chakra API credential: https:// or http://, a host, an optional port and path, for example https://api.chakrahq.com.',
		});
	}
	return normalizeBaseUrl(credentials.baseUrl);
}

/** The bearer header of the `chakraApi` credential (its `authenticate` block says the same). */
export function bearerAuthorization(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	itemIndex?: number,
): string {
	const token = String(credentials.accessToken ?? '');
	if (/\p{Cc}/u.test(token)) {
		throw new NodeOperationError(
			node,
			'Access Token: contains line breaks or other control characters',
			{
				itemIndex,
				description: 'Paste the token of the Chakra API credential again, without line breaks.',
			},
		);
	}
	return `Bearer ${token}`;
}

/** The size limit (bytes) from the node's Max Response Size option, when the node has one. */
export function maxResponseBytesOf(context: {
	getNodeParameter(name: string, fallback: unknown): unknown;
}): number {
	let value: unknown;
	try {
		value = context.getNodeParameter('maxResponseSizeMb', DEFAULT_MAX_RESPONSE_MB);
	} catch {
		value = DEFAULT_MAX_RESPONSE_MB;
	}
	const mb = Number(value);
	return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_RESPONSE_MB) * 1024 * 1024;
}

/** The absolute URL the client builds from baseURL + url (axios joins them, it does not resolve). */
function absoluteUrl(options: IHttpRequestOptions): URL {
	const url = options.url ?? '';
	if (/^https?:\/\//i.test(url) || !options.baseURL) return new URL(url);
	return new URL(`${options.baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`);
}

/** Dot segments and encoded dots are refused whatever built the path: URL resolution would climb. */
function checkPath(node: INode, url: string, itemIndex?: number): void {
	const path = url.replace(/^https?:\/\/[^/]*/i, '').split(/[?#]/)[0];
	const segments = path.split('/');
	const bad = segments.find((segment) => /^(\.|%2e){1,2}$/i.test(segment));
	if (bad !== undefined) {
		throw new NodeOperationError(
			node,
			`The request path holds the segment "${bad}", which would leave the endpoint`,
			{ itemIndex },
		);
	}
}

async function discardBody(body: unknown): Promise<void> {
	if (isStreamBody(body)) (body as unknown as { destroy?: () => void }).destroy?.();
}

function tooLarge(node: INode, limit: number, itemIndex?: number): NodeApiError {
	const mb = Math.round((limit / 1024 / 1024) * 100) / 100;
	const error = new NodeApiError(
		node,
		{},
		{
			message: `The answer is larger than ${mb} MB and was not read`,
			description:
				'Raise the node\'s "Max Response Size (MB)" option if the answer is expected to be this large, or ask for fewer records per request.',
			itemIndex,
			httpCode: '413',
		},
	);
	error.message = `The answer is larger than ${mb} MB and was not read`;
	return error;
}

/** Reads an answer into memory, stopping as soon as it passes `limit` decompressed bytes. */
export async function readBoundedBody(
	node: INode,
	body: unknown,
	limit: number,
	itemIndex?: number,
): Promise<Buffer> {
	if (isStreamBody(body)) {
		const chunks: Buffer[] = [];
		let total = 0;
		for await (const chunk of body) {
			total += chunk.length;
			if (total > limit) throw tooLarge(node, limit, itemIndex);
			chunks.push(Buffer.from(chunk));
		}
		return Buffer.concat(chunks);
	}
	let bytes: Buffer;
	if (Buffer.isBuffer(body)) bytes = body;
	else if (body instanceof ArrayBuffer) bytes = Buffer.from(body);
	else if (typeof body === 'string') bytes = Buffer.from(body, 'utf8');
	else if (body === undefined || body === null) bytes = Buffer.alloc(0);
	else bytes = Buffer.from(JSON.stringify(body));
	if (bytes.length > limit) throw tooLarge(node, limit, itemIndex);
	return bytes;
}

function integrityError(
	node: INode,
	message: string,
	request: PipelineRequest,
	method: string,
	statusCode: number,
): NodeApiError {
	const isWrite = method !== 'GET';
	const description = isWrite
		? `The request may or may not have been processed by ChakraHQ: check before sending it again. Request: ${request.describe?.() ?? method}`
		: 'ChakraHQ, or something between n8n and ChakraHQ (a proxy, a login page), answered with something else than the API answer.';
	const error = new NodeApiError(
		node,
		{},
		{ message, description, itemIndex: request.itemIndex, httpCode: String(statusCode) },
	);
	error.message = message;
	error.description = description;
	if (isWrite) error.context.uncertainDelivery = true;
	return error;
}

/** Reads, redacts and checks an answer that is not a file: the failure rule, then the integrity rule. */
async function readAnswer(
	node: INode,
	request: PipelineRequest,
	method: string,
	response: IN8nHttpFullResponse,
	secrets: string[],
): Promise<IN8nHttpFullResponse> {
	const limit = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_MB * 1024 * 1024;
	const bytes = await readBoundedBody(node, response.body, limit, request.itemIndex);
	const text = redactSecrets(bytes.toString('utf8'), secrets);
	const headers = (response.headers ?? {}) as IDataObject;
	const body = assertSuccess(
		node,
		{ statusCode: response.statusCode, body: text, headers },
		request.itemIndex,
	);
	if (typeof body === 'string') {
		const contentType = responseHeader(headers, 'content-type');
		const what = looksLikeHtml(body, contentType)
			? `a web page (${statusLine(response.statusCode)}, ${contentType ?? 'no content type'})`
			: isJsonContentType(contentType)
				? 'JSON that is cut off or malformed'
				: `text that is not JSON (${boundedText(body.trim(), 80)})`;
		throw integrityError(
			node,
			`ChakraHQ answered with ${what} instead of the JSON this endpoint returns`,
			request,
			method,
			response.statusCode,
		);
	}
	return { ...response, headers, body: body as IDataObject };
}

/** One attempt: the request, the redirects, the answer read and checked. */
async function exchangeOnce(
	context: PipelineContext,
	request: PipelineRequest,
	first: IHttpRequestOptions,
	origin: string,
	secrets: string[],
): Promise<IN8nHttpFullResponse> {
	const node = context.getNode();
	let options = first;
	for (let hop = 0; ; hop++) {
		const method = String(options.method ?? 'GET').toUpperCase();
		const response = (await context.helpers.httpRequest({
			...options,
			headers: { ...options.headers },
		})) as IN8nHttpFullResponse;
		const location = responseHeader(response.headers as IDataObject, 'location');
		if (!REDIRECT_STATUS.includes(response.statusCode) || location === undefined) {
			const file = request.binary && response.statusCode >= 200 && response.statusCode < 300;
			if (
				file &&
				!isJsonContentType(responseHeader(response.headers as IDataObject, 'content-type'))
			)
				return response;
			return await readAnswer(node, request, method, response, secrets);
		}
		await discardBody(response.body);
		const target = new URL(location, absoluteUrl(options));
		if (hop >= MAX_REDIRECTS) {
			throw new NodeApiError(
				node,
				{},
				{
					message: `ChakraHQ redirected the request more than ${MAX_REDIRECTS} times`,
					itemIndex: request.itemIndex,
					httpCode: String(response.statusCode),
				},
			);
		}
		if (target.origin !== origin) {
			if (!request.binary) {
				const message = `ChakraHQ redirected the request to another host (${target.host}); it was not sent there`;
				const error = new NodeApiError(
					node,
					{},
					{
						message,
						description: `HTTP ${response.statusCode} to ${target.protocol}//${target.host}. The access token is only ever sent to the credential's Base URL: check the Base URL, or a proxy in front of ChakraHQ.`,
						itemIndex: request.itemIndex,
						httpCode: String(response.statusCode),
					},
				);
				error.message = message;
				throw error;
			}
			// A file on another host (a CDN): fetched without the token, with the same limits.
			const download = (await context.helpers.httpRequest({
				url: target.href,
				method: 'GET',
				encoding: 'stream',
				json: false,
				headers: { Accept: '*/*' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				maxRedirects: MAX_REDIRECTS,
				sendCredentialsOnCrossOriginRedirect: false,
				timeout: options.timeout,
				proxy: options.proxy,
				skipSslCertificateValidation: options.skipSslCertificateValidation,
			})) as IN8nHttpFullResponse;
			const ok = download.statusCode >= 200 && download.statusCode < 300;
			if (ok && !isJsonContentType(responseHeader(download.headers as IDataObject, 'content-type')))
				return download;
			return await readAnswer(node, request, 'GET', download, secrets);
		}
		// Same origin: 307/308 repeat the request as it was; 301/302/303 continue with a GET.
		const keepMethod =
			response.statusCode === 307 ||
			response.statusCode === 308 ||
			method === 'GET' ||
			method === 'HEAD';
		options = { ...options, url: target.href, baseURL: undefined, qs: undefined };
		if (!keepMethod) options = { ...options, method: 'GET', body: undefined };
	}
}

/** Sends one request to ChakraHQ under every rule of this file; see the file comment. */
export async function sendToChakra(
	context: PipelineContext,
	request: PipelineRequest,
): Promise<IN8nHttpFullResponse> {
	const node = context.getNode();
	const credentials =
		request.credentials ?? (await context.getCredentials(CREDENTIAL_TYPE, request.itemIndex));
	const baseUrl = checkedBaseUrl(node, credentials, request.itemIndex);
	const authorization = bearerAuthorization(node, credentials, request.itemIndex);
	const secrets = credentialSecrets(credentials);
	const given = request.options;
	checkPath(node, given.url ?? '', request.itemIndex);
	const first: IHttpRequestOptions = {
		...given,
		baseURL: /^https?:\/\//i.test(given.url ?? '') ? undefined : baseUrl,
		headers: { ...(given.headers ?? {}), Authorization: authorization },
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	};
	const origin = new URL(baseUrl).origin;
	if (absoluteUrl(first).origin !== origin) {
		throw new NodeOperationError(
			node,
			`The request URL is not on the Base URL's host (${absoluteUrl(first).host})`,
			{ itemIndex: request.itemIndex },
		);
	}
	const method = String(given.method ?? 'GET');
	const attempt = async () => await exchangeOnce(context, request, first, origin, secrets);
	return await withRetryPolicy(
		async () => await (request.eachAttempt ? request.eachAttempt(attempt) : attempt()),
		{
			node,
			method,
			describe: request.describe ?? (() => `${method} ${given.url ?? ''}`),
			maxRetries: request.maxRetries,
		},
	);
}
