/**
 * npm run test:e2e:queue: the package in n8n 2.8.4 queue mode (docs/scaling.md).
 *
 * Redis and PostgreSQL (Debian packages, loopback, temporary), n8n main + 2 workers + 1 webhook
 * processor sharing the user folder with the packed package installed as a community package, the
 * fake ChakraHQ. A Chakra Trigger -> Chakra WhatsApp (mark as read) workflow is activated on main
 * (which registers the webhook processor's URL in ChakraHQ), then:
 *   round 1: 500 signed deliveries -> 500 successful executions run by workers -> 500 C4 requests;
 *   round 2: the same while one worker is SIGKILLed mid-round; the suite accounts for every delivery.
 * Last line: `N passed, M failed`; exit code 1 when a check failed. Every process it starts is stopped.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8nClient, pollUntil } from '../../scripts/lib/api';
import { ensureN8nInstalled, N8N_VERSION } from '../../scripts/lib/n8n-install';
import { buildAndPack, installCommunityPackage, LOOPBACK } from '../../scripts/lib/n8n';
import {
	DEMO_WEBHOOK_SECRET,
	importChakraCredential,
	importWorkflows,
	readWorkflowFile,
} from '../../scripts/lib/workflows';
import { E2E_OWNER, Cleanup } from '../e2e/lib/env';
import { Report } from '../e2e/lib/report';
import { FAKE_IDS, FakeChakra } from '../fake-chakra';
import { QUEUE_TIMINGS, startCluster, type Cluster } from './lib/cluster';
import { checkNoModuleState } from './lib/node-state';
import {
	knownExecutions,
	runRound,
	summarize,
	workerLogIds,
	type RoundContext,
	type RoundResult,
} from './lib/rounds';
import { startPostgres, startRedis, type PostgresService, type RedisService } from './lib/services';
import { runSuite } from './lib/suite';

const QUEUE_DIR = __dirname;
const ARTIFACTS_DIR = path.join(QUEUE_DIR, 'artifacts');
const WORKFLOW_FILE = path.join(QUEUE_DIR, 'workflows', 'queue-trigger-mark-read.json');
const DELIVERIES = Number(process.env.CHAKRA_QUEUE_DELIVERIES ?? 500);
const WORKERS = 2;
/** n8n's error on an execution whose Bull job stalled (its worker died). */
const STALLED = /failed to be processed too many times/;
const CONCURRENCY = 10;

function log(line: string): void {
	console.log(`[e2e-queue] ${line}`);
}

function pluginConfig(fake: FakeChakra): Record<string, unknown> {
	return structuredClone(fake.state.plugins.get(FAKE_IDS.pluginId)?.config ?? {}) as Record<
		string,
		unknown
	>;
}

/** Bull's record of the failed jobs: execution id -> failedReason. */
async function failedJobs(redis: RedisService): Promise<Map<string, string>> {
	const reasons = new Map<string, string>();
	const ids = (await redis.cli(['ZRANGE', 'bull:jobs:failed', '0', '-1']))
		.split('\n')
		.filter(Boolean);
	for (const id of ids.slice(0, 200)) {
		const [data, reason] = (
			await redis.cli(['HMGET', `bull:jobs:${id}`, 'data', 'failedReason'])
		).split('\n');
		try {
			const executionId = String((JSON.parse(data) as { executionId: string }).executionId);
			reasons.set(executionId, reason || '(no reason)');
		} catch {
			reasons.set(`job ${id}`, reason || '(no reason)');
		}
	}
	return reasons;
}

function printOutcomes(result: RoundResult, reasons: Map<string, string>): void {
	if (result.notSuccessful.length === 0) return;
	console.log(
		`  ${result.name}: deliveries without exactly one successful execution (${result.notSuccessful.length}):`,
	);
	for (const outcome of result.notSuccessful.slice(0, 60)) {
		const executions = outcome.executions.length
			? outcome.executions
					.map(
						(e) =>
							`execution ${e.id} ${e.status} on ${e.worker ?? 'no worker log (taken by the killed worker just before it died)'}${e.error ? ` (n8n: ${e.error})` : ''}${reasons.has(e.id) ? ` (Bull: ${reasons.get(e.id)})` : ''}`,
					)
					.join('; ')
			: 'no execution';
		console.log(
			`    ${outcome.marker}: HTTP ${outcome.httpStatus}; ${executions}; mark-as-read requests at the fake: ${outcome.requests}`,
		);
	}
}

async function main(): Promise<number> {
	const report = new Report();
	const cleanup = new Cleanup();
	const suiteStarted = Date.now();
	const onSignal = (): void => {
		log('interrupted: cleaning up ...');
		void cleanup.run().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const timings: string[] = [];
	const phase = async <T>(name: string, body: () => Promise<T>): Promise<T> => {
		const t = Date.now();
		const value = await body();
		timings.push(`${name} ${Math.round((Date.now() - t) / 1000)}s`);
		return value;
	};

	try {
		fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
		await report.check('no node keeps module-level mutable state (nodes/**)', () =>
			checkNoModuleState(log),
		);

		await phase('n8n install', () => ensureN8nInstalled(log));
		const redis = await phase('redis', () => startRedis(log));
		cleanup.add('redis', () => redis.stop());
		const postgres = await phase('postgres', () => startPostgres(log));
		cleanup.add('postgres', () => postgres.stop());
		const fake = await FakeChakra.start({ host: LOOPBACK });
		cleanup.add('fake ChakraHQ', () => fake.stop());
		log(`fake ChakraHQ on ${fake.baseUrl}`);

		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chakra-e2e-queue-'));
		cleanup.add('user folder', async () => {
			if (process.env.CHAKRA_E2E_KEEP !== '1')
				fs.rmSync(userFolder, { recursive: true, force: true });
		});
		const { tarball, missing } = await phase('pack', () =>
			buildAndPack(path.join(userFolder, 'pack'), log),
		);
		if (missing.length > 0)
			log(`WARNING: not built (left out of the package): ${missing.join(', ')}`);
		await installCommunityPackage(userFolder, tarball, log);

		const cluster: Cluster = await phase('cluster start', () =>
			startCluster({
				userFolder,
				encryptionKey: randomBytes(24).toString('hex'),
				redis,
				postgres,
				workers: WORKERS,
				concurrency: CONCURRENCY,
				log,
			}),
		);
		cleanup.add('n8n cluster', async () => {
			for (const p of cluster.all())
				fs.writeFileSync(path.join(ARTIFACTS_DIR, `${p.name}.log`), p.output());
			await cluster.stopAll();
		});
		log(
			`cluster up: main ${cluster.main.baseUrl}, webhook processor ${cluster.webhookBaseUrl}, ${cluster.workers.map((w) => w.name).join(', ')}`,
		);

		const client = await N8nClient.connect(cluster.main.baseUrl);
		await client.setupOwner(E2E_OWNER);
		await client.createApiKey('e2e-queue');
		const workflow = readWorkflowFile(WORKFLOW_FILE);
		await phase('import', async () => {
			await importChakraCredential(cluster.main, {
				accessToken: fake.token,
				baseUrl: fake.baseUrl,
				webhookSecret: DEMO_WEBHOOK_SECRET,
			});
			await importWorkflows(cluster.main, [workflow]);
		});
		const webhookId = workflow.nodes.find((node) => node.name === 'Chakra Trigger')
			?.webhookId as string;
		const webhookUrl = `${cluster.webhookBaseUrl}/webhook/${webhookId}/chakra`;
		const configBefore = pluginConfig(fake);

		const activated = await report.check(
			'activation on main registers the webhook processor URL in ChakraHQ (C39, C38)',
			async () => {
				await client.activateWorkflow(workflow.id, [webhookUrl]);
				await pollUntil(
					'webhook URL registered in the plugin config',
					() => pluginConfig(fake).passThroughWebhookUrl === webhookUrl,
					15_000,
				).catch(() => undefined);
				const registered = pluginConfig(fake).passThroughWebhookUrl;
				if (registered !== webhookUrl)
					throw new Error(
						`passThroughWebhookUrl is ${JSON.stringify(registered)}, expected ${webhookUrl} (WEBHOOK_URL)`,
					);
			},
		);
		if (activated)
			await afterActivation({
				report,
				cluster,
				client,
				workflowId: workflow.id,
				webhookId,
				webhookUrl,
				fake,
				redis,
				postgres,
				configBefore,
				phase,
			});
	} catch (error) {
		report.fail('queue-mode setup', error);
	} finally {
		await cleanup.run();
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
	}
	return finish(report, suiteStarted, timings);
}

interface AfterActivation {
	report: Report;
	cluster: Cluster;
	client: N8nClient;
	workflowId: string;
	webhookId: string;
	webhookUrl: string;
	fake: FakeChakra;
	redis: RedisService;
	postgres: PostgresService;
	configBefore: Record<string, unknown>;
	phase: <T>(name: string, body: () => Promise<T>) => Promise<T>;
}

async function afterActivation(a: AfterActivation): Promise<void> {
	const {
		report,
		cluster,
		client,
		webhookId,
		webhookUrl,
		fake,
		redis,
		postgres,
		configBefore,
		phase,
	} = a;
	const workflow = { id: a.workflowId };
	{
		await report.check(
			'a delivery to main is refused (production webhooks only on the webhook processor)',
			async () => {
				const response = await fetch(`${cluster.main.baseUrl}/webhook/${webhookId}/chakra`, {
					method: 'POST',
					body: '{}',
					headers: { 'content-type': 'application/json' },
				});
				if (response.status < 400) throw new Error(`main answered ${response.status}`);
			},
		);

		const markersFromDatabase = async (executionIds: string[]): Promise<Map<string, string>> => {
			const ids = executionIds.map(Number).filter(Number.isInteger).join(',');
			const rows = await postgres.query(
				`SELECT "executionId", substring(data from 'wamid\\.queue-r[0-9]-[0-9]{4}') FROM execution_data WHERE "executionId" IN (${ids})`,
			);
			const found = new Map<string, string>();
			for (const [id, marker] of rows.split('\n').map((row) => row.split('|')))
				if (marker) found.set(id, marker);
			return found;
		};
		const ctx: RoundContext = {
			cluster,
			client,
			workflowId: workflow.id,
			webhookUrl,
			secret: DEMO_WEBHOOK_SECRET,
			fakeBaseUrl: fake.baseUrl,
			markersFromDatabase,
			log,
		};

		// Round 1: everything up.
		const round1 = await phase('round 1', () =>
			runRound(ctx, {
				name: 'r1',
				deliveries: DELIVERIES,
				parallel: 10,
				timeoutMs: 600_000,
				quietMs: 60_000,
			}),
		);
		console.log(summarize(round1));
		printOutcomes(round1, new Map());
		await report.check(
			`round 1: ${DELIVERIES} deliveries answered 200 by the webhook processor`,
			() => {
				if (round1.accepted !== DELIVERIES)
					throw new Error(`${round1.accepted} of ${DELIVERIES} answered 200`);
			},
		);
		await report.check('round 1: every delivery -> exactly one successful execution', () => {
			if (round1.notSuccessful.length > 0)
				throw new Error(
					`${round1.notSuccessful.length} deliveries without exactly one successful execution (listed above)`,
				);
			if (round1.executions !== DELIVERIES)
				throw new Error(`${round1.executions} executions for ${DELIVERIES} deliveries`);
		});
		await report.check(
			'round 1: every execution was run by a worker (worker logs), none by main',
			() => {
				const byWorker = Object.values(round1.finishedByWorker).reduce((a, b) => a + b, 0);
				if (byWorker !== round1.executions)
					throw new Error(`workers logged ${byWorker} finished executions of ${round1.executions}`);
				if (/Worker started execution/.test(cluster.main.output()))
					throw new Error('main ran executions');
			},
		);
		await report.check(
			'round 1: downstream requests at the fake = deliveries, 0 duplicates, 0 missing',
			() => {
				if (round1.requests !== DELIVERIES || round1.duplicates !== 0 || round1.missing !== 0) {
					throw new Error(
						`requests ${round1.requests}, duplicates ${round1.duplicates}, missing ${round1.missing}`,
					);
				}
			},
		);

		// Round 2: a worker dies (SIGKILL) in the middle. Slower answers from the fake keep jobs in flight.
		fake.latencyMs = 300;
		const victim = cluster.workers[0];
		const survivor = cluster.workers[1];
		const round2 = await phase('round 2', () =>
			runRound(ctx, {
				name: 'r2',
				deliveries: DELIVERIES,
				parallel: 10,
				kill: { worker: victim, afterRequests: Math.floor(DELIVERIES * 0.3) },
				timeoutMs: 600_000,
				quietMs: QUEUE_TIMINGS.lockDurationMs + 3 * QUEUE_TIMINGS.stalledIntervalMs + 15_000,
			}),
		);
		fake.latencyMs = 0;
		const reasons = await failedJobs(redis);
		console.log(summarize(round2));
		printOutcomes(round2, reasons);
		const lost = round2.notSuccessful;
		await report.check(`round 2: ${DELIVERIES} deliveries answered 200 while a worker died`, () => {
			if (round2.accepted !== DELIVERIES)
				throw new Error(`${round2.accepted} of ${DELIVERIES} answered 200`);
		});
		await report.check(
			'round 2: no delivery got two executions, no downstream request was duplicated',
			() => {
				const doubled = round2.outcomes.filter((o) => o.executions.length > 1);
				if (doubled.length > 0 || round2.duplicates > 0)
					throw new Error(
						`${doubled.length} deliveries with several executions, ${round2.duplicates} duplicated requests`,
					);
			},
		);
		await report.check(
			'round 2: every delivery has an execution; each unsuccessful one died with the killed worker (n8n: stalled job)',
			() => {
				const without = round2.outcomes.filter((o) => o.executions.length === 0);
				if (without.length > 0)
					throw new Error(
						`${without.length} deliveries have no execution: ${without
							.slice(0, 5)
							.map((o) => o.marker)
							.join(', ')}`,
					);
				// A job the killed worker had taken but not yet logged shows no worker; it cannot be the survivor's.
				const elsewhere = lost.filter((o) =>
					o.executions.some((e) => e.worker === survivor.name || !STALLED.test(e.error ?? '')),
				);
				if (elsewhere.length > 0)
					throw new Error(
						`${elsewhere.length} unsuccessful executions ran on ${survivor.name} or failed for another reason: ${elsewhere
							.slice(0, 5)
							.map((o) => o.executions[0]?.id)
							.join(', ')}`,
					);
			},
		);
		await report.check(
			`round 2: the surviving worker (${survivor.name}) finished executions after the kill`,
			() => {
				if ((round2.finishedByWorker[survivor.name] ?? 0) === 0)
					throw new Error(`${survivor.name} finished nothing`);
			},
		);

		// n8n does not re-run a stalled job (Bull maxStalledCount 0): the process that enqueued it (the
		// webhook processor) marks its execution "error" ("job stalled more than maxStalledCount").
		if (lost.length > 0) {
			await report.check(
				'round 2: n8n marked every execution that died with the worker as error (not left running)',
				() => {
					const open = lost
						.flatMap((o) => o.executions)
						.filter((e) => e.status !== 'error' && e.status !== 'crashed');
					if (open.length > 0)
						throw new Error(
							`executions still ${open.map((e) => `${e.id} ${e.status}`).join(', ')}`,
						);
				},
			);
			const sentAnyway = lost.filter((o) => o.requests > 0).length;
			console.log(
				`round 2 lost work: ${lost.length} executions died with ${victim.name} and were not re-run; ${sentAnyway} of them had already sent their mark-as-read (side effect done once, execution shown as failed), ${lost.length - sentAnyway} had not (side effect never done)`,
			);
		}

		await report.check('deactivation on main restores the plugin configuration', async () => {
			await ctx.client.deactivateWorkflow(workflow.id);
			await pollUntil(
				'plugin config restored',
				() => pluginConfig(fake).passThroughWebhookUrl === configBefore.passThroughWebhookUrl,
				15_000,
			).catch(() => undefined);
			const after = pluginConfig(fake);
			if (after.passThroughWebhookUrl !== configBefore.passThroughWebhookUrl)
				throw new Error(`passThroughWebhookUrl is ${String(after.passThroughWebhookUrl)}`);
		});
		const known = await knownExecutions(ctx);
		log(
			`${known.size} executions stored in total; worker logs: ${[...workerLogIds(cluster.workers, 'finished').values()].length} finished`,
		);
	}
}

function finish(report: Report, started: number, timings: string[]): number {
	console.log(
		`\nqueue suite (n8n ${N8N_VERSION}, ${WORKERS} workers x concurrency ${CONCURRENCY}): ${Math.round((Date.now() - started) / 1000)}s total; ${timings.join(', ')}`,
	);
	console.log(`${report.passed} passed, ${report.failed} failed`);
	return report.failed > 0 ? 1 : 0;
}

runSuite(main);
