/**
 * Chakra Trigger: malformed deliveries never make webhook() throw. Valid samples of all three
 * formats are mutated at random (seeded, so a failure is reproducible): every delivery is answered
 * 200 and every item keeps the full field set with the right types.
 */
import { webhookSamples } from '../../fake-chakra';
import { deliverSigned } from './deliveries';

const FIELDS: Record<string, string[]> = {
	event: ['string'],
	from: ['string', 'null'],
	to: ['string', 'null'],
	contactName: ['string', 'null'],
	messageType: ['string', 'null'],
	text: ['string', 'null'],
	mediaId: ['string', 'null'],
	status: ['string', 'null'],
	wamid: ['string', 'null'],
	callId: ['string', 'null'],
	groupId: ['string', 'null'],
	timestamp: ['string', 'null'],
	timestampMs: ['number', 'null'],
	phoneNumberId: ['string', 'null'],
	wabaId: ['string', 'null'],
};

/** mulberry32: a small seeded PRNG. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function randomValue(next: () => number, depth = 0): unknown {
	const choices: Array<() => unknown> = [
		() => null,
		() => next() < 0.5,
		() => Math.floor(next() * 1e16) * (next() < 0.2 ? -1 : 1),
		() => next() * 1e20,
		() => String(Math.floor(next() * 1e12)),
		() =>
			['', 'text', 'image', 'SENT', 'wamid.X', '__proto__', 'constructor', '9'.repeat(30)][
				Math.floor(next() * 8)
			],
		() =>
			depth > 3
				? []
				: Array.from({ length: Math.floor(next() * 3) }, () => randomValue(next, depth + 1)),
		() =>
			depth > 3
				? {}
				: {
						type: randomValue(next, depth + 1),
						id: randomValue(next, depth + 1),
						timestamp: randomValue(next, depth + 1),
					},
	];
	return choices[Math.floor(next() * choices.length)]();
}

/** Replaces one random node of the JSON tree with a random value. */
function mutate(value: unknown, next: () => number): unknown {
	if (typeof value !== 'object' || value === null || next() < 0.25) return randomValue(next);
	const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
		? [...value]
		: { ...(value as Record<string, unknown>) };
	const keys = Object.keys(copy);
	if (keys.length === 0) return randomValue(next);
	const key = keys[Math.floor(next() * keys.length)];
	(copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], next);
	return copy;
}

const SAMPLES = [
	webhookSamples.passThroughText({ texts: ['a', 'b'] }),
	webhookSamples.passThroughImage(),
	webhookSamples.passThroughStatus('failed'),
	webhookSamples.passThroughCall(),
	webhookSamples.passThroughGroup(),
	webhookSamples.chakraMessage(),
	webhookSamples.chakraStatus(),
	webhookSamples.chakraEcho('smb_message_echo'),
	webhookSamples.deliveryStatus(),
];

describe('Chakra Trigger: robustness', () => {
	it('answers 200 with well-typed items for 400 randomly mutated deliveries', async () => {
		const next = random(20240611);
		for (let round = 0; round < 400; round++) {
			let payload: unknown = SAMPLES[round % SAMPLES.length];
			for (let mutations = 1 + Math.floor(next() * 3); mutations > 0; mutations--)
				payload = mutate(payload, next);
			// Mutations keep the sample's message ids: duplicate dropping is tested in duplicates.test.ts.
			const result = await deliverSigned(payload, { options: { dropDuplicates: false } });
			expect({ round, status: result.status }).toEqual({ round, status: 200 });
			expect(result.items?.length).toBeGreaterThan(0);
			for (const item of result.items ?? []) {
				const json = item.json as Record<string, unknown>;
				expect(Object.keys(json).sort()).toEqual([...Object.keys(FIELDS), 'raw'].sort());
				for (const [name, types] of Object.entries(FIELDS)) {
					const type = json[name] === null ? 'null' : typeof json[name];
					if (!types.includes(type))
						throw new Error(`round ${round}: ${name} is ${type} in ${JSON.stringify(json)}`);
				}
				if (json.timestamp !== null)
					expect(new Date(json.timestamp as string).getTime()).toBe(json.timestampMs);
			}
		}
	});
});
