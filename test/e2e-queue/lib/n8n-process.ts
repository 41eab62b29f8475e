/**
 * Starts any n8n command (`start`, `worker`, `webhook`) of any n8n binary (2.8.4 or an n8n 1.x in its
 * own cache folder) in its own process group, and waits until its readiness endpoint answers 200.
 *
 * scripts/lib/n8n.ts `startN8n` always runs `n8n start` of the 2.8.4 cache; this is the same loop,
 * generalised (candidate to move into scripts/lib/n8n.ts: a `binary` and a `command` option).
 */
import { spawn } from 'node:child_process';

import { stopProcessGroup, type N8nServer, type N8nSettings } from '../../../scripts/lib/n8n';

type Log = (line: string) => void;

export type N8nCommand = 'start' | 'worker' | 'webhook';

export interface N8nProcess extends N8nServer {
	name: string;
	command: N8nCommand;
	/** Kills the whole process group at once, no grace period (a crash). */
	kill(): void;
}

export interface StartProcessOptions {
	name: string;
	binary: string;
	command: N8nCommand;
	/** Extra arguments after the command, e.g. `--concurrency=10`. */
	args?: string[];
	settings: N8nSettings;
	env: NodeJS.ProcessEnv;
	/**
	 * A URL that answers 200 once the process is ready (main and webhook: N8N_PORT, worker: its health
	 * server). For `start`, /rest/settings must answer 200 too: /healthz/readiness answers before the REST
	 * controllers are registered (a POST /rest/login right after readiness got 404 on a main restart), and
	 * n8n 1.x answers its HTML start-up page with 200 while it migrates: wait for JSON.
	 */
	readinessUrl: string;
	/** Base URL clients use (main, webhook processor); the worker's health server for a worker. */
	baseUrl: string;
	log: Log;
	timeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function answers200(url: string, json = false): Promise<boolean> {
	try {
		const response = await fetch(url);
		await response.arrayBuffer();
		return response.ok && (!json || (response.headers.get('content-type') ?? '').includes('json'));
	} catch {
		return false;
	}
}

export async function startN8nProcess(options: StartProcessOptions): Promise<N8nProcess> {
	let output = '';
	const child = spawn(
		process.execPath,
		[options.binary, options.command, ...(options.args ?? [])],
		{
			env: options.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const collect = (chunk: Buffer): void => {
		output += chunk.toString();
		if (output.length > 4_000_000) output = output.slice(-2_000_000);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const started: N8nProcess = {
		name: options.name,
		command: options.command,
		baseUrl: options.baseUrl,
		process: child,
		settings: options.settings,
		binary: options.binary,
		env: options.env,
		output: () => output,
		stop: () => stopProcessGroup(child),
		kill: () => {
			try {
				process.kill(-(child.pid as number), 'SIGKILL');
			} catch {
				// already gone
			}
		},
	};
	const timeoutMs = options.timeoutMs ?? 180_000;
	const deadline = Date.now() + timeoutMs;
	try {
		for (;;) {
			if (child.exitCode !== null || child.signalCode !== null) {
				throw new Error(
					`${options.name} (n8n ${options.command}) exited with ${child.exitCode ?? child.signalCode} while starting:\n${output.slice(-4000)}`,
				);
			}
			if (
				(await answers200(options.readinessUrl)) &&
				(options.command !== 'start' ||
					(await answers200(`${options.baseUrl}/rest/settings`, true)))
			)
				break;
			if (Date.now() > deadline)
				throw new Error(
					`${options.name} (n8n ${options.command}) was not ready within ${timeoutMs / 1000}s:\n${output.slice(-4000)}`,
				);
			await sleep(300);
		}
	} catch (error) {
		await started.stop();
		throw error;
	}
	return started;
}
