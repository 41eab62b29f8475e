/**
 * How an operation becomes a request: `operationRouting('C2')` gives the declarative routing of an
 * operation (method and path from the endpoint table, path parameters filled and checked, the
 * failure rule, the envelope unwrapped, the retry policy), so an operation file holds only its fields.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import type { EndpointId } from './endpoints';
import { ENDPOINTS } from './endpoints';
import {
	atLeastOneItem,
	metaBodyToItems,
	throwOnErrorResponse,
	unwrapDataToItems,
} from './envelope';
import type { ItemFunctions, ItemPostReceive } from './itemFunctions';
import { checkOptionValues } from './optionValues';
import { requirePluginId } from './pluginId';
import { normalizeParameter } from './validation';
import { maxResponseBytesOf, sendToChakra } from './pipeline';
import { DEFAULT_MAX_RETRIES } from './retry';
import type { Simplifier } from './simplify';
import { simplifying } from './simplify';

export type Paginator = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The node parameter each path placeholder is read from, where the names differ. */
const PATH_PARAMETER_SOURCES: Record<string, string> = {};

/** preSend: fills `{placeholders}` of the endpoint path from node parameters, checked and encoded. */
export async function fillPathParameters(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const url = requestOptions.url;
	if (!url.includes('{')) return requestOptions;
	const pluginId = url.includes('{pluginId}') ? await requirePluginId(this) : '';
	requestOptions.url = url.replace(PLACEHOLDER, (_match, name: string) => {
		if (name === 'pluginId') return encodeURIComponent(pluginId);
		const source = PATH_PARAMETER_SOURCES[name] ?? name;
		const raw = this.getNodeParameter(source, undefined, { extractValue: true }) as unknown;
		const value = normalizeParameter(this, source, raw);
		return encodeURIComponent(value);
	});
	return requestOptions;
}

/** Maximum retries on rate limits, from the node's own option. */
export function maxRetriesOf(context: ItemFunctions): number {
	const value = Number(context.getNodeParameter('maxRetriesOnRateLimit', DEFAULT_MAX_RETRIES));
	return Number.isFinite(value) && value >= 0 ? Math.floor(value) : DEFAULT_MAX_RETRIES;
}

/** What a "may or may not have been sent" error names: method, path and the recipient fields. */
export function describeRequest(options: DeclarativeRestApiSettings.HttpRequestOptions): string {
	const body = options.body as Record<string, unknown> | undefined;
	const identifying = ['to', 'templateName', 'type', 'phoneNumber', 'action', 'call_id', 'subject']
		.filter((key) => body && typeof body === 'object' && typeof body[key] === 'string')
		.map((key) => `${key}=${String(body![key])}`);
	const line = `${options.method ?? 'GET'} ${options.url ?? ''}`;
	return identifying.length ? `${line} (${identifying.join(', ')})` : line;
}

/**
 * One request of a declarative operation: sent through the pipeline (pipeline.ts: auth, redirects,
 * size limit, failure and integrity rules, retries), then the operation's postReceive functions run
 * on it as n8n's RoutingNode would run them.
 */
export async function routedRequest(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = context.getItemIndex();
	const response = await sendToChakra(context, {
		options: requestData.options as IHttpRequestOptions,
		binary: requestData.options.encoding === 'stream',
		itemIndex,
		maxRetries: maxRetriesOf(context),
		maxResponseBytes: maxResponseBytesOf(context),
		describe: () => describeRequest(requestData.options),
	});
	// RoutingNode runs postReceive on the item's own context, of which the pagination context is a
	// child (Object.create): functions that remember state per item (preSend -> postReceive) need it.
	const parent = Object.getPrototypeOf(context) as Partial<IExecuteSingleFunctions> | null;
	const itemContext = (
		typeof parent?.getNodeParameter === 'function' ? parent : context
	) as IExecuteSingleFunctions;
	let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
	for (const { actions } of requestData.postReceive) {
		for (const action of actions) {
			if (typeof action !== 'function')
				throw new Error('Only postReceive functions are supported by the Chakra request pipeline');
			items = await action.call(itemContext, items, response);
		}
	}
	return items;
}

/** The "paginator" of operations that make exactly one request: it only adds the retry policy. */
export async function sendOnce(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await routedRequest(this, requestData);
}

export interface OperationRoutingOptions {
	/** preSend functions after the path is filled (validation, bodies built from several fields). */
	preSend?: PreSendAction[];
	/** postReceive actions after the failure check (and after unwrapping unless `raw`). */
	postReceive?: PostReceiveAction[];
	/** A paginator from `pagination.ts` for list operations; the page loop unwraps by itself. */
	pagination?: Paginator;
	/** Keep the response as it is (no `_data` unwrapping), e.g. for binary downloads. */
	raw?: boolean;
	/** Extra request options (query, encoding, body defaults). */
	request?: Partial<DeclarativeRestApiSettings.HttpRequestOptions>;
	/** The records' Simplify (shared/simplify.ts), applied when the operation's `simplify` is on. */
	simplify?: Simplifier;
}

/** What every response of endpoint `id` goes through: the failure rule, then its envelope unwrapped. */
export function responseActions(
	id: EndpointId,
	options: Pick<OperationRoutingOptions, 'raw' | 'pagination'> = {},
): ItemPostReceive[] {
	if (options.raw || options.pagination) return [throwOnErrorResponse];
	const unwrap = ENDPOINTS[id].envelope === 'chakra' ? unwrapDataToItems : metaBodyToItems;
	return ENDPOINTS[id].method === 'GET'
		? [throwOnErrorResponse, unwrap]
		: [throwOnErrorResponse, unwrap, atLeastOneItem];
}

/** Declarative routing of an operation that calls endpoint `id`. */
export function operationRouting(
	id: EndpointId,
	options: OperationRoutingOptions = {},
): INodePropertyRouting {
	const endpoint = ENDPOINTS[id];
	return {
		request: { method: endpoint.method, url: endpoint.path, ...(options.request ?? {}) },
		send: {
			paginate: true,
			preSend: [fillPathParameters, ...(options.preSend ?? [])],
		},
		operations: {
			pagination: options.simplify
				? simplifying(options.pagination ?? sendOnce, options.simplify)
				: (options.pagination ?? sendOnce),
		},
		output: {
			postReceive: [...responseActions(id, options), ...(options.postReceive ?? [])],
		},
	};
}

/** Headers of every request (the declarative defaults and the coded sends). */
export const chakraRequestHeaders = { Accept: 'application/json' };

/** `requestDefaults` of every action node. Errors are read from the body by the failure rule. */
export const chakraRequestDefaults = {
	baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
	headers: chakraRequestHeaders,
	json: true,
	ignoreHttpStatusErrors: true,
};

/**
 * Attaches the dropdown check of `optionValues.ts` to the node's Resource parameter, so it runs for
 * every item of every operation before the operation's own preSend functions.
 */
export function withOptionValueChecks(properties: INodeProperties[]): INodeProperties[] {
	const resource = properties.find((property) => property.name === 'resource');
	if (resource) {
		const preSend = [
			checkOptionValues(() => properties),
			...(resource.routing?.send?.preSend ?? []),
		];
		resource.routing = {
			...(resource.routing ?? {}),
			send: { ...(resource.routing?.send ?? {}), preSend },
		};
	}
	return properties;
}

/**
 * n8n's Request Options collection (batching, proxy, SSL, timeout) as n8n's loader adds it to a
 * declarative node. The loader skips nodes with a `webhook()` (Chakra WhatsApp has one for Send and
 * Wait), so such a node declares it itself, with n8n's names and defaults.
 */
export const requestOptionsField: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: -1 },
							default: 50,
							description:
								'Input will be split in batches to throttle requests. -1 for disabled. 0 will be treated as 1.',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 1000,
							description: 'Time (in milliseconds) between each batch of requests. 0 for disabled.',
						},
					],
				},
			],
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			noDataExpression: true,
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
		{
			displayName: 'Proxy',
			name: 'proxy',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://myproxy:3128',
			description:
				'HTTP proxy to use. If authentication is required it can be defined as follow: http://username:password@myproxy:3128.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description:
				'Time in ms to wait for the server to send response headers (and start the response body) before aborting the request',
		},
	],
};
