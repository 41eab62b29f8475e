/**
 * Bad input never reaches ChakraHQ (issue "Reliability and security", part "Bad input"): every row
 * of the table in bad-input.cases.ts runs through n8n-core's real engine against the fake server and
 * must fail with a message that names the field, name the item, and send nothing.
 *
 * Error shape: a preSend throws a NodeApiError without an HTTP code (validation.ts fieldError), which
 * RoutingNode passes on as it is (any other error it wraps with the code "none", shown by the editor
 * as "Error code none"), with context { itemIndex, runIndex }. The run data holds that error
 * serialised (a plain object whose `name` is "NodeApiError"). With continueOnFail the item becomes
 * { json: { error: <message> }, error: <the NodeApiError itself>, pairedItem: { item: i } }.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../fake-chakra';
import type { RunNodeResult } from '../harness';
import { runNode } from '../harness';
import type { ActionNode, BadInputCase } from './bad-input.cases';
import { ACTION_NODES, BAD_INPUT_CASES, fixField } from './bad-input.cases';

interface SerialisedError {
	name?: string;
	message?: string;
	description?: string | null;
	httpCode?: string | null;
	context?: { itemIndex?: number; runIndex?: number };
}

/** A representative operation per node run with [good, bad, good] items (`$json.value` differs). */
interface ContinueCase {
	node: ActionNode;
	description: string;
	cid: string;
	parameters: INodeParameters;
	values: [unknown, unknown, unknown];
	expectedMessage: string;
}

const CONTINUE_CASES: ContinueCase[] = [
	{
		node: 'chakraWhatsApp',
		description: 'media get (C11) with an empty media ID in the middle',
		cid: 'C11',
		parameters: {
			resource: 'media',
			operation: 'get',
			whatsappApiVersion: 'v24.0',
			whatsappMediaId: '={{ $json.value }}',
		},
		values: [FAKE_IDS.mediaId, ' ', FAKE_IDS.mediaIdDocument],
		expectedMessage: 'Media ID: is required but empty',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'group update (C18) with a 129-character subject in the middle',
		cid: 'C18',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: { __rl: true, mode: 'id', value: FAKE_IDS.groupId },
			updateFields: { subject: '={{ $json.value }}' },
		},
		values: ['Orders', 'x'.repeat(129), 'Returns'],
		expectedMessage: 'Subject: has 129 characters; WhatsApp allows at most 128',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'permission get (C35) with letters as the phone number in the middle',
		cid: 'C35',
		parameters: {
			resource: 'permission',
			operation: 'get',
			whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
			userWaId: '={{ $json.value }}',
		},
		values: [FAKE_IDS.customerPhone, 'customer', FAKE_IDS.customerPhone2],
		expectedMessage: 'User Phone Number: "customer" is not a phone number',
	},
	{
		node: 'chakraCrm',
		description: 'campaign add phone number (C31) with a malformed phone number in the middle',
		cid: 'C31',
		parameters: {
			resource: 'campaign',
			operation: 'addPhoneNumber',
			campaignId: FAKE_IDS.campaignId,
			phoneNumber: '={{ $json.value }}',
		},
		values: [FAKE_IDS.customerPhone, 'abc', FAKE_IDS.customerPhone2],
		expectedMessage: 'Phone Number: "abc" is not a phone number',
	},
	{
		node: 'chakraPartner',
		description: 'plugin config update (C38) with an ftp:// webhook URL in the middle',
		cid: 'C38',
		parameters: {
			resource: 'pluginConfig',
			operation: 'update',
			pluginId: FAKE_IDS.pluginId,
			updateFields: { chakraWebhookUrl: '={{ $json.value }}' },
		},
		values: [
			'https://example.com/webhook/a',
			'ftp://example.com/webhook',
			'https://example.com/webhook/b',
		],
		expectedMessage: 'Chakra Webhook URL: "ftp://example.com/webhook" is not an http(s) URL',
	},
	{
		node: 'chakraPlatform',
		description: 'user get (C53) with an empty user ID in the middle',
		cid: 'C53',
		parameters: {
			resource: 'user',
			operation: 'get',
			userId: { __rl: true, mode: 'id', value: '={{ $json.value }}' },
		},
		values: [FAKE_IDS.userId, '', FAKE_IDS.userId2],
		expectedMessage: 'User ID: is required but empty',
	},
];

describe('bad input is refused before any request, naming the field and the item', () => {
	let fake: FakeChakra;
	const run = (
		node: ActionNode,
		parameters: INodeParameters,
		input?: INodeExecutionData[],
		continueOnFail = false,
	): Promise<RunNodeResult> =>
		runNode({
			type: node,
			credentials: { accessToken: fake.token, baseUrl: fake.baseUrl },
			parameters,
			input,
			continueOnFail,
		});

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('the table covers all six action nodes with at least 4 rows each, 45 or more in all', () => {
		const perNode = Object.fromEntries(
			ACTION_NODES.map((node) => [node, BAD_INPUT_CASES.filter((row) => row.node === node).length]),
		);
		expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(45);
		for (const node of ACTION_NODES) expect([node, perNode[node] >= 4]).toEqual([node, true]);
		expect(new Set(BAD_INPUT_CASES.map((row) => `${row.node} ${row.description}`)).size).toBe(
			BAD_INPUT_CASES.length,
		);
	});

	it.each(
		BAD_INPUT_CASES.map(
			(row) => [`${row.node}: ${row.description}`, row] as [string, BadInputCase],
		),
	)('%s', async (_name, row) => {
		const { items, error } = await run(row.node, row.parameters, row.input);
		const failure = error as SerialisedError | undefined;
		expect(items).toEqual([]);
		expect({
			name: failure?.name,
			message: failure?.message,
			description: failure?.description,
			httpCode: failure?.httpCode,
			itemIndex: failure?.context?.itemIndex,
		}).toEqual({
			name: 'NodeApiError',
			message: row.expectedMessage,
			description:
				row.expectedDescription ??
				fixField(row.expectedMessage.slice(0, row.expectedMessage.indexOf(':'))),
			httpCode: null,
			itemIndex: 0,
		});
		// Nothing reached the operation's endpoint; only the listed configuration reads may have.
		expect(fake.requestsFor(row.cid)).toEqual([]);
		expect(fake.requests.map((request) => request.cid)).toEqual(row.lookups ?? []);
	});

	it('C4: four reply buttons never reach the node: n8n refuses the workflow (maxAllowedFields 3) and nothing is sent', async () => {
		const button = (index: number) => ({ id: `b${index}`, title: `Choice ${index}` });
		const parameters = {
			resource: 'message',
			operation: 'send',
			pluginId: FAKE_IDS.pluginId,
			whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
			phoneNumber: FAKE_IDS.customerPhone,
			messageType: 'interactiveButtons',
			interactiveBody: 'Pick one',
		};
		const four = run('chakraWhatsApp', {
			...parameters,
			replyButtons: { button: [0, 1, 2, 3].map(button) },
		});
		// The fact of refusal, not n8n's wording (which changes between n8n versions).
		await expect(four).rejects.toBeInstanceOf(Error);
		expect(fake.requests).toEqual([]);
		// Three are sent: the limit is the engine's, not a blanket refusal.
		const three = await run('chakraWhatsApp', {
			...parameters,
			replyButtons: { button: [0, 1, 2].map(button) },
		});
		expect(three.error).toBeUndefined();
		expect(fake.requestsFor('C4')).toHaveLength(1);
	});

	describe.each(
		CONTINUE_CASES.map((row) => [`${row.node}: ${row.description}`, row] as [string, ContinueCase]),
	)('[good, bad, good]: %s', (_name, row) => {
		const input = row.values.map((value) => ({ json: { value } })) as INodeExecutionData[];
		const [good0, , good2] = input;

		/** The output of one good item run on its own, from a fresh fake. */
		async function alone(item: INodeExecutionData) {
			fake.reset();
			const result = await run(row.node, row.parameters, [item]);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			return result.items[0].json;
		}

		it('with continueOnFail: item 1 is an error item, items 0 and 2 succeed, exactly 2 requests', async () => {
			const expected0 = await alone(good0);
			const expected2 = await alone(good2);
			fake.reset();
			const { items, error } = await run(row.node, row.parameters, input, true);
			expect(error).toBeUndefined();
			expect(
				items.map((item) => ({
					json: item.json,
					pairedItem: item.pairedItem,
					error: item.error?.message,
				})),
			).toEqual([
				{ json: expected0, pairedItem: { item: 0 }, error: undefined },
				{
					json: { error: row.expectedMessage },
					pairedItem: { item: 1 },
					error: row.expectedMessage,
				},
				{ json: expected2, pairedItem: { item: 2 }, error: undefined },
			]);
			expect(items[1].error).toBeInstanceOf(NodeApiError);
			expect(items[1].error?.context.itemIndex).toBe(1);
			expect(fake.requestsFor(row.cid)).toHaveLength(2);
		});

		it('without continueOnFail: the node fails on item 1 and the bad item sends nothing', async () => {
			const { items, error } = await run(row.node, row.parameters, input);
			const failure = error as SerialisedError | undefined;
			expect(items).toEqual([]);
			expect({
				name: failure?.name,
				message: failure?.message,
				itemIndex: failure?.context?.itemIndex,
			}).toEqual({
				name: 'NodeApiError',
				message: row.expectedMessage,
				itemIndex: 1,
			});
			// RoutingNode prepares and sends every item concurrently, so the good items' requests go out
			// even though the node fails: only the bad item's is missing.
			expect(fake.requestsFor(row.cid)).toHaveLength(2);
		});
	});
});
