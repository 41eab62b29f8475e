/**
 * Redis and PostgreSQL for the queue-mode suite, from Debian's packages: installed with apt when
 * missing, started on 127.0.0.1 on a free port in a temporary folder (no persistence), stopped and
 * deleted at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort, LOOPBACK } from '../../../scripts/lib/n8n';
import { run, runOrThrow } from '../../../scripts/lib/process';

type Log = (line: string) => void;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let aptUpdated = false;

/** Installs a Debian package with apt-get unless `present()` already says it is there. Returns seconds spent. */
export async function ensureDebianPackage(
	packageName: string,
	present: () => boolean,
	log: Log,
): Promise<number> {
	if (present()) return 0;
	const started = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	if (!aptUpdated) {
		log('apt-get update ...');
		await runOrThrow('apt-get', ['update'], { env, timeoutMs: 600_000 });
		aptUpdated = true;
	}
	log(`apt-get install ${packageName} ...`);
	await runOrThrow('apt-get', ['install', '-y', '--no-install-recommends', packageName], {
		env,
		timeoutMs: 900_000,
	});
	if (!present()) throw new Error(`apt-get installed ${packageName} but it is still not usable`);
	const seconds = Math.round((Date.now() - started) / 1000);
	log(`${packageName} installed in ${seconds}s`);
	return seconds;
}

function onPath(binary: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		const candidate = path.join(dir, binary);
		if (dir && fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Sends a signal to a process group started with `detached: true`; waits for the exit, then KILLs. */
async function stopGroup(
	child: ChildProcess,
	signal: NodeJS.Signals,
	graceMs: number,
): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const send = (sig: NodeJS.Signals): void => {
		try {
			process.kill(-(child.pid as number), sig);
		} catch {
			// already gone
		}
	};
	send(signal);
	const timer = setTimeout(() => send('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

function collectOutput(child: ChildProcess): () => string {
	let output = '';
	const collect = (chunk: Buffer): void => {
		output = (output + chunk.toString()).slice(-200_000);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	return () => output;
}

async function waitFor(
	what: string,
	child: ChildProcess,
	output: () => string,
	probe: () => Promise<boolean>,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(`${what} exited while starting:\n${output().slice(-3000)}`);
		if (await probe()) return;
		if (Date.now() > deadline)
			throw new Error(`${what} not ready within ${timeoutMs / 1000}s:\n${output().slice(-3000)}`);
		await sleep(200);
	}
}

// ---------------------------------------------------------------------------------------------
// Redis

export interface RedisService {
	host: string;
	port: number;
	/** Seconds apt needed to install redis-server (0 when it was there). */
	installSeconds: number;
	/** redis-cli against this server; returns stdout. */
	cli(args: string[]): Promise<string>;
	stop(): Promise<void>;
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, LOOPBACK);
		let answer = '';
		const done = (ok: boolean): void => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.once('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

export async function startRedis(log: Log): Promise<RedisService> {
	const installSeconds = await ensureDebianPackage(
		'redis-server',
		() => onPath('redis-server') !== undefined,
		log,
	);
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chakra-queue-redis-'));
	// No RDB snapshots, no AOF: nothing survives the test run.
	const child = spawn(
		'redis-server',
		[
			'--bind',
			LOOPBACK,
			'--port',
			String(port),
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
			'--protected-mode',
			'yes',
		],
		{ detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const output = collectOutput(child);
	const service: RedisService = {
		host: LOOPBACK,
		port,
		installSeconds,
		cli: async (args) =>
			(
				await runOrThrow('redis-cli', ['-h', LOOPBACK, '-p', String(port), ...args], {
					timeoutMs: 30_000,
				})
			).stdout,
		stop: async () => {
			await stopGroup(child, 'SIGTERM', 10_000);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	try {
		await waitFor('redis-server', child, output, () => redisPing(port), 30_000);
	} catch (error) {
		await service.stop();
		throw error;
	}
	log(`Redis on ${LOOPBACK}:${port} (no persistence)`);
	return service;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export interface PostgresService {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	installSeconds: number;
	/** psql against the test database; returns stdout (unaligned, tuples only). */
	query(sql: string): Promise<string>;
	stop(): Promise<void>;
}

/** The bin folder of the newest PostgreSQL server Debian installed (/usr/lib/postgresql/<major>/bin). */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? path.join(root, majors[0], 'bin') : undefined;
}

const POSTGRES_USER = 'n8n';
const POSTGRES_PASSWORD = 'n8n-queue-e2e';
const POSTGRES_DATABASE = 'n8n';

/**
 * PostgreSQL refuses to run as root: the cluster belongs to the `postgres` system user that the
 * Debian package creates, and runs through runuser. Local trust authentication on 127.0.0.1 only;
 * fsync off (a throw-away database).
 */
export async function startPostgres(log: Log): Promise<PostgresService> {
	const installSeconds = await ensureDebianPackage(
		'postgresql',
		() => postgresBinDir() !== undefined,
		log,
	);
	const bin = postgresBinDir() as string;
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chakra-queue-pg-'));
	const dataDir = path.join(dir, 'data');
	await runOrThrow('chown', ['postgres:postgres', dir]);
	const asPostgres = (binary: string, args: string[]): [string, string[]] => [
		'runuser',
		['-u', 'postgres', '--', path.join(bin, binary), ...args],
	];
	await runOrThrow(
		...asPostgres('initdb', [
			'-D',
			dataDir,
			'-U',
			POSTGRES_USER,
			'-A',
			'trust',
			'-E',
			'UTF8',
			'--locale=C',
			'--no-sync',
		]),
		{ timeoutMs: 120_000 },
	);
	const [command, args] = asPostgres('postgres', [
		'-D',
		dataDir,
		'-h',
		LOOPBACK,
		'-p',
		String(port),
		'-k',
		dir,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	]);
	const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const output = collectOutput(child);
	const psql = (database: string, sql: string): Promise<string> =>
		runOrThrow(
			path.join(bin, 'psql'),
			[
				'-h',
				LOOPBACK,
				'-p',
				String(port),
				'-U',
				POSTGRES_USER,
				'-d',
				database,
				'-At',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{
				timeoutMs: 60_000,
			},
		).then((result) => result.stdout);
	const service: PostgresService = {
		host: LOOPBACK,
		port,
		database: POSTGRES_DATABASE,
		user: POSTGRES_USER,
		password: POSTGRES_PASSWORD,
		installSeconds,
		query: (sql) => psql(POSTGRES_DATABASE, sql),
		stop: async () => {
			// SIGINT = fast shutdown (clients are gone by now).
			await stopGroup(child, 'SIGINT', 15_000);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	try {
		const ready = async (): Promise<boolean> =>
			(
				await run(path.join(bin, 'pg_isready'), ['-h', LOOPBACK, '-p', String(port)], {
					timeoutMs: 5_000,
				})
			).code === 0;
		await waitFor('postgres', child, output, ready, 60_000);
		await psql('postgres', `CREATE DATABASE ${POSTGRES_DATABASE}`);
	} catch (error) {
		await service.stop();
		throw error;
	}
	log(
		`PostgreSQL ${path.basename(path.dirname(bin))} on ${LOOPBACK}:${port} (data in ${dataDir}, fsync off)`,
	);
	return service;
}
