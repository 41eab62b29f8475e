/**
 * 5,000+ generated deliveries into the Chakra Trigger's real webhook handler (n8n-core's
 * WebhookContext): random JSON, truncated JSON, non-JSON, deep nesting, huge strings, wrong types in
 * every known field, valid payloads with bad, missing, uppercase or truncated signatures (missing:
 * refused by default, accepted for pass-through and delivery-status only with the option), and
 * duplicate deliveries (the second of a pair starts nothing).
 * Nothing may throw; every bad signature is a 401 with no items; unknown shapes come out as
 * `event: "unknown"`; the secret never appears in a response or an item. Seeded, so reproducible.
 */
import type { INodeParameters } from 'n8n-workflow';

import { forgetDeliveries } from '../../nodes/ChakraTrigger/duplicates';
import { eventsFromBody } from '../../nodes/ChakraTrigger/events';
import { SIGNATURE_HEADER, signBody, webhookSamples } from '../fake-chakra';
import type { TestCredentials } from '../harness';
import type { DeliveryResult } from '../harness/trigger';
import { deliverToTrigger } from '../harness/trigger';

const SECRET = 'whsec-sentinel-chakra';
const credentials: TestCredentials = {
	accessToken: 'test-token-chakra',
	baseUrl: 'http://127.0.0.1:9',
	webhookSecret: SECRET,
};

function seeded(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const next = seeded(0xc4a7a);
const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)];

// Keys a recognised payload is told apart by; random values never carry them, so they must be unknown.
const RECOGNISED_KEYS = new Set(['object', 'event', 'entry', 'payload']);
const WORDS = [
	'a',
	'text',
	'image',
	'id',
	'from',
	'type',
	'status',
	'__proto__',
	'constructor',
	'value',
	'changes',
	'x',
];

function randomJson(depth = 0): unknown {
	const kind = Math.floor(next() * (depth > 4 ? 5 : 7));
	switch (kind) {
		case 0:
			return null;
		case 1:
			return next() < 0.5;
		case 2:
			return Math.floor(next() * 2 ** 53) * (next() < 0.3 ? -1 : 1);
		case 3:
			return next() * 1e300;
		case 4:
			return pick(['', 'é漢字🙂', '\u0000\u001f', 'wamid.HBg', '1756322278', ' '.repeat(50)]);
		case 5:
			return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(depth + 1));
		default: {
			const object: Record<string, unknown> = {};
			for (let index = Math.floor(next() * 5); index > 0; index--) {
				const key = pick(WORDS);
				if (!RECOGNISED_KEYS.has(key)) object[key] = randomJson(depth + 1);
			}
			return object;
		}
	}
}

function deepNesting(depth: number): unknown {
	let value: unknown = 'bottom';
	for (let level = 0; level < depth; level++) value = next() < 0.5 ? [value] : { value };
	return value;
}

const SAMPLES = (): Array<Record<string, unknown>> => [
	webhookSamples.passThroughText({ texts: ['one', 'two'] }) as unknown as Record<string, unknown>,
	webhookSamples.passThroughImage() as unknown as Record<string, unknown>,
	webhookSamples.passThroughStatus('failed') as unknown as Record<string, unknown>,
	webhookSamples.passThroughCall() as unknown as Record<string, unknown>,
	webhookSamples.passThroughGroup() as unknown as Record<string, unknown>,
	webhookSamples.chakraMessage() as unknown as Record<string, unknown>,
	webhookSamples.chakraStatus() as unknown as Record<string, unknown>,
	webhookSamples.chakraEcho('message_echo') as unknown as Record<string, unknown>,
	webhookSamples.deliveryStatus() as unknown as Record<string, unknown>,
];

/** Every path (as key lists) of a JSON tree. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
	if (typeof value !== 'object' || value === null) return [prefix];
	const children = Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
		paths(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
	);
	return [prefix, ...children];
}

function withValueAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
	if (path.length === 0) return replacement;
	const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>;
	let cursor = copy;
	for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
	cursor[path[path.length - 1]] = replacement;
	return copy;
}

const WRONG_TYPES: unknown[] = [
	null,
	0,
	-1,
	1e21,
	'',
	'x',
	true,
	[],
	{},
	[null],
	{ nested: { deeper: [] } },
	'x'.repeat(5000),
];

interface Delivery {
	label: string;
	raw: string | Buffer;
	body: unknown;
	headers: Record<string, string>;
	/** 'dropped': a duplicate, answered 200 without starting an execution. */
	expect: 'accepted' | 'refused' | 'unknown' | 'dropped';
	/** Node parameters; default: duplicates kept (fuzzed bodies reuse message ids). */
	parameters?: INodeParameters;
	/** Start from a trigger that has seen no delivery (the first of a duplicate pair). */
	forgetBefore?: boolean;
}

function signed(
	label: string,
	body: unknown,
	expectation: Delivery['expect'] = 'accepted',
): Delivery {
	const raw = JSON.stringify(body);
	return {
		label,
		raw,
		body,
		headers: { [SIGNATURE_HEADER]: signBody(raw, SECRET) },
		expect: expectation,
	};
}

function signedBytes(label: string, raw: string): Delivery {
	let body: unknown = {};
	try {
		body = JSON.parse(raw) as unknown;
	} catch {
		body = {};
	}
	return {
		label,
		raw,
		body,
		headers: { [SIGNATURE_HEADER]: signBody(raw, SECRET) },
		expect: 'accepted',
	};
}

function generate(): Delivery[] {
	const deliveries: Delivery[] = [];
	// 1. Random JSON that no format recognises.
	for (let index = 0; index < 1900; index++)
		deliveries.push(signed('random JSON', randomJson(), 'unknown'));
	// 2. Truncated JSON of valid samples (what a broken proxy would forward).
	for (let index = 0; index < 600; index++) {
		const raw = JSON.stringify(pick(SAMPLES()));
		deliveries.push(
			signedBytes('truncated JSON', raw.slice(0, Math.floor(next() * (raw.length - 1)))),
		);
	}
	// 3. Non-JSON bodies.
	const texts = [
		'hello',
		'<xml/>',
		'a=1&b=2',
		'\u0000\u0001\u0002',
		'{"unterminated": "',
		'undefined',
		'NaN',
		'[1,2,',
		'}{',
	];
	for (let index = 0; index < 400; index++)
		deliveries.push(signedBytes('non-JSON', `${pick(texts)}${index}`));
	// 4. Deep nesting.
	for (let index = 0; index < 60; index++)
		deliveries.push(
			signed('deep nesting', deepNesting(200 + Math.floor(next() * 1800)), 'unknown'),
		);
	// 5. Huge strings inside valid shapes.
	for (let index = 0; index < 40; index++) {
		const huge = 'Z'.repeat(256 * 1024 + Math.floor(next() * 768 * 1024));
		deliveries.push(
			signed('huge text', webhookSamples.passThroughText({ text: huge }), 'accepted'),
		);
		deliveries.push(
			signed('huge name', webhookSamples.chakraMessage({ name: huge } as never), 'accepted'),
		);
	}
	// 6. Wrong types in every known field of every sample.
	for (const sample of SAMPLES()) {
		for (const path of paths(sample)) {
			if (path.length === 0) continue;
			for (let attempt = 0; attempt < 3; attempt++) {
				const replacement = WRONG_TYPES[Math.floor(next() * WRONG_TYPES.length)];
				deliveries.push(
					signed(`wrong type at ${path.join('.')}`, withValueAt(sample, path, replacement)),
				);
			}
		}
	}
	// 7. Valid payloads with bad, missing, uppercase or truncated signatures.
	const samples = SAMPLES();
	for (let index = 0; index < 1500; index++) {
		const body = samples[index % samples.length];
		const raw = JSON.stringify(body);
		const good = signBody(raw, SECRET);
		const variant = index % 8;
		const isChakraFormat = typeof body.event === 'string' && body.event !== 'deliveryStatus';
		if (variant === 0)
			deliveries.push({
				label: 'uppercase signature',
				raw,
				body,
				headers: { [SIGNATURE_HEADER]: good.toUpperCase() },
				expect: 'accepted',
			});
		if (variant === 1)
			deliveries.push({
				label: 'truncated signature',
				raw,
				body,
				headers: { [SIGNATURE_HEADER]: good.slice(0, Math.floor(next() * 63)) },
				expect: 'refused',
			});
		if (variant === 2)
			deliveries.push({
				label: 'other secret',
				raw,
				body,
				headers: { [SIGNATURE_HEADER]: signBody(raw, `${SECRET}x`) },
				expect: 'refused',
			});
		if (variant === 3)
			deliveries.push({
				label: 'prefixed signature',
				raw,
				body,
				headers: { [SIGNATURE_HEADER]: `sha256=${good}` },
				expect: 'refused',
			});
		if (variant === 4)
			deliveries.push({
				label: 'signature of another body',
				raw,
				body,
				headers: { [SIGNATURE_HEADER]: signBody(`${raw} `, SECRET) },
				expect: 'refused',
			});
		// With a secret, every delivery must be signed unless unsigned pass-through / delivery-status are accepted.
		if (variant === 5)
			deliveries.push({ label: 'missing signature', raw, body, headers: {}, expect: 'refused' });
		if (variant === 6) {
			const parameters = { acceptUnsignedDeliveries: true, options: { dropDuplicates: false } };
			deliveries.push({
				label: 'missing signature, unsigned accepted',
				raw,
				body,
				headers: {},
				expect: isChakraFormat ? 'refused' : 'accepted',
				parameters,
			});
		}
		// Events without a message or call id (template, group updates) are never dropped as duplicates.
		const identified = eventsFromBody(body).every(
			(event) => (event.wamid ?? event.callId) !== null,
		);
		if (variant === 7 && identified) {
			// The same signed delivery twice with duplicate dropping on (the default): the second starts nothing.
			const headers = { [SIGNATURE_HEADER]: good };
			deliveries.push({
				label: 'duplicate delivery',
				raw,
				body,
				headers,
				expect: 'accepted',
				parameters: {},
				forgetBefore: true,
			});
			deliveries.push({
				label: 'duplicate delivery',
				raw,
				body,
				headers,
				expect: 'dropped',
				parameters: {},
			});
		}
	}
	return deliveries;
}

describe('fuzzed webhooks into the Chakra Trigger', () => {
	const deliveries = generate();

	it('generates at least 5,000 deliveries of every kind', () => {
		expect(deliveries.length).toBeGreaterThanOrEqual(5000);
		const kinds = new Set(deliveries.map((delivery) => delivery.label.replace(/ at .*/, '')));
		expect([...kinds].sort()).toEqual(
			[
				'deep nesting',
				'duplicate delivery',
				'huge name',
				'huge text',
				'missing signature',
				'missing signature, unsigned accepted',
				'non-JSON',
				'other secret',
				'prefixed signature',
				'random JSON',
				'signature of another body',
				'truncated JSON',
				'truncated signature',
				'uppercase signature',
				'wrong type',
			].sort(),
		);
	});

	it('never throws, refuses every bad signature with 401 and no items, and marks unknown shapes', async () => {
		const failures: string[] = [];
		const counts = { accepted: 0, refused: 0, dropped: 0, unknownItems: 0 };
		for (const [index, delivery] of deliveries.entries()) {
			let result: DeliveryResult;
			try {
				if (delivery.forgetBefore) forgetDeliveries();
				const parameters = delivery.parameters ?? { options: { dropDuplicates: false } };
				result = await deliverToTrigger({
					parameters,
					credentials,
					body: delivery.body,
					rawBody: delivery.raw,
					headers: delivery.headers,
				});
			} catch (error) {
				failures.push(`#${index} ${delivery.label}: threw ${(error as Error).message}`);
				continue;
			}
			const text = `${result.responseBody ?? ''}${JSON.stringify(result.items ?? [])}`;
			if (text.includes(SECRET)) failures.push(`#${index} ${delivery.label}: the secret leaked`);
			if (delivery.expect === 'refused') {
				counts.refused++;
				if (result.status !== 401 || result.items !== undefined) {
					failures.push(
						`#${index} ${delivery.label}: expected 401 without items, got ${result.status} with ${result.items?.length ?? 0} items`,
					);
				}
				continue;
			}
			if (delivery.expect === 'dropped') {
				counts.dropped++;
				if (result.status !== 200 || result.items !== undefined)
					failures.push(
						`#${index} ${delivery.label}: expected 200 without items, got ${result.status} with ${result.items?.length ?? 0} items`,
					);
				continue;
			}
			counts.accepted++;
			if (result.status !== 200)
				failures.push(`#${index} ${delivery.label}: expected 200, got ${result.status}`);
			if (!result.items || result.items.length === 0) {
				failures.push(`#${index} ${delivery.label}: no items`);
				continue;
			}
			for (const item of result.items) {
				if (typeof item.json.event !== 'string')
					failures.push(`#${index} ${delivery.label}: item without an event name`);
				if (!('raw' in item.json)) failures.push(`#${index} ${delivery.label}: item without raw`);
			}
			if (delivery.expect === 'unknown') {
				counts.unknownItems += result.items.length;
				if (result.items.some((item) => item.json.event !== 'unknown')) {
					failures.push(
						`#${index} ${delivery.label}: an unrecognised shape came out as ${String(result.items[0].json.event)}`,
					);
				}
			}
		}
		expect(failures.slice(0, 20)).toEqual([]);
		expect(counts.accepted + counts.refused + counts.dropped).toBe(deliveries.length);
		expect(counts.dropped).toBeGreaterThanOrEqual(100);
		expect(counts.refused).toBeGreaterThanOrEqual(1000);
		expect(counts.unknownItems).toBeGreaterThanOrEqual(1200);
	}, 240_000);
});
