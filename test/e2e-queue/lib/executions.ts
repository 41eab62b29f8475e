/**
 * Executions of a workflow through n8n's public API, all pages (N8nClient.listExecutions reads one
 * page of 50; the queue suite needs hundreds). Candidate for N8nClient later: `listAllExecutions`.
 */
import type { N8nClient, N8nExecution } from '../../../scripts/lib/api';

const PAGE_SIZE = 250;
/** Bound on pages read (250 x 40 = 10,000 executions). */
const MAX_PAGES = 40;

export async function listAllExecutions(
	client: N8nClient,
	workflowId: string,
	includeData: boolean,
): Promise<N8nExecution[]> {
	const all: N8nExecution[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const query = new URLSearchParams({
			workflowId,
			limit: String(PAGE_SIZE),
			includeData: String(includeData),
		});
		if (cursor) query.set('cursor', cursor);
		const result = await client.publicApi<{ data: N8nExecution[]; nextCursor?: string | null }>(
			'GET',
			`/executions?${query.toString()}`,
		);
		all.push(...result.data);
		if (!result.nextCursor || result.data.length === 0) return all;
		cursor = result.nextCursor;
	}
	throw new Error(`more than ${PAGE_SIZE * MAX_PAGES} executions of ${workflowId}`);
}

interface ExecutionDataWithStack {
	executionData?: {
		nodeExecutionStack?: { data?: { main?: ({ json: Record<string, unknown> }[] | null)[] } }[];
	};
}

/**
 * The `wamid` field of the trigger's first item: from the trigger's run data, or (an execution that
 * was enqueued but never finished) from the execution stack the webhook processor stored.
 */
export function triggerField(execution: N8nExecution, triggerNode: string, field: string): unknown {
	const runs = execution.data?.resultData.runData[triggerNode];
	const fromRun = runs?.[0]?.data?.main?.[0]?.[0]?.json?.[field];
	if (fromRun !== undefined) return fromRun;
	const stack =
		(execution.data as ExecutionDataWithStack | undefined)?.executionData?.nodeExecutionStack ?? [];
	for (const entry of stack) {
		const value = entry.data?.main?.[0]?.[0]?.json?.[field];
		if (value !== undefined) return value;
	}
	return undefined;
}

export function countBy<T>(values: T[], key: (value: T) => string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[key(value)] = (counts[key(value)] ?? 0) + 1;
	return counts;
}
