/**
 * 1. Action cost: Send Template (C2) for N items through the Chakra WhatsApp node, through an HTTP
 * Request node configured for the same call, and through a raw got loop, all items at once (the
 * Chakra node with Messages per Second 0, pacing off: the broadcast section measures pacing). Items/s
 * of the n8n variants come from the execution's startedAt/stoppedAt; CPU time per item from the n8n
 * process's user + system time in /proc over the execution (the bench driver's own for the raw loop),
 * which wall-clock noise does not move.
 */
import { isDeepStrictEqual } from 'node:util';

import { loadGot } from '../../scripts/lib/api';
import { templateVariablesValue } from '../harness/templateVariables';
import {
	CHAKRA_WHATSAPP,
	chakraCredentials,
	createActiveWorkflow,
	executionSeconds,
	FAKE_IDS,
	lastExecutionId,
	log,
	n8nErrorLines,
	nodeRun,
	waitForExecution,
	webhookNode,
	webhookUrl,
	type BenchEnv,
} from './lib/env';
import { median, processCpuMs, withTimeout } from './lib/stats';

/** `chakraComputed`: the same send with expressions that are not plain field references (`$json.name.trim()`). */
export type ActionVariant = 'chakra' | 'chakraComputed' | 'http' | 'raw';
export const ACTION_VARIANTS: ActionVariant[] = ['chakra', 'chakraComputed', 'http', 'raw'];
type WorkflowVariant = Exclude<ActionVariant, 'raw'>;

export interface ActionRun {
	itemsPerSecond: number;
	/** Wall time of the node under test alone (runData executionTime), ms; NaN for raw. */
	nodeMs: number;
	/** Wall time of the whole execution (or of the raw loop), ms. */
	totalMs: number;
	/** CPU time (user + system) of the n8n process from the webhook call to its answer (raw: the driver's), ms per item. */
	cpuMsPerItem: number;
}

export interface ActionResult {
	latencyMs: number;
	items: number;
	runs: Record<ActionVariant, ActionRun[]>;
	/** C2 request body of item 0 per variant, compared after canonical key order. */
	sameBody: boolean;
	bodies: Record<ActionVariant, unknown>;
	errors: string[];
}

const TEMPLATE = 'christmas_promo_23';
const LANGUAGE = 'en_US';
const NODE_NAME = 'Send Template';
const ITEMS_NODE = 'Recipients';

/** The recipients every variant sends to: item i -> phone, name, discount. */
function recipient(index: number): { phone: string; name: string; discount: string } {
	return {
		phone: `9198${String(index).padStart(8, '0')}`,
		name: `Customer ${index}`,
		discount: `${(index % 50) + 5}%`,
	};
}

const ITEMS_CODE = `const count = Number($input.first().json.body.count);
const items = [];
for (let i = 0; i < count; i++) {
  items.push({ json: { phone: '9198' + String(i).padStart(8, '0'), name: 'Customer ' + i, discount: ((i % 50) + 5) + '%' } });
}
return items;`;

export function itemsNode() {
	return {
		name: ITEMS_NODE,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: ITEMS_CODE },
	};
}

/** The C2 body as users would write it by hand (and as the raw loop sends it). */
function c2Body(index: number): Record<string, unknown> {
	const { name, discount } = recipient(index);
	return {
		whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
		templateName: TEMPLATE,
		language: LANGUAGE,
		mapping: [
			{ schemaPropertyName: '1', schemaPropertyValue: name },
			{ schemaPropertyName: '2', schemaPropertyValue: discount },
		],
		headerMapping: [{ schemaPropertyName: '1', schemaPropertyValue: '2024' }],
	};
}

function c2Url(env: BenchEnv, phone: string): string {
	return `${env.fake.baseUrl}/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/phoneNumber/${phone}/send-template-message`;
}

/** The Chakra WhatsApp node's parameters for the same send (template "By Name", no dropdown calls). */
export function chakraSendTemplateParameters(
	computed = false,
	messagesPerSecond?: number,
): Record<string, unknown> {
	const field = (name: string) =>
		computed ? `={{ $json.${name}.trim() }}` : `={{ $json.${name} }}`;
	const values = { 'header:1': '2024', 'body:1': field('name'), 'body:2': field('discount') };
	return {
		resource: 'message',
		operation: 'sendTemplate',
		pluginId: FAKE_IDS.pluginId,
		whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
		phoneNumber: field('phone'),
		templateName: { __rl: true, mode: 'name', value: TEMPLATE },
		templateVariables: templateVariablesValue(values),
		headerType: 'none',
		options: { language: LANGUAGE },
		...(messagesPerSecond === undefined ? {} : { messagesPerSecond }),
	};
}

/** The items the Code node produces, for in-process runs. */
export function recipientItems(count: number): { json: Record<string, string> }[] {
	return Array.from({ length: count }, (_, index) => ({ json: recipient(index) }));
}

/** The Chakra WhatsApp node's Send Template; `messagesPerSecond` undefined = the node's default. */
export function chakraNode(env: BenchEnv, computed = false, messagesPerSecond?: number) {
	return {
		name: NODE_NAME,
		type: CHAKRA_WHATSAPP,
		typeVersion: 1,
		credentials: chakraCredentials(env),
		parameters: chakraSendTemplateParameters(computed, messagesPerSecond),
	};
}

/** HTTP Request v4 as users configure it today: URL with the phone, Bearer header, JSON body with expressions; optionally its Batching option. */
export function httpNode(env: BenchEnv, batching?: { batchSize: number; batchInterval: number }) {
	const jsonBody = `={
  "whatsappPhoneNumberId": "${FAKE_IDS.phoneNumberId}",
  "templateName": "${TEMPLATE}",
  "language": "${LANGUAGE}",
  "mapping": [
    { "schemaPropertyName": "1", "schemaPropertyValue": "{{ $json.name }}" },
    { "schemaPropertyName": "2", "schemaPropertyValue": "{{ $json.discount }}" }
  ],
  "headerMapping": [ { "schemaPropertyName": "1", "schemaPropertyValue": "2024" } ]
}`;
	return {
		name: NODE_NAME,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.4,
		parameters: {
			method: 'POST',
			url: `=${env.fake.baseUrl}/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/phoneNumber/{{ $json.phone }}/send-template-message`,
			sendHeaders: true,
			headerParameters: {
				parameters: [{ name: 'Authorization', value: `Bearer ${env.fake.token}` }],
			},
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody,
			options: batching ? { batching: { batch: batching } } : {},
		},
	};
}

/** Sorts object keys recursively so that bodies compare by content, not by key order. */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value as Record<string, unknown>)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
		);
	}
	return value;
}

export class ActionBench {
	private workflowIds: Partial<Record<WorkflowVariant, string>> = {};

	constructor(private readonly env: BenchEnv) {}

	async setUp(): Promise<void> {
		this.workflowIds.chakra = await createActiveWorkflow(
			this.env,
			'bench: Chakra WhatsApp send template',
			[webhookNode('bench-action-chakra', 'lastNode'), itemsNode(), chakraNode(this.env, false, 0)],
		);
		this.workflowIds.chakraComputed = await createActiveWorkflow(
			this.env,
			'bench: Chakra WhatsApp send template, computed expressions',
			[
				webhookNode('bench-action-chakraComputed', 'lastNode'),
				itemsNode(),
				chakraNode(this.env, true, 0),
			],
		);
		this.workflowIds.http = await createActiveWorkflow(
			this.env,
			'bench: HTTP Request send template',
			[webhookNode('bench-action-http', 'lastNode'), itemsNode(), httpNode(this.env)],
		);
	}

	/** One run of one variant with `count` items; checks every item was sent and answered 200. */
	async runOnce(variant: ActionVariant, count: number): Promise<ActionRun> {
		await this.env.fake.reset();
		const run =
			variant === 'raw' ? await this.runRaw(count) : await this.runWorkflow(variant, count);
		const requests = await this.env.fake.requests('C2');
		if (requests.count !== count || requests.statuses['200'] !== count) {
			throw new Error(
				`${variant}: the fake received ${requests.count} C2 requests (statuses ${JSON.stringify(requests.statuses)}), expected ${count} x 200`,
			);
		}
		return run;
	}

	private async runWorkflow(variant: WorkflowVariant, count: number): Promise<ActionRun> {
		const workflowId = this.workflowIds[variant] as string;
		const before = await lastExecutionId(this.env, workflowId);
		const got = await loadGot();
		const pid = this.env.server.process.pid as number;
		const cpuBefore = processCpuMs(pid);
		// The webhook answers when the workflow has finished; polling the API afterwards is not counted.
		await got.post(webhookUrl(this.env, `bench-action-${variant}`), {
			json: { count },
			timeout: { request: 600_000 },
			retry: { limit: 0 },
		});
		const cpuMs = processCpuMs(pid) - cpuBefore;
		const execution = await waitForExecution(this.env, workflowId, before);
		const node = nodeRun(execution, NODE_NAME);
		if (execution.status !== 'success' || node.error || node.items !== count) {
			throw new Error(
				`${variant}: execution ${execution.id} ${execution.status}, ${node.items} items, ${node.error ?? 'no node error'}\n${n8nErrorLines(this.env)}`,
			);
		}
		const seconds = executionSeconds(execution);
		return {
			itemsPerSecond: count / seconds,
			nodeMs: node.executionTime,
			totalMs: seconds * 1000,
			cpuMsPerItem: cpuMs / count,
		};
	}

	/** What users would write in plain Node: every item's request at once, then wait for all. */
	private async runRaw(count: number): Promise<ActionRun> {
		const got = await loadGot();
		const started = process.hrtime.bigint();
		const cpuBefore = process.cpuUsage();
		const responses = await withTimeout(
			'raw got loop',
			600_000,
			Promise.all(
				Array.from({ length: count }, (_, index) =>
					got.post(c2Url(this.env, recipient(index).phone), {
						json: c2Body(index),
						headers: { authorization: `Bearer ${this.env.fake.token}`, accept: 'application/json' },
						responseType: 'json',
						throwHttpErrors: false,
						retry: { limit: 0 },
						timeout: { request: 120_000 },
					}),
				),
			),
		);
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		const cpu = process.cpuUsage(cpuBefore);
		const failed = responses.filter(
			(response) =>
				response.statusCode !== 200 || !(response.body as { _data?: { id?: string } })._data?.id,
		);
		if (failed.length > 0)
			throw new Error(
				`raw: ${failed.length} of ${count} requests failed (first: ${failed[0].statusCode})`,
			);
		return {
			itemsPerSecond: count / (ms / 1000),
			nodeMs: Number.NaN,
			totalMs: ms,
			cpuMsPerItem: (cpu.user + cpu.system) / 1000 / count,
		};
	}

	/** The C2 body each variant sends for item 0 (one-item runs). */
	async bodies(): Promise<Record<ActionVariant, unknown>> {
		const bodies = {} as Record<ActionVariant, unknown>;
		for (const variant of ACTION_VARIANTS) {
			await this.runOnce(variant, 1);
			bodies[variant] = (await this.env.fake.requests('C2')).lastBody;
		}
		return bodies;
	}

	async measure(latencyMs: number, items: number, runs: number): Promise<ActionResult> {
		await this.env.fake.setLatency(latencyMs);
		const result: ActionResult = {
			latencyMs,
			items,
			runs: { chakra: [], chakraComputed: [], http: [], raw: [] },
			sameBody: false,
			bodies: {} as Record<ActionVariant, unknown>,
			errors: [],
		};
		result.bodies = await this.bodies();
		result.sameBody = ACTION_VARIANTS.every((variant) =>
			isDeepStrictEqual(canonical(result.bodies[variant]), canonical(result.bodies.raw)),
		);
		// Warm-up (JIT, task runner, connection pools): one untimed run each.
		for (const variant of ACTION_VARIANTS) await this.runOnce(variant, Math.min(items, 200));
		for (let run = 0; run < runs; run++) {
			// Rotate the order so that no variant always runs first (or last) in a round.
			const order = ACTION_VARIANTS.map(
				(_, i) => ACTION_VARIANTS[(i + run) % ACTION_VARIANTS.length],
			);
			for (const variant of order) {
				try {
					const measured = await this.runOnce(variant, items);
					result.runs[variant].push(measured);
					log(
						`  action ${latencyMs} ms latency, run ${run + 1}/${runs}, ${variant}: ${measured.itemsPerSecond.toFixed(0)} items/s, ${measured.cpuMsPerItem.toFixed(3)} CPU ms/item`,
					);
				} catch (error) {
					result.errors.push((error as Error).message);
					log(`  action ${variant} failed: ${(error as Error).message}`);
				}
			}
		}
		return result;
	}
}

export function medianItemsPerSecond(runs: ActionRun[]): number {
	return median(runs.map((run) => run.itemsPerSecond));
}
