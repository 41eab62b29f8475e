/** Small statistics and formatting helpers of the benchmark. */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function median(values: number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of already collected samples. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
	return sorted[rank - 1];
}

export function fixed(value: number, digits = 0): string {
	return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function ratio(a: number, b: number): number {
	return b > 0 ? a / b : Number.NaN;
}

export function mib(bytes: number, digits = 1): string {
	return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(digits)} MB` : 'n/a';
}

export function kib(bytes: number, digits = 1): string {
	return Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(digits)} KB` : 'n/a';
}

export const sleep = (ms: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function runPool(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count) {
			const index = next++;
			await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Rejects after `ms` with a message naming `what`; the timer never keeps the process alive. */
export async function withTimeout<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([
			promise,
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms);
				timer.unref();
			}),
		]);
	} finally {
		clearTimeout(timer);
	}
}

let clockTicks: number | undefined;

/** CPU time (user + system) a process has used so far, ms, from /proc/<pid>/stat (Linux). */
export function processCpuMs(pid: number): number {
	clockTicks ??= Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after "pid (comm) ": state is field 3, utime field 14, stime field 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** Half the min-max range around the median, as a fraction of it (0.25 = ±25%). */
export function spreadOf(values: number[]): number {
	const middle = median(values);
	if (!(middle > 0) || values.length === 0) return Number.NaN;
	return Math.max(Math.max(...values) / middle - 1, 1 - Math.min(...values) / middle);
}
