/**
 * Retry policy (docs/api-reference.md 1.8). A WhatsApp send is not idempotent, so only what is safe is retried:
 * - rate limits (HTTP 429, Meta 130429 / 131056 / 80007 / 80008) on any method: the server refused the
 *   request, nothing was done, so sending it again cannot duplicate it;
 * - GET requests also on 502 / 503 / 504 and dropped connections.
 * A write that failed with 5xx or a dropped connection is never retried: its error says the request
 * may or may not have been processed and names it.
 */
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

export const DEFAULT_MAX_RETRIES = 3;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 60_000;
const TRANSIENT_STATUS = ['502', '503', '504'];
const CONNECTION_ERRORS = [
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'ERR_STREAM_PREMATURE_CLOSE',
];

/** Milliseconds to wait before retry number `attempt` (0-based). */
export function retryDelayMs(attempt: number, retryAfter?: string, now = Date.now()): number {
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_DELAY_MS);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.min(Math.max(date - now, 0), MAX_DELAY_MS);
	}
	const exponential = BASE_DELAY_MS * 2 ** attempt;
	// Full jitter keeps many items that were refused together from coming back together.
	return Math.min(exponential / 2 + Math.random() * (exponential / 2), MAX_DELAY_MS);
}

function errorContext(error: unknown): IDataObject {
	if (error instanceof NodeApiError) return error.context ?? {};
	return {};
}

function connectionCode(error: unknown): string | undefined {
	// n8n reports a network failure as a NodeApiError whose httpCode is the socket error code.
	const httpCode = error instanceof NodeApiError ? error.httpCode : undefined;
	if (httpCode && CONNECTION_ERRORS.includes(httpCode)) return httpCode;
	const candidates: unknown[] = [error];
	const withCause = error as { cause?: unknown };
	if (withCause?.cause) candidates.push(withCause.cause);
	for (const candidate of candidates) {
		const code = (candidate as { code?: unknown } | undefined)?.code;
		if (typeof code === 'string' && CONNECTION_ERRORS.includes(code)) return code;
	}
	return undefined;
}

export function isRateLimited(error: unknown): boolean {
	const context = errorContext(error);
	if (context.rateLimited === true) return true;
	return error instanceof NodeApiError && error.httpCode === '429';
}

function httpCodeOf(error: unknown): string | undefined {
	return error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined;
}

export interface RetryTarget {
	node: INode;
	method: string;
	/** Shown in the "may or may not have been sent" error, e.g. `POST /v1/.../messages (to 9199...)`. */
	describe: () => string;
	maxRetries: number;
}

/** Runs `send` under the retry policy. */
export async function withRetryPolicy<T>(send: () => Promise<T>, target: RetryTarget): Promise<T> {
	const isRead = target.method.toUpperCase() === 'GET';
	for (let attempt = 0; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			const canRetry = attempt < target.maxRetries;
			if (isRateLimited(error)) {
				if (!canRetry) throw asNodeError(target.node, error);
				await sleep(retryDelayMs(attempt, errorContext(error).retryAfter as string | undefined));
				continue;
			}
			const status = httpCodeOf(error);
			const transient =
				(status !== undefined && TRANSIENT_STATUS.includes(status)) ||
				connectionCode(error) !== undefined;
			if (isRead && transient && canRetry) {
				await sleep(retryDelayMs(attempt));
				continue;
			}
			const serverSide =
				(status !== undefined && status.startsWith('5')) || connectionCode(error) !== undefined;
			const nodeError = asNodeError(target.node, error);
			if (!isRead && serverSide) markUncertain(nodeError, target);
			throw nodeError;
		}
	}
}

function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(node, (error ?? {}) as JsonObject, {
		message: (error as Error)?.message,
	});
}

function markUncertain(error: NodeApiError | NodeOperationError, target: RetryTarget): void {
	const notice = `The request may or may not have been processed by ChakraHQ, so it was not retried automatically: check before sending it again. Request: ${target.describe()}`;
	error.description = [error.description, notice].filter(Boolean).join('\n');
	error.context.uncertainDelivery = true;
}
