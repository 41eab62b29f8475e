/**
 * X-Chakra-Signature-256 (docs/api-reference.md 4.6): lowercase hex HMAC-SHA256 of the raw request body, keyed
 * with the team secret, no prefix. Compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-chakra-signature-256';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Lowercase hex HMAC-SHA256 of `rawBody`. */
export function computeSignature(rawBody: Buffer, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * The header value as one string: Node lowercases header names; a repeated header arrives as an
 * array, of which only a single value can be a valid signature.
 */
export function signatureHeaderValue(
	headers: Record<string, unknown> | undefined,
): string | undefined {
	const value = headers?.[SIGNATURE_HEADER];
	if (typeof value === 'string') return value;
	if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
	if (value === undefined || value === null) return undefined;
	// Present but unusable (several values, not text): never valid, but still "present".
	return '';
}

/** Whether `received` is the signature of `rawBody`. Hex case is ignored; anything but 64 hex digits fails. */
export function isValidSignature(rawBody: Buffer, secret: string, received: string): boolean {
	const normalized = received.trim().toLowerCase();
	if (!SHA256_HEX.test(normalized)) return false;
	const expected = Buffer.from(computeSignature(rawBody, secret), 'hex');
	const given = Buffer.from(normalized, 'hex');
	// Both are 32 bytes here (guarded by the pattern), as timingSafeEqual requires.
	return expected.length === given.length && timingSafeEqual(expected, given);
}
