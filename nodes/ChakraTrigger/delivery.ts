/**
 * The HTTP side of one delivery: the raw body (what the signature covers), the parsed body, the
 * signature decision of docs/api-reference.md 4.6 and the answer written straight to the response object.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { detectFormat } from './events';
import { isValidSignature, signatureHeaderValue } from './signature';

interface RequestLike {
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}

/** The part of express' Response the trigger uses. */
interface ResponseLike {
	headersSent?: boolean;
	status(code: number): ResponseLike;
	json(body: unknown): unknown;
	end(): unknown;
}

export interface RawBody {
	bytes: Buffer;
	/** False when n8n gave no raw body and it had to be rebuilt from the parsed body. */
	exact: boolean;
}

function asBuffer(value: unknown): Buffer | undefined {
	if (Buffer.isBuffer(value)) return value;
	if (typeof value === 'string') return Buffer.from(value, 'utf8');
	return undefined;
}

/**
 * The body bytes as received. n8n keeps them in `rawBody` for every POST webhook; when a setup
 * has not read them yet, `readRawBody()` does. Only as a last resort is the parsed body serialised
 * again, which verifies only if the sender used the same JSON formatting.
 */
export async function readRawBody(context: IWebhookFunctions): Promise<RawBody> {
	const request = context.getRequestObject() as RequestLike;
	let bytes = asBuffer(request.rawBody);
	if (bytes === undefined && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
			bytes = asBuffer(request.rawBody);
		} catch {
			bytes = undefined; // the stream was consumed elsewhere; rebuilt below
		}
	}
	if (bytes !== undefined) return { bytes, exact: true };
	return { bytes: Buffer.from(JSON.stringify(context.getBodyData() ?? {}), 'utf8'), exact: false };
}

function isEmptyObject(value: unknown): boolean {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.keys(value).length === 0
	);
}

/**
 * The JSON value of the body. The raw bytes are parsed here (whatever the Content-Type said); text
 * that is not JSON is kept as text so that it reaches the workflow as an `unknown` event.
 */
export function parseDeliveryBody(context: IWebhookFunctions, raw: RawBody): unknown {
	const parsed: unknown = context.getBodyData();
	if (!raw.exact || raw.bytes.length === 0) return parsed ?? {};
	const textBody = raw.bytes.toString('utf8');
	try {
		return JSON.parse(textBody) as unknown;
	} catch {
		// n8n may have parsed a form body; otherwise keep the text itself.
		return parsed !== undefined && !isEmptyObject(parsed) ? parsed : textBody;
	}
}

export type SignatureVerdict = 'verified' | 'unsigned' | 'invalid' | 'missing';

export interface SignaturePolicy {
	secret: string;
	/** "Require Signature on All Deliveries": wins over `acceptUnsigned`. */
	requireOnAll: boolean;
	/** "Accept Unsigned Pass-Through and Delivery-Status Deliveries" (off by default). */
	acceptUnsigned: boolean;
}

/** The formats ChakraHQ may not sign, accepted unsigned only when the user says so. */
const MAYBE_UNSIGNED_FORMATS = ['passThrough', 'deliveryStatus'];

/**
 * Contract 4.6 with a secret: a header that is present must be right, and every delivery must
 * carry it, unless the user accepts unsigned pass-through and delivery-status deliveries (formats
 * whose signing ChakraHQ does not confirm). A body of any other shape is never accepted unsigned.
 */
export function checkSignature(
	context: IWebhookFunctions,
	raw: RawBody,
	body: unknown,
	policy: SignaturePolicy,
): SignatureVerdict {
	if (policy.secret === '') return 'unsigned';
	const received = signatureHeaderValue(context.getHeaderData() as IDataObject);
	if (received === undefined) {
		const mayBeUnsigned =
			policy.acceptUnsigned &&
			!policy.requireOnAll &&
			MAYBE_UNSIGNED_FORMATS.includes(detectFormat(body));
		return mayBeUnsigned ? 'unsigned' : 'missing';
	}
	return isValidSignature(raw.bytes, policy.secret, received) ? 'verified' : 'invalid';
}

const REFUSALS: Record<'invalid' | 'missing', string> = {
	invalid: 'Invalid X-Chakra-Signature-256 signature',
	missing: 'Missing X-Chakra-Signature-256 signature',
};

/** Writes the answer itself, so n8n adds nothing (never its `firstEntryJson` default). */
function answer(context: IWebhookFunctions, status: number, body?: IDataObject): void {
	const response = context.getResponseObject() as unknown as ResponseLike;
	if (response.headersSent) return;
	response.status(status);
	if (body === undefined) response.end();
	else response.json(body);
}

/** Empty 200: ChakraHQ does not retry, so it is told "received" before any work is done. */
export function acknowledge(context: IWebhookFunctions): void {
	answer(context, 200);
}

export function refuse(context: IWebhookFunctions, verdict: 'invalid' | 'missing'): void {
	answer(context, 401, { message: REFUSALS[verdict] });
}
