import type { INodeParameters } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { runNode } from '../../harness';

describe('Chakra Partner: connect token (C37)', () => {
	let fake: FakeChakra;
	const connectToken = (parameters: INodeParameters, baseUrl?: string, continueOnFail = false) =>
		runNode({
			type: 'chakraPartner',
			credentials: { accessToken: fake.token, baseUrl: baseUrl ?? fake.baseUrl },
			parameters: { resource: 'connectToken', operation: 'create', ...parameters },
			continueOnFail,
		});
	const issuedTokens = () => fake.state.connectTokens.map((entry) => entry.token);

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C37 create for a new plugin sends newPluginName and the client fields, and returns the token with its connect URL', async () => {
		const { items, error } = await connectToken(
			{
				connectTo: 'newPlugin',
				newPluginName: '  Acme Retail WhatsApp ',
				additionalFields: {
					clientReferenceId: 'cust-1042',
					clientName: 'Acme Retail',
					clientEmail: 'ops@acme.example',
				},
			},
			`${fake.baseUrl}//`,
		);
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C37');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/ext/whatsapp-partner/create-connect-token');
		expect(request.query).toEqual({});
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({
			newPluginName: 'Acme Retail WhatsApp',
			clientReferenceId: 'cust-1042',
			clientName: 'Acme Retail',
			clientEmail: 'ops@acme.example',
		});
		const [token] = issuedTokens();
		expect(token).toMatch(/^ct_[0-9a-f]{48}$/);
		expect(items.map((item) => item.json)).toEqual([
			{
				connectToken: token,
				connectUrl: `${fake.baseUrl}/v1/ext/whatsapp-partner/connect?connectToken=${token}`,
			},
		]);
	});

	it('C37 create for an existing plugin sends only pluginId (a hidden new plugin name is not sent)', async () => {
		const { items, error } = await connectToken({
			connectTo: 'existingPlugin',
			pluginId: FAKE_IDS.pluginId,
			newPluginName: 'left over from before',
			additionalFields: { clientName: '  ' },
		});
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.body])).toEqual([
			['C37', { pluginId: FAKE_IDS.pluginId }],
		]);
		const [token] = issuedTokens();
		expect(items.map((item) => item.json)).toEqual([
			{
				connectToken: token,
				connectUrl: `${fake.baseUrl}/v1/ext/whatsapp-partner/connect?connectToken=${token}`,
			},
		]);
	});

	it('C37 create refuses a missing new plugin name, a plugin ID that is not a UUID and a bad client email before any request', async () => {
		const noName = await connectToken({
			connectTo: 'newPlugin',
			newPluginName: '={{ $json.name }}',
		});
		expect(noName.error?.message).toBe('New Plugin Name: is required but empty');
		const badPlugin = await connectToken({ connectTo: 'existingPlugin', pluginId: 'my-plugin' });
		expect(badPlugin.error?.message).toBe('Plugin ID: "my-plugin" is not a valid UUID');
		const badEmail = await connectToken({
			connectTo: 'newPlugin',
			newPluginName: 'Acme',
			additionalFields: { clientEmail: 'ops at acme' },
		});
		expect(badEmail.error?.message).toBe('Client Email: "ops at acme" is not an email address');
		expect(fake.requests).toHaveLength(0);
	});

	it("C37 create surfaces ChakraHQ's _errors message (unknown plugin), also as an error item with continueOnFail", async () => {
		const unknownPlugin = '0b7e6f9a-1111-4222-8333-944455566677';
		const { error } = await connectToken({ connectTo: 'existingPlugin', pluginId: unknownPlugin });
		expect(fake.requests[0].cid).toBe('C37');
		expect(error?.message).toBe(`Plugin not found: ${unknownPlugin}`);
		const tolerant = await connectToken(
			{ connectTo: 'existingPlugin', pluginId: unknownPlugin },
			undefined,
			true,
		);
		expect(tolerant.error).toBeUndefined();
		expect(tolerant.items.map((item) => item.json)).toEqual([
			{ error: `Plugin not found: ${unknownPlugin}` },
		]);
	});

	it('C37 create fails clearly when the answer carries no connect token', async () => {
		fake.inject('C37', { status: 200, body: { _data: {} } });
		const { error } = await connectToken({ connectTo: 'newPlugin', newPluginName: 'Acme' });
		expect(error?.message).toBe('ChakraHQ answered without a connect token');
	});
});
