/** Child processes: run to completion and collect output. */
import { spawn } from 'node:child_process';

export interface RunResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	timeoutMs?: number;
}

/** Runs a command in its own process group; on timeout the whole group is killed and code is 124. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = options.timeoutMs
			? setTimeout(() => {
					timedOut = true;
					try {
						process.kill(-(child.pid as number), 'SIGKILL');
					} catch {
						// already gone
					}
				}, options.timeoutMs)
			: undefined;
		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			if (timer) clearTimeout(timer);
			resolve({
				code: timedOut ? 124 : (code ?? 1),
				stdout,
				stderr: timedOut ? `${stderr}\n(timed out after ${options.timeoutMs} ms)` : stderr,
			});
		});
	});
}

/** Like run(), but throws an Error naming the command and its output when it exits non-zero. */
export async function runOrThrow(
	command: string,
	args: string[],
	options: RunOptions = {},
): Promise<RunResult> {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed with code ${result.code}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
		);
	}
	return result;
}
