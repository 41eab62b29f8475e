/**
 * 4. Footprint: time to require and instantiate every node class of the package in a fresh Node
 * process (n8n-workflow loaded first and timed apart: n8n has it loaded already), the npm tarball
 * and the dist folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { readPackageManifest, REPO_ROOT } from '../../scripts/lib/n8n';
import { runOrThrow } from '../../scripts/lib/process';
import { median } from './lib/stats';

export interface FootprintResult {
	nodeFiles: number;
	nodeClasses: number;
	/** Per run: ms to require + instantiate the package's node classes (n8n-workflow already loaded). */
	loadMs: number[];
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
process.stdout.write(JSON.stringify({ workflowLibMs: Number(t1 - t0) / 1e6, loadMs: Number(t2 - t1) / 1e6, classes }));
`;

function walk(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? walk(full) : [full];
	});
}

export async function measureFootprint(runs: number): Promise<FootprintResult> {
	const manifest = readPackageManifest();
	const files = manifest.n8n.nodes.map((file) => path.join(REPO_ROOT, file)).filter((file) => fs.existsSync(file));
	const loadMs: number[] = [];
	const workflowLibMs: number[] = [];
	let nodeClasses = 0;
	for (let run = 0; run < runs; run++) {
		const result = await runOrThrow(process.execPath, ['-e', LOADER, JSON.stringify(files)], { cwd: REPO_ROOT, timeoutMs: 60_000 });
		const parsed = JSON.parse(result.stdout) as { workflowLibMs: number; loadMs: number; classes: number };
		loadMs.push(parsed.loadMs);
		workflowLibMs.push(parsed.workflowLibMs);
		nodeClasses = parsed.classes;
	}
	// --ignore-scripts: the dist just built is what gets measured (prepack would rebuild it).
	const pack = await runOrThrow('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, timeoutMs: 120_000 });
	const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { size: number; unpackedSize: number; entryCount: number }[];
	const distFiles = walk(path.join(REPO_ROOT, 'dist'));
	const sizeOf = (list: string[]): number => list.reduce((sum, file) => sum + fs.statSync(file).size, 0);
	return {
		nodeFiles: files.length,
		nodeClasses,
		loadMs,
		workflowLibMs,
		tarballBytes: packed.size,
		unpackedBytes: packed.unpackedSize,
		tarballFiles: packed.entryCount,
		distBytes: sizeOf(distFiles),
		distJsBytes: sizeOf(distFiles.filter((file) => file.endsWith('.js'))),
		distFiles: distFiles.length,
	};
}

export function medianLoadMs(result: FootprintResult): number {
	return median(result.loadMs);
}
