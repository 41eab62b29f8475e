import type { INodeParameters } from 'n8n-workflow';

import { ChakraPartner } from '../../../nodes/ChakraPartner/ChakraPartner.node';
import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { runNode } from '../../harness';
import { loadOptionsContext } from '../../harness/load-options';

describe('Chakra Partner: WhatsApp Business Account (C40, C64)', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const disconnect = (parameters: INodeParameters, continueOnFail = false) =>
		runNode({
			type: 'chakraPartner',
			credentials: credentials(),
			parameters: {
				resource: 'waba',
				operation: 'disconnect',
				pluginId: FAKE_IDS.pluginId,
				...parameters,
			},
			continueOnFail,
		});
	const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C40 disconnect posts the confirmed wabaId to the plugin path', async () => {
		const { items, error } = await disconnect({
			wabaId: fromList(FAKE_IDS.wabaId),
			confirmWabaId: ` ${FAKE_IDS.wabaId} `,
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C40');
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/disconnect-waba`);
		expect(request.query).toEqual({});
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({ wabaId: FAKE_IDS.wabaId });
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(fake.state.plugins.get(FAKE_IDS.pluginId)!.wabaIds).toEqual([]);
	});

	it('C40 disconnect sends nothing when Confirm WABA ID is empty or does not match', async () => {
		const mismatch = await disconnect({
			wabaId: { __rl: true, mode: 'id', value: FAKE_IDS.wabaId },
			confirmWabaId: FAKE_IDS.wabaId2,
		});
		expect(mismatch.error?.message).toBe(
			`Confirm WABA ID: "${FAKE_IDS.wabaId2}" does not match the WABA ID ${FAKE_IDS.wabaId}, so the account was not disconnected`,
		);
		expect(mismatch.error?.description).toBe(
			`Type ${FAKE_IDS.wabaId} in Confirm WABA ID to disconnect this WhatsApp Business Account.`,
		);
		const empty = await disconnect({
			wabaId: fromList(FAKE_IDS.wabaId),
			confirmWabaId: '={{ $json.confirm }}',
		});
		expect(empty.error?.message).toBe(
			'Confirm WABA ID: is empty, so the account was not disconnected',
		);
		const notDigits = await disconnect({
			wabaId: { __rl: true, mode: 'id', value: '={{ "waba-1" }}' },
			confirmWabaId: 'waba-1',
		});
		expect(notDigits.error?.message).toBe(
			'WhatsApp Business Account ID: "waba-1" is not a WABA ID (digits only)',
		);
		expect(fake.requests).toHaveLength(0);
		expect(fake.state.plugins.get(FAKE_IDS.pluginId)!.wabaIds).toEqual([FAKE_IDS.wabaId]);
	});

	it("C40 disconnect surfaces ChakraHQ's message for a WABA of another plugin (continueOnFail keeps it on the item)", async () => {
		const { items, error } = await disconnect(
			{ wabaId: fromList(FAKE_IDS.wabaId2), confirmWabaId: FAKE_IDS.wabaId2 },
			true,
		);
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.body])).toEqual([
			['C40', { wabaId: FAKE_IDS.wabaId2 }],
		]);
		expect(items.map((item) => item.json)).toEqual([
			{ error: `WABA ${FAKE_IDS.wabaId2} is not connected to plugin ${FAKE_IDS.pluginId}` },
		]);
	});

	it("C40 WABA list (C64) offers the plugin's business accounts and needs the Plugin ID", async () => {
		const methods = new ChakraPartner().methods;
		const context = loadOptionsContext(
			'chakraPartner',
			{ resource: 'waba', operation: 'disconnect', pluginId: FAKE_IDS.pluginId },
			credentials(),
		);
		const { results } = await methods.listSearch.searchBusinessAccounts.call(context);
		expect(results).toEqual([{ name: `Acme Retail (${FAKE_IDS.wabaId})`, value: FAKE_IDS.wabaId }]);
		expect(
			fake.requests.map((request) => [request.cid, request.query, request.headers.authorization]),
		).toEqual([['C64', { pluginId: FAKE_IDS.pluginId }, `Bearer ${fake.token}`]]);
		const withoutPlugin = loadOptionsContext(
			'chakraPartner',
			{ resource: 'waba', operation: 'disconnect', pluginId: '' },
			credentials(),
		);
		await expect(methods.listSearch.searchBusinessAccounts.call(withoutPlugin)).rejects.toThrow(
			'Plugin ID: is empty in the node and in the credential',
		);
	});
});
