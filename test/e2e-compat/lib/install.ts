/**
 * Installs another n8n version (n8n 1.x for the compatibility suite) into its own cache folder, the
 * same way scripts/lib/n8n-install.ts installs 2.8.4: a private package.json with the xlsx override,
 * `npm install n8n@<version>`, a marker file when it finished.
 *
 * scripts/lib/n8n-install.ts hard-codes N8N_VERSION; once it takes a version parameter
 * (`n8nInstallDir(version)`, `ensureN8nInstalled(log, version)`), this file can go.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { run } from '../../../scripts/lib/process';

type Log = (line: string) => void;

const XLSX_OVERRIDE = '0.18.5';
const MARKER_FILE = '.installed-ok';

export function versionInstallDir(version: string): string {
	return path.join(os.homedir(), '.cache', 'n8n-nodes-chakrahq', `n8n-${version}`);
}

export function versionBinary(version: string): string {
	return path.join(versionInstallDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

function isInstalled(version: string): boolean {
	const marker = path.join(versionInstallDir(version), MARKER_FILE);
	return fs.existsSync(marker) && fs.existsSync(versionBinary(version)) && fs.readFileSync(marker, 'utf8').startsWith(`n8n@${version}`);
}

/** Installs n8n@version into its cache folder unless a finished install is there. Returns seconds spent. */
export async function ensureN8nVersionInstalled(version: string, log: Log): Promise<number> {
	const dir = versionInstallDir(version);
	if (isInstalled(version)) {
		log(`n8n@${version} already installed in ${dir}`);
		return 0;
	}
	fs.mkdirSync(dir, { recursive: true });
	const manifest = {
		name: 'n8n-nodes-chakrahq-n8n-cache',
		private: true,
		description: `n8n@${version} for npm run test:e2e:compat of n8n-nodes-chakrahq`,
		overrides: { xlsx: XLSX_OVERRIDE },
	};
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	fs.writeFileSync(path.join(dir, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
	log(`Installing n8n@${version} into ${dir} (several minutes, about 2 GB, once) ...`);
	const started = Date.now();
	const heartbeat = setInterval(() => log(`  installing n8n@${version}: ${Math.round((Date.now() - started) / 1000)}s`), 30_000);
	const result = await run('npm', ['install', `n8n@${version}`, '--no-audit', '--no-fund'], {
		cwd: dir,
		env: { ...process.env, npm_config_yes: 'true' },
		timeoutMs: 45 * 60_000,
	}).finally(() => clearInterval(heartbeat));
	if (result.code !== 0 || !fs.existsSync(versionBinary(version))) {
		throw new Error(`npm install n8n@${version} in ${dir} failed (exit ${result.code}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-3000)}`);
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	fs.writeFileSync(path.join(dir, MARKER_FILE), `n8n@${version} installed ${new Date().toISOString()} in ${seconds}s\n`);
	log(`n8n@${version} installed in ${seconds}s`);
	return seconds;
}
