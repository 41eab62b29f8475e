/**
 * Bulk process operations (C48, C49): every input item becomes one entry, entries are sent in
 * batches (one background job per batch and procedure), and with "Wait for Completion" each job is
 * polled (C59) until finished and its entries (C60) are returned, paired with their input items.
 * Declarative routing sends one request per item, so these are `customOperations` entries
 * (docs/DEVELOPING.md, "How an operation runs").
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { chakraMeta, isObject, unwrapChakraData } from '../../../shared/envelope';
import { MAX_PAGES, nextPagePath } from '../../../shared/pagination';
import { DEFAULT_MAX_RETRIES } from '../../../shared/retry';
import { chakraRequest } from '../../../shared/transport';
import { entryCounts, isJobFinished } from '../backgroundJob/jobStatus';
import { requiredTextParameter } from '../../../shared/checks';
import type { ItemFunctions } from '../../../shared/itemFunctions';
import { bulkItemFunctions } from '../../../shared/process/platformConfig';

export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_WAIT_TIMEOUT_SECONDS = 300;
const FIRST_POLL_DELAY_MS = 500;
const MAX_POLL_DELAY_MS = 15_000;

export interface BulkSpec {
	cid: 'C48' | 'C49';
	/** The entry of one input item. */
	entry: (item: ItemFunctions) => Promise<IDataObject>;
	/** The request body of one batch. */
	body: (entries: IDataObject[]) => IDataObject | IDataObject[];
}

interface PendingEntry {
	itemIndex: number;
	entry: IDataObject;
}

interface SubmittedBatch {
	procedureShortId: string;
	items: PendingEntry[];
	job: IDataObject;
	jobId: string;
}

/** Errors reach n8n as node errors whatever threw them: anything else becomes a NodeOperationError (retry.ts wraps request failures as NodeApiError). */
function asNodeOperationError(
	context: IExecuteFunctions,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error);
}

function pairedItems(items: PendingEntry[]): IPairedItemData[] {
	return items.map(({ itemIndex }) => ({ item: itemIndex }));
}

function firstPairedIndex(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	if (Array.isArray(paired)) return paired[0]?.item ?? 0;
	if (typeof paired === 'object' && paired !== null) return paired.item;
	return typeof paired === 'number' ? paired : 0;
}

function errorItems(
	error: Error,
	items: PendingEntry[],
	extra: IDataObject = {},
): INodeExecutionData[] {
	return items.map(({ itemIndex }) => ({
		json: { error: error.message, ...extra },
		pairedItem: { item: itemIndex },
	}));
}

function wholeNumberSetting(
	context: IExecuteFunctions,
	name: string,
	label: string,
	fallback: number,
): number {
	const raw = context.getNodeParameter(name, 0, fallback) as unknown;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) {
		throw new NodeOperationError(
			context.getNode(),
			`${label}: "${String(raw)}" is not a number greater than 0`,
			{ itemIndex: 0 },
		);
	}
	return value;
}

/** Entries of all items, grouped by procedure; invalid items are errors (or error items). */
async function collectEntries(
	context: IExecuteFunctions,
	spec: BulkSpec,
	output: INodeExecutionData[],
): Promise<Map<string, PendingEntry[]>> {
	const itemFunctions = bulkItemFunctions(context);
	const byProcedure = new Map<string, PendingEntry[]>();
	const items = context.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const item = itemFunctions(itemIndex);
			const procedureShortId = requiredTextParameter(item, 'procedureShortId');
			const entry = await spec.entry(item);
			const group = byProcedure.get(procedureShortId) ?? [];
			group.push({ itemIndex, entry });
			byProcedure.set(procedureShortId, group);
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeOperationError(context, error);
			output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
		}
	}
	return byProcedure;
}

function describeSubmitted(submitted: SubmittedBatch[]): string {
	if (submitted.length === 0) return 'No batch had been submitted before this one.';
	const jobs = submitted.map(
		(batch) =>
			`${batch.jobId} (items ${batch.items[0].itemIndex}-${batch.items[batch.items.length - 1].itemIndex})`,
	);
	return `Batches submitted before this one are processed by ChakraHQ: background jobs ${jobs.join(', ')}.`;
}

async function waitForJob(
	context: IExecuteFunctions,
	jobId: string,
	deadline: number,
	timeoutSeconds: number,
): Promise<void> {
	let delay = FIRST_POLL_DELAY_MS;
	for (;;) {
		const { body } = await chakraRequest(context, 'C59', { path: { backgroundJobId: jobId } });
		const job = unwrapChakraData(body);
		if (isJobFinished(isObject(job) ? job : {}, entryCounts(chakraMeta(body)))) return;
		const left = deadline - Date.now();
		if (left <= 0) {
			throw new NodeOperationError(
				context.getNode(),
				`Background job ${jobId} did not finish within ${timeoutSeconds} seconds`,
				{
					description: `ChakraHQ is still processing it. Check it later with the Background Job resource: Get (ID ${jobId}) for its counts and Get Entries for the outcome of each entry.`,
				},
			);
		}
		await sleep(Math.min(delay, left));
		delay = Math.min(delay * 2, MAX_POLL_DELAY_MS);
	}
}

/** All entries of a job (C60), following the next-page path on the API host only. */
async function jobEntries(context: IExecuteFunctions, jobId: string): Promise<IDataObject[]> {
	const entries: IDataObject[] = [];
	const seen = new Set<string>();
	let url: string | undefined;
	for (;;) {
		const { body } = await chakraRequest(context, 'C60', {
			path: { backgroundJobId: jobId },
			...(url ? { url } : {}),
		});
		const page = unwrapChakraData(body);
		for (const record of Array.isArray(page) ? page : [])
			if (isObject(record)) entries.push(record);
		const next = nextPagePath(chakraMeta(body));
		if (
			!Array.isArray(page) ||
			page.length === 0 ||
			!next ||
			!next.startsWith('/') ||
			next.startsWith('//')
		)
			return entries;
		if (seen.has(next) || seen.size >= MAX_PAGES) {
			throw new NodeOperationError(
				context.getNode(),
				`The entries of background job ${jobId} did not end: ChakraHQ ${seen.has(next) ? 'returned the same next page twice' : `kept answering after ${MAX_PAGES} pages`}`,
				{
					description: `Read them with the Background Job resource: Get Entries (ID ${jobId}).`,
				},
			);
		}
		seen.add(next);
		url = next;
	}
}

/** One item per entry, paired with the input item it came from (by the entry's `index`, else its position). */
export function pairEntries(entries: IDataObject[], batch: PendingEntry[]): INodeExecutionData[] {
	const indexes = entries.map((entry) => entry.index);
	const byIndex =
		indexes.every(
			(index) =>
				typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < batch.length,
		) && new Set(indexes).size === entries.length;
	return entries.map((entry, position) => {
		const slot = byIndex
			? (entry.index as number)
			: entries.length === batch.length
				? position
				: undefined;
		return {
			json: entry,
			pairedItem: slot === undefined ? pairedItems(batch) : { item: batch[slot].itemIndex },
		};
	});
}

async function submitBatches(
	context: IExecuteFunctions,
	spec: BulkSpec,
	byProcedure: Map<string, PendingEntry[]>,
	output: INodeExecutionData[],
): Promise<SubmittedBatch[]> {
	const batchSize = Math.floor(
		wholeNumberSetting(context, 'batchSize', 'Batch Size', DEFAULT_BATCH_SIZE),
	);
	const maxRetries = Number(
		context.getNodeParameter('maxRetriesOnRateLimit', 0, DEFAULT_MAX_RETRIES),
	);
	const submitted: SubmittedBatch[] = [];
	for (const [procedureShortId, pending] of byProcedure) {
		for (let start = 0; start < pending.length; start += batchSize) {
			const items = pending.slice(start, start + batchSize);
			try {
				const { body } = await chakraRequest(context, spec.cid, {
					path: { procedureShortId },
					body: spec.body(items.map(({ entry }) => entry)),
					maxRetries,
					itemIndex: items[0].itemIndex,
				});
				const job = unwrapChakraData(body);
				const jobObject = isObject(job) ? job : { value: job as IDataObject[string] };
				submitted.push({
					procedureShortId,
					items,
					job: jobObject,
					jobId: String(jobObject.id ?? ''),
				});
			} catch (error) {
				if (context.continueOnFail()) {
					output.push(...errorItems(error as Error, items));
					continue;
				}
				const nodeError = asNodeOperationError(context, error);
				nodeError.description = [nodeError.description, describeSubmitted(submitted)]
					.filter(Boolean)
					.join('\n');
				throw nodeError;
			}
		}
	}
	return submitted;
}

export async function runBulk(
	context: IExecuteFunctions,
	spec: BulkSpec,
): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const byProcedure = await collectEntries(context, spec, output);
	const submitted = await submitBatches(context, spec, byProcedure, output);
	const wait = context.getNodeParameter('waitForCompletion', 0, false) as boolean;
	if (!wait) {
		output.push(
			...submitted.map((batch) => ({ json: batch.job, pairedItem: pairedItems(batch.items) })),
		);
	} else {
		const timeoutSeconds = wholeNumberSetting(
			context,
			'waitTimeout',
			'Timeout',
			DEFAULT_WAIT_TIMEOUT_SECONDS,
		);
		const deadline = Date.now() + timeoutSeconds * 1000;
		for (const batch of submitted) {
			if (batch.jobId === '') {
				const error = new NodeOperationError(
					context.getNode(),
					'ChakraHQ answered without a background job ID, so the job cannot be followed',
					{
						itemIndex: batch.items[0].itemIndex,
					},
				);
				if (!context.continueOnFail()) throw asNodeOperationError(context, error);
				output.push(...errorItems(error, batch.items));
				continue;
			}
			try {
				await waitForJob(context, batch.jobId, deadline, timeoutSeconds);
				output.push(...pairEntries(await jobEntries(context, batch.jobId), batch.items));
			} catch (error) {
				if (!context.continueOnFail()) throw asNodeOperationError(context, error);
				output.push(...errorItems(error as Error, batch.items, { backgroundJobId: batch.jobId }));
			}
		}
	}
	// Output follows the order of the input items.
	return [
		output
			.map((item, position) => ({ item, position }))
			.sort(
				(a, b) => firstPairedIndex(a.item) - firstPairedIndex(b.item) || a.position - b.position,
			)
			.map(({ item }) => item),
	];
}
