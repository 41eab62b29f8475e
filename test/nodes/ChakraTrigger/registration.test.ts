/**
 * Chakra Trigger: webhook registration through n8n-core's HookContext against the fake plugin
 * configuration (C39 read, C38 write): checkExists / create / delete, restore of the previous value,
 * survival of keys we do not own, and refusal to overwrite another receiver's URL.
 */
import type { IDataObject } from 'n8n-workflow';

import { FAKE_IDS, FakeChakra } from '../../fake-chakra';
import { runWebhookMethod, TRIGGER_URLS } from '../../harness/trigger';

const PLUGIN_1_SEED = {
	passThroughWebhookUrl: '',
	enableMessageEchoesForPassThroughWebhook: false,
	enableSendMessageTemplateEventForPassThroughWebhook: false,
	enableChakraWebhook: false,
	chakraWebhookUrl: '',
	whichChakraWebhookEventsToSend: [],
	someOtherSetting: 'keep-me',
};

describe('Chakra Trigger: webhook registration (C38, C39)', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const config = (pluginId: string = FAKE_IDS.pluginId) => fake.state.plugins.get(pluginId)?.config;
	const passThrough = (extra: IDataObject = {}) => ({
		registerWebhook: true,
		pluginId: FAKE_IDS.pluginId,
		webhookTarget: 'passThrough',
		...extra,
	});

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	describe('with registration off', () => {
		it.each(['checkExists', 'create', 'delete'] as const)(
			'%s succeeds without calling ChakraHQ',
			async (method) => {
				const { result, nodeStaticData } = await runWebhookMethod(method, {
					parameters: {},
					credentials: credentials(),
				});
				expect(result).toBe(true);
				expect(nodeStaticData).toEqual({});
				expect(fake.requests).toHaveLength(0);
			},
		);
	});

	it('create reads the configuration and writes it back whole with the production URL', async () => {
		const { result, nodeStaticData } = await runWebhookMethod('create', {
			parameters: passThrough(),
			credentials: credentials(),
		});
		expect(result).toBe(true);
		expect(fake.requests.map((request) => [request.cid, request.method, request.path])).toEqual([
			['C39', 'GET', `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/config`],
			['C38', 'POST', `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/update-config`],
		]);
		expect(fake.requests[1].headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(fake.requests[1].body).toEqual({
			...PLUGIN_1_SEED,
			passThroughWebhookUrl: TRIGGER_URLS.production,
		});
		expect(config()).toEqual({ ...PLUGIN_1_SEED, passThroughWebhookUrl: TRIGGER_URLS.production });
		expect(nodeStaticData).toEqual({
			registration: {
				pluginId: FAKE_IDS.pluginId,
				target: 'passThrough',
				url: TRIGGER_URLS.production,
				previous: {
					passThroughWebhookUrl: '',
					enableMessageEchoesForPassThroughWebhook: false,
					enableSendMessageTemplateEventForPassThroughWebhook: false,
				},
			},
		});
	});

	it('checkExists is false before create, true after it, false again when the URL changed', async () => {
		const parameters = passThrough();
		expect(
			(await runWebhookMethod('checkExists', { parameters, credentials: credentials() })).result,
		).toBe(false);
		await runWebhookMethod('create', { parameters, credentials: credentials() });
		expect(
			(await runWebhookMethod('checkExists', { parameters, credentials: credentials() })).result,
		).toBe(true);
		(config() as IDataObject).passThroughWebhookUrl = 'https://elsewhere.example.com/hook';
		expect(
			(await runWebhookMethod('checkExists', { parameters, credentials: credentials() })).result,
		).toBe(false);
	});

	it('checkExists is false when the URL is ours but the echo setting differs', async () => {
		await runWebhookMethod('create', { parameters: passThrough(), credentials: credentials() });
		const { result } = await runWebhookMethod('checkExists', {
			parameters: passThrough({ forwardEchoes: true }),
			credentials: credentials(),
		});
		expect(result).toBe(false);
	});

	it('delete restores the previous values and keeps the other keys', async () => {
		const created = await runWebhookMethod('create', {
			parameters: passThrough({ forwardEchoes: true }),
			credentials: credentials(),
		});
		expect(config()).toEqual({
			...PLUGIN_1_SEED,
			passThroughWebhookUrl: TRIGGER_URLS.production,
			enableMessageEchoesForPassThroughWebhook: true,
		});
		fake.clearRequests();
		const deleted = await runWebhookMethod('delete', {
			parameters: passThrough({ forwardEchoes: true }),
			credentials: credentials(),
			staticData: created.staticData,
		});
		expect(deleted.result).toBe(true);
		expect(fake.requests.map((request) => request.cid)).toEqual(['C39', 'C38']);
		expect(config()).toEqual(PLUGIN_1_SEED);
		expect(deleted.nodeStaticData).toEqual({});
	});

	it("refuses to overwrite another receiver's URL, without writing anything", async () => {
		const before = JSON.parse(JSON.stringify(config(FAKE_IDS.pluginId2))) as IDataObject;
		await expect(
			runWebhookMethod('create', {
				parameters: passThrough({ pluginId: FAKE_IDS.pluginId2 }),
				credentials: credentials(),
			}),
		).rejects.toMatchObject({
			message: `The "pass-through webhook url for Meta events" of plugin ${FAKE_IDS.pluginId2} already points to https://existing.example.com/webhook/meta`,
			description:
				'The trigger does not overwrite a URL that another receiver uses. Clear that field on the WhatsApp Setup page in ChakraHQ, or turn on "Replace Existing URL": the old URL is then written back when this workflow is deactivated.',
		});
		expect(fake.requests.map((request) => request.cid)).toEqual(['C39']);
		expect(config(FAKE_IDS.pluginId2)).toEqual(before);
	});

	it('with "Replace Existing URL" replaces the other URL and restores it on delete', async () => {
		const before = JSON.parse(JSON.stringify(config(FAKE_IDS.pluginId2))) as IDataObject;
		const parameters = passThrough({ pluginId: FAKE_IDS.pluginId2, replaceExistingUrl: true });
		const created = await runWebhookMethod('create', { parameters, credentials: credentials() });
		expect(config(FAKE_IDS.pluginId2)).toEqual({
			...before,
			passThroughWebhookUrl: TRIGGER_URLS.production,
		});
		await runWebhookMethod('delete', {
			parameters,
			credentials: credentials(),
			staticData: created.staticData,
		});
		expect(config(FAKE_IDS.pluginId2)).toEqual(before);
		expect(config(FAKE_IDS.pluginId2)?.passThroughWebhookUrl).toBe(
			'https://existing.example.com/webhook/meta',
		);
	});

	it('registers the Chakra webhook with its event list and turns it back off on delete', async () => {
		const parameters = {
			registerWebhook: true,
			pluginId: FAKE_IDS.pluginId,
			webhookTarget: 'chakra',
			chakraWebhookEvents: ['message', 'message_echo'],
		};
		const created = await runWebhookMethod('create', { parameters, credentials: credentials() });
		expect(fake.requests[1].body).toEqual({
			...PLUGIN_1_SEED,
			chakraWebhookUrl: TRIGGER_URLS.production,
			enableChakraWebhook: true,
			whichChakraWebhookEventsToSend: ['message', 'message_echo'],
		});
		expect(
			(await runWebhookMethod('checkExists', { parameters, credentials: credentials() })).result,
		).toBe(true);
		await runWebhookMethod('delete', {
			parameters,
			credentials: credentials(),
			staticData: created.staticData,
		});
		expect(config()).toEqual(PLUGIN_1_SEED);
	});

	it('delete leaves a URL alone that someone set after us', async () => {
		const created = await runWebhookMethod('create', {
			parameters: passThrough(),
			credentials: credentials(),
		});
		(config() as IDataObject).passThroughWebhookUrl = 'https://newer.example.com/hook';
		fake.clearRequests();
		const deleted = await runWebhookMethod('delete', {
			parameters: passThrough(),
			credentials: credentials(),
			staticData: created.staticData,
		});
		expect(fake.requests.map((request) => request.cid)).toEqual(['C39']);
		expect(config()?.passThroughWebhookUrl).toBe('https://newer.example.com/hook');
		expect(deleted.nodeStaticData).toEqual({});
	});

	it('delete without remembered values empties our URL (and only ours)', async () => {
		(config() as IDataObject).passThroughWebhookUrl = TRIGGER_URLS.production;
		await runWebhookMethod('delete', { parameters: passThrough(), credentials: credentials() });
		expect(config()).toEqual(PLUGIN_1_SEED);
	});

	it('create when our URL is already set (static data lost) remembers an empty URL, not our own', async () => {
		(config() as IDataObject).passThroughWebhookUrl = TRIGGER_URLS.production;
		const { nodeStaticData } = await runWebhookMethod('create', {
			parameters: passThrough(),
			credentials: credentials(),
		});
		expect((nodeStaticData.registration as IDataObject).previous).toEqual({
			passThroughWebhookUrl: '',
		});
	});

	it('registers the test URL while listening for a test event, and restores on stop', async () => {
		const created = await runWebhookMethod('create', {
			parameters: passThrough(),
			credentials: credentials(),
			isTest: true,
		});
		expect(config()?.passThroughWebhookUrl).toBe(TRIGGER_URLS.test);
		await runWebhookMethod('delete', {
			parameters: passThrough(),
			credentials: credentials(),
			staticData: created.staticData,
			isTest: true,
		});
		expect(config()).toEqual(PLUGIN_1_SEED);
	});

	it('refuses to register without a Plugin ID in the node or the credential, naming both', async () => {
		await expect(
			runWebhookMethod('create', {
				parameters: passThrough({ pluginId: '  ' }),
				credentials: credentials(),
			}),
		).rejects.toMatchObject({
			message: 'Plugin ID: is empty in the node and in the credential',
			description:
				'Enter the Plugin ID in the node\'s "Plugin ID" field, or once in the Chakra API credential\'s "Plugin ID" for every node. It is the last part of the URL of the WhatsApp Setup page in ChakraHQ (…/admin/plugin/<Plugin ID>), a UUID such as 3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f. Or turn off "Register Webhook URL in ChakraHQ".',
		});
		expect(fake.requests).toHaveLength(0);
	});

	it("reports ChakraHQ's own error for an unknown plugin", async () => {
		const unknownPlugin = '00000000-0000-4000-8000-000000000000';
		await expect(
			runWebhookMethod('create', {
				parameters: passThrough({ pluginId: unknownPlugin }),
				credentials: credentials(),
			}),
		).rejects.toMatchObject({
			message: `Plugin not found: ${unknownPlugin}`,
		});
	});
});
