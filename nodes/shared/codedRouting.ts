/**
 * The declarative routing of an operation, run by the node itself (a `customOperations` entry)
 * instead of n8n's RoutingNode, for operations that users run over thousands of items (message
 * sends). The operation stays data: `itemRouting('C2', { preSend })` gives n8n the same routing as
 * `operationRouting`, and this runner executes exactly that route: option checks, path, preSend,
 * request, failure rule, envelope, retry policy, Request Options (batching, proxy, SSL, timeout),
 * errors shaped as RoutingNode shapes them; items are paced per sender (pacing.ts, "Messages per
 * Second") instead of all started at once.
 *
 * Why: RoutingNode evaluates every parameter definition of the node for every item, expressions
 * included, then the preSend functions read them again, and the credential's header is an
 * expression too: 10 expression evaluations per item for Send Template, each building a
 * WorkflowDataProxy (test/bench/profile-send-template.ts). Here each parameter is read through
 * `ParameterReader` (once when constant, by field lookup when it is `{{ $json.field }}`), the
 * credential is read once per execution, and the Authorization header is set from it directly.
 */
import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IExecutePaginationFunctions,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
	JsonObject,
	PreSendAction,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { EndpointId } from './endpoints';
import { ENDPOINTS } from './endpoints';
import type { ItemFunctions, ItemPostReceive, ItemPreSend } from './itemFunctions';
import { executeItemFunctions } from './itemFunctions';
import { checkOptionValues } from './optionValues';
import { ParameterReader } from './parameterReader';
import { simplifyItems, simplifying } from './simplify';
import type { OperationRoutingOptions, Paginator } from './request';
import {
	chakraRequestHeaders,
	describeRequest,
	fillPathParameters,
	maxRetriesOf,
	operationRouting,
	responseActions,
} from './request';
import { CREDENTIAL_TYPE, maxResponseBytesOf, sendToChakra } from './pipeline';
import { DEFAULT_MESSAGES_PER_SECOND, SendPacer } from './pacing';
import { baseUrlOf } from './transport';

interface CodedRoute {
	/** A list operation's paginator (pagination.ts); single requests have none. */
	pagination?: Paginator;
	method: IHttpRequestMethods;
	/** The endpoint's path template; fillPathParameters fills it. */
	url: string;
	preSend: ItemPreSend[];
	postReceive: ItemPostReceive[];
}

export interface ItemRoutingOptions extends Pick<
	OperationRoutingOptions,
	'raw' | 'pagination' | 'simplify'
> {
	preSend?: ItemPreSend[];
	postReceive?: ItemPostReceive[];
}

const codedRoutes = new WeakMap<INodePropertyRouting, CodedRoute>();

/**
 * The routing of an operation that makes one request per item and whose functions use only
 * `ItemFunctions`, so that `codedOperations` can run it too.
 */
export function itemRouting(
	id: EndpointId,
	options: ItemRoutingOptions = {},
): INodePropertyRouting {
	const routing = operationRouting(id, options);
	codedRoutes.set(routing, {
		pagination:
			options.pagination && options.simplify
				? simplifying(options.pagination, options.simplify)
				: options.pagination,
		method: ENDPOINTS[id].method,
		url: ENDPOINTS[id].path,
		preSend: [fillPathParameters, ...(options.preSend ?? [])],
		postReceive: [
			...responseActions(id, options),
			...(options.postReceive ?? []),
			// A single request's records are simplified here; a list's by its paginator (after Limit).
			...(options.simplify && !options.pagination ? [simplifyItems(options.simplify)] : []),
		],
	});
	return routing;
}

/**
 * Puts `preSend` in front of the routing's own preSend functions, i.e. before the path is filled, so
 * it can choose the endpoint (humanized users) or fill a placeholder itself (primary key); for
 * RoutingNode and for the node's own runner alike.
 */
export function withPreSendFirst(
	routing: INodePropertyRouting,
	preSend: ItemPreSend,
): INodePropertyRouting {
	routing.send?.preSend?.unshift(preSend as unknown as PreSendAction);
	codedRoutes.get(routing)?.preSend.unshift(preSend);
	return routing;
}

interface RequestOptionsParameter {
	batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	proxy?: string;
	timeout?: number;
	allowUnauthorizedCerts?: boolean;
}

/** The proxy of Request Options, as n8n's HTTP helper takes it. */
function proxyOption(context: IExecuteFunctions, proxy: string): IHttpRequestOptions['proxy'] {
	let url: URL;
	try {
		url = new URL(proxy);
	} catch {
		url = new URL('invalid:');
	}
	if (!url.hostname || !/^https?:$/.test(url.protocol)) {
		// A login in the value is not repeated in the error.
		const shown = proxy.replace(/^([^/]*\/\/)?[^@/]*@/, '$1…@');
		throw new NodeOperationError(
			context.getNode(),
			`Request Options > Proxy: "${shown}" is not a proxy URL`,
			{
				itemIndex: 0,
				description:
					'Use http://host:port, or http://username:password@host:port when the proxy needs a login.',
			},
		);
	}
	return {
		host: url.hostname,
		port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
		protocol: url.protocol.replace(/:$/, ''),
		...(url.username
			? {
					auth: {
						username: decodeURIComponent(url.username),
						password: decodeURIComponent(url.password),
					},
				}
			: {}),
	};
}

/** One item as the preSend and postReceive functions see it: parameters through the reader, the credential read once. */
function itemView(
	context: IExecuteFunctions,
	itemIndex: number,
	reader: ParameterReader,
	credentials: ICredentialDataDecryptedObject,
): ItemFunctions {
	return executeItemFunctions(context, itemIndex, {
		getNodeParameter: ((name: string, fallback?: unknown, options?: IDataObject) =>
			reader.get(name, itemIndex, fallback, options)) as ItemFunctions['getNodeParameter'],
		getCredentials: (async (type: string) =>
			type === CREDENTIAL_TYPE
				? credentials
				: await context.getCredentials(type, itemIndex)) as ItemFunctions['getCredentials'],
	});
}

/** What a coded operation adds to a route for one run. */
export interface RouteRunOptions {
	/** Applies the operation's collection options that send themselves (`routing.send`), before any preSend. */
	optionSends?: ItemPreSend;
	/** preSend functions run after the route's own (e.g. a link computed by the operation). */
	preSend?: ItemPreSend[];
	/** Send only the first input item (an operation that sends one message per execution). */
	firstItemOnly?: boolean;
}

/** Runs `route` for every input item; the result and the errors are those of n8n's RoutingNode. */
async function runRoute(
	context: IExecuteFunctions,
	route: CodedRoute,
	properties: INodeProperties[],
	runOptions: RouteRunOptions = {},
): Promise<INodeExecutionData[][]> {
	const node = context.getNode();
	const inputItems = context.getInputData();
	const items = runOptions.firstItemOnly ? inputItems.slice(0, 1) : inputItems;
	const preSends = [
		checkOptionValues(() => properties),
		...(runOptions.optionSends ? [runOptions.optionSends] : []),
		...route.preSend,
		...(runOptions.preSend ?? []),
	];
	const reader = new ParameterReader(context, properties);
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, 0);
	const settings = reader.get('requestOptions', 0, {}) as RequestOptionsParameter;
	const batchSize =
		Number(settings.batching?.batch?.batchSize) > 0
			? Number(settings.batching?.batch?.batchSize)
			: 1;
	const batchInterval = Number(settings.batching?.batch?.batchInterval ?? 0);
	const defaults: IHttpRequestOptions = {
		method: route.method,
		url: route.url,
		baseURL: baseUrlOf(credentials),
		json: true,
		ignoreHttpStatusErrors: true,
		timeout: settings.timeout || 300_000,
		...(settings.proxy ? { proxy: proxyOption(context, settings.proxy) } : {}),
		...(settings.allowUnauthorizedCerts ? { skipSslCertificateValidation: true } : {}),
	};

	const maxResponseBytes = maxResponseBytesOf({
		getNodeParameter: (name: string, fallback: unknown) => reader.get(name, 0, fallback),
	});
	// Only the message sends are paced (per sender phone number); lists and other operations are not.
	const perSecond =
		!route.pagination && properties.some((property) => property.name === 'messagesPerSecond')
			? messagesPerSecondOf(reader)
			: 0;
	const pacer = perSecond > 0 ? new SendPacer(perSecond) : undefined;
	const continueOnFail = context.continueOnFail();

	/** Sends one item; `slot` is the sender's slot the loop already took for its first attempt. */
	const sendItem = async (
		view: ItemFunctions,
		itemIndex: number,
		sender: string,
		slot: number | undefined,
	): Promise<INodeExecutionData[]> => {
		let options: IHttpRequestOptions = {
			...defaults,
			qs: {},
			body: {},
			headers: { ...chakraRequestHeaders },
		};
		for (const preSend of preSends) options = await preSend.call(view, options);
		if (route.pagination) {
			// A list: the operation's paginator fetches the pages (each through the pipeline) and returns
			// one item per record; here they are appended one by one, never spread into a call.
			const requestData = {
				options,
				preSend: [],
				postReceive: [{ data: {}, actions: route.postReceive }],
				paginate: true,
				requestOperations: {},
			};
			return await route.pagination.call(
				view as unknown as IExecutePaginationFunctions,
				requestData as unknown as DeclarativeRestApiSettings.ResultOptions,
			);
		}
		const recipient = recipientOf(options);
		const response = await sendToChakra(context, {
			options,
			credentials,
			itemIndex,
			maxRetries: maxRetriesOf(view),
			maxResponseBytes,
			describe: () => describeRequest(options),
			// Every attempt (the first and each retry) takes its slot and tells the pacer how it went.
			eachAttempt: pacer
				? async (attempt) => {
						const admitted =
							slot !== undefined && !pacer.isWaiting(recipient)
								? slot
								: await pacer.take(sender, recipient);
						slot = undefined;
						return await pacer.observe(sender, recipient, admitted, attempt);
					}
				: undefined,
		});
		let output: INodeExecutionData[] = [{ json: response.body as IDataObject }];
		for (const postReceive of route.postReceive)
			output = await postReceive.call(view, output, response);
		return output;
	};

	// Items start in order, each when its sender has a slot, at most `maxInFlight` at a time; without
	// Continue On Fail no item starts after one has failed (n8n stops at the first failed item).
	const pending: Array<Promise<INodeExecutionData[]>> = [];
	// Five seconds' worth of requests, at most 1,000: beyond what n8n sends per second anyway, and a
	// rate set higher than the machine can start must not pile up requests (and memory) without bound.
	const maxInFlight = pacer
		? Math.min(MAX_IN_FLIGHT, Math.max(10, Math.ceil(perSecond * 5)))
		: Infinity;
	let inFlight = 0;
	let failed = false;
	let finished: (() => void) | undefined;
	for (let itemIndex = 0; itemIndex < items.length && !failed; itemIndex++) {
		if (itemIndex > 0 && batchInterval > 0 && itemIndex % batchSize === 0)
			await sleep(batchInterval);
		while (inFlight >= maxInFlight) await new Promise<void>((resolve) => (finished = resolve));
		const view = itemView(context, itemIndex, reader, credentials);
		const sender = pacer ? senderOf(reader, itemIndex) : '';
		const slot = pacer ? await pacer.take(sender) : undefined;
		if (failed) break;
		inFlight++;
		const item = sendItem(view, itemIndex, sender, slot);
		pending.push(item);
		item
			.then(
				() => undefined,
				() => (failed = !continueOnFail),
			)
			.finally(() => {
				inFlight--;
				finished?.();
				finished = undefined;
			});
	}
	const settled = await Promise.allSettled(pending);
	const output: INodeExecutionData[] = [];
	settled.forEach((result, itemIndex) => {
		if (result.status === 'fulfilled') {
			for (const item of result.value) output.push({ ...item, pairedItem: { item: itemIndex } });
			return;
		}
		const error = result.reason as Error & {
			description?: string;
			isAxiosError?: boolean;
			response?: { status?: number };
		};
		if (continueOnFail) {
			output.push({ json: {}, error: error as NodeApiError, pairedItem: { item: itemIndex } });
			return;
		}
		const nodeError =
			error instanceof NodeApiError
				? error
				: new NodeApiError(node, error as unknown as JsonObject, {
						itemIndex,
						message: error?.message,
						description: error?.description,
						// No code "none" for errors without an HTTP status: the editor would show "Error code none".
						httpCode:
							error.isAxiosError && error.response ? String(error.response.status) : undefined,
					});
		nodeError.context.itemIndex = itemIndex;
		if (items.length > 1) describeOutcome(nodeError, settled, items.length, itemIndex);
		throw nodeError;
	});
	return [output];
}

const MAX_IN_FLIGHT = 1_000;

/** "Messages per Second" of the node: 0 turns pacing off. */
function messagesPerSecondOf(reader: ParameterReader): number {
	const value = Number(reader.get('messagesPerSecond', 0, DEFAULT_MESSAGES_PER_SECOND));
	return Number.isFinite(value) && value > 0 ? value : 0;
}

/** The sending phone number of an item, the key its sends are paced by. */
function senderOf(reader: ParameterReader, itemIndex: number): string {
	try {
		const value = reader.get('whatsappPhoneNumberId', itemIndex, '', { extractValue: true });
		return String(
			typeof value === 'object' && value !== null ? ((value as IDataObject).value ?? '') : value,
		);
	} catch {
		// The item reports its own error when its request is built.
		return '';
	}
}

/** The recipient of a send (131056 is counted per recipient): `to`, the phone number or the process in the path. */
function recipientOf(options: IHttpRequestOptions): string {
	const to = (options.body as IDataObject | undefined)?.to;
	if (typeof to === 'string') return to;
	return /\/(?:phoneNumber|process)\/(.+)\/send-template-message$/.exec(options.url)?.[1] ?? '';
}

/** Item indexes as ranges: `0-36, 38, 40-45`. */
function indexRanges(indexes: number[]): string {
	const ranges: string[] = [];
	for (let start = 0; start < indexes.length;) {
		let end = start;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		ranges.push(end === start ? `${indexes[start]}` : `${indexes[start]}-${indexes[end]}`);
		start = end + 1;
	}
	return ranges.join(', ');
}

/** Adds to the error of the first failed item what happened to every item, so a re-run can skip the sent ones. */
function describeOutcome(
	error: NodeApiError,
	settled: Array<PromiseSettledResult<unknown>>,
	total: number,
	firstFailed: number,
): void {
	const sent = settled.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
	const failedCount = settled.length - sent.length;
	const notStarted = total - settled.length;
	const summary = [
		`${sent.length} of ${total} items were sent${sent.length ? ` (item indexes ${indexRanges(sent)})` : ''}.`,
		`Item index ${firstFailed} failed first${failedCount > 1 ? ` (${failedCount} items failed)` : ''}.`,
		notStarted > 0
			? `Items ${indexRanges([...Array(notStarted).keys()].map((offset) => settled.length + offset))} were not sent.`
			: '',
		sent.length
			? "Re-run only the items that were not sent, or turn on Continue On Fail to get every item's outcome."
			: '',
	]
		.filter(Boolean)
		.join(' ');
	error.description = [summary, error.description].filter(Boolean).join('\n');
	error.context.itemsSent = sent.length;
	error.context.firstFailedItemIndex = firstFailed;
}

export type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/**
 * Runs a routing built with `itemRouting` from a coded operation (one that does more than send,
 * such as Send and Wait), so that its request takes the same path as every other message send.
 */
export async function runItemRouting(
	context: IExecuteFunctions,
	routing: INodePropertyRouting,
	properties: INodeProperties[],
	runOptions: RouteRunOptions = {},
): Promise<INodeExecutionData[][]> {
	const route = codedRoutes.get(routing);
	if (!route)
		throw new NodeOperationError(
			context.getNode(),
			"This operation's routing is not built with itemRouting",
		);
	return await runRoute(context, route, properties, runOptions);
}

/** A collection option that sends itself: `routing.send` of type body or query, as RoutingNode applies it. */
interface OptionSend {
	collection: string;
	option: string;
	type: 'body' | 'query';
	property: string;
}

/** Whether the field belongs to the operation; node-wide fields (no display condition) do not send. */
function isShownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	if (!show) return false;
	return (
		(!show.resource || show.resource.includes(resource)) &&
		(!show.operation || show.operation.includes(operation))
	);
}

/**
 * The collection options of an operation that send themselves. The runner applies these (body or
 * query, a plain property) as RoutingNode does; any other field-level routing would be ignored by
 * it, so it stops the node from loading instead.
 */
function optionSendsOf(
	properties: INodeProperties[],
	resource: string,
	operation: string,
): OptionSend[] {
	const sends: OptionSend[] = [];
	// The Operation's own options carry the routes themselves.
	for (const property of properties.filter(
		(entry) => entry.name !== 'operation' && isShownFor(entry, resource, operation),
	)) {
		const where = `${resource} ${operation}: field "${property.name}"`;
		if (property.routing)
			throw new Error(`${where} has its own routing, which the node's runner does not apply`);
		for (const option of (property.options ?? []) as Array<
			INodeProperties | INodePropertyOptions
		>) {
			const routing = (option as INodeProperties).routing;
			if (!routing) continue;
			const send = routing.send;
			const plain =
				property.type === 'collection' &&
				!routing.request &&
				!routing.output &&
				send &&
				!send.preSend &&
				send.value === undefined;
			if (
				!plain ||
				(send.type !== 'body' && send.type !== 'query') ||
				typeof send.property !== 'string'
			) {
				throw new Error(
					`${where}, option "${option.name}": only routing.send of type body or query with a property is applied by the node's runner`,
				);
			}
			sends.push({
				collection: property.name,
				option: option.name,
				type: send.type,
				property: send.property,
			});
		}
	}
	return sends;
}

/** preSend: the collection options that are set (own keys of the collection's value), where RoutingNode puts them. */
function sendingOptions(sends: OptionSend[]): ItemPreSend | undefined {
	if (sends.length === 0) return undefined;
	return async function (this: ItemFunctions, requestOptions: IHttpRequestOptions) {
		for (const send of sends) {
			const values = this.getNodeParameter(send.collection, {}) as IDataObject;
			if (
				typeof values !== 'object' ||
				values === null ||
				!Object.prototype.hasOwnProperty.call(values, send.option)
			)
				continue;
			if (send.type === 'body')
				requestOptions.body = {
					...((requestOptions.body as IDataObject) ?? {}),
					[send.property]: values[send.option],
				};
			else
				requestOptions.qs = { ...(requestOptions.qs ?? {}), [send.property]: values[send.option] };
		}
		return requestOptions;
	};
}

/**
 * `customOperations` for every operation whose routing is built with `itemRouting` (message sends and
 * lists): the node runs that routing itself. `properties` are the node's properties (read when the
 * node runs). Every other operation is left to n8n's RoutingNode.
 */
export function codedOperations(
	properties: INodeProperties[],
): Record<string, Record<string, CustomOperation>> {
	const result: Record<string, Record<string, CustomOperation>> = {};
	for (const operationProperty of properties.filter((property) => property.name === 'operation')) {
		for (const option of (operationProperty.options ?? []) as INodePropertyOptions[]) {
			const route = option.routing ? codedRoutes.get(option.routing) : undefined;
			if (!route) continue;
			const name = String(option.value);
			for (const resource of (operationProperty.displayOptions?.show?.resource ?? []) as string[]) {
				const optionSends = sendingOptions(optionSendsOf(properties, resource, name));
				result[resource] = {
					...(result[resource] ?? {}),
					[name]: async function (this: IExecuteFunctions) {
						return await runRoute(this, route, properties, { optionSends });
					},
				};
			}
		}
	}
	return result;
}

/** Custom operations of several sources in one map (resource -> operation -> function). */
export function mergeOperations(
	...sources: Array<Record<string, Record<string, CustomOperation>>>
): Record<string, Record<string, CustomOperation>> {
	const merged: Record<string, Record<string, CustomOperation>> = {};
	for (const source of sources) {
		for (const [resource, operations] of Object.entries(source))
			merged[resource] = { ...(merged[resource] ?? {}), ...operations };
	}
	return merged;
}
