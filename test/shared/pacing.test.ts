import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { failureToError, findFailure } from '../../nodes/shared/envelope';
import type { PacerClock } from '../../nodes/shared/pacing';
import { refusalOf, SendPacer } from '../../nodes/shared/pacing';

/** A clock whose sleeps advance time at once, recording each wait. */
function fakeClock(): PacerClock & { time: number; waits: number[] } {
	const clock = {
		time: 1_000_000,
		waits: [] as number[],
		now: () => clock.time,
		sleep: async (ms: number) => {
			clock.waits.push(ms);
			clock.time += ms;
		},
	};
	return clock;
}

const node: INode = {
	id: '1',
	name: 'Chakra',
	type: 'n8n-nodes-chakrahq.chakraWhatsApp',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function metaRefusal(code: number, status: number, retryAfter?: string): NodeApiError {
	const body = {
		error: { message: `(#${code}) refused`, type: 'OAuthException', code, fbtrace_id: 'A1' },
	};
	return failureToError(
		node,
		findFailure(status, body, retryAfter ? { 'retry-after': retryAfter } : {})!,
	);
}

describe('SendPacer', () => {
	it('gives a sender its slots 1000 / rate ms apart, in the order they are asked for', async () => {
		const clock = fakeClock();
		const pacer = new SendPacer(80, clock);
		const start = clock.time;
		const slots = [];
		for (let i = 0; i < 5; i++) slots.push((await pacer.take('775966265503012')) - start);
		expect(slots).toEqual([0, 12.5, 25, 37.5, 50]);
	});

	it('paces each sender on its own', async () => {
		const clock = fakeClock();
		const pacer = new SendPacer(10, clock);
		const start = clock.time;
		expect((await pacer.take('A')) - start).toBe(0);
		expect((await pacer.take('B')) - start).toBe(0);
		expect((await pacer.take('A')) - start).toBe(100);
		expect((await pacer.take('B')) - start).toBe(100);
	});

	it('starts without a burst, and after a pause (a busy machine, a slow item) catches up on at most a tenth of a second of slots', async () => {
		const clock = fakeClock();
		const pacer = new SendPacer(10, clock);
		const start = clock.time;
		expect((await pacer.take('A')) - start).toBe(0);
		expect((await pacer.take('A')) - start).toBe(100);
		clock.time += 5_000;
		const resumed = clock.time;
		const slots = [];
		for (let i = 0; i < 4; i++) slots.push((await pacer.take('A')) - resumed);
		// Slots -100 and 0 go at once (the caught-up one at the time it is taken), then every 100 ms.
		expect(slots).toEqual([0, 0, 100, 200]);
		expect(clock.waits).toEqual([100, 100, 100]);
	});

	it('halves the rate on a throughput refusal, once per round, and climbs back on success (AIMD)', async () => {
		const clock = fakeClock();
		const pacer = new SendPacer(80, clock);
		const first = await pacer.take('A');
		const second = await pacer.take('A');
		clock.time += 20; // the refusals come back after the server's latency
		pacer.refused('A', '9', first, { kind: 'throughput' });
		expect(pacer.rateOf('A')).toBe(40);
		// A send admitted before the slow-down was refused at the old rate: not counted again.
		pacer.refused('A', '9', second, { kind: 'throughput' });
		expect(pacer.rateOf('A')).toBe(40);
		const third = await pacer.take('A');
		clock.time += 20;
		pacer.refused('A', '9', third, { kind: 'throughput' });
		expect(pacer.rateOf('A')).toBe(20);
		for (let i = 0; i < 10; i++) pacer.accepted('A');
		expect(pacer.rateOf('A')).toBeCloseTo(36, 9);
		for (let i = 0; i < 100; i++) pacer.accepted('A');
		expect(pacer.rateOf('A')).toBe(80);
	});

	it('never goes below one message per second', async () => {
		const clock = fakeClock();
		const pacer = new SendPacer(4, clock);
		for (let i = 0; i < 10; i++) {
			const slot = await pacer.take('A');
			clock.time += 20;
			pacer.refused('A', '', slot, { kind: 'throughput' });
		}
		expect(pacer.rateOf('A')).toBe(1);
	});

	it('holds the sender back for Retry-After', async () => {
		const clock = fakeClock();
		const pacer = new SendPacer(80, clock);
		const slot = await pacer.take('A');
		pacer.refused('A', '9', slot, { kind: 'throughput', retryAfterMs: 2_000 });
		expect((await pacer.take('A')) - slot).toBe(2_000);
		// A slot reserved before the refusal is taken again after the pause.
		const reserved = pacer.take('A');
		pacer.refused('A', '9', slot, { kind: 'throughput', retryAfterMs: 3_000 });
		const pausedAt = clock.time;
		expect((await reserved) - pausedAt).toBeGreaterThanOrEqual(3_000);
		// Another sender is not held back.
		expect((await pacer.take('B')) - clock.time).toBe(0);
	});

	it('spaces a recipient that got 131056 1 s, then 4 s, then 16 s apart, without slowing the sender', async () => {
		const clock = fakeClock();
		const pacer = new SendPacer(80, clock);
		let slot = await pacer.take('A', '919911223344');
		pacer.refused('A', '919911223344', slot, { kind: 'pair' });
		expect(pacer.isWaiting('919911223344')).toBe(true);
		expect(pacer.isWaiting('919911223345')).toBe(false);
		expect(pacer.rateOf('A')).toBe(80);
		const refusedAt = clock.time;
		slot = await pacer.take('A', '919911223344');
		expect(slot - refusedAt).toBe(1_000);
		pacer.refused('A', '919911223344', slot, { kind: 'pair' });
		expect((await pacer.take('A', '919911223344')) - slot).toBe(4_000);
		pacer.refused('A', '919911223344', clock.time, { kind: 'pair' });
		const before = clock.time;
		expect((await pacer.take('A', '919911223344')) - before).toBe(16_000);
	});

	it('observe paces by the outcome and passes it on unchanged', async () => {
		const clock = fakeClock();
		const pacer = new SendPacer(80, clock);
		const slot = await pacer.take('A');
		clock.time += 20;
		const refusal = metaRefusal(130429, 429);
		await expect(
			pacer.observe('A', '9', slot, async () => await Promise.reject(refusal)),
		).rejects.toBe(refusal);
		expect(pacer.rateOf('A')).toBe(40);
		await expect(pacer.observe('A', '9', await pacer.take('A'), async () => 'sent')).resolves.toBe(
			'sent',
		);
		expect(pacer.rateOf('A')).toBeCloseTo(41.6, 9);
	});
});

describe('refusalOf', () => {
	it('reads throughput refusals (429, 130429, 80007) with their Retry-After', () => {
		expect(refusalOf(metaRefusal(130429, 429))).toEqual({ kind: 'throughput' });
		expect(refusalOf(metaRefusal(130429, 400, '3'))).toEqual({
			kind: 'throughput',
			retryAfterMs: 3_000,
		});
		expect(refusalOf(metaRefusal(80007, 400))).toEqual({ kind: 'throughput' });
		expect(
			refusalOf(failureToError(node, findFailure(429, { _errors: ['Too many requests'] })!)),
		).toEqual({ kind: 'throughput' });
	});

	it('reads 131056 as a pair refusal and anything else as no refusal', () => {
		expect(refusalOf(metaRefusal(131056, 400))).toEqual({ kind: 'pair' });
		expect(refusalOf(metaRefusal(131047, 400))).toBeUndefined();
		expect(
			refusalOf(failureToError(node, findFailure(500, { _errors: ['boom'] })!)),
		).toBeUndefined();
		expect(refusalOf(new Error('socket hang up'))).toBeUndefined();
	});
});
