/**
 * What a request builder (preSend), a response reader (postReceive) or an input check may use of
 * "the current item". n8n's own single-item context (`IExecuteSingleFunctions`, declarative routing)
 * has all of it; so has the lean view of `codedRouting.ts`, which runs the same functions for the
 * operations where n8n's RoutingNode costs too much per item.
 */
import type {
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

/**
 * The one type for "the current item": preSend and postReceive functions, body builders (also of
 * the coded bulk operations) and input checks take it.
 */
export type ItemFunctions = Pick<
	IExecuteSingleFunctions,
	| 'getNode'
	| 'getItemIndex'
	| 'getNodeParameter'
	| 'getInputData'
	| 'getCredentials'
	| 'getTimezone'
> & {
	helpers: Pick<
		IExecuteSingleFunctions['helpers'],
		'getBinaryDataBuffer' | 'httpRequest' | 'httpRequestWithAuthentication'
	>;
};

/**
 * Item `itemIndex` of a node's execute context as `ItemFunctions`; `overrides` replace parts (the
 * coded routing reads parameters and the credential its own way).
 */
export function executeItemFunctions(
	context: IExecuteFunctions,
	itemIndex: number,
	overrides: Partial<Pick<ItemFunctions, 'getNodeParameter' | 'getCredentials'>> = {},
): ItemFunctions {
	const node = context.getNode();
	return {
		getNode: () => node,
		getItemIndex: () => itemIndex,
		getNodeParameter: ((name: string, fallback?: unknown, options?: object) =>
			context.getNodeParameter(
				name,
				itemIndex,
				fallback,
				options,
			)) as ItemFunctions['getNodeParameter'],
		getInputData: () => context.getInputData()[itemIndex],
		getCredentials: (async (type: string) =>
			await context.getCredentials(type, itemIndex)) as ItemFunctions['getCredentials'],
		getTimezone: () => context.getTimezone(),
		helpers: {
			getBinaryDataBuffer: async (propertyName: string) =>
				await context.helpers.getBinaryDataBuffer(itemIndex, propertyName),
			httpRequest: async (options: IHttpRequestOptions) =>
				(await context.helpers.httpRequest(options)) as unknown,
			httpRequestWithAuthentication: async function (
				this: unknown,
				...args: Parameters<IExecuteFunctions['helpers']['httpRequestWithAuthentication']>
			) {
				return (await context.helpers.httpRequestWithAuthentication.call(
					context,
					...args,
				)) as unknown;
			},
		},
		...overrides,
	};
}

/** A preSend that needs no more than `ItemFunctions`. */
export type ItemPreSend = (
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/** A postReceive function that needs no more than `ItemFunctions`. */
export type ItemPostReceive = (
	this: ItemFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;
