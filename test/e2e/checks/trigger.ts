/**
 * Chakra Trigger in the real app: activation through the public API registers the production URL in
 * the plugin configuration (C39/C38), signed deliveries in the three formats start executions with
 * the expected items, an unsigned Chakra-format one and a wrongly signed one are refused with 401 and
 * start nothing (unsigned pass-through / delivery-status deliveries are accepted unless the trigger's
 * "Require Signature on All Deliveries" option is on, docs/api-reference.md 4.6), deactivation restores
 * the configuration. Uses test/e2e/workflows/chakra-trigger.json.
 */
import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';

import { pollUntil } from '../../../scripts/lib/api';

import { FAKE_IDS, signBody, webhookSamples } from '../../fake-chakra';
import type { E2eEnv } from '../lib/env';
import {
	executionError,
	knownExecutionIds,
	nodeOutput,
	waitForNewExecutions,
	type Item,
} from '../lib/execute';
import type { Report } from '../lib/report';
import { deliver, productionWebhookUrl } from '../lib/webhooks';

export const TRIGGER_WORKFLOW_ID = 'e2eChakraTrigger';
const TRIGGER_NODE = 'Chakra Trigger';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function pluginConfig(env: E2eEnv): Record<string, unknown> {
	const plugin = env.fake.state.plugins.get(FAKE_IDS.pluginId);
	if (!plugin) throw new Error('the fake server has no seed plugin');
	return structuredClone(plugin.config) as Record<string, unknown>;
}

/** Delivers one signed payload and returns the items of the execution it started. */
async function deliverAndCollect(env: E2eEnv, url: string, payload: object): Promise<Item[]> {
	const known = await knownExecutionIds(env, TRIGGER_WORKFLOW_ID);
	const response = await deliver(env, url, payload);
	if (response.status !== 200)
		throw new Error(`delivery answered ${response.status}: ${response.body}`);
	const [execution] = await waitForNewExecutions(env, TRIGGER_WORKFLOW_ID, known, 1);
	const error = executionError(execution);
	if (error || execution.status !== 'success')
		throw new Error(`execution ${execution.id} ${execution.status}: ${error}`);
	return nodeOutput(execution, TRIGGER_NODE);
}

/** Delivers a payload the trigger must refuse: 401, and no execution starts. */
async function expectRefused(
	env: E2eEnv,
	url: string,
	payload: object,
	signature: false | string,
): Promise<void> {
	const known = await knownExecutionIds(env, TRIGGER_WORKFLOW_ID);
	const response = await deliver(env, url, payload, signature);
	strictEqual(response.status, 401, `answered ${response.status}: ${response.body}`);
	await sleep(2_000);
	const after = await knownExecutionIds(env, TRIGGER_WORKFLOW_ID);
	strictEqual(after.size, known.size, 'an execution started for a refused delivery');
}

function pick(item: Item, keys: string[]): Record<string, unknown> {
	return Object.fromEntries(keys.map((key) => [key, item.json[key]]));
}

export async function checkTrigger(env: E2eEnv, report: Report): Promise<void> {
	const workflow = env.nodeWorkflows.find((w) => w.id === TRIGGER_WORKFLOW_ID);
	const triggerNode = workflow?.nodes.find((node) => node.name === TRIGGER_NODE);
	if (!workflow || !triggerNode?.webhookId) {
		report.fail(
			'Chakra Trigger lifecycle',
			`test/e2e/workflows has no workflow ${TRIGGER_WORKFLOW_ID} with a "${TRIGGER_NODE}" node and a webhookId`,
		);
		return;
	}
	const url = productionWebhookUrl(env, triggerNode.webhookId);
	const before = pluginConfig(env);

	const activated = await report.check(
		'Chakra Trigger: activation registers the URL in the plugin config (C39, C38)',
		async () => {
			await env.client.activateWorkflow(TRIGGER_WORKFLOW_ID, [url]);
			// n8n stores the webhook and runs the trigger's create method (C39 read, C38 write) in the background.
			await pollUntil(
				'webhook URL registered in the plugin config',
				() => pluginConfig(env).passThroughWebhookUrl === url,
				15_000,
			).catch(() => undefined);
			const config = pluginConfig(env);
			strictEqual(config.passThroughWebhookUrl, url);
			strictEqual(
				config.someOtherSetting,
				before.someOtherSetting,
				'a key the trigger does not own changed',
			);
			if (env.fake.requestsFor('C38').length === 0) throw new Error('no C38 request was made');
		},
	);
	if (!activated) return;

	try {
		await report.check(
			'Chakra Trigger: signed pass-through (Meta) delivery -> one message item',
			async () => {
				const items = await deliverAndCollect(env, url, webhookSamples.passThroughText());
				strictEqual(items.length, 1);
				deepStrictEqual(
					pick(items[0], [
						'event',
						'from',
						'contactName',
						'messageType',
						'text',
						'phoneNumberId',
						'wabaId',
					]),
					{
						event: 'message',
						from: FAKE_IDS.customerPhone,
						contactName: 'John',
						messageType: 'text',
						text: 'Hi, can you please help me out with an issue',
						phoneNumberId: FAKE_IDS.phoneNumberId,
						wabaId: FAKE_IDS.wabaId,
					},
				);
				strictEqual(items[0].json.timestamp, new Date(1756322278 * 1000).toISOString());
			},
		);
		await report.check(
			'Chakra Trigger: signed Chakra-format delivery -> one message item',
			async () => {
				const items = await deliverAndCollect(env, url, webhookSamples.chakraMessage());
				strictEqual(items.length, 1);
				deepStrictEqual(
					pick(items[0], ['event', 'from', 'contactName', 'text', 'wamid', 'timestampMs']),
					{
						event: 'message',
						from: '5492611234567',
						contactName: 'Juan Pérez',
						text: 'Hola!',
						wamid: 'wamid.ABC',
						timestampMs: 1788259051000,
					},
				);
			},
		);
		await report.check(
			'Chakra Trigger: signed delivery-status delivery -> one deliveryStatus item',
			async () => {
				const items = await deliverAndCollect(env, url, webhookSamples.deliveryStatus());
				strictEqual(items.length, 1);
				deepStrictEqual(pick(items[0], ['event', 'status', 'timestampMs']), {
					event: 'deliveryStatus',
					status: 'sent',
					timestampMs: 1729230548000,
				});
			},
		);
		await report.check(
			'Chakra Trigger: unsigned Chakra-format delivery -> 401 and no execution',
			() => expectRefused(env, url, webhookSamples.chakraMessage(), false),
		);
		await report.check(
			'Chakra Trigger: wrongly signed pass-through delivery -> 401 and no execution',
			() =>
				expectRefused(
					env,
					url,
					webhookSamples.passThroughText(),
					signBody('{"forged":true}', env.webhookSecret),
				),
		);
	} finally {
		await report.check('Chakra Trigger: deactivation restores the plugin config', async () => {
			await env.client.deactivateWorkflow(TRIGGER_WORKFLOW_ID);
			// The trigger's delete method (C38) may finish just after the webhook is gone.
			await pollUntil(
				'plugin config restored',
				() => isDeepStrictEqual(pluginConfig(env), before),
				15_000,
			).catch(() => undefined);
			deepStrictEqual(pluginConfig(env), before);
		});
	}
}
