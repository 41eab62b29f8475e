/**
 * Shared helpers for `npm run dev`, `npm run demo` and `npm run test:e2e`: build and pack the package,
 * install it as a community package, start n8n on loopback, call its REST and public APIs, run its CLI.
 * Everything listens on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import type { Cleanup } from './cleanup';
import { ensureN8nInstalled, n8nBinary, N8N_VERSION, requiredNodeMajor } from './n8n-install';
import { run, runOrThrow } from './process';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const LOOPBACK = '127.0.0.1';

type Log = (line: string) => void;

// ---------------------------------------------------------------------------------------------
// Build, pack, install as a community package

export interface PackageManifest {
	name: string;
	version: string;
	n8n: { credentials: string[]; nodes: string[] };
}

export function readPackageManifest(): PackageManifest {
	return JSON.parse(
		fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
	) as PackageManifest;
}

/** Node type name of a dist file: dist/nodes/ChakraCrm/ChakraCrm.node.js -> chakraCrm (n8n's convention). */
export function nodeTypeNameOf(distFile: string): string {
	const className = path.basename(distFile).split('.')[0];
	return className.charAt(0).toLowerCase() + className.slice(1);
}

/** Top-level entries that are not package sources (never copied into the staging folder). */
const NOT_PACKAGE_SOURCES = new Set([
	'node_modules',
	'dist',
	'.git',
	'.n8n-dev',
	'.tsbuildinfo',
	'test',
	'coverage',
	'examples',
	'docs',
	'scripts',
]);

/**
 * Copies the package sources into `stage` with node_modules linked, so `npm pack` can clean and
 * build there. Several engineers share the working tree and its `dist/`; building in place races
 * with their builds and cleans.
 */
function stagePackageSources(stage: string): void {
	fs.rmSync(stage, { recursive: true, force: true });
	fs.mkdirSync(stage, { recursive: true });
	for (const entry of fs.readdirSync(REPO_ROOT)) {
		if (NOT_PACKAGE_SOURCES.has(entry) || entry.endsWith('.tgz')) continue;
		fs.cpSync(path.join(REPO_ROOT, entry), path.join(stage, entry), { recursive: true });
	}
	fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
}

/** Files of package.json `n8n` (credentials and nodes) that are not inside the tarball. */
async function filesMissingFrom(tarball: string, manifest: PackageManifest): Promise<string[]> {
	const listing = await runOrThrow('tar', ['-tzf', tarball]);
	const packed = new Set(listing.stdout.split('\n').map((line) => line.replace(/^package\//, '')));
	return [...manifest.n8n.credentials, ...manifest.n8n.nodes].filter((file) => !packed.has(file));
}

/**
 * `npm pack` (its prepack cleans and builds) of a staged copy of the sources, into `destination`.
 * Returns the tarball and the files listed in package.json `n8n` that it does not contain.
 *
 * n8n loads a package's listed files in order and gives up on the whole package at the first missing
 * one. While nodes are still being written, `allowMissing` repacks the tarball with only the files
 * that exist, so the rest can be tried; callers report the missing ones.
 */
export async function buildAndPack(
	destination: string,
	log: Log,
	allowMissing = true,
): Promise<{ tarball: string; missing: string[] }> {
	fs.mkdirSync(destination, { recursive: true });
	const stage = path.join(destination, 'package-source');
	stagePackageSources(stage);
	log('Building and packing the package (npm pack) ...');
	const result = await runOrThrow('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: stage,
	});
	// prepack's own output (tsc, gulp) comes first; npm's JSON report is the last thing printed.
	const packed = JSON.parse(result.stdout.slice(result.stdout.search(/^\[\s*\{/m))) as {
		filename: string;
	}[];
	const tarball = path.join(destination, packed[0].filename);
	const missing = await filesMissingFrom(tarball, readPackageManifest());
	if (missing.length === 0) return { tarball, missing };
	if (!allowMissing)
		throw new Error(
			`package.json lists files the build did not produce:\n  ${missing.join('\n  ')}`,
		);
	return { tarball: await repackWithout(tarball, missing), missing };
}

/** Rewrites a packed tarball so that its package.json `n8n` lists no file from `missing`. */
async function repackWithout(tarball: string, missing: string[]): Promise<string> {
	const work = fs.mkdtempSync(path.join(path.dirname(tarball), 'repack-'));
	await runOrThrow('tar', ['-xzf', tarball, '-C', work]);
	const manifestFile = path.join(work, 'package', 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as PackageManifest;
	manifest.n8n.nodes = manifest.n8n.nodes.filter((file) => !missing.includes(file));
	manifest.n8n.credentials = manifest.n8n.credentials.filter((file) => !missing.includes(file));
	fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
	fs.rmSync(tarball);
	await runOrThrow('tar', ['-czf', tarball, '-C', work, 'package']);
	fs.rmSync(work, { recursive: true, force: true });
	return tarball;
}

/** The folder n8n loads community packages from: <userFolder>/.n8n/nodes. */
export function communityNodesDir(userFolder: string): string {
	return path.join(userFolder, '.n8n', 'nodes');
}

/** Installs the tarball the way n8n installs a community package (without peer and dev dependencies). */
export async function installCommunityPackage(
	userFolder: string,
	tarball: string,
	log: Log,
): Promise<void> {
	const dir = communityNodesDir(userFolder);
	fs.mkdirSync(dir, { recursive: true });
	const manifest = path.join(dir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(
			manifest,
			`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`,
		);
	}
	log(`Installing ${path.basename(tarball)} as a community package in ${dir} ...`);
	await runOrThrow(
		'npm',
		[
			'install',
			'--omit=peer',
			'--omit=dev',
			'--no-audit',
			'--no-fund',
			'--no-package-lock',
			tarball,
		],
		{ cwd: dir },
	);
}

// ---------------------------------------------------------------------------------------------
// Ports and environment

/** A free TCP port on 127.0.0.1 (asks the OS for one). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, LOOPBACK, () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** True when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, LOOPBACK, () => server.close(() => resolve(true)));
	});
}

export interface N8nSettings {
	userFolder: string;
	port: number;
	brokerPort: number;
	encryptionKey: string;
}

/** The public webhook base URL: n8n >= 2.36 reads N8N_WEBHOOK_URL (WEBHOOK_URL is deprecated there); older ones only WEBHOOK_URL. */
export function webhookUrlEnvironment(url: string, version = N8N_VERSION): NodeJS.ProcessEnv {
	return requiredNodeMajor(version) >= 24 ? { N8N_WEBHOOK_URL: url } : { WEBHOOK_URL: url };
}

/**
 * Environment for n8n: loopback only, no outbound calls (telemetry, version checks, templates,
 * personalization, AI assistant, license server), community packages on, file logs off.
 */
export function n8nEnvironment(settings: N8nSettings, version = N8N_VERSION): NodeJS.ProcessEnv {
	const webhookUrl = `http://${LOOPBACK}:${settings.port}/`;
	return {
		...webhookUrlEnvironment(webhookUrl, version),
		// Defaults that n8n 2.41 announces will change: set to the coming values, so runs do not change under us.
		N8N_RUNNERS_TASK_TIMEOUT: '60',
		N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(256 * 1024 * 1024),
		N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '1000',
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		LANG: process.env.LANG ?? 'C.UTF-8',
		TZ: 'UTC',
		NODE_ENV: 'production',
		N8N_USER_FOLDER: settings.userFolder,
		N8N_ENCRYPTION_KEY: settings.encryptionKey,
		N8N_HOST: LOOPBACK,
		N8N_LISTEN_ADDRESS: LOOPBACK,
		N8N_PORT: String(settings.port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://${LOOPBACK}:${settings.port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(settings.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: LOOPBACK,
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DEV_RELOAD: 'false',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		DB_SQLITE_POOL_SIZE: '2',
	};
}

// ---------------------------------------------------------------------------------------------
// The n8n server process

export interface N8nServer {
	baseUrl: string;
	/** The n8n binary this server runs; the CLI commands beside it (import, execute) use the same one. */
	binary?: string;
	process: ChildProcess;
	settings: N8nSettings;
	env: NodeJS.ProcessEnv;
	/** Everything n8n printed (stdout and stderr). */
	output(): string;
	stop(): Promise<void>;
}

/**
 * Polls until n8n serves its REST API: /healthz/readiness answers 200 as soon as the database is
 * migrated, but the REST routes (and the editor) are mounted a little later; GET /rest/settings
 * needs no login and answers 200 once they are.
 */
async function waitUntilReady(
	baseUrl: string,
	child: ChildProcess,
	output: () => string,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(
				`n8n exited with code ${child.exitCode} while starting:\n${output().slice(-4000)}`,
			);
		try {
			const [readiness, settings] = await Promise.all([
				fetch(`${baseUrl}/healthz/readiness`),
				fetch(`${baseUrl}/rest/settings`),
			]);
			if (readiness.ok && settings.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(
		`n8n did not become ready within ${timeoutMs / 1000}s:\n${output().slice(-4000)}`,
	);
}

/** Kills a process group started with `detached: true` (n8n and its task runners), TERM then KILL. */
export async function stopProcessGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const signalGroup = (signal: NodeJS.Signals): void => {
		try {
			process.kill(-(child.pid as number), signal);
		} catch {
			// already gone
		}
	};
	signalGroup('SIGTERM');
	const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	signalGroup('SIGKILL');
}

export interface StartOptions {
	settings: N8nSettings;
	log: Log;
	/** Echo n8n's output to this process's stdout (dev, demo). */
	echo?: boolean;
	timeoutMs?: number;
	/** n8n's stopper is registered here as soon as it is spawned (Ctrl-C while starting stops it). */
	cleanup: Cleanup;
}

/** Starts `n8n start` in its own process group and waits until it is ready. */
export async function startN8n(options: StartOptions): Promise<N8nServer> {
	const binary = await ensureN8nInstalled(options.log);
	const env = n8nEnvironment(options.settings);
	const baseUrl = `http://${LOOPBACK}:${options.settings.port}`;
	let output = '';
	const child = spawn(process.execPath, [binary, 'start'], {
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const collect = (chunk: Buffer): void => {
		output += chunk.toString();
		if (output.length > 2_000_000) output = output.slice(-1_000_000);
		if (options.echo) process.stdout.write(chunk);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const server: N8nServer = {
		baseUrl,
		binary,
		process: child,
		settings: options.settings,
		env,
		output: () => output,
		stop: () => stopProcessGroup(child),
	};
	options.cleanup.add('n8n', server.stop);
	await waitUntilReady(baseUrl, child, () => output, options.timeoutMs ?? 180_000);
	return server;
}

/** Runs an n8n CLI command (import:credentials, import:workflow, execute) beside the running server. */
export async function runN8nCli(
	server: Pick<N8nServer, 'env' | 'binary'>,
	args: string[],
	timeoutMs = 180_000,
): Promise<{ code: number; stdout: string; stderr: string }> {
	// The CLI starts its own task-runner broker: give it a port of its own.
	const env = { ...server.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	return run(process.execPath, [server.binary ?? n8nBinary(), ...args], { env, timeoutMs });
}

/** `n8n import:<kind> --input=<file or folder>`; throws with n8n's output when the import fails. */
export async function importIntoN8n(
	server: Pick<N8nServer, 'env' | 'binary'>,
	kind: 'credentials' | 'workflow',
	input: string,
	extraArgs: string[] = [],
): Promise<void> {
	const result = await runN8nCli(server, [`import:${kind}`, `--input=${input}`, ...extraArgs]);
	if (result.code !== 0) {
		throw new Error(
			`n8n import:${kind} ${input} failed (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
		);
	}
}

// ---------------------------------------------------------------------------------------------
// Resident memory of the n8n process tree (Linux /proc)

function childrenOf(pid: number): number[] {
	try {
		const tasks = fs.readdirSync(`/proc/${pid}/task`);
		return tasks.flatMap((task) => {
			const text = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
			return text ? text.split(/\s+/).map(Number) : [];
		});
	} catch {
		return [];
	}
}

/** VmRSS of one process in bytes (0 when it is gone). */
export function residentBytes(pid: number): number {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Samples RSS of the n8n main process and of its whole tree (task runners) every `intervalMs`. */
export function sampleMemory(
	pid: number,
	intervalMs = 500,
): { peakMain: () => number; peakTree: () => number; stop: () => void } {
	let peakMain = 0;
	let peakTree = 0;
	const sample = (): void => {
		const main = residentBytes(pid);
		const tree = [pid, ...descendantsOf(pid)].reduce((sum, p) => sum + residentBytes(p), 0);
		peakMain = Math.max(peakMain, main);
		peakTree = Math.max(peakTree, tree);
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	timer.unref();
	return { peakMain: () => peakMain, peakTree: () => peakTree, stop: () => clearInterval(timer) };
}

function descendantsOf(pid: number): number[] {
	const direct = childrenOf(pid);
	return direct.flatMap((child) => [child, ...descendantsOf(child)]);
}

export function megabytes(bytes: number): string {
	return `${Math.round(bytes / 1024 / 1024)} MB`;
}
