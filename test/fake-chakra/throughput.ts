/**
 * Meta's throughput limits, as the fake applies them to message sends (contract 1.8): a token bucket
 * per sender phone number (80 messages per second by default at Meta, 1,000 after an upgrade; beyond
 * it error 130429 "Rate limit hit") and a pair limit per sender and recipient (beyond it error 131056).
 * Off unless configured, so other tests see an unlimited server.
 */
import { metaErrorBody, type MetaErrorBody } from './errors';

export interface ThroughputOptions {
	/** Messages per second per sender phone number (the bucket's refill rate). */
	perSecond: number;
	/** Bucket size: how many may go at once after a quiet period; default `perSecond` (one second's worth). */
	burst?: number;
	/** HTTP status of a 130429 refusal; default 429. */
	status?: number;
	/** `Retry-After` header (seconds or an HTTP date) sent with a 130429 refusal; default none. */
	retryAfter?: string;
	/** Messages per second from one sender to one recipient (Meta: one every 6 s); default no pair limit. */
	pairPerSecond?: number;
	/** Pair bucket size; default 1. */
	pairBurst?: number;
	/** HTTP status of a 131056 refusal; default 400 (as Meta answers it). */
	pairStatus?: number;
}

/** A refusal the fake answers instead of handling the send. */
export interface ThroughputRefusal {
	status: number;
	headers: Record<string, string>;
	body: MetaErrorBody;
}

export interface ThroughputStats {
	/** Sends let through (the handler then validates and records them in `sentMessages`). */
	passed: number;
	/** 130429 refusals. */
	throughputRefusals: number;
	/** 131056 refusals. */
	pairRefusals: number;
}

class TokenBucket {
	private tokens: number;
	private last: number;

	constructor(
		private readonly perSecond: number,
		private readonly size: number,
		now: number,
	) {
		this.tokens = size;
		this.last = now;
	}

	take(now: number): boolean {
		this.tokens = Math.min(this.size, this.tokens + ((now - this.last) / 1000) * this.perSecond);
		this.last = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}

export const THROUGHPUT_MESSAGE = '(#130429) Rate limit hit';
export const PAIR_MESSAGE = '(#131056) (Business Account, Consumer Account) pair rate limit hit';

export class ThroughputModel {
	readonly stats: ThroughputStats = { passed: 0, throughputRefusals: 0, pairRefusals: 0 };
	private readonly senders = new Map<string, TokenBucket>();
	private readonly pairs = new Map<string, TokenBucket>();

	constructor(readonly options: ThroughputOptions) {
		if (!(options.perSecond > 0)) throw new Error('throughput.perSecond must be a positive number');
	}

	/** Takes one send of `sender` to `recipient` (empty for a read receipt): undefined when it may go. */
	admit(sender: string, recipient: string, now = Date.now()): ThroughputRefusal | undefined {
		const { perSecond } = this.options;
		let bucket = this.senders.get(sender);
		if (!bucket)
			this.senders.set(
				sender,
				(bucket = new TokenBucket(perSecond, this.options.burst ?? perSecond, now)),
			);
		if (!bucket.take(now)) {
			this.stats.throughputRefusals++;
			const headers: Record<string, string> =
				this.options.retryAfter !== undefined ? { 'retry-after': this.options.retryAfter } : {};
			return {
				status: this.options.status ?? 429,
				headers,
				body: metaErrorBody({
					message: THROUGHPUT_MESSAGE,
					code: 130429,
					details: 'Cloud API message throughput has been reached.',
				}),
			};
		}
		const pairPerSecond = this.options.pairPerSecond ?? 0;
		if (pairPerSecond > 0 && recipient !== '') {
			const key = `${sender}\u0000${recipient}`;
			let pair = this.pairs.get(key);
			if (!pair)
				this.pairs.set(
					key,
					(pair = new TokenBucket(pairPerSecond, this.options.pairBurst ?? 1, now)),
				);
			if (!pair.take(now)) {
				this.stats.pairRefusals++;
				return {
					status: this.options.pairStatus ?? 400,
					headers: {},
					body: metaErrorBody({
						message: PAIR_MESSAGE,
						code: 131056,
						details:
							'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
					}),
				};
			}
		}
		this.stats.passed++;
		return undefined;
	}
}

/** The largest number of `times` (ms, any order) inside any window of `windowMs` (e.g. sends per second). */
export function maxInWindow(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let max = 0;
	let start = 0;
	for (let end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		max = Math.max(max, end - start + 1);
	}
	return max;
}
