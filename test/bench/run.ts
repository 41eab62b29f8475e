/**
 * npm run bench: the Chakra nodes against what users use today (HTTP Request and Webhook nodes, and a
 * raw got loop), side by side, in the real n8n (scripts/lib/n8n-install.ts) against the fake ChakraHQ server on loopback.
 * Prints a table and writes BENCHMARKS.md (in full, also when a section fails). Every process it
 * starts is stopped at the end, after a failure and on Ctrl-C.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8N_VERSION } from '../../scripts/lib/n8n-install';
import { buildAndPack, REPO_ROOT } from '../../scripts/lib/n8n';
import { Cleanup } from '../../scripts/lib/cleanup';
import { ActionBench } from './action';
import { BROADCAST_VARIANTS, BroadcastBench } from './broadcast';
import { measureFootprint } from './footprint';
import { log, setUpBenchEnv, type BenchEnv } from './lib/env';
import { profileWhile } from './lib/profile';
import { MemoryBench } from './memory';
import { renderConsole, renderMarkdown, type BenchResults } from './report';
import { TriggerBench } from './trigger';

const SECTIONS = ['broadcast', 'action', 'trigger', 'memory', 'sendmemory', 'footprint'] as const;
type Section = (typeof SECTIONS)[number];

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max)
		throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
	return value;
}

function selectedSections(): Set<Section> {
	const only = process.env.BENCH_ONLY;
	if (!only) return new Set(SECTIONS);
	const chosen = only.split(',').map((name) => name.trim());
	const unknown = chosen.filter((name) => !(SECTIONS as readonly string[]).includes(name));
	if (unknown.length)
		throw new Error(
			`BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; use ${SECTIONS.join(', ')}`,
		);
	return new Set(chosen as Section[]);
}

function commandLine(): string {
	const settings = [
		'BENCH_RUNS',
		'BENCH_ITEMS',
		'BENCH_LATENCIES',
		'BENCH_BROADCAST_ITEMS',
		'BENCH_BROADCAST_VARIANTS',
		'BENCH_MEMORY_ITEMS',
		'BENCH_DELIVERIES',
		'BENCH_CONCURRENCY',
		'BENCH_FILE_MB',
		'BENCH_ONLY',
		'BENCH_PROFILE',
	]
		.filter((name) => process.env[name])
		.map((name) => `${name}=${process.env[name]}`);
	return [...settings, 'npm run bench'].join(' ');
}

const PROFILE_DIR = path.join(os.tmpdir(), 'chakra-bench-profiles');

/** BENCH_PROFILE=1: one extra run under V8's profiler in n8n; the .cpuprofile and a summary go to PROFILE_DIR. */
async function profiled(env: BenchEnv, name: string, body: () => Promise<unknown>): Promise<void> {
	if (process.env.BENCH_PROFILE !== '1') return;
	const file = path.join(PROFILE_DIR, `${name}.cpuprofile`);
	const summary = await profileWhile(env.server.process.pid as number, file, async () => {
		await body();
	});
	fs.writeFileSync(file.replace(/\.cpuprofile$/, '.txt'), `${summary}\n`);
	log(`  profile of ${name}: ${file} (summary: ${path.basename(file, '.cpuprofile')}.txt)`);
}

async function main(): Promise<number> {
	const started = Date.now();
	const runs = intFromEnv('BENCH_RUNS', 5, 1, 50);
	const items = intFromEnv('BENCH_ITEMS', 5000, 1, 20_000);
	const broadcastItems = intFromEnv('BENCH_BROADCAST_ITEMS', 5000, 1, 50_000);
	const memoryItems = intFromEnv('BENCH_MEMORY_ITEMS', 50_000, 1, 200_000);
	const latencies = (process.env.BENCH_LATENCIES ?? '0').split(',').map((value) => {
		const ms = Number(value.trim());
		if (!Number.isInteger(ms) || ms < 0 || ms > 1000)
			throw new Error(
				`BENCH_LATENCIES must be a comma list of milliseconds, got "${process.env.BENCH_LATENCIES}"`,
			);
		return ms;
	});
	const deliveries = intFromEnv('BENCH_DELIVERIES', 2000, 1, 50_000);
	const concurrency = intFromEnv('BENCH_CONCURRENCY', 20, 1, 500);
	const fileBytes = intFromEnv('BENCH_FILE_MB', 50, 1, 500) * 1024 * 1024;
	const sections = selectedSections();
	const results: BenchResults = {
		command: commandLine(),
		date: new Date().toISOString(),
		runs,
		durationSeconds: 0,
		machine: {
			cpu: os.cpus()[0]?.model ?? 'unknown',
			cores: os.cpus().length,
			memoryBytes: os.totalmem(),
			node: process.version,
			n8n: N8N_VERSION,
			os: `${os.type()} ${os.release()}`,
			loadBefore: os.loadavg(),
			loadAfter: [],
		},
		action: [],
		broadcast: [],
		sendMemory: [],
		failures: [],
	};

	const cleanup = new Cleanup();
	cleanup.runOnSignals(log);

	const section = async (name: string, body: () => Promise<void>): Promise<void> => {
		log(`${name} ...`);
		const t0 = Date.now();
		try {
			await body();
			log(`${name} done in ${Math.round((Date.now() - t0) / 1000)} s`);
		} catch (error) {
			const message = `${name}: ${(error as Error).message.split('\n').slice(0, 6).join(' ')}`;
			results.failures.push(message);
			log(`FAILED ${message}`);
		}
	};

	try {
		const needsN8n = ['broadcast', 'action', 'trigger', 'memory', 'sendmemory'].some((name) =>
			sections.has(name as Section),
		);
		let env: BenchEnv | undefined;
		if (needsN8n) {
			await section('setting up n8n and the fake ChakraHQ server', async () => {
				env = await setUpBenchEnv(cleanup);
				results.packageFiles = { missing: env.missingDistFiles };
			});
		}
		let tarball = env?.tarball;
		if (!tarball && sections.has('footprint')) {
			await section('building and packing the package', async () => {
				const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chakra-bench-pack-'));
				cleanup.add('pack folder', async () =>
					fs.rmSync(packDir, { recursive: true, force: true }),
				);
				const packed = await buildAndPack(packDir, log);
				tarball = packed.tarball;
				results.packageFiles = { missing: packed.missing };
			});
		}
		let broadcastBench: BroadcastBench | undefined;
		if (env && (sections.has('broadcast') || sections.has('sendmemory'))) {
			const bench = new BroadcastBench(env);
			broadcastBench = bench;
			await section('workflows of the broadcast and send memory sections', () => bench.setUp());
			if (sections.has('broadcast')) {
				const chosen = process.env.BENCH_BROADCAST_VARIANTS?.split(',').map((name) => name.trim());
				const unknown =
					chosen?.filter((name) => !(BROADCAST_VARIANTS as string[]).includes(name)) ?? [];
				if (unknown.length)
					throw new Error(
						`BENCH_BROADCAST_VARIANTS: unknown ${unknown.join(', ')}; use ${BROADCAST_VARIANTS.join(', ')}`,
					);
				for (const variant of BROADCAST_VARIANTS.filter(
					(name) => !chosen || chosen.includes(name),
				)) {
					await section(`broadcast (${variant}, ${broadcastItems} items)`, async () => {
						results.broadcast.push(await bench.broadcast(variant, broadcastItems));
					});
				}
			}
		}
		if (env && sections.has('action')) {
			const bench = new ActionBench(env);
			await section('action throughput (Send Template)', async () => {
				await bench.setUp();
				for (const latencyMs of latencies)
					results.action.push(await bench.measure(latencyMs, items, runs));
				await env?.fake.setLatency(0);
				for (const variant of ['chakra', 'http'] as const) {
					await profiled(env as BenchEnv, `action-${variant}`, () => bench.runOnce(variant, items));
				}
			});
		}
		if (env && sections.has('trigger')) {
			const bench = new TriggerBench(env);
			await section('trigger throughput', async () => {
				try {
					await bench.setUp();
					results.trigger = await bench.measure(deliveries, concurrency, runs);
					for (const variant of ['chakra', 'webhook'] as const) {
						await profiled(env as BenchEnv, `trigger-${variant}`, () =>
							bench.runOnce(variant, deliveries, concurrency, 'profile'),
						);
					}
				} finally {
					bench.close();
				}
			});
		}
		if (env && sections.has('memory')) {
			const bench = new MemoryBench(env, fileBytes);
			cleanup.add('benchmark files', async () => bench.cleanUp());
			await section('memory (50 MB media)', async () => {
				await env?.fake.setLatency(0);
				await bench.setUp();
				results.memory = await bench.measure(runs);
			});
		}
		// Send memory last: its runs restart n8n and leave 50,000-item executions and a large heap behind,
		// which slowed the trigger section that used to follow it (10 deliveries/s instead of hundreds).
		if (broadcastBench && sections.has('sendmemory')) {
			const bench = broadcastBench;
			for (const variant of ['chakra', 'http'] as const) {
				await section(`send memory (${variant}, ${memoryItems} items)`, async () => {
					results.sendMemory.push(await bench.memory(variant, memoryItems));
				});
			}
		}
		if (tarball && sections.has('footprint')) {
			const packed = tarball;
			await section('footprint', async () => {
				results.footprint = await measureFootprint(packed, runs);
			});
		}
	} finally {
		await cleanup.run();
	}

	results.machine.loadAfter = os.loadavg();
	results.durationSeconds = (Date.now() - started) / 1000;
	const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
	fs.writeFileSync(file, renderMarkdown(results));
	console.log(renderConsole(results));
	log(
		`wrote ${path.relative(process.cwd(), file) || file} in ${Math.round(results.durationSeconds)} s`,
	);
	return results.failures.length > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		log(`npm run bench failed: ${error.message}`);
		process.exit(1);
	},
);
