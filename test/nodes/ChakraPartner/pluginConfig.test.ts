import type { INodeParameters } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { runNode } from '../../harness';

describe('Chakra Partner: plugin configuration (C38, C39)', () => {
	let fake: FakeChakra;
	const pluginConfig = (parameters: INodeParameters, continueOnFail = false) =>
		runNode({
			type: 'chakraPartner',
			credentials: { accessToken: fake.token, baseUrl: fake.baseUrl },
			parameters: { resource: 'pluginConfig', ...parameters },
			continueOnFail,
		});

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C39 get returns the plugin configuration, unknown keys included', async () => {
		const { items, error } = await pluginConfig({ operation: 'get', pluginId: FAKE_IDS.pluginId2 });
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C39');
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId2}/config`);
		expect(request.query).toEqual({});
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(items.map((item) => item.json)).toEqual([
			{
				passThroughWebhookUrl: 'https://existing.example.com/webhook/meta',
				enableMessageEchoesForPassThroughWebhook: false,
				enableSendMessageTemplateEventForPassThroughWebhook: false,
				enableChakraWebhook: true,
				chakraWebhookUrl: 'https://existing.example.com/webhook/chakra',
				whichChakraWebhookEventsToSend: ['message', 'status'],
				someOtherSetting: 'keep-me-too',
			},
		]);
	});

	it('C38 update reads the configuration first (C39) and sends it whole with only the given keys changed, so other keys survive', async () => {
		const { items, error } = await pluginConfig({
			operation: 'update',
			pluginId: FAKE_IDS.pluginId,
			updateFields: {
				enableChakraWebhook: true,
				chakraWebhookUrl: 'https://n8n.example.com/webhook/chakra',
				whichChakraWebhookEventsToSend: ['message', 'status'],
			},
		});
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.method, request.path])).toEqual([
			['C39', 'GET', `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/config`],
			['C38', 'POST', `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/update-config`],
		]);
		expect(
			fake.requests.every((request) => request.headers.authorization === `Bearer ${fake.token}`),
		).toBe(true);
		const written = {
			passThroughWebhookUrl: '',
			enableMessageEchoesForPassThroughWebhook: false,
			enableSendMessageTemplateEventForPassThroughWebhook: false,
			enableChakraWebhook: true,
			chakraWebhookUrl: 'https://n8n.example.com/webhook/chakra',
			whichChakraWebhookEventsToSend: ['message', 'status'],
			someOtherSetting: 'keep-me',
		};
		expect(fake.requests[1].body).toEqual(written);
		expect(items.map((item) => item.json)).toEqual([{ success: true, config: written }]);
		expect(fake.state.plugins.get(FAKE_IDS.pluginId)!.config).toEqual(written);
	});

	it('C38 update can remove a URL with an empty value and keeps every other setting of the plugin', async () => {
		const { items, error } = await pluginConfig({
			operation: 'update',
			pluginId: FAKE_IDS.pluginId2,
			updateFields: { passThroughWebhookUrl: '', enableMessageEchoesForPassThroughWebhook: true },
		});
		expect(error).toBeUndefined();
		const written = {
			passThroughWebhookUrl: '',
			enableMessageEchoesForPassThroughWebhook: true,
			enableSendMessageTemplateEventForPassThroughWebhook: false,
			enableChakraWebhook: true,
			chakraWebhookUrl: 'https://existing.example.com/webhook/chakra',
			whichChakraWebhookEventsToSend: ['message', 'status'],
			someOtherSetting: 'keep-me-too',
		};
		expect(fake.requestsFor('C38').map((request) => request.body)).toEqual([written]);
		expect(items.map((item) => item.json)).toEqual([{ success: true, config: written }]);
	});

	it('C38 update refuses a URL that is not http(s), an empty update, and turning the Chakra webhook on without a URL, before writing', async () => {
		const badUrl = await pluginConfig({
			operation: 'update',
			pluginId: FAKE_IDS.pluginId,
			updateFields: { chakraWebhookUrl: 'ftp://example.com/hook' },
		});
		expect(badUrl.error?.message).toBe(
			'Chakra Webhook URL: "ftp://example.com/hook" is not an http(s) URL',
		);
		const notUrl = await pluginConfig({
			operation: 'update',
			pluginId: FAKE_IDS.pluginId,
			updateFields: { passThroughWebhookUrl: 'example.com/hook' },
		});
		expect(notUrl.error?.message).toBe(
			'Pass-Through Webhook URL: "example.com/hook" is not an http(s) URL',
		);
		const badEvent = await pluginConfig({
			operation: 'update',
			pluginId: FAKE_IDS.pluginId,
			updateFields: { whichChakraWebhookEventsToSend: '={{ "message, read" }}' },
		});
		expect(badEvent.error?.message).toBe('Chakra Webhook Events: unknown event "read"');
		const nothing = await pluginConfig({
			operation: 'update',
			pluginId: FAKE_IDS.pluginId,
			updateFields: {},
		});
		expect(nothing.error?.message).toBe('Update Fields: nothing to update');
		expect(fake.requests).toHaveLength(0);
		const noUrl = await pluginConfig({
			operation: 'update',
			pluginId: FAKE_IDS.pluginId,
			updateFields: { enableChakraWebhook: true },
		});
		expect(noUrl.error?.message).toBe(
			'Enable Chakra Webhook: is on but the plugin has no Chakra Webhook URL',
		);
		expect(fake.requests.map((request) => request.cid)).toEqual(['C39']);
	});

	it('C38 update takes the event list from an expression as comma-separated text', async () => {
		const { items, error } = await pluginConfig({
			operation: 'update',
			pluginId: FAKE_IDS.pluginId2,
			updateFields: { whichChakraWebhookEventsToSend: '={{ "status, message_echo" }}' },
		});
		expect(error).toBeUndefined();
		expect(
			fake
				.requestsFor('C38')
				.map(
					(request) =>
						(request.body as { whichChakraWebhookEventsToSend: string[] })
							.whichChakraWebhookEventsToSend,
				),
		).toEqual([['status', 'message_echo']]);
		expect(items[0].json).toMatchObject({
			success: true,
			config: {
				whichChakraWebhookEventsToSend: ['status', 'message_echo'],
				someOtherSetting: 'keep-me-too',
			},
		});
	});

	it("C38 update writes nothing when reading the configuration (C39) fails, and shows ChakraHQ's message", async () => {
		fake.inject('C39', { chakraErrors: ['Your role cannot read plugin settings'] });
		const { items, error } = await pluginConfig(
			{
				operation: 'update',
				pluginId: FAKE_IDS.pluginId,
				updateFields: { passThroughWebhookUrl: 'https://n8n.example.com/webhook/meta' },
			},
			true,
		);
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => request.cid)).toEqual(['C39']);
		expect(items.map((item) => item.json)).toEqual([
			{ error: 'Your role cannot read plugin settings' },
		]);
	});

	it('C38 update surfaces a _errors answer of the write itself', async () => {
		fake.inject('C38', { chakraErrors: ['Webhook URL did not answer the verification request'] });
		const { error } = await pluginConfig({
			operation: 'update',
			pluginId: FAKE_IDS.pluginId,
			updateFields: { passThroughWebhookUrl: 'https://n8n.example.com/webhook/meta' },
		});
		expect(fake.requests.map((request) => request.cid)).toEqual(['C39', 'C38']);
		expect(error?.message).toBe('Webhook URL did not answer the verification request');
	});

	it("C39 get shows ChakraHQ's message for an unknown plugin", async () => {
		const { error } = await pluginConfig({
			operation: 'get',
			pluginId: '00000000-0000-4000-8000-000000000000',
		});
		expect(error?.message).toBe('Plugin not found: 00000000-0000-4000-8000-000000000000');
	});
});
