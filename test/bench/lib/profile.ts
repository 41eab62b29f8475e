/**
 * CPU profiles of the running n8n main process (BENCH_PROFILE=1): SIGUSR1 opens its inspector on
 * 127.0.0.1:9229, the Chrome DevTools protocol (over the `ws` package of the n8n install) starts and
 * stops V8's sampling profiler around one benchmark run, and the .cpuprofile is summarised as the
 * functions with the most self and total time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { isPortFree } from '../../../scripts/lib/n8n';
import { n8nInstallDir } from '../../../scripts/lib/n8n-install';
import { sleep } from './stats';

const INSPECTOR_PORT = 9229;

interface CdpSocket {
	send(data: string): void;
	on(event: 'message', listener: (data: Buffer) => void): void;
	once(event: 'open' | 'error', listener: (arg?: unknown) => void): void;
	close(): void;
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

async function inspectorUrl(pid: number): Promise<string> {
	const already = !(await isPortFree(INSPECTOR_PORT));
	if (!already) process.kill(pid, 'SIGUSR1');
	for (let attempt = 0; attempt < 50; attempt++) {
		const list = await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json/list`)
			.then(
				async (response) =>
					(await response.json()) as { webSocketDebuggerUrl: string; title: string }[],
			)
			.catch(() => undefined);
		const target = list?.find((entry) => entry.title.includes('n8n'));
		if (target) return target.webSocketDebuggerUrl;
		if (already && list)
			throw new Error(
				`port ${INSPECTOR_PORT} is used by another inspector (${list.map((entry) => entry.title).join(', ')})`,
			);
		await sleep(100);
	}
	throw new Error(`the inspector of pid ${pid} did not open on ${INSPECTOR_PORT}`);
}

/** Profiles process `pid` while `body` runs; writes `<file>` and returns a text summary. */
export async function profileWhile(
	pid: number,
	file: string,
	body: () => Promise<void>,
): Promise<string> {
	const WebSocket = require(path.join(n8nInstallDir(), 'node_modules', 'ws')) as new (
		url: string,
	) => CdpSocket;
	const socket = new WebSocket(await inspectorUrl(pid));
	await new Promise<void>((resolve, reject) => {
		socket.once('open', () => resolve());
		socket.once('error', reject);
	});
	let nextId = 1;
	const pending = new Map<number, (result: unknown) => void>();
	socket.on('message', (data) => {
		const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
		if (message.id !== undefined) pending.get(message.id)?.(message.result);
	});
	const call = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
		new Promise((resolve) => {
			const id = nextId++;
			pending.set(id, resolve as (result: unknown) => void);
			socket.send(JSON.stringify({ id, method, params }));
		});
	try {
		await call('Profiler.enable');
		await call('Profiler.setSamplingInterval', { interval: 200 });
		await call('Profiler.start');
		await body();
		const { profile } = await call<{ profile: CpuProfile }>('Profiler.stop');
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, JSON.stringify(profile));
		return summarizeProfile(profile);
	} finally {
		socket.close();
	}
}

function frameName(node: ProfileNode): string {
	const url = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '');
	return `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
}

/** Top functions by self time and by total (inclusive) time, in ms. */
export function summarizeProfile(profile: CpuProfile, top = 25): string {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const selfTime = new Map<number, number>();
	profile.samples.forEach((sample, index) =>
		selfTime.set(sample, (selfTime.get(sample) ?? 0) + (profile.timeDeltas[index] ?? 0)),
	);
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	for (const [id, micros] of selfTime) {
		const name = frameName(byId.get(id) as ProfileNode);
		self.set(name, (self.get(name) ?? 0) + micros);
		const seen = new Set<string>();
		for (
			let current: number | undefined = id;
			current !== undefined;
			current = parent.get(current)
		) {
			const key = frameName(byId.get(current) as ProfileNode);
			if (seen.has(key)) continue;
			seen.add(key);
			total.set(key, (total.get(key) ?? 0) + micros);
		}
	}
	const list = (map: Map<string, number>): string[] =>
		[...map]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, micros]) => `${(micros / 1000).toFixed(0).padStart(8)} ms  ${name}`);
	const sampled = [...selfTime.values()].reduce((sum, micros) => sum + micros, 0);
	return [
		`sampled ${(sampled / 1000).toFixed(0)} ms`,
		'self:',
		...list(self),
		'total:',
		...list(total),
	].join('\n');
}
