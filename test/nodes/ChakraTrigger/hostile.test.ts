/**
 * Chakra Trigger against strangers (issue "Hostile world", class 6): media ids from a delivery are
 * checked before any download, one delivery cannot fan out into unbounded authenticated downloads,
 * the same delivery twice starts one execution, events are classified from the payload's own keys,
 * and the "unsigned accepted" notice shows only when that option is on.
 */
import { FAKE_IDS, FakeChakra, webhookSamples } from '../../fake-chakra';
import { packageNodeTypes, PACKAGE } from '../../harness';
import {
	MAX_DOWNLOADS_PER_DELIVERY,
	MAX_PARALLEL_DOWNLOADS,
} from '../../../nodes/ChakraTrigger/media';
import { deliverSigned, signingCredentials } from './deliveries';

function imageMessage(mediaId: string, index = 0) {
	return {
		from: FAKE_IDS.customerPhone,
		id: `wamid.HOSTILE${index}`,
		timestamp: '1756322300',
		type: 'image',
		image: { mime_type: 'image/jpeg', sha256: 'x', id: mediaId },
	};
}

function passThroughWith(messages: Array<Record<string, unknown>>) {
	const payload = webhookSamples.passThroughText();
	payload.entry[0].changes[0].value.messages = messages as never;
	return payload;
}

describe('Chakra Trigger: hostile deliveries', () => {
	let fake: FakeChakra;
	const credentials = () => signingCredentials(fake.baseUrl, fake.token);
	const download = { downloadMedia: true, whatsappApiVersion: 'v24.0', binaryPropertyName: 'data' };

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it.each([
		['..', 'Media ID: ".." is not a valid value'],
		['../../v1/ext/config', 'Media ID: "../../v1/ext/config" is not a WhatsApp ID (digits only)'],
		['abc', 'Media ID: "abc" is not a WhatsApp ID (digits only)'],
	])(
		'a media id "%s" is refused before any download, the event is kept with the error',
		async (mediaId, message) => {
			const result = await deliverSigned(
				passThroughWith([imageMessage(mediaId)]),
				download,
				credentials(),
			);
			expect(result.status).toBe(200);
			expect(result.items).toHaveLength(1);
			expect(result.items?.[0].json.error).toBe(
				`Media ${mediaId} could not be downloaded: ${message}`,
			);
			expect(result.items?.[0].binary).toBeUndefined();
			expect(fake.requests).toEqual([]);
		},
	);

	it(`one delivery of 30 images downloads ${MAX_DOWNLOADS_PER_DELIVERY}, at most ${MAX_PARALLEL_DOWNLOADS} at once; the others get their own error`, async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		fake.latencyMs = 20;
		fake.injectWhen(
			'C10',
			() => {
				inFlight = fake.requestsFor('C10').filter((request) => request.status === 0).length;
				maxInFlight = Math.max(maxInFlight, inFlight);
				return false;
			},
			{ delayMs: 0 },
			Infinity,
		);
		const messages = Array.from({ length: 30 }, (_, index) =>
			imageMessage(FAKE_IDS.mediaIdDocument, index),
		);
		const result = await deliverSigned(passThroughWith(messages), download, credentials());
		fake.latencyMs = 0;
		expect(result.items).toHaveLength(30);
		const items = result.items ?? [];
		expect(
			items
				.slice(0, MAX_DOWNLOADS_PER_DELIVERY)
				.every((item) => item.binary?.data !== undefined && item.json.error === undefined),
		).toBe(true);
		expect(
			items
				.slice(MAX_DOWNLOADS_PER_DELIVERY)
				.map((item) => [item.json.wamid, item.json.error, item.binary]),
		).toEqual(
			Array.from({ length: 30 - MAX_DOWNLOADS_PER_DELIVERY }, (_, index) => [
				`wamid.HOSTILE${index + MAX_DOWNLOADS_PER_DELIVERY}`,
				`Media ${FAKE_IDS.mediaIdDocument} was not downloaded: one delivery downloads at most ${MAX_DOWNLOADS_PER_DELIVERY} files`,
				undefined,
			]),
		);
		expect(fake.requestsFor('C10')).toHaveLength(MAX_DOWNLOADS_PER_DELIVERY);
		expect(maxInFlight).toBeLessThanOrEqual(MAX_PARALLEL_DOWNLOADS);
		expect(maxInFlight).toBeGreaterThan(1);
	});

	describe('duplicates', () => {
		it('the same delivery twice starts one execution; the second is answered 200 without items', async () => {
			const payload = webhookSamples.passThroughText();
			const first = await deliverSigned(payload, {}, credentials());
			const second = await deliverSigned(payload, {}, credentials());
			expect([first.status, first.items?.length]).toEqual([200, 1]);
			expect([second.status, second.items]).toEqual([200, undefined]);
		});

		it('the same message with another status is not a duplicate (sent, then delivered)', async () => {
			const first = await deliverSigned(webhookSamples.deliveryStatus(), {}, credentials());
			const second = await deliverSigned(
				webhookSamples.deliveryStatus({ deliveryStatus: 'DELIVERED' }),
				{},
				credentials(),
			);
			const again = await deliverSigned(
				webhookSamples.deliveryStatus({ deliveryStatus: 'DELIVERED' }),
				{},
				credentials(),
			);
			expect([first.items?.[0].json.status, second.items?.[0].json.status, again.items]).toEqual([
				'sent',
				'delivered',
				undefined,
			]);
			expect(first.items?.[0].json.wamid).toBe(second.items?.[0].json.wamid);
		});

		it('"Drop Duplicate Deliveries" off: both deliveries start an execution', async () => {
			const payload = webhookSamples.passThroughText();
			const parameters = { options: { dropDuplicates: false } };
			const first = await deliverSigned(payload, parameters, credentials());
			const second = await deliverSigned(payload, parameters, credentials());
			expect([first.items?.length, second.items?.length]).toEqual([1, 1]);
		});

		it('within one delivery, a repeated event is kept once', async () => {
			const payload = webhookSamples.passThroughText();
			const value = payload.entry[0].changes[0].value as unknown as { messages: unknown[] };
			value.messages = [value.messages[0], value.messages[0]];
			const result = await deliverSigned(payload, {}, credentials());
			expect(result.items).toHaveLength(1);
		});
	});

	describe("classification from the payload's own keys", () => {
		it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
			'a change field named "%s" is an update event, kept by the Update filter',
			async (fieldName) => {
				const payload = {
					object: 'whatsapp_business_account',
					entry: [{ id: FAKE_IDS.wabaId, changes: [{ field: fieldName, value: { event: 'x' } }] }],
				};
				const raw = `{"object":"whatsapp_business_account","entry":[{"id":"${FAKE_IDS.wabaId}","changes":[{"field":"${fieldName}","value":{"event":"x"}}]}]}`;
				const updates = await deliverSigned(
					JSON.parse(raw) as typeof payload,
					{ options: { events: ['update'] } },
					credentials(),
				);
				expect(updates.items?.map((item) => [item.json.event, item.json.status])).toEqual([
					[fieldName, 'x'],
				]);
				const messages = await deliverSigned(
					JSON.parse(raw) as typeof payload,
					{ options: { events: ['message'], dropDuplicates: false } },
					credentials(),
				);
				expect(messages.items).toBeUndefined();
			},
		);
	});

	it('the signature notice shows only with "Accept Unsigned Pass-Through and Delivery-Status Deliveries" (off by default)', () => {
		const { properties } = packageNodeTypes().getByNameAndVersion(
			`${PACKAGE}.chakraTrigger`,
		).description;
		const byName = Object.fromEntries(properties.map((property) => [property.name, property]));
		expect(byName.acceptUnsignedDeliveries).toMatchObject({ type: 'boolean', default: false });
		expect(byName.signatureNotice).toMatchObject({
			type: 'notice',
			displayOptions: { show: { acceptUnsignedDeliveries: [true] } },
		});
		const options = (byName.options as { options: Array<{ name: string; default: unknown }> })
			.options;
		expect(options.find((option) => option.name === 'dropDuplicates')?.default).toBe(true);
	});
});
