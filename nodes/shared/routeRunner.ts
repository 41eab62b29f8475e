/**
 * Runs a coded route (codedRouting.ts) for every input item, as n8n's RoutingNode would run the same
 * routing: option checks, path, preSend, request through the pipeline, failure rule, envelope, retry
 * policy, Request Options (batching, proxy, SSL, timeout), errors and Continue On Fail shaped as
 * RoutingNode shapes them. Sends are paced per sender (pacing.ts, "Messages per Second") instead of
 * all started at once; a list's paginator appends its records one by one.
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
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { ItemFunctions, ItemPostReceive, ItemPreSend } from './itemFunctions';
import { executeItemFunctions } from './itemFunctions';
import { checkOptionValues } from './optionValues';
import { ParameterReader } from './parameterReader';
import type { Paginator } from './request';
import { chakraRequestHeaders, describeRequest, maxRetriesOf } from './request';
import { CREDENTIAL_TYPE, maxResponseBytesOf, sendToChakra } from './pipeline';
import { DEFAULT_MESSAGES_PER_SECOND, SendPacer } from './pacing';
import { baseUrlOf } from './transport';

/** The route of an operation built with `itemRouting`. */
export interface CodedRoute {
	/** A list operation's paginator (pagination.ts); single requests have none. */
	pagination?: Paginator;
	method: IHttpRequestMethods;
	/** The endpoint's path template; fillPathParameters fills it. */
	url: string;
	preSend: ItemPreSend[];
	postReceive: ItemPostReceive[];
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
export async function runRoute(
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
