/**
 * One round of the queue-mode suite: N signed deliveries (each with its own wamid) to the webhook
 * processor, then an account of what became of each: its execution(s) in n8n (public API), the worker
 * that ran it (worker logs), and the mark-as-read requests (C4) the fake ChakraHQ received for it.
 */
import type { N8nClient, N8nExecution } from '../../../scripts/lib/api';
import { deliverWebhook, webhookSamples } from '../../fake-chakra';
import type { Cluster } from './cluster';
import { countBy, listAllExecutions, triggerField } from './executions';
import type { N8nProcess } from './n8n-process';

type Log = (line: string) => void;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const TRIGGER_NODE = 'Chakra Trigger';
const TERMINAL = new Set(['success', 'error', 'crashed', 'canceled']);

export interface RoundContext {
	cluster: Cluster;
	client: N8nClient;
	workflowId: string;
	webhookUrl: string;
	secret: string;
	fakeBaseUrl: string;
	/** Delivery markers (wamids) of executions, read from their stored data in the database. */
	markersFromDatabase: (executionIds: string[]) => Promise<Map<string, string>>;
	log: Log;
}

export interface RoundOptions {
	name: string;
	deliveries: number;
	/** Deliveries in flight at once. */
	parallel: number;
	/** SIGKILL this worker once the fake has seen `killAfterRequests` requests of this round. */
	kill?: { worker: N8nProcess; afterRequests: number };
	/** Give up waiting for executions after this long. */
	timeoutMs: number;
	/** Round over when nothing changed for this long (only used when a worker was killed). */
	quietMs: number;
}

export interface DeliveryOutcome {
	marker: string;
	httpStatus: number | string;
	executions: { id: string; status: string; worker?: string; error?: string }[];
	requests: number;
}

export interface RoundResult {
	name: string;
	outcomes: DeliveryOutcome[];
	accepted: number;
	executions: number;
	executionsByStatus: Record<string, number>;
	finishedByWorker: Record<string, number>;
	requests: number;
	duplicates: number;
	missing: number;
	/** Deliveries whose execution is not `success`. */
	notSuccessful: DeliveryOutcome[];
	killedAt?: { requestsSeen: number; delivered: number; secondsIntoRound: number };
	seconds: number;
}

function markerOf(round: string, index: number): string {
	return `wamid.queue-${round}-${String(index).padStart(4, '0')}`;
}

interface RecordedC4 {
	body?: { message_id?: string };
}

async function c4Requests(fakeBaseUrl: string, prefix: string): Promise<string[]> {
	const response = await fetch(`${fakeBaseUrl}/__fake/requests?cid=C4`);
	if (!response.ok) throw new Error(`fake control API answered ${response.status}`);
	const recorded = (await response.json()) as RecordedC4[];
	return recorded.map((r) => r.body?.message_id ?? '').filter((id) => id.startsWith(prefix));
}

/** Execution ids each worker logged as started / finished ("Worker started execution 12 (job 12)"). */
export function workerLogIds(
	workers: N8nProcess[],
	verb: 'started' | 'finished',
): Map<string, string> {
	const byExecution = new Map<string, string>();
	const pattern = new RegExp(`Worker ${verb} execution (\\d+)`, 'g');
	for (const worker of workers) {
		for (const match of worker.output().matchAll(pattern)) byExecution.set(match[1], worker.name);
	}
	return byExecution;
}

async function newExecutions(
	ctx: RoundContext,
	known: Set<string>,
	includeData: boolean,
): Promise<N8nExecution[]> {
	return (await listAllExecutions(ctx.client, ctx.workflowId, includeData)).filter(
		(e) => !known.has(String(e.id)),
	);
}

export async function knownExecutions(ctx: RoundContext): Promise<Set<string>> {
	return new Set(
		(await listAllExecutions(ctx.client, ctx.workflowId, false)).map((e) => String(e.id)),
	);
}

export async function runRound(ctx: RoundContext, options: RoundOptions): Promise<RoundResult> {
	const started = Date.now();
	const prefix = `wamid.queue-${options.name}-`;
	const known = await knownExecutions(ctx);
	const httpStatus = new Map<string, number | string>();
	let delivered = 0;
	let killedAt: RoundResult['killedAt'];

	// Executions that die with their worker are marked error without their trigger data: note the
	// delivery of every unfinished execution while its stored data still has it.
	const markerCache = new Map<string, string>();
	const noteUnfinished = async (): Promise<void> => {
		const unfinished = (await newExecutions(ctx, known, false))
			.filter((e) => !TERMINAL.has(e.status) && !markerCache.has(String(e.id)))
			.map((e) => String(e.id));
		if (unfinished.length === 0) return;
		const found = await ctx.markersFromDatabase(unfinished);
		for (const [id, marker] of found) markerCache.set(id, marker);
		if (process.env.CHAKRA_QUEUE_DEBUG === '1')
			ctx.log(
				`  markers of ${found.size}/${unfinished.length} unfinished executions noted (${markerCache.size} in all)`,
			);
	};

	// The killer watches the fake's request log and SIGKILLs the worker mid-round.
	let sending = true;
	const killer = (async () => {
		if (!options.kill) return;
		while (sending || !killedAt) {
			const seen = (await c4Requests(ctx.fakeBaseUrl, prefix)).length;
			if (seen >= options.kill.afterRequests) {
				options.kill.worker.kill();
				killedAt = {
					requestsSeen: seen,
					delivered,
					secondsIntoRound: Math.round((Date.now() - started) / 1000),
				};
				ctx.log(
					`SIGKILL ${options.kill.worker.name} (pid ${options.kill.worker.process.pid}) after ${seen} downstream requests, ${delivered} deliveries sent`,
				);
				// Right away: the killed worker's executions keep their data until their lock expires.
				await noteUnfinished();
				return;
			}
			if (!sending) return;
			await sleep(100);
		}
	})();

	const markers = Array.from({ length: options.deliveries }, (_, i) =>
		markerOf(options.name, i + 1),
	);
	let next = 0;
	const sender = async (): Promise<void> => {
		while (next < markers.length) {
			const marker = markers[next++];
			const payload = webhookSamples.passThroughText({
				wamid: marker,
				text: `queue ${options.name} ${marker}`,
			});
			try {
				const result = await deliverWebhook(ctx.webhookUrl, payload, {
					secret: ctx.secret,
					timeoutMs: 60_000,
				});
				httpStatus.set(marker, result.status);
			} catch (error) {
				httpStatus.set(marker, error instanceof Error ? error.message : String(error));
			}
			delivered++;
		}
	};
	await Promise.all(Array.from({ length: options.parallel }, sender));
	sending = false;
	await killer;
	ctx.log(
		`${options.name}: ${delivered} deliveries sent in ${Math.round((Date.now() - started) / 1000)}s; waiting for the executions ...`,
	);

	// Wait until every delivery has a finished execution, or (a worker was killed) nothing changes any more.
	const deadline = Date.now() + options.timeoutMs;
	let lastSignature = '';
	let lastChange = Date.now();
	for (;;) {
		const executions = await newExecutions(ctx, known, false);
		const finished = executions.filter((e) => TERMINAL.has(e.status)).length;
		const signature = JSON.stringify(countBy(executions, (e) => e.status));
		// An execution that dies with its worker is marked error without its trigger data: note each
		// unfinished execution's delivery while its data is still there.
		if (options.kill) await noteUnfinished();
		if (signature !== lastSignature) {
			lastSignature = signature;
			lastChange = Date.now();
			ctx.log(`  ${options.name}: executions ${signature}`);
		}
		if (finished >= options.deliveries) break;
		if (options.kill && Date.now() - lastChange > options.quietMs) break;
		if (Date.now() > deadline) {
			ctx.log(`  ${options.name}: gave up waiting after ${options.timeoutMs / 1000}s`);
			break;
		}
		await sleep(2_000);
	}
	// Give the fake a moment for requests still in flight, then read everything once.
	await sleep(1_000);
	return account(ctx, options, { known, httpStatus, markers, started, killedAt, markerCache });
}

async function account(
	ctx: RoundContext,
	options: RoundOptions,
	state: {
		known: Set<string>;
		httpStatus: Map<string, number | string>;
		markers: string[];
		started: number;
		killedAt?: RoundResult['killedAt'];
		markerCache: Map<string, string>;
	},
): Promise<RoundResult> {
	const prefix = `wamid.queue-${options.name}-`;
	const executions = await newExecutions(ctx, state.known, true);
	const requests = await c4Requests(ctx.fakeBaseUrl, prefix);
	const requestCount = countBy(requests, (id) => id);
	const finishedBy = workerLogIds(ctx.cluster.workers, 'finished');
	const startedBy = workerLogIds(ctx.cluster.workers, 'started');
	const byMarker = new Map<string, DeliveryOutcome['executions']>();
	const withoutTrigger = executions
		.filter((e) => typeof triggerField(e, TRIGGER_NODE, 'wamid') !== 'string')
		.map((e) => String(e.id));
	const fromDatabase =
		withoutTrigger.length > 0
			? await ctx.markersFromDatabase(withoutTrigger)
			: new Map<string, string>();
	for (const execution of executions) {
		const id = String(execution.id);
		const fromApi = triggerField(execution, TRIGGER_NODE, 'wamid');
		const marker =
			typeof fromApi === 'string'
				? fromApi
				: (state.markerCache.get(id) ?? fromDatabase.get(id) ?? `(no wamid in execution ${id})`);
		const list = byMarker.get(marker) ?? [];
		const error = execution.data?.resultData.error?.message;
		list.push({
			id,
			status: execution.status,
			worker: finishedBy.get(id) ?? startedBy.get(id),
			...(error ? { error } : {}),
		});
		byMarker.set(marker, list);
	}
	const outcomes = state.markers.map((marker) => ({
		marker,
		httpStatus: state.httpStatus.get(marker) ?? 'not sent',
		executions: byMarker.get(marker) ?? [],
		requests: requestCount[marker] ?? 0,
	}));
	const finishedByWorker = countBy(
		executions.filter((e) => finishedBy.has(String(e.id))),
		(e) => finishedBy.get(String(e.id)) as string,
	);
	return {
		name: options.name,
		outcomes,
		accepted: outcomes.filter((o) => o.httpStatus === 200).length,
		executions: executions.length,
		executionsByStatus: countBy(executions, (e) => e.status),
		finishedByWorker,
		requests: requests.length,
		duplicates: requests.length - Object.keys(requestCount).length,
		missing: outcomes.filter((o) => o.requests === 0).length,
		notSuccessful: outcomes.filter(
			(o) => o.executions.length !== 1 || o.executions[0].status !== 'success',
		),
		killedAt: state.killedAt,
		seconds: Math.round((Date.now() - state.started) / 1000),
	};
}

/** The counts line printed for a round. */
export function summarize(result: RoundResult): string {
	const statuses = Object.entries(result.executionsByStatus)
		.map(([status, n]) => `${status} ${n}`)
		.join(', ');
	const workers = Object.entries(result.finishedByWorker)
		.sort()
		.map(([worker, n]) => `${worker} ${n}`)
		.join(', ');
	return (
		`${result.name}: deliveries ${result.outcomes.length} (HTTP 200: ${result.accepted}) = executions ${result.executions} (${statuses}) ` +
		`= requests at the fake ${result.requests} (unique ${result.requests - result.duplicates}); duplicates ${result.duplicates}, missing ${result.missing}; ` +
		`finished by ${workers || 'no worker'}; ${result.seconds}s`
	);
}
