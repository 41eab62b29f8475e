/**
 * What a user sees on the canvas and in the node panel: subtitles in display names, documentation
 * links, required markers, icons. Subtitles are evaluated by n8n-workflow's own expression engine,
 * as the editor evaluates them.
 */
import type { INode, INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { packageNodeTypes } from '../harness';

const ACTION_NODES = ['chakraWhatsApp', 'chakraWhatsAppGroup', 'chakraWhatsAppCalling', 'chakraCrm', 'chakraPartner', 'chakraPlatform'];

function describeNode(name: string): INodeTypeDescription {
	return packageNodeTypes().getByNameAndVersion(`n8n-nodes-chakrahq.${name}`).description;
}

function subtitleOf(name: string, parameters: Record<string, unknown>): unknown {
	const description = describeNode(name);
	const node: INode = {
		id: 'n',
		name: 'Node',
		type: `n8n-nodes-chakrahq.${name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: packageNodeTypes() });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
}

describe('canvas texts', () => {
	it.each([
		['chakraWhatsApp', { resource: 'message', operation: 'sendTemplate' }, 'Send Template: Message'],
		['chakraWhatsApp', { resource: 'message', operation: 'sendTemplateMeta' }, 'Send Template (Meta Format): Message'],
		['chakraPlatform', { resource: 'process', operation: 'getAll' }, 'Get Many: Process'],
		['chakraWhatsAppGroup', { resource: 'group', operation: 'delete' }, 'Delete: Group'],
		['chakraWhatsAppCalling', { resource: 'call', operation: 'connect' }, 'Connect: Call'],
		['chakraCrm', { resource: 'campaign', operation: 'addPhoneNumber' }, 'Add Phone Number: Campaign'],
		['chakraPartner', { resource: 'pluginConfig', operation: 'get' }, 'Get: Plugin Configuration'],
	])('%s subtitle of %j is "%s"', (name, parameters, expected) => {
		expect(subtitleOf(name, parameters)).toBe(expected);
	});

	it('every resource and operation of every action node has a display-name subtitle', () => {
		for (const name of ACTION_NODES) {
			const { properties } = describeNode(name);
			const resources = (properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
			for (const resource of resources) {
				const operations = properties.find(
					(property: INodeProperties) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
				);
				for (const operation of (operations?.options ?? []) as INodePropertyOptions[]) {
					expect([name, subtitleOf(name, { resource: resource.value, operation: operation.value })]).toEqual([
						name,
						`${operation.name}: ${resource.name}`,
					]);
				}
			}
		}
	});
});
