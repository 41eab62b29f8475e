/**
 * An n8n 2.8.4 queue-mode cluster on loopback: one main (`n8n start`, editor, REST and public API,
 * activation), N workers (`n8n worker`, run the executions) and one webhook processor (`n8n webhook`,
 * receives production webhooks and enqueues them), sharing Redis (Bull queue), PostgreSQL, the
 * encryption key and the user folder (so every process loads the same community package).
 *
 * The environment extends scripts/lib/n8n.ts `n8nEnvironment` (loopback only, no outbound calls) with
 * queue-mode settings; candidates to move into scripts/lib later as `queueEnvironment()`.
 */
import { n8nBinary } from '../../../scripts/lib/n8n-install';
import {
	freePort,
	LOOPBACK,
	n8nEnvironment,
	webhookUrlEnvironment,
	type N8nSettings,
} from '../../../scripts/lib/n8n';
import { startN8nProcess, type N8nProcess } from './n8n-process';
import type { PostgresService, RedisService } from './services';

type Log = (line: string) => void;

/** Bull lock and stalled-job timings: short, so a killed worker's jobs are noticed within ~20 s. */
export const QUEUE_TIMINGS = {
	lockDurationMs: 15_000,
	lockRenewMs: 3_000,
	stalledIntervalMs: 5_000,
};

export interface ClusterOptions {
	userFolder: string;
	encryptionKey: string;
	redis: RedisService;
	postgres: PostgresService;
	workers: number;
	/** Jobs per worker (`n8n worker --concurrency`). */
	concurrency: number;
	log: Log;
}

export interface Cluster {
	main: N8nProcess;
	webhook: N8nProcess;
	workers: N8nProcess[];
	/** Base URL of the webhook processor, also the webhook URL (N8N_WEBHOOK_URL) of every process. */
	webhookBaseUrl: string;
	all(): N8nProcess[];
	startWorker(index: number): Promise<N8nProcess>;
	startMain(): Promise<N8nProcess>;
	stopAll(): Promise<void>;
}

/** Everything every process of the cluster shares. */
export function queueEnvironment(
	settings: N8nSettings,
	options: ClusterOptions,
	webhookPort: number,
): NodeJS.ProcessEnv {
	const { redis, postgres } = options;
	return {
		...n8nEnvironment(settings),
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_WORKER_LOCK_DURATION: String(QUEUE_TIMINGS.lockDurationMs),
		QUEUE_WORKER_LOCK_RENEW_TIME: String(QUEUE_TIMINGS.lockRenewMs),
		QUEUE_WORKER_STALLED_INTERVAL: String(QUEUE_TIMINGS.stalledIntervalMs),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// The URL the trigger registers in ChakraHQ at activation (on main) must be the webhook processor's.
		...webhookUrlEnvironment(`http://${LOOPBACK}:${webhookPort}/`),
		// n8n 2.41 deprecates manual executions on main in queue mode.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// Production webhooks only on the webhook processor: a delivery that reaches main is a bug.
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
	const binary = n8nBinary();
	const mainPort = await freePort();
	const webhookPort = await freePort();
	const webhookBaseUrl = `http://${LOOPBACK}:${webhookPort}`;
	const settingsFor = async (port: number): Promise<N8nSettings> => ({
		userFolder: options.userFolder,
		port,
		brokerPort: await freePort(),
		encryptionKey: options.encryptionKey,
	});
	const processes: N8nProcess[] = [];
	const track = (started: N8nProcess): N8nProcess => {
		processes.push(started);
		return started;
	};

	const startMain = async (): Promise<N8nProcess> => {
		const settings = await settingsFor(mainPort);
		const baseUrl = `http://${LOOPBACK}:${mainPort}`;
		options.log(`starting n8n main on ${baseUrl} (EXECUTIONS_MODE=queue, PostgreSQL, Redis) ...`);
		return track(
			await startN8nProcess({
				name: 'main',
				binary,
				command: 'start',
				settings,
				env: queueEnvironment(settings, options, webhookPort),
				readinessUrl: `${baseUrl}/healthz/readiness`,
				baseUrl,
				log: options.log,
			}),
		);
	};

	const startWorker = async (index: number): Promise<N8nProcess> => {
		const healthPort = await freePort();
		const settings = await settingsFor(await freePort());
		const baseUrl = `http://${LOOPBACK}:${healthPort}`;
		const env = {
			...queueEnvironment(settings, options, webhookPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: LOOPBACK,
		};
		return track(
			await startN8nProcess({
				name: `worker-${index}`,
				binary,
				command: 'worker',
				args: [`--concurrency=${options.concurrency}`],
				settings,
				env,
				readinessUrl: `${baseUrl}/healthz/readiness`,
				baseUrl,
				log: options.log,
			}),
		);
	};

	const stopAll = async (): Promise<void> => {
		// Webhook processor first (no new jobs), then main, then workers.
		const order = (p: N8nProcess): number =>
			p.command === 'webhook' ? 0 : p.command === 'start' ? 1 : 2;
		for (const started of [...processes].sort((a, b) => order(a) - order(b))) await started.stop();
	};

	try {
		const main = await startMain();
		const webhookSettings = await settingsFor(webhookPort);
		options.log(
			`starting ${options.workers} workers (concurrency ${options.concurrency}) and the webhook processor on ${webhookBaseUrl} ...`,
		);
		const [webhook, ...workers] = await Promise.all([
			startN8nProcess({
				name: 'webhook',
				binary,
				command: 'webhook',
				settings: webhookSettings,
				env: queueEnvironment(webhookSettings, options, webhookPort),
				readinessUrl: `${webhookBaseUrl}/healthz/readiness`,
				baseUrl: webhookBaseUrl,
				log: options.log,
			}).then(track),
			...Array.from({ length: options.workers }, (_, i) => startWorker(i + 1)),
		]);
		return {
			main,
			webhook,
			workers,
			webhookBaseUrl,
			all: () => [...processes],
			startWorker,
			startMain,
			stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
