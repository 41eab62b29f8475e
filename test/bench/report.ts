/** BENCHMARKS.md (and the console table) from the collected results. Written in full on every run. */
import {
	ACTION_VARIANTS,
	medianItemsPerSecond,
	type ActionResult,
	type ActionRun,
	type ActionVariant,
} from './action';
import { BROADCAST_LABEL, MEMORY_RATE, type BroadcastRun, type SendMemoryRun } from './broadcast';
import type { FootprintResult } from './footprint';
import { fixed, kib, median, mib, ratio, spreadOf } from './lib/stats';
import { MEMORY_CASES, MEMORY_VARIANTS, type MemoryResult } from './memory';
import {
	TRIGGER_VARIANTS,
	type TriggerResult,
	type TriggerRun,
	type TriggerVariant,
} from './trigger';

export interface Machine {
	cpu: string;
	cores: number;
	memoryBytes: number;
	node: string;
	n8n: string;
	os: string;
	loadBefore: number[];
	loadAfter: number[];
}

export interface BenchResults {
	command: string;
	date: string;
	runs: number;
	durationSeconds: number;
	machine: Machine;
	packageFiles?: { missing: string[] };
	action: ActionResult[];
	broadcast: BroadcastRun[];
	sendMemory: SendMemoryRun[];
	trigger?: TriggerResult;
	memory?: MemoryResult;
	footprint?: FootprintResult;
	/** Sections that could not run at all, with the reason. */
	failures: string[];
}

interface Goal {
	name: string;
	measured: string;
	target: string;
	pass: boolean | undefined;
	/** Shown instead of PASS / FAIL, e.g. when the runs spread too widely to decide. */
	note?: string;
}

/** Runs whose min-max spread exceeds this around the median decide no goal. */
const MAX_SPREAD = 0.25;

const VARIANT_LABEL: Record<ActionVariant, string> = {
	chakra: 'Chakra WhatsApp node (sendTemplate)',
	chakraComputed: 'Chakra WhatsApp node, computed expressions',
	http: 'HTTP Request node v4.4',
	raw: 'raw got loop (same concurrency)',
};

const TRIGGER_LABEL: Record<TriggerVariant, string> = {
	chakra: 'Chakra Trigger',
	webhook: 'Webhook node (respond immediately)',
};

function table(header: string[], rows: string[][]): string {
	const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function verdict(pass: boolean | undefined, note?: string): string {
	if (note) return note;
	return pass === undefined ? 'not measured' : pass ? 'PASS' : 'FAIL';
}

/** "SPREAD ±x%" when any of `samples` spreads beyond MAX_SPREAD. */
function spreadNote(...samples: number[][]): string | undefined {
	const worst = Math.max(...samples.map(spreadOf).filter(Number.isFinite));
	return worst > MAX_SPREAD ? `SPREAD ±${fixed(worst * 100)}% (undecided)` : undefined;
}

const cpuPerItem = (runs: ActionRun[]): number[] => runs.map((run) => run.cpuMsPerItem);
const itemsPerSecondOf = (runs: ActionRun[]): number[] => runs.map((run) => run.itemsPerSecond);

function triggerMedian(runs: TriggerRun[], key: keyof TriggerRun): number {
	return median(runs.map((run) => run[key]));
}

export function goals(results: BenchResults): Goal[] {
	const list: Goal[] = [];
	for (const run of results.broadcast) {
		if (run.variant !== 'chakra' && run.variant !== 'chakra1000') continue;
		const limit = run.variant === 'chakra' ? run.floorSeconds * 1.1 : run.floorSeconds * 1.1 + 2;
		list.push({
			name: `Broadcast x${run.items} at ${run.rate}/s: ${BROADCAST_LABEL[run.variant]}`,
			measured: `${run.delivered}/${run.items} delivered, ${run.duplicates} duplicates, ${fixed(run.wallSeconds, 1)} s`,
			target: `all once, <= ${fixed(limit, 1)} s`,
			pass: run.delivered === run.items && run.duplicates === 0 && run.wallSeconds <= limit,
		});
	}
	for (const action of results.action) {
		const cpuChakra = median(cpuPerItem(action.runs.chakra));
		const cpuHttp = median(cpuPerItem(action.runs.http));
		const cpuRatio = ratio(cpuChakra, cpuHttp);
		const slowestChakra = Math.max(...cpuPerItem(action.runs.chakra));
		const fastestHttp = Math.min(...cpuPerItem(action.runs.http));
		list.push({
			name: `Send Template x${action.items}, ${action.latencyMs} ms latency: CPU ms per item, Chakra node / HTTP Request node`,
			// The least favourable pairing of runs (the Chakra node's slowest, the HTTP Request node's
			// fastest) shows how far noise could move the ratio; the row still says SPREAD when wide.
			measured: `${fixed(cpuChakra, 3)} / ${fixed(cpuHttp, 3)} = ${fixed(cpuRatio, 2)}x (least favourable runs: ${fixed(slowestChakra, 3)} / ${fixed(fastestHttp, 3)} = ${fixed(ratio(slowestChakra, fastestHttp), 2)}x)`,
			target: '<= 0.5x',
			pass: Number.isFinite(cpuRatio) ? cpuRatio <= 0.5 : undefined,
			note: spreadNote(cpuPerItem(action.runs.chakra), cpuPerItem(action.runs.http)),
		});
	}
	for (const action of results.action) {
		const chakra = medianItemsPerSecond(action.runs.chakra);
		const http = medianItemsPerSecond(action.runs.http);
		const raw = medianItemsPerSecond(action.runs.raw);
		const vsHttp = ratio(chakra, http);
		const vsRaw = ratio(chakra, raw);
		list.push({
			name: `Send Template x${action.items}, ${action.latencyMs} ms latency: Chakra node / HTTP Request node`,
			measured: `${fixed(vsHttp, 2)}x`,
			target: '>= 1.0x',
			pass: Number.isFinite(vsHttp) ? vsHttp >= 1.0 : undefined,
			note: spreadNote(itemsPerSecondOf(action.runs.chakra), itemsPerSecondOf(action.runs.http)),
		});
		list.push({
			name: `Send Template x${action.items}, ${action.latencyMs} ms latency: Chakra node / raw got loop`,
			measured: `${fixed(vsRaw, 2)}x`,
			target: '>= 0.5x',
			pass: Number.isFinite(vsRaw) ? vsRaw >= 0.5 : undefined,
			note: spreadNote(itemsPerSecondOf(action.runs.chakra), itemsPerSecondOf(action.runs.raw)),
		});
	}
	if (results.trigger) {
		const { runs, deliveries } = results.trigger;
		const vs = ratio(
			triggerMedian(runs.chakra, 'acceptedPerSecond'),
			triggerMedian(runs.webhook, 'acceptedPerSecond'),
		);
		list.push({
			name: 'Trigger: Chakra Trigger accepted/s / Webhook node accepted/s',
			measured: `${fixed(vs, 2)}x`,
			target: '>= 0.9x',
			pass: Number.isFinite(vs) ? vs >= 0.9 : undefined,
		});
		const lost = runs.chakra.map((run) => deliveries - run.executions);
		const worst = lost.length ? Math.max(...lost) : Number.NaN;
		list.push({
			name: `Trigger: deliveries without an execution (worst run of ${runs.chakra.length})`,
			measured: fixed(worst),
			target: '0',
			pass: Number.isFinite(worst) ? worst === 0 : undefined,
		});
	}
	const memoryOf = (variant: 'chakra' | 'http') =>
		results.sendMemory.find((run) => run.variant === variant && !run.error);
	const [memoryChakra, memoryHttp] = [memoryOf('chakra'), memoryOf('http')];
	if (results.sendMemory.length) {
		const perItem = (run?: SendMemoryRun) => (run ? run.growthBytes / run.items : Number.NaN);
		list.push({
			name: `Send Template x${results.sendMemory[0].items}: peak RSS growth per item, Chakra node vs HTTP Request node`,
			measured: `${fixed(perItem(memoryChakra) / 1024, 2)} KB vs ${fixed(perItem(memoryHttp) / 1024, 2)} KB`,
			target: 'Chakra <= HTTP',
			pass: memoryChakra && memoryHttp ? perItem(memoryChakra) <= perItem(memoryHttp) : undefined,
		});
	}
	if (results.memory) {
		for (const memoryCase of MEMORY_CASES) {
			const growth = median(results.memory.runs[memoryCase].chakra.map((run) => run.growthBytes));
			const times = growth / results.memory.fileBytes;
			list.push({
				name: `Media ${memoryCase} ${mib(results.memory.fileBytes, 0)}: peak RSS growth of n8n (Chakra node)`,
				measured: `${mib(growth, 0)} (${fixed(times, 2)}x the file)`,
				target: '<= 2x the file',
				pass: Number.isFinite(times) ? times <= 2 : undefined,
			});
		}
	}
	if (results.footprint) {
		const load = median(results.footprint.loadMs);
		list.push({
			name: `Load all ${results.footprint.nodeClasses} node classes (fresh process)`,
			measured: `${fixed(load, 1)} ms`,
			target: '< 100 ms',
			pass: load < 100,
		});
		list.push({
			name: 'npm tarball',
			measured: kib(results.footprint.tarballBytes),
			target: '< 200 KB',
			pass: results.footprint.tarballBytes < 200 * 1024,
		});
	}
	return list;
}

function actionSection(action: ActionResult): string {
	const chakra = medianItemsPerSecond(action.runs.chakra);
	const rows = ACTION_VARIANTS.map((variant) => {
		const runs = action.runs[variant];
		const values = runs.map((run) => run.itemsPerSecond);
		const itemsPerSecond = medianItemsPerSecond(runs);
		const cpu = cpuPerItem(runs);
		return [
			VARIANT_LABEL[variant],
			fixed(median(cpu), 3),
			cpu.length ? `${fixed(Math.min(...cpu), 3)}-${fixed(Math.max(...cpu), 3)}` : 'n/a',
			`±${fixed(spreadOf(cpu) * 100)}%`,
			fixed(itemsPerSecond),
			values.length ? `${fixed(Math.min(...values))}-${fixed(Math.max(...values))}` : 'n/a',
			`±${fixed(spreadOf(values) * 100)}%`,
			fixed(median(runs.map((run) => run.totalMs))),
			variant === 'raw' ? '-' : fixed(median(runs.map((run) => run.nodeMs))),
			variant === 'chakra' ? '1.00x' : `${fixed(ratio(chakra, itemsPerSecond), 2)}x`,
			String(runs.length),
		];
	});
	return [
		`### ${action.latencyMs} ms added latency`,
		'',
		table(
			[
				'Variant',
				'CPU ms/item (median)',
				'min-max',
				'spread',
				'items/s (median)',
				'min-max',
				'spread',
				'execution ms',
				'node ms',
				'Chakra items/s / this',
				'runs',
			],
			rows,
		),
		'',
		`Same C2 request body from all variants (item 0, keys compared in canonical order): **${action.sameBody ? 'yes' : 'NO'}**.`,
		...(action.sameBody ? [] : ['', '```json', JSON.stringify(action.bodies, null, 2), '```']),
		...(action.errors.length ? ['', 'Errors:', ...action.errors.map((error) => `- ${error}`)] : []),
	].join('\n');
}

function broadcastSection(runs: BroadcastRun[]): string {
	const rows = runs.map((run) => [
		BROADCAST_LABEL[run.variant],
		`${run.rate}/s`,
		`${run.delivered}/${run.items}`,
		String(run.failed),
		String(run.duplicates),
		String(run.refusals),
		fixed(run.wallSeconds, 1),
		fixed(run.floorSeconds, 1),
		`${fixed(run.wallSeconds / run.floorSeconds, 2)}x`,
		`${run.status}${run.error ? `: ${run.error.split('\n')[0].slice(0, 120)}` : ''}`,
	]);
	return [
		"One execution per row: Webhook -> Code node producing the recipients -> Send Template, against the fake ChakraHQ with Meta's throughput limit on (a token bucket per sender phone number of the given rate, full at the start, one second's worth; beyond it HTTP 429 with Meta's error 130429 \"Rate limit hit\"; `test/fake-chakra/throughput.ts`). Delivered = distinct recipients the fake accepted; failed = recipients never accepted; duplicates = accepted sends beyond the first to a recipient; refusals = 130429 answers; wall = execution startedAt -> stoppedAt; floor = recipients / rate.",
		'',
		table(
			[
				'Variant',
				'sender limit',
				'delivered',
				'failed',
				'duplicates',
				'130429 refusals',
				'wall s',
				'floor s',
				'wall / floor',
				'execution',
			],
			rows,
		),
	].join('\n');
}

function sendMemorySection(runs: SendMemoryRun[]): string {
	const rows = runs.map((run) => [
		run.variant === 'chakra'
			? `Chakra WhatsApp node, Messages per Second ${MEMORY_RATE}`
			: `HTTP Request node v4.4, Batching ${MEMORY_RATE / 20} items per 50 ms`,
		String(run.items),
		mib(run.growthBytes),
		`${fixed(run.growthBytes / run.items / 1024, 2)} KB`,
		fixed(run.wallSeconds, 1),
		run.error ? run.error.split('\n')[0] : 'ok',
	]);
	return [
		`Each run starts a fresh n8n, warms the workflow up with 1,000 items, resets the kernel's peak-RSS mark (\`/proc/<pid>/clear_refs\` = 5) and sends the items through Send Template (no throughput limit in the fake; both nodes at ${MEMORY_RATE} per second, so both hold the same requests in flight). Growth = VmHWM after - VmRSS before, n8n main process; it includes n8n's own copy of the input and output items.`,
		'',
		table(['Variant', 'items', 'peak RSS growth', 'per item', 'wall s', 'result'], rows),
	].join('\n');
}

function triggerSection(trigger: TriggerResult): string {
	const chakra = triggerMedian(trigger.runs.chakra, 'acceptedPerSecond');
	const rows = TRIGGER_VARIANTS.map((variant) => {
		const runs = trigger.runs[variant];
		const accepted = triggerMedian(runs, 'acceptedPerSecond');
		const lost = runs.map((run) => trigger.deliveries - run.executions);
		return [
			TRIGGER_LABEL[variant],
			fixed(accepted),
			fixed(triggerMedian(runs, 'p50Ms'), 1),
			fixed(triggerMedian(runs, 'p99Ms'), 1),
			runs.map((run) => `${run.executions}`).join(', ') || 'n/a',
			lost.length ? String(Math.max(...lost)) : 'n/a',
			String(runs.reduce((sum, run) => sum + run.failedExecutions, 0)),
			fixed(triggerMedian(runs, 'processedPerSecond')),
			variant === 'chakra' ? '1.00x' : `${fixed(ratio(chakra, accepted), 2)}x`,
		];
	});
	return [
		`${trigger.deliveries} signed pass-through deliveries (\`webhookSamples.passThroughText()\`, distinct wamids, \`X-Chakra-Signature-256\` = \`signBody\` with the credential's secret) at concurrency ${trigger.concurrency}, keep-alive, to an active workflow's production URL. Both workflows are the trigger node alone.`,
		'',
		table(
			[
				'Variant',
				'accepted/s (median)',
				'p50 ms',
				'p99 ms',
				'executions per run',
				'lost (worst run)',
				'failed executions',
				'processed/s',
				'Chakra / this',
			],
			rows,
		),
		'',
		'"processed/s" = deliveries / (last execution stoppedAt - first send): includes the executions n8n runs after answering.',
		...(trigger.errors.length
			? ['', 'Errors:', ...trigger.errors.map((error) => `- ${error}`)]
			: []),
	].join('\n');
}

function memorySection(memory: MemoryResult): string {
	const rows = MEMORY_CASES.flatMap((memoryCase) =>
		MEMORY_VARIANTS.map((variant) => {
			const runs = memory.runs[memoryCase][variant];
			const growth = median(runs.map((run) => run.growthBytes));
			return [
				`${memoryCase} (${memoryCase === 'upload' ? 'C9' : 'C10'})`,
				variant === 'chakra' ? `Chakra WhatsApp media ${memoryCase}` : 'HTTP Request node v4.4',
				mib(growth),
				`${fixed(growth / memory.fileBytes, 2)}x`,
				runs.map((run) => mib(run.growthBytes, 0)).join(', ') || 'n/a',
				mib(median(runs.map((run) => run.treeGrowthBytes))),
				fixed(median(runs.map((run) => run.nodeMs))),
			];
		}),
	);
	return [
		`File: ${mib(memory.fileBytes, 0)}. Each run starts a fresh n8n, warms the workflow up with a 1 MB file, then resets the kernel's peak-RSS mark (\`/proc/<pid>/clear_refs\` = 5) and runs the ${mib(memory.fileBytes, 0)} file. Growth = VmHWM after - VmRSS before, n8n main process (regular mode, binary data mode \`filesystem\`, n8n's default). Upload workflows read the file with the Read/Write Files from Disk node first (streamed into the binary store), so both variants carry that step.`,
		'',
		table(
			[
				'Case',
				'Node',
				'peak RSS growth (median)',
				'x file',
				'per run',
				'process tree growth',
				'node ms',
			],
			rows,
		),
		...(memory.errors.length ? ['', 'Errors:', ...memory.errors.map((error) => `- ${error}`)] : []),
	].join('\n');
}

function footprintSection(footprint: FootprintResult): string {
	return table(
		['Measure', 'Value'],
		[
			[
				`require + instantiate ${footprint.nodeClasses} node classes (${footprint.nodeFiles} files), median of ${footprint.loadMs.length}`,
				`${fixed(median(footprint.loadMs), 1)} ms (runs: ${footprint.loadMs.map((ms) => fixed(ms, 0)).join(', ')})`,
			],
			[
				'CPU time of the same (user + system), median',
				`${fixed(median(footprint.loadCpuMs), 1)} ms`,
			],
			['JavaScript modules of the package loaded', String(footprint.modules)],
			[
				'require n8n-workflow first (already loaded inside n8n, not counted above)',
				`${fixed(median(footprint.workflowLibMs), 1)} ms`,
			],
			[
				'npm tarball (`npm pack --dry-run`)',
				`${kib(footprint.tarballBytes)} (${footprint.tarballFiles} files, ${kib(footprint.unpackedBytes)} unpacked)`,
			],
			[
				'dist/ on disk',
				`${kib(footprint.distBytes)} in ${footprint.distFiles} files (${kib(footprint.distJsBytes)} of .js)`,
			],
		],
	);
}

export function renderMarkdown(results: BenchResults): string {
	const { machine } = results;
	const goalList = goals(results);
	const parts = [
		'# Benchmarks',
		'',
		`Generated by \`${results.command}\` on ${results.date} in ${Math.round(results.durationSeconds / 60)} min. Figures are **medians of ${results.runs} run(s)**; this file is rewritten in full by every run.`,
		'',
		'## Machine',
		'',
		table(
			[
				'CPU',
				'Cores',
				'Memory',
				'Node',
				'n8n',
				'OS',
				'Load average (1/5/15 min) at start',
				'at end',
			],
			[
				[
					machine.cpu,
					String(machine.cores),
					mib(machine.memoryBytes, 0),
					machine.node,
					machine.n8n,
					machine.os,
					machine.loadBefore.map((l) => l.toFixed(2)).join(' / '),
					machine.loadAfter.map((l) => l.toFixed(2)).join(' / '),
				],
			],
		),
		'',
		`A load average above ${machine.cores} means other processes competed for the CPU: treat the absolute numbers as noisy; the ratios compare variants run alternately under the same load.`,
		'',
		'## Goals',
		'',
		table(
			['Goal', 'Measured', 'Target', 'Result'],
			goalList.map((goal) => [
				goal.name,
				goal.measured,
				goal.target,
				verdict(goal.pass, goal.note),
			]),
		),
		'',
		...(results.failures.length
			? ['Sections that did not run:', '', ...results.failures.map((failure) => `- ${failure}`), '']
			: []),
		...(results.packageFiles?.missing.length
			? [
					`Files listed in package.json \`n8n\` that the build did not produce (left out of the installed package): ${results.packageFiles.missing.join(', ')}`,
					'',
				]
			: []),
		'## 1. Broadcast: Send Template to ' +
			(results.broadcast[0]?.items ?? 5000) +
			' recipients against a throughput-limited sender',
		'',
		results.broadcast.length ? broadcastSection(results.broadcast) : 'Not measured.',
		'',
		'## 2. Send Template cost: CPU time per item and items/s (C2)',
		'',
		`The real n8n ${machine.n8n} (regular mode, SQLite) with the packed package installed as a community package, against the fake ChakraHQ server on 127.0.0.1 (its own process, no throughput limit). Workflow: Webhook (responds when the last node finishes) -> Code node producing the items -> node under test. **CPU ms/item** = user + system time of the n8n main process (\`/proc/<pid>/stat\`) from the webhook call to its answer, divided by the items: the node, the Code node's hand-over (the Code node itself runs in n8n's task runner, another process) and n8n's bookkeeping, not wall-clock noise; for the raw loop, the bench driver's own CPU. items/s = items / (execution stoppedAt - startedAt). Each round runs the variants in rotated order after one untimed warm-up each; every run checks that the fake received exactly one 200 C2 request per item. A goal whose runs spread more than ±${MAX_SPREAD * 100}% around the median is reported as SPREAD, not decided.`,
		'',
		"Variants: the Chakra node with the fields mapped as n8n's editor maps them when a field is dragged in (`{{ $json.phone }}`, `{{ $json.name }}`, `{{ $json.discount }}`: read from the item without n8n's expression engine, see `nodes/shared/parameterReader.ts`); the same node with computed expressions (`{{ $json.phone.trim() }}` …, three expression evaluations per item); the HTTP Request node with the phone in the URL, a static Bearer header and a JSON body with expressions (two evaluations per item: URL and body); a raw got loop. All start every item at once: the Chakra node with Messages per Second 0 (pacing off; section 1 measures pacing), the HTTP Request node v4.4 without Batching, the raw loop with `Promise.all`.",
		'',
		...results.action.flatMap((action) => [actionSection(action), '']),
		'## 3. Memory: Send Template x' + (results.sendMemory[0]?.items ?? 50000),
		'',
		results.sendMemory.length ? sendMemorySection(results.sendMemory) : 'Not measured.',
		'',
		'## 4. Trigger throughput',
		'',
		results.trigger ? triggerSection(results.trigger) : 'Not measured.',
		'',
		`## 5. Memory: ${results.memory ? mib(results.memory.fileBytes, 0) : '50 MB'} media upload and download`,
		'',
		results.memory ? memorySection(results.memory) : 'Not measured.',
		'',
		'## 6. Footprint',
		'',
		results.footprint ? footprintSection(results.footprint) : 'Not measured.',
		'',
		'## Reproduce',
		'',
		'```',
		'npm run bench                # everything, 5 runs each (about 20 minutes on 2 cores)',
		'BENCH_RUNS=1 BENCH_ITEMS=1000 BENCH_BROADCAST_ITEMS=800 BENCH_MEMORY_ITEMS=5000 npm run bench   # quick check',
		'BENCH_ONLY=broadcast npm run bench   # the broadcast rows alone (about 3 minutes at 5,000 recipients)',
		'```',
		'',
		'Environment: `BENCH_RUNS` (default 5), `BENCH_ITEMS` (Send Template cost, default 5000), `BENCH_LATENCIES` (added fake latency of the cost rows, ms, comma list, default 0), `BENCH_BROADCAST_ITEMS` (default 5000), `BENCH_BROADCAST_VARIANTS` (comma list of chakra, http, httpBatched, chakra1000; default all), `BENCH_MEMORY_ITEMS` (default 50000), `BENCH_DELIVERIES` (default 2000), `BENCH_CONCURRENCY` (default 20), `BENCH_FILE_MB` (default 50), `BENCH_ONLY` (comma list of broadcast, action, trigger, memory, sendmemory, footprint), `BENCH_PROFILE=1` adds one run per variant under the V8 profiler inside n8n (action and trigger; `.cpuprofile` + summary in `$TMPDIR/chakra-bench-profiles/`), `CHAKRA_BENCH_KEEP=1` keeps the n8n user folder. `node -r ts-node/register/transpile-only test/bench/profile-send-template.ts [items]` runs Send Template through the n8n-core engine in-process (for `--cpu-prof`). Sources: `test/bench/`.',
		'',
	];
	return parts.join('\n');
}

/** The console summary: the goals table in plain text. */
export function renderConsole(results: BenchResults): string {
	const goalList = goals(results);
	const width = Math.max(...goalList.map((goal) => goal.name.length), 10);
	const lines = goalList.map(
		(goal) =>
			`${goal.name.padEnd(width)}  ${goal.measured.padStart(22)}  ${goal.target.padEnd(14)}  ${verdict(goal.pass, goal.note)}`,
	);
	const actionLines = results.action.flatMap((action) =>
		ACTION_VARIANTS.map(
			(variant) =>
				`  ${String(action.latencyMs).padStart(2)} ms  ${VARIANT_LABEL[variant].padEnd(44)} ${fixed(median(cpuPerItem(action.runs[variant])), 3).padStart(7)} CPU ms/item (±${fixed(spreadOf(cpuPerItem(action.runs[variant])) * 100)}%)  ${fixed(medianItemsPerSecond(action.runs[variant])).padStart(6)} items/s (±${fixed(spreadOf(itemsPerSecondOf(action.runs[variant])) * 100)}%)`,
		),
	);
	const broadcastLines = results.broadcast.map(
		(run) =>
			`  ${BROADCAST_LABEL[run.variant].padEnd(56)} ${String(run.rate).padStart(4)}/s  ${run.delivered}/${run.items} delivered, ${run.failed} failed, ${run.duplicates} duplicates, ${fixed(run.wallSeconds, 1)} s = ${fixed(run.wallSeconds / run.floorSeconds, 2)}x floor (${run.status})`,
	);
	const sendMemoryLines = results.sendMemory.map(
		(run) =>
			`  ${run.variant.padEnd(7)} ${run.items} items: +${mib(run.growthBytes)} peak RSS, ${fixed(run.growthBytes / run.items / 1024, 2)} KB/item${run.error ? ` (${run.error.split('\n')[0]})` : ''}`,
	);
	const triggerLines = results.trigger
		? TRIGGER_VARIANTS.map((variant) => {
				const runs = results.trigger?.runs[variant] ?? [];
				return `  ${TRIGGER_LABEL[variant].padEnd(40)} ${fixed(triggerMedian(runs, 'acceptedPerSecond')).padStart(6)} accepted/s  p50 ${fixed(triggerMedian(runs, 'p50Ms'), 1)} ms  p99 ${fixed(triggerMedian(runs, 'p99Ms'), 1)} ms`;
			})
		: [];
	const memoryLines = results.memory
		? MEMORY_CASES.flatMap((memoryCase) =>
				MEMORY_VARIANTS.map(
					(variant) =>
						`  ${memoryCase.padEnd(8)} ${variant.padEnd(7)} +${mib(median(results.memory?.runs[memoryCase][variant].map((run) => run.growthBytes) ?? []))} peak RSS`,
				),
			)
		: [];
	return [
		'',
		'Broadcast:',
		...broadcastLines,
		'',
		'Send Template cost (medians):',
		...actionLines,
		'',
		'Send memory:',
		...sendMemoryLines,
		'',
		'Trigger:',
		...triggerLines,
		'',
		'Memory:',
		...memoryLines,
		'',
		'Goals:',
		...lines,
		'',
	].join('\n');
}
