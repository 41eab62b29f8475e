import { generateKeyPairSync } from 'node:crypto';

import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { runNode } from '../../harness';

describe('Chakra WhatsApp: flow (C13, C14)', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: `${fake.baseUrl}/` });

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 })
		.publicKey.export({ type: 'spki', format: 'pem' })
		.toString()
		.trim();

	it("C13 setPublicKey posts the PEM key and returns Meta's body", async () => {
		const { items, error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: {
				resource: 'flow',
				operation: 'setPublicKey',
				whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
				whatsappApiVersion: 'v24.0',
				businessPublicKey: rsa2048,
			},
		});
		expect(error).toBeUndefined();
		const [request] = fake.requests;
		expect(request.cid).toBe('C13');
		expect(request.method).toBe('POST');
		expect(request.path).toBe(
			`/v1/whatsapp/v24.0/${FAKE_IDS.phoneNumberId}/whatsapp_business_encryption`,
		);
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({ business_public_key: rsa2048 });
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('C14 getPublicKey returns the key just set', async () => {
		const parameters = {
			resource: 'flow',
			whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
			whatsappApiVersion: 'v24.0',
		};
		await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: { ...parameters, operation: 'setPublicKey', businessPublicKey: rsa2048 },
		});
		const { items, error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: { ...parameters, operation: 'getPublicKey' },
		});
		expect(error).toBeUndefined();
		const request = fake.requests[1];
		expect(request.cid).toBe('C14');
		expect(request.method).toBe('GET');
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			data: [{ business_public_key: rsa2048, business_public_key_signature_status: 'VALID' }],
		});
	});

	it('rejects a key that is not PEM before any request, naming the field and item', async () => {
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: {
				resource: 'flow',
				operation: 'setPublicKey',
				whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
				businessPublicKey: 'not a key',
			},
		});
		expect(error?.message).toBe(
			'Business Public Key: must be a PEM public key starting with -----BEGIN PUBLIC KEY-----',
		);
		expect(fake.requests).toHaveLength(0);
	});
});
