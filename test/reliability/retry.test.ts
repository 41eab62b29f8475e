/**
 * Retry policy (nodes/shared/retry.ts) through the real engine and the fake server's faults:
 * rate limits are retried (any method), GETs also on 502/503/504 and dropped connections, failed
 * writes never, and their error says the request may or may not have been processed.
 */
import { generateKeyPairSync } from 'node:crypto';

import { FakeChakra, FAKE_IDS } from '../fake-chakra';
import { runNode } from '../harness';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
	.publicKey.export({ type: 'spki', format: 'pem' })
	.toString()
	.trim();

describe('retry policy', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const flow = (
		operation: 'getPublicKey' | 'setPublicKey',
		extra: Record<string, unknown> = {},
	) => ({
		resource: 'flow',
		operation,
		whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
		...(operation === 'setPublicKey' ? { businessPublicKey: pem } : {}),
		...extra,
	});

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C13: a POST answered 429 with Retry-After is sent again and succeeds once', async () => {
		fake.inject('C13', { status: 429, retryAfter: '0' }, 2);
		const { items, error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('setPublicKey'),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(fake.requests.map((request) => request.status)).toEqual([429, 429, 200]);
	});

	it('C13: a Meta rate-limit code (130429) on a write is retried', async () => {
		fake.inject('C13', { metaError: { message: 'Rate limit hit', code: 130429 } }, 1);
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('setPublicKey'),
		});
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => request.status)).toEqual([400, 200]);
	});

	it('stops after Max Retries on Rate Limit and shows the 429', async () => {
		fake.inject('C13', { status: 429, retryAfter: '0' }, Infinity);
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('setPublicKey', { maxRetriesOnRateLimit: 2 }),
		});
		expect(error?.message).toBe('Too many requests: rate limit exceeded');
		expect(fake.requests).toHaveLength(3);
	});

	it('0 turns retries off', async () => {
		fake.inject('C13', { status: 429, retryAfter: '0' }, Infinity);
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('setPublicKey', { maxRetriesOnRateLimit: 0 }),
		});
		expect(error?.message).toBe('Too many requests: rate limit exceeded');
		expect(fake.requests).toHaveLength(1);
	});

	it('C13: a 500 on a write is not retried, and the error says it may or may not have been processed', async () => {
		fake.inject('C13', { status: 500 }, 1);
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('setPublicKey'),
		});
		expect(fake.requests).toHaveLength(1);
		expect(error?.message).toBe('Injected fault: HTTP 500 (#2)');
		expect(error?.description).toContain(
			'The request may or may not have been processed by ChakraHQ',
		);
		expect(error?.description).toContain(
			`POST /v1/whatsapp/v24.0/${FAKE_IDS.phoneNumberId}/whatsapp_business_encryption`,
		);
	});

	it('C13: a dropped connection on a write is not retried', async () => {
		fake.inject('C13', { dropConnection: true }, 1);
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('setPublicKey'),
		});
		expect(fake.requests).toHaveLength(1);
		expect(error?.description).toContain(
			'The request may or may not have been processed by ChakraHQ',
		);
	});

	it.each([502, 503, 504])('C14: a GET answered %i is retried', async (status) => {
		fake.inject('C14', { status }, 1);
		const { items, error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('getPublicKey'),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(fake.requests.map((request) => request.status)).toEqual([status, 200]);
	});

	it('C14: a GET whose connection drops is retried', async () => {
		fake.inject('C14', { dropConnection: true }, 1);
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('getPublicKey'),
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(2);
	});

	it('C14: a GET answered 500 is not retried (only 502/503/504 are transient)', async () => {
		fake.inject('C14', { status: 500 }, 1);
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('getPublicKey'),
		});
		expect(error?.message).toBe('Injected fault: HTTP 500 (#2)');
		expect(fake.requests).toHaveLength(1);
	});

	it('C14: a 400 is never retried', async () => {
		fake.inject(
			'C14',
			{ status: 400, body: { error: { message: 'Invalid parameter', code: 100 } } },
			1,
		);
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: flow('getPublicKey'),
		});
		expect(error?.message).toBe('Invalid parameter (#100)');
		expect(fake.requests).toHaveLength(1);
	});
});

describe('rate-limited sends: nothing lost, nothing sent twice', () => {
	let fake: FakeChakra;

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C4: 1,000 text sends with 30% answered 429 (with and without Retry-After) are accepted exactly once each', async () => {
		// Three requests in ten are refused, whichever item they carry: two with Retry-After: 0, one
		// without it (exponential backoff with jitter). The slot is decided once per request.
		const slots = new WeakMap<object, number>();
		let count = 0;
		const slotOf = (request: object) => {
			if (!slots.has(request)) slots.set(request, count++ % 10);
			return slots.get(request)!;
		};
		fake.injectWhen(
			'C4',
			(request) => slotOf(request) < 2,
			{ status: 429, retryAfter: '0' },
			Infinity,
		);
		fake.injectWhen('C4', (request) => slotOf(request) === 2, { status: 429 }, Infinity);
		const input = Array.from({ length: 1000 }, (_, index) => ({
			json: { marker: `send-${index}` },
		}));
		const { items, error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: { accessToken: fake.token, baseUrl: fake.baseUrl },
			input,
			parameters: {
				resource: 'message',
				operation: 'send',
				pluginId: FAKE_IDS.pluginId,
				whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
				phoneNumber: FAKE_IDS.customerPhone,
				messageType: 'text',
				textBody: '={{ $json.marker }}',
				maxRetriesOnRateLimit: 10,
				// These refusals do not depend on the rate (three requests in ten at any speed); pacing
				// would answer them by slowing down towards one per second. This test is about the retry
				// policy alone (test/nodes/ChakraWhatsApp/broadcast.test.ts covers pacing).
				messagesPerSecond: 0,
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1000);
		const requests = fake.requestsFor('C4');
		const refused = requests.filter((request) => request.status === 429);
		const accepted = requests.filter((request) => request.status === 200);
		expect(refused.length).toBeGreaterThanOrEqual(300);
		expect(refused.some((request) => request.headers !== undefined)).toBe(true);
		expect(accepted).toHaveLength(1000);
		const markers = accepted.map(
			(request) => (request.body as { text: { body: string } }).text.body,
		);
		expect(new Set(markers).size).toBe(1000);
		expect([...markers].sort()).toEqual(input.map((item) => item.json.marker).sort());
		// Output items stay in input order, one per item.
		expect(items.map((item) => typeof item.json.whatsappMessageId)).toEqual(
			Array(1000).fill('string'),
		);
	}, 120_000);
});
