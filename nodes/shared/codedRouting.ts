/**
 * The declarative routing of an operation, run by the node itself (a `customOperations` entry)
 * instead of n8n's RoutingNode: message sends and lists (docs/DEVELOPING.md, "How an operation
 * runs"). The operation stays data: `itemRouting('C2', { preSend })` gives n8n the same routing as
 * `operationRouting` and registers the route; `codedOperations` finds every such route of a node and
 * runs it with routeRunner.ts.
 *
 * Why: RoutingNode evaluates every parameter definition of the node for every item, expressions
 * included, then the preSend functions read them again, and the credential's header is an
 * expression too: 10 expression evaluations per item for Send Template, each building a
 * WorkflowDataProxy (test/bench/profile-send-template.ts). The runner reads each parameter through
 * `ParameterReader` (once when constant, by field lookup when it is `{{ $json.field }}`), the
 * credential once per execution, and sets the Authorization header from it directly. And
 * RoutingNode spreads a list into one call, which overflows past ~120,000 records.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EndpointId } from './endpoints';
import { ENDPOINTS } from './endpoints';
import type { ItemFunctions, ItemPostReceive, ItemPreSend } from './itemFunctions';
import { simplifyItems, simplifying } from './simplify';
import type { OperationRoutingOptions } from './request';
import { fillPathParameters, operationRouting, responseActions } from './request';
import type { CodedRoute, RouteRunOptions } from './routeRunner';
import { runRoute } from './routeRunner';

export type { RouteRunOptions };

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
