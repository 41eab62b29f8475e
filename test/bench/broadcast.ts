/**
 * Broadcast: one execution sends Send Template (C2) to N recipients against the fake ChakraHQ with
 * Meta's throughput limit on (a token bucket per sender, 130429 beyond it; test/fake-chakra/throughput.ts).
 * Side by side: the Chakra node at its defaults (80 per second), the HTTP Request node at its defaults
 * (every item at once), the HTTP Request node with Batching tuned to the rate (80 items per 1,000 ms),
 * and the Chakra node at Messages per Second 1,000 against a 1,000-per-second sender. Reported:
 * recipients delivered, never delivered, duplicates, wall time and wall time against N / rate.
 *
 * Send memory: N (default 50,000) items through Send Template, Chakra node against HTTP Request node at
 * the same rate, each in a freshly started n8n: the n8n process's peak RSS growth per item.
 */
import * as fs from 'node:fs';

import { loadGot } from '../../scripts/lib/api';
import { residentBytes } from '../../scripts/lib/n8n';
import { chakraNode, httpNode, itemsNode } from './action';
import {
	createActiveWorkflow,
	executionSeconds,
	lastExecutionId,
	log,
	n8nErrorLines,
	nodeRun,
	waitForExecution,
	webhookNode,
	webhookUrl,
	type BenchEnv,
} from './lib/env';

export type BroadcastVariant = 'chakra' | 'http' | 'httpBatched' | 'chakra1000';
export const BROADCAST_VARIANTS: BroadcastVariant[] = [
	'chakra',
	'http',
	'httpBatched',
	'chakra1000',
];

export const BROADCAST_LABEL: Record<BroadcastVariant, string> = {
	chakra: 'Chakra WhatsApp node, defaults (Messages per Second 80)',
	http: 'HTTP Request node v4.4, defaults',
	httpBatched: 'HTTP Request node v4.4, Batching 80 items per 1,000 ms',
	chakra1000: 'Chakra WhatsApp node, Messages per Second 1,000',
};

/** The sender's limit in the fake for each variant (messages per second). */
export const SENDER_RATE: Record<BroadcastVariant, number> = {
	chakra: 80,
	http: 80,
	httpBatched: 80,
	chakra1000: 1000,
};

export interface BroadcastRun {
	variant: BroadcastVariant;
	items: number;
	rate: number;
	/** Recipients accepted at least once. */
	delivered: number;
	/** Recipients never accepted. */
	failed: number;
	/** Accepted sends beyond the first per recipient. */
	duplicates: number;
	/** 130429 answers of the fake. */
	refusals: number;
	/** Execution startedAt -> stoppedAt, s. */
	wallSeconds: number;
	floorSeconds: number;
	/** Items the node output (an execution that failed outputs none). */
	outputItems: number;
	status: string;
	error?: string;
}

export interface SendMemoryRun {
	variant: 'chakra' | 'http';
	items: number;
	/** VmHWM after the run minus VmRSS before it, n8n main process. */
	growthBytes: number;
	wallSeconds: number;
	error?: string;
}

export interface BroadcastResult {
	runs: BroadcastRun[];
	errors: string[];
}

/** Both variants send at this rate in the memory runs, so that they hold the same number of requests in flight. */
export const MEMORY_RATE = 10_000;

function peakResidentBytes(pid: number): number {
	const match = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) * 1024 : Number.NaN;
}

export class BroadcastBench {
	private workflowIds = {} as Record<string, string>;

	constructor(private readonly env: BenchEnv) {}

	private async workflow(
		key: string,
		node: ReturnType<typeof chakraNode> | ReturnType<typeof httpNode>,
	): Promise<void> {
		this.workflowIds[key] = await createActiveWorkflow(this.env, `bench: broadcast ${key}`, [
			webhookNode(`bench-broadcast-${key}`, 'lastNode'),
			itemsNode(),
			node,
		]);
	}

	async setUp(): Promise<void> {
		await this.workflow('chakra', chakraNode(this.env));
		await this.workflow('http', httpNode(this.env));
		await this.workflow('httpBatched', httpNode(this.env, { batchSize: 80, batchInterval: 1000 }));
		await this.workflow('chakra1000', chakraNode(this.env, false, 1000));
		await this.workflow('memoryChakra', chakraNode(this.env, false, MEMORY_RATE));
		// 500 items per 50 ms = 10,000 per second, the Chakra node's rate in the memory runs.
		await this.workflow('memoryHttp', httpNode(this.env, { batchSize: 500, batchInterval: 50 }));
	}

	/** Runs workflow `key` with `count` items; the execution may fail (the HTTP Request node stops at the first 429). */
	private async execute(
		key: string,
		count: number,
	): Promise<{ wallSeconds: number; outputItems: number; status: string; error?: string }> {
		const workflowId = this.workflowIds[key];
		const before = await lastExecutionId(this.env, workflowId);
		const got = await loadGot();
		await got.post(webhookUrl(this.env, `bench-broadcast-${key}`), {
			json: { count },
			timeout: { request: 900_000 },
			retry: { limit: 0 },
			throwHttpErrors: false,
		});
		const execution = await waitForExecution(this.env, workflowId, before, 900_000);
		const node = nodeRun(execution, 'Send Template');
		return {
			wallSeconds: executionSeconds(execution),
			outputItems: node.items,
			status: execution.status,
			error: node.error,
		};
	}

	async broadcast(variant: BroadcastVariant, count: number): Promise<BroadcastRun> {
		const rate = SENDER_RATE[variant];
		await this.env.fake.setLatency(0);
		await this.env.fake.setThroughput({ perSecond: rate });
		await this.env.fake.reset();
		try {
			const run = await this.execute(variant, count);
			const deliveries = await this.env.fake.deliveries();
			const result: BroadcastRun = {
				variant,
				items: count,
				rate,
				delivered: deliveries.recipients,
				failed: count - deliveries.recipients,
				duplicates: deliveries.duplicates,
				refusals: deliveries.stats?.throughputRefusals ?? 0,
				wallSeconds: run.wallSeconds,
				floorSeconds: count / rate,
				outputItems: run.outputItems,
				status: run.status,
				...(run.error ? { error: run.error.slice(0, 300) } : {}),
			};
			log(
				`  broadcast ${variant}: ${result.delivered}/${count} delivered, ${result.duplicates} duplicates, ${result.refusals} refusals, ${result.wallSeconds.toFixed(1)} s (floor ${result.floorSeconds.toFixed(1)} s), ${run.status}`,
			);
			return result;
		} finally {
			await this.env.fake.setThroughput(null);
		}
	}

	/** Peak RSS growth of a fresh n8n while `count` items go through Send Template (after a 1,000-item warm-up). */
	async memory(variant: 'chakra' | 'http', count: number): Promise<SendMemoryRun> {
		const key = variant === 'chakra' ? 'memoryChakra' : 'memoryHttp';
		await this.env.restartN8n();
		await this.env.fake.setThroughput(null);
		await this.env.fake.reset();
		await this.execute(key, 1000);
		await this.env.fake.reset();
		const pid = this.env.server.process.pid as number;
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		const before = residentBytes(pid);
		const run = await this.execute(key, count);
		const growthBytes = peakResidentBytes(pid) - before;
		const deliveries = await this.env.fake.deliveries();
		const error =
			run.status !== 'success' || deliveries.recipients !== count
				? `${variant}: execution ${run.status}, ${deliveries.recipients}/${count} delivered, ${run.error ?? ''}\n${n8nErrorLines(this.env)}`
				: undefined;
		log(
			`  send memory ${variant}: +${(growthBytes / 1024 / 1024).toFixed(0)} MB peak RSS for ${count} items (${(growthBytes / count / 1024).toFixed(2)} KB/item), ${run.wallSeconds.toFixed(1)} s${error ? `; ${error}` : ''}`,
		);
		return {
			variant,
			items: count,
			growthBytes,
			wallSeconds: run.wallSeconds,
			...(error ? { error } : {}),
		};
	}
}
