/**
 * Pacing of WhatsApp sends (contract 1.8): Meta lets each business phone number send about 80
 * messages per second (1,000 after an upgrade) and answers 130429 beyond it, and about one message
 * every few seconds to the same user (131056). Started all at once, a broadcast of thousands of
 * items is mostly refused; paced, it goes out at the rate the sender is allowed.
 *
 * `SendPacer` gives each sender its slots at `perSecond` (one every 1000 / rate ms, in the order they
 * are asked for; a sender that fell behind, e.g. on a busy machine, may catch up on at most a tenth of
 * a second of slots, so the rate holds without bursts beyond what Meta's per-second bucket absorbs), slows a sender down when it is refused for throughput and speeds it up again on
 * success (AIMD: halve, then add a fiftieth of the set rate per accepted send), keeps a sender's
 * slots back for a refusal's Retry-After, and spaces a recipient that got 131056 further apart
 * (1 s, 4 s, 16 s … as Meta suggests, at most 60 s).
 */
import { NodeApiError, sleep } from 'n8n-workflow';

import { isRateLimited, retryDelayMs } from './retry';

export const DEFAULT_MESSAGES_PER_SECOND = 80;

const PAIR_LIMIT_CODE = 131056;
const PAIR_BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;
/** A refused sender never goes below one message per second (or the set rate if lower). */
const MIN_RATE = 1;
/** Successes to climb back from half the rate to the full rate: rate / INCREASE_STEPS per success. */
const INCREASE_STEPS = 50;
/** How far behind its schedule a sender may be and still catch up (send at once) instead of losing the time. */
const CATCH_UP_MS = 100;

export interface PacerClock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
}

const realClock: PacerClock = { now: () => Date.now(), sleep };

interface SenderState {
	rate: number;
	/** When the next slot is free. */
	next: number;
	/** Until when a refusal's pause holds the sender: slots reserved before it are taken again. */
	heldUntil: number;
	/** When the rate was last halved: refusals of sends admitted before it are not counted again. */
	slowedAt: number;
}

interface RecipientState {
	notBefore: number;
	refusals: number;
}

/** What a refused send means for pacing. */
export type Refusal = { kind: 'throughput'; retryAfterMs?: number } | { kind: 'pair' } | undefined;

/** Classifies a failed send: a throughput refusal (429, 130429, 80007, 80008), a pair refusal (131056), or neither. */
export function refusalOf(error: unknown, now = Date.now()): Refusal {
	if (!isRateLimited(error)) return undefined;
	const context = error instanceof NodeApiError ? error.context : {};
	if (Number(context.metaCode) === PAIR_LIMIT_CODE) return { kind: 'pair' };
	const retryAfter =
		typeof context.retryAfter === 'string' && context.retryAfter.trim() !== ''
			? context.retryAfter
			: undefined;
	return {
		kind: 'throughput',
		...(retryAfter ? { retryAfterMs: retryDelayMs(0, retryAfter, now) } : {}),
	};
}

export class SendPacer {
	private readonly senders = new Map<string, SenderState>();
	private readonly recipients = new Map<string, RecipientState>();

	constructor(
		readonly perSecond: number,
		private readonly clock: PacerClock = realClock,
	) {}

	/** The current rate of `sender` (messages per second). */
	rateOf(sender: string): number {
		return this.sender(sender).rate;
	}

	/** True while `recipient` is being spaced out after a 131056. */
	isWaiting(recipient: string): boolean {
		const state = this.recipients.get(recipient);
		return state !== undefined && state.notBefore > this.clock.now();
	}

	/**
	 * Waits until `recipient` may be written to again (after a 131056) and then for the next slot of
	 * `sender`; returns when the send may go (pass it to `refused`).
	 */
	async take(sender: string, recipient = ''): Promise<number> {
		for (let state = this.recipients.get(recipient); state && state.notBefore > this.clock.now();) {
			await this.clock.sleep(state.notBefore - this.clock.now());
		}
		const state = this.sender(sender);
		for (;;) {
			const now = this.clock.now();
			const slot = Math.max(now - CATCH_UP_MS, state.next);
			state.next = slot + 1000 / state.rate;
			if (slot > now) await this.clock.sleep(slot - now);
			if (slot >= state.heldUntil) return Math.max(slot, this.clock.now());
		}
	}

	/** Runs the send of `sender` to `recipient` admitted at `slot`, and paces by its outcome. */
	async observe<T>(
		sender: string,
		recipient: string,
		slot: number,
		send: () => Promise<T>,
	): Promise<T> {
		const outcome = await send().then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		if (outcome.ok) {
			this.accepted(sender);
			return outcome.value;
		}
		this.refused(sender, recipient, slot, refusalOf(outcome.error, this.clock.now()));
		return await Promise.reject(outcome.error);
	}

	/** A send of `sender` was accepted: the rate climbs back towards the set rate. */
	accepted(sender: string): void {
		const state = this.sender(sender);
		state.rate = Math.min(this.perSecond, state.rate + this.perSecond / INCREASE_STEPS);
	}

	/** A send of `sender` to `recipient`, admitted at `slot`, was refused as `refusal` says. */
	refused(sender: string, recipient: string, slot: number, refusal: Refusal): void {
		if (!refusal) return;
		const now = this.clock.now();
		if (refusal.kind === 'pair') {
			const state = this.recipients.get(recipient) ?? { notBefore: 0, refusals: 0 };
			state.refusals++;
			state.notBefore =
				now + Math.min(PAIR_BASE_DELAY_MS * 4 ** (state.refusals - 1), MAX_DELAY_MS);
			this.recipients.set(recipient, state);
			return;
		}
		const state = this.sender(sender);
		// Sends admitted before the last slow-down were refused at the old rate: halve once per round.
		if (slot > state.slowedAt) {
			state.rate = Math.max(Math.min(MIN_RATE, this.perSecond), state.rate / 2);
			state.slowedAt = now;
		}
		state.heldUntil = Math.max(state.heldUntil, now + (refusal.retryAfterMs ?? 1000 / state.rate));
		state.next = Math.max(state.next, state.heldUntil);
	}

	private sender(key: string): SenderState {
		let state = this.senders.get(key);
		// The first slot is now: a broadcast does not start with a catch-up burst.
		if (!state)
			this.senders.set(
				key,
				(state = {
					rate: this.perSecond,
					next: this.clock.now(),
					heldUntil: 0,
					slowedAt: -Infinity,
				}),
			);
		return state;
	}
}
