/**
 * 2. Trigger throughput: signed pass-through deliveries at a fixed concurrency to an active Chakra
 * Trigger workflow and to an active Webhook node workflow (responding immediately). Accepted/s and
 * latency are measured by the sender; executions are counted through the public API.
 */
import * as http from 'node:http';
import { randomUUID } from 'node:crypto';

import { loadGot } from '../../scripts/lib/api';
import { signBody, webhookSamples } from '../fake-chakra';
import {
	CHAKRA_TRIGGER,
	chakraCredentials,
	createActiveWorkflow,
	executionsAfter,
	lastExecutionId,
	log,
	webhookNode,
	type BenchEnv,
} from './lib/env';
import { percentile, runPool, sleep } from './lib/stats';

export type TriggerVariant = 'chakra' | 'webhook';
export const TRIGGER_VARIANTS: TriggerVariant[] = ['chakra', 'webhook'];

export interface TriggerRun {
	acceptedPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	accepted: number;
	refused: number;
	executions: number;
	failedExecutions: number;
	/** Deliveries / (last execution's stoppedAt - first send): how fast n8n really got through them. */
	processedPerSecond: number;
}

export interface TriggerResult {
	deliveries: number;
	concurrency: number;
	runs: Record<TriggerVariant, TriggerRun[]>;
	errors: string[];
}

interface Target {
	workflowId: string;
	url: string;
}

export class TriggerBench {
	private targets: Partial<Record<TriggerVariant, Target>> = {};
	/** One keep-alive pool for every delivery, as big as the concurrency (same for both variants). */
	private agent: http.Agent | undefined;

	constructor(private readonly env: BenchEnv) {}

	async setUp(): Promise<void> {
		const webhookId = randomUUID();
		const chakraId = await createActiveWorkflow(this.env, 'bench: Chakra Trigger', [
			{
				name: 'Chakra Trigger',
				type: CHAKRA_TRIGGER,
				typeVersion: 1,
				webhookId,
				credentials: chakraCredentials(this.env),
				parameters: { registerWebhook: false, downloadMedia: false, options: {} },
			},
		]);
		this.targets.chakra = {
			workflowId: chakraId,
			url: `${this.env.server.baseUrl}/webhook/${webhookId}/chakra`,
		};
		const webhookWorkflowId = await createActiveWorkflow(this.env, 'bench: Webhook node', [
			webhookNode('bench-trigger-webhook', 'onReceived'),
		]);
		this.targets.webhook = {
			workflowId: webhookWorkflowId,
			url: `${this.env.server.baseUrl}/webhook/bench-trigger-webhook`,
		};
	}

	/** The signed bodies, built before the clock starts (distinct wamids, like real deliveries). */
	private deliveries(count: number, runTag: string): { body: string; signature: string }[] {
		return Array.from({ length: count }, (_, index) => {
			const body = JSON.stringify(
				webhookSamples.passThroughText({
					wamid: `wamid.bench.${runTag}.${index}`,
					text: `Benchmark message ${index}`,
				}),
			);
			return { body, signature: signBody(body, this.env.webhookSecret) };
		});
	}

	async runOnce(
		variant: TriggerVariant,
		count: number,
		concurrency: number,
		runTag: string,
	): Promise<TriggerRun> {
		const target = this.targets[variant] as Target;
		const got = await loadGot();
		this.agent ??= new http.Agent({ keepAlive: true, maxSockets: concurrency });
		const bodies = this.deliveries(count, `${variant}.${runTag}`);
		const before = await lastExecutionId(this.env, target.workflowId);
		const latencies: number[] = [];
		let accepted = 0;
		let refused = 0;
		const firstSend = Date.now();
		const started = process.hrtime.bigint();
		await runPool(count, concurrency, async (index) => {
			const t0 = process.hrtime.bigint();
			const response = await got
				.post(target.url, {
					body: bodies[index].body,
					headers: {
						'content-type': 'application/json',
						'x-chakra-signature-256': bodies[index].signature,
						'user-agent': 'ChakraHQ-Webhooks/bench',
					},
					agent: { http: this.agent },
					throwHttpErrors: false,
					retry: { limit: 0 },
					timeout: { request: 60_000 },
				})
				.catch(() => undefined);
			latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
			if (response?.statusCode === 200) accepted++;
			else refused++;
		});
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		const counted = await this.waitForExecutions(target.workflowId, before, accepted);
		const lastStop = Math.max(
			...counted.map((execution) => (execution.stoppedAt ? Date.parse(execution.stoppedAt) : 0)),
		);
		return {
			acceptedPerSecond: accepted / seconds,
			p50Ms: percentile(latencies, 50),
			p99Ms: percentile(latencies, 99),
			accepted,
			refused,
			executions: counted.length,
			failedExecutions: counted.filter((execution) => execution.status !== 'success').length,
			processedPerSecond: counted.length > 0 ? count / ((lastStop - firstSend) / 1000) : 0,
		};
	}

	/** Waits (bounded: no new execution for 20 s, or 3 minutes in all) until `expected` executions are finished. */
	private async waitForExecutions(
		workflowId: string,
		afterId: number,
		expected: number,
	): Promise<Awaited<ReturnType<typeof executionsAfter>>> {
		const deadline = Date.now() + 180_000;
		let lastCount = -1;
		let lastChange = Date.now();
		for (;;) {
			const found = await executionsAfter(this.env, workflowId, afterId);
			const finished = found.filter(
				(execution) =>
					execution.stoppedAt && execution.status !== 'running' && execution.status !== 'new',
			);
			if (finished.length >= expected) return finished;
			if (found.length !== lastCount) {
				lastCount = found.length;
				lastChange = Date.now();
			}
			if (Date.now() > deadline || Date.now() - lastChange > 20_000) return finished;
			await sleep(500);
		}
	}

	async measure(count: number, concurrency: number, runs: number): Promise<TriggerResult> {
		const result: TriggerResult = {
			deliveries: count,
			concurrency,
			runs: { chakra: [], webhook: [] },
			errors: [],
		};
		// Warm-up: a few hundred deliveries each, not counted.
		for (const variant of TRIGGER_VARIANTS)
			await this.runOnce(variant, Math.min(count, 200), concurrency, 'warmup');
		for (let run = 0; run < runs; run++) {
			const order = run % 2 === 0 ? TRIGGER_VARIANTS : [...TRIGGER_VARIANTS].reverse();
			for (const variant of order) {
				try {
					const measured = await this.runOnce(variant, count, concurrency, String(run));
					result.runs[variant].push(measured);
					log(
						`  trigger run ${run + 1}/${runs}, ${variant}: ${measured.acceptedPerSecond.toFixed(0)} accepted/s, p99 ${measured.p99Ms.toFixed(0)} ms, ${measured.executions}/${count} executions`,
					);
				} catch (error) {
					result.errors.push(`${variant}: ${(error as Error).message}`);
					log(`  trigger ${variant} failed: ${(error as Error).message}`);
				}
			}
		}
		return result;
	}

	close(): void {
		this.agent?.destroy();
	}
}
