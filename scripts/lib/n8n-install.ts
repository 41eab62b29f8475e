/**
 * Installs the n8n application (n8n@2.8.4, the newest that runs on Node 20) once, into a cache folder
 * outside this package's node_modules, and reuses it afterwards (docs/e2e.md).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const N8N_VERSION = '2.8.4';

/** n8n's default xlsx dependency points at a host outside the npm registry; pin the registry's last one. */
const XLSX_OVERRIDE = '0.18.5';

const MARKER_FILE = '.installed-ok';

/** The cache folder: $CHAKRA_N8N_DIR, or ~/.cache/n8n-nodes-chakrahq/n8n-<version>. */
export function n8nInstallDir(): string {
	const fromEnv = process.env.CHAKRA_N8N_DIR;
	if (fromEnv) return path.resolve(fromEnv);
	return path.join(os.homedir(), '.cache', 'n8n-nodes-chakrahq', `n8n-${N8N_VERSION}`);
}

/** The n8n command-line entry point inside the cache folder. */
export function n8nBinary(dir = n8nInstallDir()): string {
	return path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

function markerPath(dir: string): string {
	return path.join(dir, MARKER_FILE);
}

/** True when a previous install finished (marker written) and the binary is still there. */
export function isN8nInstalled(dir = n8nInstallDir()): boolean {
	if (!fs.existsSync(markerPath(dir)) || !fs.existsSync(n8nBinary(dir))) return false;
	return fs.readFileSync(markerPath(dir), 'utf8').trim().startsWith(`n8n@${N8N_VERSION}`);
}

function writeInstallManifest(dir: string): void {
	const manifest = {
		name: 'n8n-nodes-chakrahq-n8n-cache',
		private: true,
		description: `n8n@${N8N_VERSION} for npm run dev / demo / test:e2e of n8n-nodes-chakrahq`,
		overrides: { xlsx: XLSX_OVERRIDE },
	};
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	fs.writeFileSync(path.join(dir, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
}

/** Runs npm install, printing a heartbeat line (elapsed time, folder size) so a slow install shows life. */
function runNpmInstall(dir: string, log: (line: string) => void): Promise<{ code: number; tail: string }> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn('npm', ['install', `n8n@${N8N_VERSION}`, '--no-audit', '--no-fund', '--loglevel=http'], {
			cwd: dir,
			env: { ...process.env, npm_config_yes: 'true' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
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
			const phase = fetched === fetchedBefore ? 'running install scripts (e.g. compiling sqlite3)' : `${fetched} registry fetches so far`;
			fetchedBefore = fetched;
			log(`  installing n8n@${N8N_VERSION}: ${seconds}s, ${phase}`);
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
 * Makes sure n8n is installed in the cache folder; installs it when missing. Throws an Error whose
 * message says what failed (and the end of npm's output) when the install does not succeed.
 */
export async function ensureN8nInstalled(log: (line: string) => void = console.log): Promise<string> {
	const dir = n8nInstallDir();
	if (isN8nInstalled(dir)) {
		log(`n8n@${N8N_VERSION} already installed in ${dir}`);
		return n8nBinary(dir);
	}
	fs.mkdirSync(dir, { recursive: true });
	fs.rmSync(markerPath(dir), { force: true });
	writeInstallManifest(dir);
	log(`Installing n8n@${N8N_VERSION} into ${dir} (3 to 15 minutes and 2.3 GB, once) ...`);
	const started = Date.now();
	const { code, tail } = await runNpmInstall(dir, log);
	if (code !== 0) {
		throw new Error(`npm install n8n@${N8N_VERSION} in ${dir} exited with code ${code}. Last output:\n${tail}`);
	}
	if (!fs.existsSync(n8nBinary(dir))) {
		throw new Error(`npm install finished but ${n8nBinary(dir)} is missing. Last output:\n${tail}`);
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	fs.writeFileSync(markerPath(dir), `n8n@${N8N_VERSION} installed ${new Date().toISOString()} in ${seconds}s\n`);
	log(`n8n@${N8N_VERSION} installed in ${seconds}s`);
	return n8nBinary(dir);
}
