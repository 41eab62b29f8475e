/**
 * What a request builder (preSend), a response reader (postReceive) or an input check may use of
 * "the current item". n8n's own single-item context (`IExecuteSingleFunctions`, declarative routing)
 * has all of it; so has the lean view of `codedRouting.ts`, which runs the same functions for the
 * operations where n8n's RoutingNode costs too much per item.
 */
import type { IExecuteSingleFunctions, IHttpRequestOptions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

export type ItemFunctions = Pick<
	IExecuteSingleFunctions,
	'getNode' | 'getItemIndex' | 'getNodeParameter' | 'getInputData' | 'getCredentials'
> & {
	helpers: Pick<IExecuteSingleFunctions['helpers'], 'getBinaryDataBuffer' | 'httpRequestWithAuthentication'>;
};

/** A preSend that needs no more than `ItemFunctions`. */
export type ItemPreSend = (this: ItemFunctions, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/** A postReceive function that needs no more than `ItemFunctions`. */
export type ItemPostReceive = (
	this: ItemFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;
