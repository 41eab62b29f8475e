/**
 * The benchmark environment: the fake ChakraHQ server in its own process, a fresh n8n (scripts/lib/n8n-install.ts) with the
 * packed package installed as a community package (scripts/lib/session.ts), an owner, an API key and
 * one Chakra API credential. Workflows are created and activated through n8n's public API.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { N8nClient, N8nExecution } from '../../../scripts/lib/api';
import type { Cleanup } from '../../../scripts/lib/cleanup';
import { freePort, startN8n, type N8nServer } from '../../../scripts/lib/n8n';
import { startSession } from '../../../scripts/lib/session';
import {
	DEMO_CREDENTIAL,
	DEMO_WEBHOOK_SECRET,
	importChakraCredential,
} from '../../../scripts/lib/workflows';
import { FAKE_IDS } from '../../fake-chakra';
import { startFakeProcess, type FakeProcess } from './fake-server';
import { sleep } from './stats';

export const PACKAGE_NAME = 'n8n-nodes-chakrahq';

const BENCH_OWNER = {
	email: 'bench@chakrahq.local',
	password: 'ChakraBench12345',
	firstName: 'Chakra',
	lastName: 'Bench',
};

export function log(line: string): void {
	console.log(`[bench] ${line}`);
}

export interface BenchEnv {
	/** The running n8n (replaced by restartN8n). */
	server: N8nServer;
	client: N8nClient;
	fake: FakeProcess;
	credential: { id: string; name: string };
	webhookSecret: string;
	userFolder: string;
	tarball: string;
	missingDistFiles: string[];
	/** Stops n8n and starts it again on the same port and user folder (fresh process, same database). */
	restartN8n(): Promise<void>;
}

/** An execution as the public API returns it, with the timing fields scripts/lib/api.ts leaves out. */
export interface TimedExecution extends N8nExecution {
	startedAt: string;
	stoppedAt: string | null;
}

export async function setUpBenchEnv(cleanup: Cleanup): Promise<BenchEnv> {
	const fake = await startFakeProcess();
	cleanup.add('fake ChakraHQ', () => fake.stop());
	log(`fake ChakraHQ on ${fake.baseUrl} (pid ${fake.pid})`);

	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chakra-bench-n8n-'));
	cleanup.add('n8n user folder', async () => {
		if (process.env.CHAKRA_BENCH_KEEP !== '1')
			fs.rmSync(userFolder, { recursive: true, force: true });
	});
	const session = await startSession({
		userFolder,
		fresh: true,
		port: await freePort(),
		encryptionKey: randomBytes(24).toString('hex'),
		owner: BENCH_OWNER,
		log,
		cleanup,
	});
	const env: BenchEnv = {
		server: session.server,
		client: session.client,
		fake,
		credential: { id: DEMO_CREDENTIAL.id, name: DEMO_CREDENTIAL.name },
		webhookSecret: DEMO_WEBHOOK_SECRET,
		userFolder,
		tarball: session.tarball,
		missingDistFiles: session.missingDistFiles,
		restartN8n: async () => {
			const { settings } = env.server;
			await env.server.stop();
			env.server = await startN8n({ settings, log: () => undefined, cleanup });
		},
	};
	cleanup.add('n8n (current process)', async () => {
		if (process.env.CHAKRA_BENCH_KEEP === '1')
			fs.writeFileSync(path.join(userFolder, 'n8n-output.log'), env.server.output());
		await env.server.stop();
	});
	await env.client.createApiKey('bench');
	// The public API's credential schema wants fields of n8n's own (allowedDomains); the CLI import does not.
	await importChakraCredential(env.server, {
		accessToken: fake.token,
		baseUrl: fake.baseUrl,
		webhookSecret: DEMO_WEBHOOK_SECRET,
	});
	return env;
}

// ---------------------------------------------------------------------------------------------
// Workflows

export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
}

export const CHAKRA_WHATSAPP = `${PACKAGE_NAME}.chakraWhatsApp`;
export const CHAKRA_TRIGGER = `${PACKAGE_NAME}.chakraTrigger`;

/** A chain of nodes, each one's main output into the next. */
export function chain(nodes: Omit<WorkflowNode, 'position'>[]): {
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
} {
	const placed = nodes.map((node, index) => ({
		...node,
		position: [index * 240, 0] as [number, number],
	}));
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < placed.length; i++) {
		connections[placed[i].name] = {
			main: [[{ node: placed[i + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { nodes: placed, connections };
}

/** A Webhook trigger on POST /webhook/<path>. `lastNode` answers when the workflow has finished. */
export function webhookNode(
	pathSegment: string,
	responseMode: 'lastNode' | 'onReceived',
): Omit<WorkflowNode, 'position'> {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path: pathSegment,
			responseMode,
			...(responseMode === 'lastNode' ? { responseData: 'noData' } : {}),
			options: {},
		},
	};
}

export function chakraCredentials(env: BenchEnv): Record<string, { id: string; name: string }> {
	return { chakraApi: { id: env.credential.id, name: env.credential.name } };
}

/** The production URLs of the workflow's webhook nodes: the Webhook node's path, the Chakra Trigger's <webhookId>/chakra. */
function productionWebhookUrls(env: BenchEnv, nodes: Omit<WorkflowNode, 'position'>[]): string[] {
	return nodes.flatMap((node) => {
		if (node.type === CHAKRA_TRIGGER && node.webhookId)
			return [`${env.server.baseUrl}/webhook/${node.webhookId}/chakra`];
		if (node.type === 'n8n-nodes-base.webhook')
			return [`${env.server.baseUrl}/webhook/${String(node.parameters.path)}`];
		return [];
	});
}

/** Creates a workflow through the public API, activates it and waits until its webhooks answer; returns its id. */
export async function createActiveWorkflow(
	env: BenchEnv,
	name: string,
	nodes: Omit<WorkflowNode, 'position'>[],
): Promise<string> {
	const { nodes: placed, connections } = chain(nodes);
	const created = await env.client.publicApi<{ id: string }>('POST', '/workflows', {
		name,
		nodes: placed,
		connections,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveManualExecutions: true },
	});
	await env.client.activateWorkflow(created.id, productionWebhookUrls(env, nodes));
	return created.id;
}

export function webhookUrl(env: BenchEnv, pathSegment: string): string {
	return `${env.server.baseUrl}/webhook/${pathSegment}`;
}

// ---------------------------------------------------------------------------------------------
// Executions (public API)

interface ExecutionPage {
	data: TimedExecution[];
	nextCursor?: string | null;
}

/** Executions of a workflow with an id above `afterId`, newest first (follows the cursor; bounded). */
export async function executionsAfter(
	env: BenchEnv,
	workflowId: string,
	afterId: number,
	maxPages = 200,
): Promise<TimedExecution[]> {
	const found: TimedExecution[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const query = `/executions?workflowId=${encodeURIComponent(workflowId)}&limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
		const result = await env.client.publicApi<ExecutionPage>('GET', query);
		let older = false;
		for (const execution of result.data) {
			if (Number(execution.id) > afterId) found.push(execution);
			else older = true;
		}
		if (older || !result.nextCursor || result.data.length === 0) return found;
		cursor = result.nextCursor;
	}
	throw new Error(`more than ${maxPages} pages of executions for workflow ${workflowId}`);
}

/** The highest execution id n8n has stored for a workflow (0 when none). */
export async function lastExecutionId(env: BenchEnv, workflowId: string): Promise<number> {
	const result = await env.client.publicApi<ExecutionPage>(
		'GET',
		`/executions?workflowId=${encodeURIComponent(workflowId)}&limit=1`,
	);
	return result.data.length ? Number(result.data[0].id) : 0;
}

export async function getTimedExecution(
	env: BenchEnv,
	id: string | number,
	includeData: boolean,
): Promise<TimedExecution> {
	return env.client.publicApi<TimedExecution>(
		'GET',
		`/executions/${id}?includeData=${includeData}`,
	);
}

/** Waits (bounded) for the one execution newer than `afterId` to be finished, and returns it with its data. */
export async function waitForExecution(
	env: BenchEnv,
	workflowId: string,
	afterId: number,
	timeoutMs = 120_000,
): Promise<TimedExecution> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const [newest] = await executionsAfter(env, workflowId, afterId, 1);
		if (newest && newest.stoppedAt && newest.status !== 'running' && newest.status !== 'new') {
			return getTimedExecution(env, newest.id, true);
		}
		if (Date.now() > deadline)
			throw new Error(
				`no finished execution of workflow ${workflowId} after #${afterId} within ${timeoutMs / 1000}s`,
			);
		await sleep(100);
	}
}

/** Node-level timing and output size of one node in an execution. */
export function nodeRun(
	execution: TimedExecution,
	nodeName: string,
): { executionTime: number; items: number; error?: string } {
	const runs = execution.data?.resultData.runData[nodeName] as
		| ({ executionTime?: number } & NonNullable<
				N8nExecution['data']
		  >['resultData']['runData'][string][number])[]
		| undefined;
	const run = runs?.[runs.length - 1];
	if (!run) {
		const error = execution.data?.resultData.error;
		return {
			executionTime: Number.NaN,
			items: 0,
			error: error
				? `${error.message}${error.description ? ` (${error.description})` : ''}`
				: `node "${nodeName}" did not run`,
		};
	}
	return {
		executionTime: run.executionTime ?? Number.NaN,
		items: run.data?.main?.[0]?.length ?? 0,
		error: run.error?.message,
	};
}

/** The lines of n8n's output that mention an error, last ones first (for crashed executions). */
export function n8nErrorLines(env: BenchEnv, max = 8): string {
	return env.server
		.output()
		.split('\n')
		.filter((line) => /error|crash|exception|fatal/i.test(line))
		.slice(-max)
		.join('\n');
}

export function executionSeconds(execution: TimedExecution): number {
	if (!execution.stoppedAt) return Number.NaN;
	return (Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt)) / 1000;
}

export { FAKE_IDS };
