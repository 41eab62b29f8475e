/**
 * The rule for the two ways an operation runs (docs/DEVELOPING.md, "How an operation runs"): message
 * sends and lists are built with `itemRouting` and run in the node (shared/codedRouting.ts); every
 * other operation is left to n8n's RoutingNode. Both send through shared/pipeline.ts.
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { codedOperations, itemRouting } from '../../nodes/shared/codedRouting';
import { ENDPOINTS } from '../../nodes/shared/endpoints';
import { loadNodeClass, nodeTypeNames } from '../harness/nodes';
import { referenceTable } from './apiReference';

/** Method and path of the endpoints that list records: paginated in docs/api-reference.md section 2, and C51 (every user at once). */
function listEndpointPaths(): Set<string> {
	const ids = ['C51'];
	for (const [id, row] of referenceTable()) if (row.pagination !== 'none') ids.push(id);
	return new Set(
		ids.map((id) => {
			const endpoint = ENDPOINTS[id as keyof typeof ENDPOINTS];
			return `${endpoint.method} ${endpoint.path}`;
		}),
	);
}

interface OperationEntry {
	node: string;
	resource: string;
	operation: string;
	url: string;
}

function operationsOf(type: string, node: INodeType): OperationEntry[] {
	const entries: OperationEntry[] = [];
	for (const property of node.description.properties.filter(
		(entry) => entry.name === 'operation',
	)) {
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
				entries.push({
					node: type,
					resource,
					operation: String(option.value),
					url: `${option.routing?.request?.method ?? 'GET'} ${option.routing?.request?.url ?? ''}`,
				});
			}
		}
	}
	return entries;
}

describe('how an operation runs', () => {
	const nodes = nodeTypeNames().flatMap((type) => {
		const NodeClass = loadNodeClass(type);
		return NodeClass ? [[type, new NodeClass()] as const] : [];
	});
	const lists = listEndpointPaths();

	it('knows the list endpoints of the API reference', () => {
		expect(lists.size).toBe(9);
	});

	it('every list operation runs in the node (no RoutingNode spread of a long list)', () => {
		const listOperations = nodes
			.flatMap(([type, node]) => operationsOf(type, node))
			.filter((entry) => lists.has(entry.url));
		expect(
			listOperations.map((entry) => `${entry.node} ${entry.resource} ${entry.operation}`).sort(),
		).toEqual([
			'chakraCrm chat getAll',
			'chakraCrm chat getMessages',
			'chakraCrm chat getMessagesByPhoneNumber',
			'chakraPlatform backgroundJob getEntries',
			'chakraPlatform process getAll',
			'chakraPlatform user getAll',
			'chakraWhatsApp template getAll',
			'chakraWhatsAppGroup group getAll',
			'chakraWhatsAppGroup joinRequest getAll',
		]);
		for (const entry of listOperations) {
			const node = nodes.find(([type]) => type === entry.node)![1];
			expect([entry, typeof node.customOperations?.[entry.resource]?.[entry.operation]]).toEqual([
				entry,
				'function',
			]);
		}
	});

	it('an operation built with operationRouting stays with RoutingNode', () => {
		const [, platform] = nodes.find(([type]) => type === 'chakraPlatform')!;
		expect(platform.customOperations?.config).toBeUndefined();
		expect(Object.keys(platform.customOperations?.process ?? {}).sort()).toEqual([
			'bulkCreate',
			'bulkUpdate',
			'getAll',
		]);
	});

	describe('field routing beside a coded route', () => {
		const operationProperty = (routing = itemRouting('C62')): INodeProperties => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['thing'] } },
			options: [{ name: 'List', value: 'list', routing }],
			default: 'list',
		});
		const collection = (options: INodeProperties[]): INodeProperties => ({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			displayOptions: { show: { resource: ['thing'], operation: ['list'] } },
			options,
		});
		const option = (routing: INodeProperties['routing']): INodeProperties => ({
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			routing,
		});

		it.each<[string, INodeProperties]>([
			[
				'a field with its own routing.send',
				{
					...option({ send: { type: 'body', property: 'search' } }),
					displayOptions: { show: { resource: ['thing'], operation: ['list'] } },
				},
			],
			[
				'a collection option with a computed value',
				collection([
					option({ send: { type: 'body', property: 'search', value: '={{ $value.trim() }}' } }),
				]),
			],
			[
				'a collection option with its own preSend',
				collection([option({ send: { preSend: [async (options) => options] } })]),
			],
			[
				'a collection option with its own request',
				collection([option({ request: { url: '/elsewhere' } })]),
			],
		])('%s stops the node from loading (the runner would silently ignore it)', (_name, field) => {
			expect(() => codedOperations([operationProperty(), field])).toThrow(
				/thing list: field "(search|options)"/,
			);
		});
	});
});
