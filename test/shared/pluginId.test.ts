/**
 * The Plugin ID of the Chakra API credential (nodes/shared/pluginId.ts): used by every node whose own
 * Plugin ID is empty, in declarative routing, coded routing, dropdowns and the trigger's
 * registration; the node's own value wins; neither set is an error naming both places.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ChakraPartner } from '../../nodes/ChakraPartner/ChakraPartner.node';
import { FakeChakra, FAKE_IDS } from '../fake-chakra';
import type { TestCredentials } from '../harness';
import { runNode } from '../harness';
import { loadOptionsContext } from '../harness/load-options';
import { runWebhookMethod, TRIGGER_URLS } from '../harness/trigger';

const WHERE =
	'It is the last part of the URL of the WhatsApp Setup page in ChakraHQ (…/admin/plugin/<Plugin ID>), a UUID such as 3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f.';

describe('Plugin ID from the credential (C4, C9, C38, C39, C64)', () => {
	let fake: FakeChakra;
	const credentials = (pluginId?: string): TestCredentials => ({
		accessToken: fake.token,
		baseUrl: fake.baseUrl,
		...(pluginId === undefined ? {} : { pluginId }),
	});
	const sendText = (pluginId: string, credentialPluginId?: string) =>
		runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(credentialPluginId),
			parameters: {
				resource: 'message',
				operation: 'send',
				pluginId,
				whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
				whatsappApiVersion: 'v24.0',
				phoneNumber: FAKE_IDS.customerPhone,
				messageType: 'text',
				textBody: 'Hello',
			},
		});
	const messagesPath = (pluginId: string) =>
		`/v1/ext/plugin/whatsapp/${pluginId}/api/v24.0/${FAKE_IDS.phoneNumberId}/messages`;

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it("C4 (coded routing): an empty node Plugin ID uses the credential's", async () => {
		const { error } = await sendText('', FAKE_IDS.pluginId);
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.path])).toEqual([
			['C4', messagesPath(FAKE_IDS.pluginId)],
		]);
	});

	it("C4: the node's own Plugin ID wins over the credential's", async () => {
		const { error } = await sendText(FAKE_IDS.pluginId, FAKE_IDS.pluginId2);
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.path])).toEqual([
			['C4', messagesPath(FAKE_IDS.pluginId)],
		]);
	});

	it('C4: empty in the node and in the credential is refused before any request, naming both places', async () => {
		const { items, error } = await sendText('  ', '');
		expect(items).toEqual([]);
		expect(error).toMatchObject({
			message: 'Plugin ID: is empty in the node and in the credential',
			description: `Enter the Plugin ID in the node's "Plugin ID" field, or once in the Chakra API credential's "Plugin ID" for every node. ${WHERE}`,
			httpCode: null,
		});
		expect(fake.requests).toEqual([]);
	});

	it('C4: a credential Plugin ID that is not a UUID is an error naming the credential', async () => {
		const { error } = await sendText('', 'my-plugin');
		expect(error).toMatchObject({
			message: 'Plugin ID: "my-plugin" (from the Chakra API credential) is not a valid UUID',
			description: `Fix the Chakra API credential's "Plugin ID", or enter one in the node's "Plugin ID" field. ${WHERE}`,
		});
		expect(fake.requests).toEqual([]);
	});

	it("C9 media upload (declarative routing) uses the credential's Plugin ID", async () => {
		const { error } = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(FAKE_IDS.pluginId),
			parameters: { resource: 'media', operation: 'upload', binaryPropertyName: 'data' },
			input: [
				{
					json: {},
					binary: {
						data: {
							data: Buffer.from('png').toString('base64'),
							mimeType: 'image/png',
							fileName: 'a.png',
						},
					},
				},
			],
		});
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.path])).toEqual([
			['C9', `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/upload-public-media`],
		]);
	});

	it("C39/C38 Partner plugin configuration update reads and writes the credential's plugin", async () => {
		const parameters: INodeParameters = {
			resource: 'pluginConfig',
			operation: 'update',
			updateFields: { enableChakraWebhook: false },
		};
		const { error } = await runNode({
			type: 'chakraPartner',
			credentials: credentials(FAKE_IDS.pluginId2),
			parameters,
		});
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.path])).toEqual([
			['C39', `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId2}/config`],
			['C38', `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId2}/update-config`],
		]);
	});

	it("C64 business account list of a node without Plugin ID lists the credential's plugin", async () => {
		const context = loadOptionsContext(
			'chakraPartner',
			{ resource: 'waba', operation: 'disconnect', pluginId: '' },
			credentials(FAKE_IDS.pluginId),
		);
		const { results } = await new ChakraPartner().methods.listSearch.searchBusinessAccounts.call(
			context,
		);
		expect(results).toEqual([{ name: `Acme Retail (${FAKE_IDS.wabaId})`, value: FAKE_IDS.wabaId }]);
		expect(fake.requests.map((request) => [request.cid, request.query])).toEqual([
			['C64', { pluginId: FAKE_IDS.pluginId }],
		]);
	});

	it("C39/C38 the trigger registers its URL in the credential's plugin", async () => {
		const parameters = { registerWebhook: true, pluginId: '', webhookTarget: 'passThrough' };
		const { nodeStaticData } = await runWebhookMethod('create', {
			parameters,
			credentials: credentials(FAKE_IDS.pluginId),
		});
		expect(fake.requests.map((request) => [request.cid, request.path])).toEqual([
			['C39', `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/config`],
			['C38', `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/update-config`],
		]);
		expect(nodeStaticData.registration).toMatchObject({
			pluginId: FAKE_IDS.pluginId,
			url: TRIGGER_URLS.production,
		});
	});
});
