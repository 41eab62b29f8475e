/** Running workflows headless (n8n CLI) and reading executions back through the public API. */
import type { N8nExecution } from '../../../scripts/lib/api';
import { runN8nCli } from '../../../scripts/lib/n8n';
import type { E2eEnv } from './env';

export type Item = {
	json: Record<string, unknown>;
	binary?: Record<
		string,
		{ mimeType: string; fileName?: string; fileSize?: string; data?: string }
	>;
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Ids of the executions n8n has stored for a workflow, newest first. */
async function executionIds(env: E2eEnv, workflowId: string): Promise<string[]> {
	return (await env.client.listExecutions(workflowId)).map((execution) => String(execution.id));
}

/** `n8n execute --id` (headless, like a scheduled run), then the stored execution with its data. */
export async function executeWithCli(env: E2eEnv, workflowId: string): Promise<N8nExecution> {
	const before = new Set(await executionIds(env, workflowId));
	const result = await runN8nCli(env.server, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const [newest] = (await executionIds(env, workflowId)).filter((id) => !before.has(id));
	if (!newest) {
		throw new Error(
			`n8n execute --id=${workflowId} stored no execution (exit ${result.code}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`,
		);
	}
	return env.client.getExecution(newest);
}

/** Waits until the workflow has `count` more finished executions than `known`, and returns them (oldest first). */
export async function waitForNewExecutions(
	env: E2eEnv,
	workflowId: string,
	known: Set<string>,
	count: number,
	timeoutMs = 30_000,
): Promise<N8nExecution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = (await env.client.listExecutions(workflowId)).filter(
			(execution) => !known.has(String(execution.id)),
		);
		const done = executions.filter(
			(execution) => execution.status !== 'running' && execution.status !== 'new',
		);
		if (done.length >= count) {
			const full = await Promise.all(
				done.map((execution) => env.client.getExecution(execution.id)),
			);
			return full.sort((a, b) => Number(a.id) - Number(b.id));
		}
		if (Date.now() > deadline)
			throw new Error(
				`expected ${count} new execution(s) of ${workflowId}, saw ${done.length} within ${timeoutMs / 1000}s`,
			);
		await sleep(300);
	}
}

export async function knownExecutionIds(env: E2eEnv, workflowId: string): Promise<Set<string>> {
	return new Set(await executionIds(env, workflowId));
}

/** The first error of an execution (workflow-level or of any node), or undefined. */
export function executionError(execution: N8nExecution): string | undefined {
	const resultData = execution.data?.resultData;
	if (!resultData) return `execution ${execution.id} has no data (status ${execution.status})`;
	if (resultData.error)
		return `${resultData.error.node?.name ?? 'workflow'}: ${resultData.error.message}${resultData.error.description ? ` (${resultData.error.description})` : ''}`;
	for (const [node, runs] of Object.entries(resultData.runData)) {
		const failed = runs.find((run) => run.error);
		if (failed?.error) return `${node}: ${failed.error.message}`;
	}
	return undefined;
}

/** Output items (first output, last run) of one node; throws when the node did not run or failed. */
export function nodeOutput(execution: N8nExecution, nodeName: string, outputIndex = 0): Item[] {
	const runs = execution.data?.resultData.runData[nodeName];
	if (!runs?.length) {
		const ran = Object.keys(execution.data?.resultData.runData ?? {}).join(', ');
		throw new Error(
			`node "${nodeName}" did not run (ran: ${ran}); ${executionError(execution) ?? ''}`,
		);
	}
	const run = runs[runs.length - 1];
	if (run.error)
		throw new Error(
			`node "${nodeName}" failed: ${run.error.message}${run.error.description ? ` (${run.error.description})` : ''}`,
		);
	return (run.data?.main?.[outputIndex] ?? []) as Item[];
}

/** Throws unless the execution finished successfully. */
export function expectSuccess(execution: N8nExecution): void {
	const error = executionError(execution);
	if (error || execution.status !== 'success')
		throw new Error(
			`execution ${execution.id} status ${execution.status}: ${error ?? 'no error recorded'}`,
		);
}
