/**
 * Broadcasts against the fake's model of Meta's throughput (test/fake-chakra/throughput.ts): the
 * message operations pace their sends per sender (nodes/shared/pacing.ts, "Messages per Second"),
 * recover from 130429, space recipients that got 131056, keep order and pairing, and report every
 * item's outcome when some fail. Rates are high and broadcasts small so that each test takes seconds.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { runNode } from '../../harness';
import { templateVariablesValue } from '../../harness/templateVariables';

const sendTemplate = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendTemplate',
	pluginId: FAKE_IDS.pluginId,
	whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
	phoneNumber: '={{ $json.phone }}',
	templateName: { __rl: true, mode: 'name', value: 'christmas_promo_23' },
	templateVariables: templateVariablesValue({
		'header:1': '2024',
		'body:1': '={{ $json.name }}',
		'body:2': '10%',
	}),
	headerType: 'none',
	options: { language: 'en_US' },
	...extra,
});

const phoneOf = (index: number) => `9197${String(index).padStart(8, '0')}`;
const recipients = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, index) => ({
		json: { phone: phoneOf(index), name: `Customer ${index}` },
	}));

describe('Broadcast at the throughput WhatsApp allows', () => {
	let fake: FakeChakra;
	const run = (
		parameters: Record<string, unknown>,
		input: INodeExecutionData[],
		continueOnFail = false,
	) =>
		runNode({
			type: 'chakraWhatsApp',
			credentials: { accessToken: fake.token, baseUrl: fake.baseUrl },
			parameters: parameters as never,
			input,
			continueOnFail,
		});
	const arrivals = () =>
		fake.requests.filter((request) => request.cid === 'C2').map((request) => request.receivedAt);

	/** Every input recipient accepted exactly once, and the output in input order, paired. */
	const expectEveryRecipientOnceInOrder = (items: INodeExecutionData[], count: number) => {
		const accepted = fake.acceptedPerRecipient(FAKE_IDS.phoneNumberId);
		expect(accepted.size).toBe(count);
		expect([...accepted.values()].every((times) => times === 1)).toBe(true);
		expect(items.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: count }, (_, index) => ({ item: index })),
		);
		expect(
			items.map((item) => (item.json.context as { contactIdentifier: string }).contactIdentifier),
		).toEqual(Array.from({ length: count }, (_, index) => phoneOf(index)));
	};

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	// Timing assertions are lower bounds (pacing makes a broadcast slower, never faster), so that a
	// loaded machine cannot fail them; the fake runs in this process, so its arrival times bunch when
	// the event loop is busy. test/shared/pacing.test.ts checks the slots themselves with a fake clock.
	it('a broadcast reaches WhatsApp at no more than Messages per Second, every recipient once, in order', async () => {
		fake.setThroughput({ perSecond: 50 });
		const started = Date.now();
		const { items, error } = await run(sendTemplate({ messagesPerSecond: 50 }), recipients(150));
		const wall = Date.now() - started;
		expect(error).toBeUndefined();
		expectEveryRecipientOnceInOrder(items, 150);
		// 150 slots 20 ms apart span 2,980 ms (less at most 100 ms caught up after a late wake-up).
		expect(wall).toBeGreaterThanOrEqual(2980 - 100);
	});

	it('Messages per Second 0 turns pacing off: every item starts at once', async () => {
		const { items, error } = await run(sendTemplate({ messagesPerSecond: 0 }), recipients(100));
		expect(error).toBeUndefined();
		expectEveryRecipientOnceInOrder(items, 100);
		// Paced (even at 20 per second) they would span 4.95 s; at once, a fraction of that even on a
		// loaded machine.
		const times = arrivals();
		expect(Math.max(...times) - Math.min(...times)).toBeLessThan(4000);
	});

	it('at the default (80 per second) a broadcast against an 80-per-second sender loses no one', async () => {
		fake.setThroughput({ perSecond: 80 });
		const started = Date.now();
		const { items, error } = await run(sendTemplate(), recipients(160));
		expect(error).toBeUndefined();
		expectEveryRecipientOnceInOrder(items, 160);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1987 - 100);
	});

	it("refused with 130429 (the set rate is above the sender's), it slows down, recovers and delivers everyone once", async () => {
		fake.setThroughput({ perSecond: 20, burst: 5 });
		const { items, error } = await run(sendTemplate({ messagesPerSecond: 60 }), recipients(40));
		expect(error).toBeUndefined();
		expectEveryRecipientOnceInOrder(items, 40);
		expect(fake.throughput!.stats.throughputRefusals).toBeGreaterThan(0);
		// Halving on refusals keeps them a fraction of the sends (at 60 per second unpaced by AIMD most would be refused).
		expect(fake.throughput!.stats.throughputRefusals).toBeLessThan(40);
	});

	it('honours Retry-After: after a refusal no send of that sender reaches WhatsApp before it', async () => {
		fake.setThroughput({ perSecond: 2, burst: 2, retryAfter: '1' });
		const { items, error } = await run(sendTemplate({ messagesPerSecond: 10 }), recipients(4));
		expect(error).toBeUndefined();
		expectEveryRecipientOnceInOrder(items, 4);
		const sends = fake.requests.filter((request) => request.cid === 'C2');
		const refusal = sends.findIndex((request) => request.status === 429);
		expect(refusal).toBeGreaterThan(0);
		expect(sends[refusal + 1].receivedAt - sends[refusal].receivedAt).toBeGreaterThanOrEqual(990);
	});

	it('a recipient refused with 131056 is written to again only after a pause; the others are not held up', async () => {
		fake.setThroughput({ perSecond: 1000, pairPerSecond: 1, pairBurst: 1 });
		const input = recipients(4);
		input[2].json.phone = phoneOf(0);
		const { items, error } = await run(sendTemplate(), input);
		expect(error).toBeUndefined();
		expect(Object.fromEntries(fake.acceptedPerRecipient())).toEqual({
			[phoneOf(0)]: 2,
			[phoneOf(1)]: 1,
			[phoneOf(3)]: 1,
		});
		expect(
			items.map((item) => [
				item.pairedItem,
				(item.json.context as { contactIdentifier: string }).contactIdentifier,
			]),
		).toEqual([
			[{ item: 0 }, phoneOf(0)],
			[{ item: 1 }, phoneOf(1)],
			[{ item: 2 }, phoneOf(0)],
			[{ item: 3 }, phoneOf(3)],
		]);
		expect(fake.throughput!.stats.pairRefusals).toBe(1);
		const toFirst = fake.requests.filter((request) => request.params.phoneNumber === phoneOf(0));
		expect(toFirst.map((request) => request.status)).toEqual([200, 400, 200]);
		expect(toFirst[2].receivedAt - toFirst[1].receivedAt).toBeGreaterThanOrEqual(990);
		// Item 3 went while recipient 0 waited.
		const toFourth = fake.requests.find((request) => request.params.phoneNumber === phoneOf(3))!;
		expect(toFourth.receivedAt).toBeLessThan(toFirst[2].receivedAt);
	});

	it('Continue On Fail: every sent item is an output item and the failed one an error item, in order', async () => {
		fake.setThroughput({ perSecond: 1000 });
		fake.injectWhen('C2', (request) => request.params.phoneNumber === phoneOf(3), {
			metaError: { message: 'Message failed to send', code: 131026 },
		});
		const { items, error } = await run(sendTemplate(), recipients(6), true);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4, 5].map((item) => ({ item })),
		);
		expect(
			items.map(
				(item) =>
					item.error?.message ??
					(item.json.context as { contactIdentifier: string }).contactIdentifier,
			),
		).toEqual([
			phoneOf(0),
			phoneOf(1),
			phoneOf(2),
			'Message failed to send (#131026)',
			phoneOf(4),
			phoneOf(5),
		]);
		expect(fake.acceptedPerRecipient().size).toBe(5);
	});

	it('without Continue On Fail no item starts after a failure, and the error names the items sent, the first failed and those not sent', async () => {
		fake.setThroughput({ perSecond: 1000 });
		fake.injectWhen('C2', (request) => request.params.phoneNumber === phoneOf(5), {
			metaError: { message: 'Message failed to send', code: 131026 },
		});
		const { items, error } = await run(sendTemplate({ messagesPerSecond: 10 }), recipients(40));
		expect(items).toEqual([]);
		expect(error?.message).toBe('Message failed to send (#131026)');
		// Items already started when item 5's answer came back still go (a busy machine may start a few).
		const sent = [...Array(40).keys()].filter(
			(index) => fake.acceptedPerRecipient().get(phoneOf(index)) === 1,
		);
		const lastStarted = Math.max(5, ...sent);
		expect(sent.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
		expect(lastStarted).toBeLessThan(39);
		const ranges = (indexes: number[]) =>
			indexes
				.reduce<number[][]>(
					(runs, index) =>
						runs.length && runs[runs.length - 1][1] === index - 1
							? ((runs[runs.length - 1][1] = index), runs)
							: [...runs, [index, index]],
					[],
				)
				.map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`))
				.join(', ');
		expect(error?.description?.split('\n')[0]).toBe(
			`${sent.length} of 40 items were sent (item indexes ${ranges(sent)}). Item index 5 failed first. Items ${lastStarted + 1}-39 were not sent. Re-run only the items that were not sent, or turn on Continue On Fail to get every item's outcome.`,
		);
		expect((error as unknown as { context: Record<string, unknown> }).context).toMatchObject({
			itemIndex: 5,
			itemsSent: sent.length,
			firstFailedItemIndex: 5,
		});
		expect([...fake.acceptedPerRecipient().values()].every((times) => times === 1)).toBe(true);
	});

	it('paces every message operation (Send, Send Template for Process, Send Template (Meta Format), Mark as Read)', async () => {
		const common = {
			resource: 'message',
			pluginId: FAKE_IDS.pluginId,
			whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
			whatsappApiVersion: 'v24.0',
			messagesPerSecond: 20,
		};
		const operations: Array<Record<string, unknown>> = [
			{ operation: 'send', phoneNumber: '={{ $json.phone }}', messageType: 'text', textBody: 'Hi' },
			{
				operation: 'sendTemplateForProcess',
				procedureShortId: 'lead',
				primaryKeyOrId: FAKE_IDS.leadId,
				templateName: { __rl: true, mode: 'name', value: 'hello_world|en_US' },
				templateVariables: templateVariablesValue({}),
			},
			{
				operation: 'sendTemplateMeta',
				phoneNumber: '={{ $json.phone }}',
				templateName: { __rl: true, mode: 'name', value: 'hello_world|en_US' },
				templateVariables: templateVariablesValue({}),
				headerType: 'none',
			},
			{
				operation: 'markAsRead',
				messageId: 'wamid.HBgMOTE5OTAxMjU4NDMzFQIAERgSNjNBMkZBQzdBMEUzMEQxNzAzAA==',
			},
		];
		for (const operation of operations) {
			fake.reset();
			const started = Date.now();
			const { items, error } = await run({ ...common, ...operation }, recipients(10));
			const wall = Date.now() - started;
			expect([operation.operation, error?.message]).toEqual([operation.operation, undefined]);
			expect(items).toHaveLength(10);
			// Ten slots 50 ms apart span 450 ms, less at most 100 ms caught up after a late wake-up.
			expect([operation.operation, fake.requests.length, wall >= 350]).toEqual([
				operation.operation,
				10,
				true,
			]);
		}
	});
});
