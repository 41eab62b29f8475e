/**
 * Chakra Trigger: X-Chakra-Signature-256 (docs/api-reference.md 4.6) on deliveries through n8n-core's
 * WebhookContext: the raw body is what is signed, a wrong signature is answered 401 by the node
 * itself and starts no execution.
 */
import { SIGNATURE_HEADER, signBody, webhookSamples } from '../../fake-chakra';
import { deliverToTrigger } from '../../harness/trigger';
import { SECRET, signingCredentials } from './deliveries';

const credentials = signingCredentials();
const unsignedCredentials = { accessToken: 'unused-token', baseUrl: 'http://127.0.0.1:9' };

const chakraPayload = webhookSamples.chakraMessage();
const chakraRaw = JSON.stringify(chakraPayload);

function expectRefused(result: Awaited<ReturnType<typeof deliverToTrigger>>, message: string) {
	expect(result.status).toBe(401);
	expect(JSON.parse(result.responseBody ?? 'null')).toEqual({ message });
	expect(result.answeredByNode).toBe(true);
	expect(result.noWebhookResponse).toBe(true);
	expect(result.items).toBeUndefined();
}

describe('Chakra Trigger: signature', () => {
	it('accepts a correct lowercase signature of the raw body', async () => {
		const result = await deliverToTrigger({
			parameters: {},
			credentials,
			body: chakraPayload,
			rawBody: chakraRaw,
			headers: { [SIGNATURE_HEADER]: signBody(chakraRaw, SECRET) },
		});
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
	});

	it('accepts the signature in uppercase hex (compared case-insensitively)', async () => {
		const result = await deliverToTrigger({
			parameters: {},
			credentials,
			body: chakraPayload,
			rawBody: chakraRaw,
			headers: { [SIGNATURE_HEADER]: signBody(chakraRaw, SECRET).toUpperCase() },
		});
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
	});

	it('verifies the bytes as received, not a re-serialisation of the parsed body', async () => {
		// Same JSON value, other formatting: the signature of the exact bytes must be the one that counts.
		const spaced = JSON.stringify(chakraPayload, null, 2);
		const accepted = await deliverToTrigger({
			parameters: {},
			credentials,
			body: chakraPayload,
			rawBody: spaced,
			headers: { [SIGNATURE_HEADER]: signBody(spaced, SECRET) },
		});
		expect(accepted.status).toBe(200);
		const refused = await deliverToTrigger({
			parameters: {},
			credentials,
			body: chakraPayload,
			rawBody: spaced,
			headers: { [SIGNATURE_HEADER]: signBody(chakraRaw, SECRET) },
		});
		expectRefused(refused, 'Invalid X-Chakra-Signature-256 signature');
	});

	it('refuses a wrong signature with 401 and no execution', async () => {
		const result = await deliverToTrigger({
			parameters: {},
			credentials,
			body: chakraPayload,
			rawBody: chakraRaw,
			headers: { [SIGNATURE_HEADER]: signBody(chakraRaw, 'another-secret') },
		});
		expectRefused(result, 'Invalid X-Chakra-Signature-256 signature');
	});

	it.each([
		['too short', 'abc123'],
		['too long', `${'a'.repeat(64)}00`],
		['not hex', 'z'.repeat(64)],
		['with a Meta-style prefix', `sha256=${signBody(chakraRaw, SECRET)}`],
		['empty', ''],
	])('refuses a signature that is %s with 401', async (_name, signature) => {
		const result = await deliverToTrigger({
			parameters: {},
			credentials,
			body: chakraPayload,
			rawBody: chakraRaw,
			headers: { [SIGNATURE_HEADER]: signature },
		});
		expectRefused(result, 'Invalid X-Chakra-Signature-256 signature');
	});

	it('refuses a Chakra-format delivery without the header when a secret is set', async () => {
		const result = await deliverToTrigger({
			parameters: {},
			credentials,
			body: chakraPayload,
			rawBody: chakraRaw,
		});
		expectRefused(result, 'Missing X-Chakra-Signature-256 signature');
	});

	it.each([
		['pass-through', webhookSamples.passThroughText()],
		['delivery-status', webhookSamples.deliveryStatus()],
	])(
		'accepts a %s delivery without the header with "Accept Unsigned Pass-Through and Delivery-Status Deliveries"',
		async (_name, payload) => {
			const result = await deliverToTrigger({
				parameters: { acceptUnsignedDeliveries: true },
				credentials,
				body: payload,
			});
			expect(result.status).toBe(200);
			expect(result.items).toHaveLength(1);
		},
	);

	// Issue "Hostile world", class 6: with a secret, every delivery must be signed by default.
	it.each([
		['pass-through', webhookSamples.passThroughText()],
		['delivery-status', webhookSamples.deliveryStatus()],
		['a JSON array', [webhookSamples.passThroughText()]],
		['a JSON string', 'hello'],
		['an unknown object', { hello: 'world' }],
	])('refuses an unsigned %s delivery by default when a secret is set', async (_name, payload) => {
		const result = await deliverToTrigger({
			parameters: {},
			credentials,
			body: payload,
			rawBody: JSON.stringify(payload),
		});
		expectRefused(result, 'Missing X-Chakra-Signature-256 signature');
	});

	it.each([
		['a Chakra-format', chakraPayload],
		['a JSON array', [webhookSamples.passThroughText()]],
		['an unknown object', { hello: 'world' }],
	])(
		'refuses an unsigned %s delivery even with "Accept Unsigned Pass-Through and Delivery-Status Deliveries"',
		async (_name, payload) => {
			const result = await deliverToTrigger({
				parameters: { acceptUnsignedDeliveries: true },
				credentials,
				body: payload,
				rawBody: JSON.stringify(payload),
			});
			expectRefused(result, 'Missing X-Chakra-Signature-256 signature');
		},
	);

	it('refuses unsigned pass-through with "Require Signature on All Deliveries" even when unsigned deliveries are accepted', async () => {
		const result = await deliverToTrigger({
			parameters: { acceptUnsignedDeliveries: true, options: { requireSignature: true } },
			credentials,
			body: webhookSamples.passThroughText(),
		});
		expectRefused(result, 'Missing X-Chakra-Signature-256 signature');
	});

	it('refuses a pass-through delivery with a wrong header', async () => {
		const payload = webhookSamples.passThroughText();
		const result = await deliverToTrigger({
			parameters: {},
			credentials,
			body: payload,
			headers: { [SIGNATURE_HEADER]: 'f'.repeat(64) },
		});
		expectRefused(result, 'Invalid X-Chakra-Signature-256 signature');
	});

	it('refuses unsigned deliveries of every format with "Require Signature on All Deliveries"', async () => {
		const result = await deliverToTrigger({
			parameters: { options: { requireSignature: true } },
			credentials,
			body: webhookSamples.passThroughText(),
		});
		expectRefused(result, 'Missing X-Chakra-Signature-256 signature');
	});

	it('accepts everything, signed or not, when the credential has no secret', async () => {
		const unsigned = await deliverToTrigger({
			parameters: {},
			credentials: unsignedCredentials,
			body: chakraPayload,
		});
		expect(unsigned.status).toBe(200);
		expect(unsigned.items).toHaveLength(1);
		const anySignature = await deliverToTrigger({
			// The same event twice: not dropped as a duplicate here, this test is about signatures.
			parameters: { options: { dropDuplicates: false } },
			credentials: { ...unsignedCredentials, webhookSecret: '' },
			body: chakraPayload,
			headers: { [SIGNATURE_HEADER]: 'not-checked' },
		});
		expect(anySignature.status).toBe(200);
		expect(anySignature.items).toHaveLength(1);
	});

	it('verifies against the re-serialised body when the request carries no raw body', async () => {
		const result = await deliverToTrigger({
			parameters: {},
			credentials,
			body: chakraPayload,
			rawBody: null,
			headers: { [SIGNATURE_HEADER]: signBody(chakraRaw, SECRET) },
		});
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
	});

	it('refuses a repeated signature header', async () => {
		const signature = signBody(chakraRaw, SECRET);
		const result = await deliverToTrigger({
			parameters: {},
			credentials,
			body: chakraPayload,
			rawBody: chakraRaw,
			headers: { [SIGNATURE_HEADER]: [signature, signature] },
		});
		expectRefused(result, 'Invalid X-Chakra-Signature-256 signature');
	});
});
