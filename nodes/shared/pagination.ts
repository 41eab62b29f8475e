/**
 * Paginators for the four list styles of docs/api-reference.md 1.7. Each one is the `pagination` operation of a
 * list operation: it honours Return All / Limit, keeps the operation's own filters on every page,
 * runs every page under the retry policy, and returns one item per listed record.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { chakraMeta, isObject, toItems, unwrapChakraData } from './envelope';
import type { Paginator } from './request';
import { routedRequest } from './request';
import type { ItemFunctions } from './itemFunctions';
import { itemError } from './validation';

interface ListSettings {
	returnAll: boolean;
	limit: number;
}

/** Return All / Limit of the current item, with a clear error for a limit that is not a number. */
export function listSettings(context: ItemFunctions): ListSettings {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	if (returnAll) return { returnAll, limit: Infinity };
	const raw = context.getNodeParameter('limit', 50) as unknown;
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1) {
		throw itemError(context, 'Limit', `"${String(raw)}" is not a whole number of 1 or more`);
	}
	return { returnAll, limit };
}

function withOptions(
	requestData: DeclarativeRestApiSettings.ResultOptions,
	changes: Partial<DeclarativeRestApiSettings.HttpRequestOptions>,
): DeclarativeRestApiSettings.ResultOptions {
	return { ...requestData, options: { ...requestData.options, ...changes } };
}

function bodyOf(requestData: DeclarativeRestApiSettings.ResultOptions): IDataObject {
	const body = requestData.options.body;
	return typeof body === 'object' && body !== null && !Array.isArray(body)
		? (body as IDataObject)
		: {};
}

function asArray(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

/** Pages fetched at most by one Return All (100 records a page: up to a million records). */
export const MAX_PAGES = 10_000;

/** Appends records one by one: `push(...records)` overflows the call stack for very long pages. */
function appendRecords(results: IDataObject[], records: IDataObject[]): void {
	for (const record of records) results.push(record);
}

/** The clear stop of a list that does not end: a page or cursor seen before, or too many pages. */
function listError(context: IExecutePaginationFunctions, message: string) {
	return new NodeOperationError(context.getNode(), message, {
		itemIndex: context.getItemIndex(),
		description:
			'The records read so far were not returned, so that no list is silently incomplete. Use a Limit, or a filter that gives fewer records.',
	});
}

/** Stops a Return All loop that would never end: the same page twice, or more than MAX_PAGES pages. */
class PageGuard {
	private readonly seen = new Set<string>();
	private pages = 0;

	constructor(private readonly context: IExecutePaginationFunctions) {}

	/** `key` identifies the page's content or cursor. */
	check(key: string, what: string): void {
		this.pages++;
		if (this.pages > MAX_PAGES)
			throw listError(
				this.context,
				`Return All stopped after ${MAX_PAGES} pages: ChakraHQ kept answering that more records follow`,
			);
		if (this.seen.has(key))
			throw listError(this.context, `Return All stopped: ChakraHQ returned the same ${what} twice`);
		this.seen.add(key);
	}
}

/** A page's identity: its records (a server that repeats a page repeats them). */
function pageKey(records: IDataObject[]): string {
	if (records.length === 0) return 'empty';
	return JSON.stringify([records.length, records[0], records[records.length - 1]]);
}

async function fetchPage(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<unknown> {
	const items = await routedRequest(context, requestData);
	return items[0]?.json;
}

/** skip/limit + `_meta.hasMore` (C42); the API serves at most `maxPageSize` per page. */
export function skipLimitPaginator(maxPageSize = 100): Paginator {
	return async function (requestData) {
		const { returnAll, limit } = listSettings(this);
		const results: IDataObject[] = [];
		let skip = Number(bodyOf(requestData).skip ?? 0);
		const guard = new PageGuard(this);
		for (;;) {
			const pageSize = Math.min(maxPageSize, limit - results.length);
			const body = await fetchPage(
				this,
				withOptions(requestData, { body: { ...bodyOf(requestData), skip, limit: pageSize } }),
			);
			const records = asArray(unwrapChakraData(body));
			guard.check(pageKey(records), 'page');
			appendRecords(results, records);
			if (results.length >= limit || records.length === 0 || chakraMeta(body).hasMore !== true)
				break;
			skip += records.length;
		}
		return toItems(returnAll ? results : results.slice(0, limit));
	};
}

/** page/limit, 1-based, with `_meta.total` when present (C28, C29, C30). */
export function pageLimitPaginator(maxPageSize = 100): Paginator {
	return async function (requestData) {
		const { returnAll, limit } = listSettings(this);
		const pageSize = Math.min(maxPageSize, limit);
		const results: IDataObject[] = [];
		const guard = new PageGuard(this);
		for (let page = 1; ; page++) {
			const body = await fetchPage(
				this,
				withOptions(requestData, { body: { ...bodyOf(requestData), page, limit: pageSize } }),
			);
			const records = asArray(unwrapChakraData(body));
			guard.check(pageKey(records), 'page');
			appendRecords(results, records);
			const total = Number(chakraMeta(body).total);
			const finished =
				records.length < pageSize || (Number.isFinite(total) && page * pageSize >= total);
			if (results.length >= limit || records.length === 0 || finished) break;
		}
		return toItems(returnAll ? results : results.slice(0, limit));
	};
}

/**
 * Meta cursors (C7, C16, C22): `limit` and `after` in the query, records at `recordsPath` of the
 * body; repeats while `paging.next` is present. `paging.next` itself is never followed: it can point
 * at Meta's host, so the request is rebuilt with `after`.
 */
export function metaCursorPaginator(
	recordsPath: 'data' | 'data.groups',
	maxPageSize: number,
): Paginator {
	return async function (requestData) {
		const { returnAll, limit } = listSettings(this);
		const results: IDataObject[] = [];
		let after: string | undefined;
		const guard = new PageGuard(this);
		for (;;) {
			const pageSize = Math.min(maxPageSize, limit - results.length);
			const qs: IDataObject = { ...(requestData.options.qs ?? {}), limit: pageSize };
			if (after !== undefined) qs.after = after;
			const body = (await fetchPage(this, withOptions(requestData, { qs }))) as
				IDataObject | undefined;
			const data = body?.data as IDataObject | IDataObject[] | undefined;
			const records = asArray(
				recordsPath === 'data' ? data : (data as IDataObject | undefined)?.groups,
			);
			appendRecords(results, records);
			const paging = (isObject(body?.paging) ? body?.paging : {}) as IDataObject;
			const cursor = (isObject(paging.cursors) ? paging.cursors : {}).after;
			if (
				results.length >= limit ||
				records.length === 0 ||
				!paging.next ||
				typeof cursor !== 'string'
			)
				break;
			guard.check(`cursor:${cursor}`, 'cursor');
			after = cursor;
		}
		return toItems(returnAll ? results : results.slice(0, limit));
	};
}

/** Where C60 puts the path of its next page (docs/api-reference.md 1.7: the key is not documented). */
export function nextPagePath(meta: IDataObject): string | undefined {
	for (const key of ['next', 'nextPage', 'nextPagePath']) {
		const value = meta[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/** next-path (C60): GET the relative path from `_meta` until there is none. */
export function nextPathPaginator(): Paginator {
	return async function (requestData) {
		const { returnAll, limit } = listSettings(this);
		const results: IDataObject[] = [];
		let page = requestData;
		const guard = new PageGuard(this);
		for (;;) {
			const body = await fetchPage(this, page);
			const records = asArray(unwrapChakraData(body));
			appendRecords(results, records);
			const next = nextPagePath(chakraMeta(body));
			// Only paths on the API host are followed (a path, never a URL); the pipeline checks it again.
			if (
				results.length >= limit ||
				records.length === 0 ||
				!next ||
				!next.startsWith('/') ||
				next.startsWith('//')
			)
				break;
			guard.check(`next:${next}`, 'next page');
			page = withOptions(requestData, { url: next, qs: {} });
		}
		return toItems(returnAll ? results : results.slice(0, limit));
	};
}

/** preSend for lists the API answers in one response: Return All / Limit are checked before the request. */
export async function checkListSettings(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	listSettings(this);
	return requestOptions;
}
