/**
 * Paginators for the four list styles of docs/api-reference.md 1.7. Each one is the `pagination` operation of a
 * list operation: it honours Return All / Limit, keeps the operation's own filters on every page,
 * runs every page under the retry policy, and returns one item per listed record.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { chakraMeta, toItems, unwrapChakraData } from './envelope';
import type { Paginator } from './request';
import { routedRequest } from './request';
import { itemError } from './validation';

interface ListSettings {
	returnAll: boolean;
	limit: number;
}

/** Return All / Limit of the current item, with a clear error for a limit that is not a number. */
export function listSettings(context: IExecuteSingleFunctions): ListSettings {
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
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as IDataObject) : {};
}

function asArray(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
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
		for (;;) {
			const pageSize = Math.min(maxPageSize, limit - results.length);
			const body = await fetchPage(this, withOptions(requestData, { body: { ...bodyOf(requestData), skip, limit: pageSize } }));
			const records = asArray(unwrapChakraData(body));
			results.push(...records);
			if (results.length >= limit || records.length === 0 || chakraMeta(body).hasMore !== true) break;
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
		for (let page = 1; ; page++) {
			const body = await fetchPage(this, withOptions(requestData, { body: { ...bodyOf(requestData), page, limit: pageSize } }));
			const records = asArray(unwrapChakraData(body));
			results.push(...records);
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
export function metaCursorPaginator(recordsPath: 'data' | 'data.groups', maxPageSize: number): Paginator {
	return async function (requestData) {
		const { returnAll, limit } = listSettings(this);
		const results: IDataObject[] = [];
		let after: string | undefined;
		for (;;) {
			const pageSize = Math.min(maxPageSize, limit - results.length);
			const qs: IDataObject = { ...(requestData.options.qs ?? {}), limit: pageSize };
			if (after !== undefined) qs.after = after;
			const body = (await fetchPage(this, withOptions(requestData, { qs }))) as IDataObject | undefined;
			const data = body?.data as IDataObject | IDataObject[] | undefined;
			const records = asArray(recordsPath === 'data' ? data : (data as IDataObject | undefined)?.groups);
			results.push(...records);
			const paging = (body?.paging ?? {}) as IDataObject;
			const cursor = ((paging.cursors ?? {}) as IDataObject).after;
			if (results.length >= limit || records.length === 0 || !paging.next || typeof cursor !== 'string' || cursor === after) break;
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
		const seen = new Set<string>();
		for (;;) {
			const body = await fetchPage(this, page);
			const records = asArray(unwrapChakraData(body));
			results.push(...records);
			const next = nextPagePath(chakraMeta(body));
			// Only paths on the API host are followed, so the token never goes anywhere else.
			if (results.length >= limit || records.length === 0 || !next || !next.startsWith('/') || seen.has(next)) break;
			seen.add(next);
			page = withOptions(requestData, { url: next, qs: {} });
		}
		return toItems(returnAll ? results : results.slice(0, limit));
	};
}

/** preSend for lists the API answers in one response: Return All / Limit are checked before the request. */
export async function checkListSettings(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	listSettings(this);
	return requestOptions;
}
