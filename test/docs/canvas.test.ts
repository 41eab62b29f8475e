/**
 * What a user sees on the canvas and in the node panel: subtitles in display names, documentation
 * links, required markers, icons. Subtitles are evaluated by n8n-workflow's own expression engine,
 * as the editor evaluates them.
 */
import type {
	INode,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ChakraApi } from '../../credentials/ChakraApi.credentials';
import { packageNodeTypes } from '../harness';

const ACTION_NODES = [
	'chakraWhatsApp',
	'chakraWhatsAppGroup',
	'chakraWhatsAppCalling',
	'chakraCrm',
	'chakraPartner',
	'chakraPlatform',
];

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
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: packageNodeTypes(),
	});
	return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
}

describe('canvas texts', () => {
	it.each([
		[
			'chakraWhatsApp',
			{ resource: 'message', operation: 'sendTemplate' },
			'Send Template: Message',
		],
		[
			'chakraWhatsApp',
			{ resource: 'message', operation: 'sendTemplateMeta' },
			'Send Template (Meta Format): Message',
		],
		['chakraPlatform', { resource: 'process', operation: 'getAll' }, 'Get Many: Process'],
		['chakraWhatsAppGroup', { resource: 'group', operation: 'delete' }, 'Delete: Group'],
		['chakraWhatsAppCalling', { resource: 'call', operation: 'connect' }, 'Connect: Call'],
		[
			'chakraCrm',
			{ resource: 'campaign', operation: 'addPhoneNumber' },
			'Add Phone Number: Campaign',
		],
		['chakraPartner', { resource: 'pluginConfig', operation: 'get' }, 'Get: Plugin Configuration'],
	])('%s subtitle of %j is "%s"', (name, parameters, expected) => {
		expect(subtitleOf(name, parameters)).toBe(expected);
	});

	it('every resource and operation of every action node has a display-name subtitle', () => {
		for (const name of ACTION_NODES) {
			const { properties } = describeNode(name);
			const resources = (properties.find((property) => property.name === 'resource')?.options ??
				[]) as INodePropertyOptions[];
			for (const resource of resources) {
				const operations = properties.find(
					(property: INodeProperties) =>
						property.name === 'operation' &&
						property.displayOptions?.show?.resource?.includes(resource.value),
				);
				for (const operation of (operations?.options ?? []) as INodePropertyOptions[]) {
					expect([
						name,
						subtitleOf(name, { resource: resource.value, operation: operation.value }),
					]).toEqual([name, `${operation.name}: ${resource.name}`]);
				}
			}
		}
	});

	it('every parameter that fills a path placeholder is marked required (Plugin ID and Primary Key Attribute have fallbacks)', () => {
		const missing: string[] = [];
		for (const name of ACTION_NODES) {
			const { properties } = describeNode(name);
			for (const operationProperty of properties.filter((entry) => entry.name === 'operation')) {
				const resources = operationProperty.displayOptions?.show?.resource ?? [];
				for (const option of (operationProperty.options ?? []) as INodePropertyOptions[]) {
					const placeholders = [
						...String(option.routing?.request?.url ?? '').matchAll(/\{([A-Za-z]+)\}/g),
					]
						.map((match) => match[1])
						.filter((placeholder) => !['pluginId', 'primaryKeyShortId'].includes(placeholder));
					const shown = properties.filter(
						(entry) =>
							placeholders.includes(entry.name) &&
							resources.some(
								(resource) => entry.displayOptions?.show?.resource?.includes(resource) ?? true,
							) &&
							(entry.displayOptions?.show?.operation?.includes(option.value) ?? true),
					);
					for (const property of shown.filter((entry) => entry.required !== true))
						missing.push(`${name}.${String(option.value)}.${property.name}`);
				}
			}
		}
		expect(missing).toEqual([]);
	});

	it('the Plugin ID field is optional, with a hint pointing at the credential and a placeholder that is no ID', () => {
		for (const name of ['chakraWhatsApp', 'chakraPartner', 'chakraTrigger']) {
			for (const property of describeNode(name).properties.filter(
				(entry) => entry.name === 'pluginId',
			)) {
				expect([property.required, property.hint]).toEqual([
					undefined,
					'Leave empty to use the Plugin ID saved in the Chakra API credential',
				]);
				expect(property.placeholder).not.toMatch(/[0-9a-f]{8}-/);
			}
		}
	});

	it.each([...ACTION_NODES, 'chakraTrigger'])(
		"%s: the Docs link opens the node's own page in docs/nodes",
		(name) => {
			const description = describeNode(name);
			const file = name[0].toUpperCase() + name.slice(1);
			const expected = `https://github.com/chakrahq/n8n-nodes-chakrahq/blob/main/docs/nodes/${file}.md`;
			const codex = JSON.parse(
				readFileSync(join(__dirname, '..', '..', 'nodes', file, `${file}.node.json`), 'utf8'),
			) as {
				resources: { primaryDocumentation: Array<{ url: string }> };
			};
			expect([description.documentationUrl, codex.resources.primaryDocumentation[0].url]).toEqual([
				expected,
				expected,
			]);
			expect(existsSync(join(__dirname, '..', '..', 'docs', 'nodes', `${file}.md`))).toBe(true);
		},
	);

	it("Group > Create shows the asynchronous-creation note as a notice before the Subject, not as the Subject's hint", () => {
		const { properties } = describeNode('chakraWhatsAppGroup');
		const shown = properties.filter(
			(entry) =>
				entry.displayOptions?.show?.operation?.includes('create') &&
				entry.displayOptions?.show?.resource?.includes('group'),
		);
		const notice = shown.findIndex((entry) => entry.type === 'notice');
		expect(shown.slice(notice, notice + 2).map((entry) => [entry.type, entry.name])).toEqual([
			['notice', 'asyncCreationNotice'],
			['string', 'subject'],
		]);
		expect(shown[notice].displayName).toContain('group_lifecycle_update');
		expect(shown[notice + 1].hint).toBeUndefined();
	});

	it('the seven nodes in the panel have seven distinct icons, light and dark, present in icons/; the credential keeps the brand icon', () => {
		const visible = [...ACTION_NODES, 'chakraWhatsAppTrigger'].map(describeNode);
		const icons = visible.map((description) => description.icon as { light: string; dark: string });
		expect(new Set(icons.map((icon) => icon.light)).size).toBe(7);
		expect(new Set(icons.map((icon) => icon.dark)).size).toBe(7);
		for (const icon of icons) {
			for (const file of [icon.light, icon.dark]) {
				const svg = readFileSync(
					join(__dirname, '..', '..', 'nodes', 'X', file.replace(/^file:/, '')),
					'utf8',
				);
				expect(svg).toMatch(
					/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="60" height="60" viewBox="0 0 60 60">/,
				);
			}
			expect(
				readFileSync(
					join(__dirname, '..', '..', 'nodes', 'X', icon.dark.replace(/^file:/, '')),
					'utf8',
				),
			).not.toEqual(
				readFileSync(
					join(__dirname, '..', '..', 'nodes', 'X', icon.light.replace(/^file:/, '')),
					'utf8',
				),
			);
		}
		expect(new ChakraApi().icon).toEqual({
			light: 'file:../icons/chakra.svg',
			dark: 'file:../icons/chakra.dark.svg',
		});
	});
});
