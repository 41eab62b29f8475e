/**
 * examples/*.json are stored the way the n8n editor stores them, so that opening one changes
 * nothing: a resource mapper's schema is what its method returns for the demo's fake server, each
 * field with the `removed` flag the editor adds (n8n 2.41 ResourceMapper.vue replaces a schema that
 * differs and marks the workflow changed). And the inbound-image example routes other messages away.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
	INodeParameters,
	INodeProperties,
	ResourceMapperFields,
	ResourceMapperValue,
} from 'n8n-workflow';

import { FakeChakra, SIGNATURE_HEADER, signBody, webhookSamples } from '../fake-chakra';
import { packageNodeTypes, PACKAGE } from '../harness';
import { loadOptionsContext } from '../harness/load-options';
import { deliverToTrigger } from '../harness/trigger';
import { SECRET, signingCredentials } from '../nodes/ChakraTrigger/deliveries';

interface StoredNode {
	name: string;
	type: string;
	parameters: INodeParameters;
}
interface StoredWorkflow {
	name: string;
	nodes: StoredNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.map(
		(file) =>
			[file, JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as StoredWorkflow] as const,
	);

describe('examples/ as the editor stores them', () => {
	let fake: FakeChakra;
	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());

	const mappers = examples.flatMap(([file, workflow]) =>
		workflow.nodes
			.filter((node) => node.type.startsWith(`${PACKAGE}.`))
			.flatMap((node) =>
				Object.entries(node.parameters)
					.filter(
						([, value]) => typeof value === 'object' && value !== null && 'mappingMode' in value,
					)
					.map(
						([parameter]) => [`${file} > ${node.name} > ${parameter}`, node, parameter] as const,
					),
			),
	);

	it('the examples hold resource mappers to check', () => {
		expect(mappers.length).toBeGreaterThan(0);
	});

	it.each(mappers)(
		'%s: its schema is what the editor loads, so opening it changes nothing',
		async (_name, node, parameter) => {
			const typeName = node.type.slice(PACKAGE.length + 1);
			const nodeType = packageNodeTypes().getByNameAndVersion(node.type);
			const property = nodeType.description.properties.find(
				(entry: INodeProperties) => entry.name === parameter,
			);
			const method = property?.typeOptions?.resourceMapper?.resourceMapperMethod as string;
			const mapping = nodeType.methods?.resourceMapping?.[method] as (
				this: unknown,
			) => Promise<ResourceMapperFields>;
			const context = loadOptionsContext(typeName, node.parameters, {
				accessToken: fake.token,
				baseUrl: fake.baseUrl,
			});
			const { fields } = await mapping.call(context);
			const stored = node.parameters[parameter] as unknown as ResourceMapperValue;
			expect(stored.schema).toEqual(fields.map((field) => ({ ...field, removed: false })));
			// Every required field has a value (the editor flags a missing one); optional ones may be empty.
			for (const field of fields.filter((entry) => entry.required))
				expect([field.id, stored.value?.[field.id]]).toEqual([field.id, expect.any(String)]);
			expect(stored.matchingColumns).toEqual(fields.length === 1 ? [fields[0].id] : []);
		},
	);

	it('the inbound-image example sends only image messages on to Download Image', async () => {
		const [, workflow] = examples.find(
			([file]) => file === 'inbound-image-to-template-header.json',
		)!;
		const next = (name: string) =>
			workflow.connections[name]?.main.map((branch) => branch.map((link) => link.node));
		expect(next('Chakra Trigger')).toEqual([['Is It an Image?']]);
		expect(next('Is It an Image?')).toEqual([['Download Image'], []]);
		const condition = (
			workflow.nodes.find((node) => node.name === 'Is It an Image?')!.parameters.conditions as {
				conditions: Array<{
					leftValue: string;
					rightValue: string;
					operator: { operation: string };
				}>;
			}
		).conditions;
		expect(
			condition.map((entry) => [entry.leftValue, entry.operator.operation, entry.rightValue]),
		).toEqual([['={{ $json.messageType }}', 'equals', 'image']]);
		// The field the condition reads: the trigger's item of a text and of an image message.
		const parameters = workflow.nodes.find((node) => node.name === 'Chakra Trigger')!.parameters;
		const signed = (body: object) => {
			const rawBody = JSON.stringify(body);
			return {
				parameters,
				credentials: signingCredentials(),
				body,
				rawBody,
				headers: { [SIGNATURE_HEADER]: signBody(rawBody, SECRET) },
			};
		};
		const text = await deliverToTrigger(signed(webhookSamples.passThroughText()));
		const image = await deliverToTrigger(signed(webhookSamples.passThroughImage()));
		expect([text.items?.[0]?.json.messageType, image.items?.[0]?.json.messageType]).toEqual([
			'text',
			'image',
		]);
	});
});
