/**
 * 4. Footprint: time to require and instantiate every node class of the package in a fresh Node
 * process (n8n-workflow loaded first and timed apart: n8n has it loaded already), the npm tarball
 * and the dist folder.
 *
 * Everything is measured on the packed tarball, extracted into a private folder: the working tree's
 * dist/ is shared with other builds (npm pack cleans it) and may change under the benchmark.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as os from 'node:os';

import { REPO_ROOT, type PackageManifest } from '../../scripts/lib/n8n';
import { runOrThrow } from '../../scripts/lib/process';
import { median } from './lib/stats';

export interface FootprintResult {
	nodeFiles: number;
	nodeClasses: number;
	/** Per run: ms to require + instantiate the package's node classes (n8n-workflow already loaded). */
	loadMs: number[];
	/** Per run: CPU time (user + system) of the same, ms: less sensitive to other processes than wall time. */
	loadCpuMs: number[];
	/** Modules of the package in require's cache after loading. */
	modules: number;
	/** Per run: ms to require n8n-workflow itself (paid once by n8n, not by this package). */
	workflowLibMs: number[];
	tarballBytes: number;
	unpackedBytes: number;
	tarballFiles: number;
	distBytes: number;
	distJsBytes: number;
	distFiles: number;
}

/** Runs in the child: prints { workflowLibMs, loadMs, classes }. */
const LOADER = `
const files = JSON.parse(process.argv[1]);
const t0 = process.hrtime.bigint();
require('n8n-workflow');
const t1 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let classes = 0;
for (const file of files) {
  const mod = require(file);
  for (const value of Object.values(mod)) {
    if (typeof value !== 'function') continue;
    const instance = new value();
    if (instance.description) classes++;
  }
}
const t2 = process.hrtime.bigint();
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ workflowLibMs: Number(t1 - t0) / 1e6, loadMs: Number(t2 - t1) / 1e6, cpuMs: (cpu.user + cpu.system) / 1e3, modules: Object.keys(require.cache).filter((key) => key.startsWith(process.cwd())).length, classes }));
`;

function walk(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? walk(full) : [full];
	});
}

/** Measures the package as packed in `tarball`. */
export async function measureFootprint(tarball: string, runs: number): Promise<FootprintResult> {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chakra-bench-footprint-'));
	try {
		await runOrThrow('tar', ['-xzf', tarball, '-C', work]);
		const packageDir = path.join(work, 'package');
		const manifest = JSON.parse(
			fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
		) as PackageManifest;
		const files = manifest.n8n.nodes
			.map((file) => path.join(packageDir, file))
			.filter((file) => fs.existsSync(file));
		const loadMs: number[] = [];
		const loadCpuMs: number[] = [];
		const workflowLibMs: number[] = [];
		let nodeClasses = 0;
		let modules = 0;
		// n8n-workflow is a peer dependency: resolve it from this repository, as n8n provides its own.
		const env = { ...process.env, NODE_PATH: path.join(REPO_ROOT, 'node_modules') };
		// Run 0 is an untimed warm-up (file system cache).
		for (let run = 0; run <= runs; run++) {
			const result = await runOrThrow(process.execPath, ['-e', LOADER, JSON.stringify(files)], {
				cwd: packageDir,
				env,
				timeoutMs: 60_000,
			});
			const parsed = JSON.parse(result.stdout) as {
				workflowLibMs: number;
				loadMs: number;
				cpuMs: number;
				modules: number;
				classes: number;
			};
			nodeClasses = parsed.classes;
			modules = parsed.modules;
			if (run === 0) continue;
			loadMs.push(parsed.loadMs);
			loadCpuMs.push(parsed.cpuMs);
			workflowLibMs.push(parsed.workflowLibMs);
		}
		// The same command users would run in the repository, on the packed contents.
		const pack = await runOrThrow('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: packageDir,
			timeoutMs: 120_000,
		});
		const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as {
			size: number;
			unpackedSize: number;
			entryCount: number;
		}[];
		const distFiles = walk(path.join(packageDir, 'dist'));
		const sizeOf = (list: string[]): number =>
			list.reduce((sum, file) => sum + fs.statSync(file).size, 0);
		return {
			nodeFiles: files.length,
			nodeClasses,
			loadMs,
			loadCpuMs,
			modules,
			workflowLibMs,
			tarballBytes: packed.size,
			unpackedBytes: packed.unpackedSize,
			tarballFiles: packed.entryCount,
			distBytes: sizeOf(distFiles),
			distJsBytes: sizeOf(distFiles.filter((file) => file.endsWith('.js'))),
			distFiles: distFiles.length,
		};
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

export function medianLoadMs(result: FootprintResult): number {
	return median(result.loadMs);
}
