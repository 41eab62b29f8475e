/**
 * ParameterReader must give exactly what n8n's getNodeParameter gives. A probe node runs inside a
 * real n8n execution and reads every parameter both ways, for items with text, numbers, booleans,
 * nulls, objects, arrays and missing fields; values and errors must match. It also counts how often
 * the reader falls back to n8n: once per constant, never for `{{ $json.field }}` text.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { jsonReferencePath, ParameterReader } from '../../nodes/shared/parameterReader';
import { packageNodeTypes, runNode } from '../harness';

const SPECIAL_PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Locator',
		name: 'locator',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [{ displayName: 'ID', name: 'id', type: 'string' }],
	},
	{ displayName: 'Typed', name: 'typed', type: 'string', default: '', validateType: 'number' },
];

/** The probe's properties for a run: n8n drops parameters its node type does not describe. */
const PROBE_PROPERTIES: INodeProperties[] = [];

function describeParameters(parameters: Record<string, unknown>): void {
	const generated = Object.entries(parameters)
		.filter(([name]) => !SPECIAL_PROPERTIES.some((property) => property.name === name))
		.map(([name, value]): INodeProperties => ({
			displayName: name,
			name,
			type: typeof value === 'object' ? 'json' : 'string',
			default: '',
		}));
	PROBE_PROPERTIES.splice(0, PROBE_PROPERTIES.length, ...SPECIAL_PROPERTIES, ...generated);
}

interface Outcome {
	value?: unknown;
	error?: string;
}

interface ProbeRecord {
	name: string;
	itemIndex: number;
	n8n: Outcome;
	reader: Outcome;
}

let records: ProbeRecord[] = [];
let readerFallbacks: string[] = [];

function outcome(read: () => unknown): Outcome {
	try {
		return { value: read() };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/** getNodeParameter calls that reach n8n from the reader, by parameter name. */
function counting(context: IExecuteFunctions): IExecuteFunctions {
	return new Proxy(context, {
		get(target, key) {
			if (key === 'getNodeParameter') {
				return (name: string, ...rest: unknown[]) => {
					readerFallbacks.push(name);
					return (target.getNodeParameter as (...args: unknown[]) => unknown)(name, ...rest);
				};
			}
			const value = (target as unknown as Record<string | symbol, unknown>)[key];
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(target)
				: value;
		},
	});
}

class ReaderProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Reader Probe',
		name: 'readerProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads its parameters through n8n and through ParameterReader',
		defaults: { name: 'Reader Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: PROBE_PROPERTIES,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const reader = new ParameterReader(counting(this), PROBE_PROPERTIES);
		const names = Object.keys(this.getNode().parameters);
		const items = this.getInputData();
		items.forEach((_item, itemIndex) => {
			for (const name of names) {
				const options = name === 'locator' ? { extractValue: true } : undefined;
				records.push({
					name,
					itemIndex,
					n8n: outcome(() => this.getNodeParameter(name, itemIndex, 'FALLBACK', options)),
					reader: outcome(() => reader.get(name, itemIndex, 'FALLBACK', options)),
				});
			}
		});
		return [items];
	}
}

const ITEMS: INodeExecutionData[] = [
	{
		json: {
			phone: '+91 99112 23344',
			n: 5,
			b: true,
			zero: 0,
			empty: '',
			nul: null,
			'first name': 'Asha',
			nested: { deep: { x: 'y' } },
			arr: [1, 2],
			obj: { a: 1 },
		},
	},
	{ json: { phone: 919911223344, n: -1.5, b: false, nested: { deep: 'text' } } },
	{ json: {} },
];

const RAW_VALUES: Record<string, unknown> = {
	simple: '={{ $json.phone }}',
	compact: '={{$json.phone}}',
	doubleQuoted: '={{ $json["first name"] }}',
	singleQuoted: "={{ $json['first name'] }}",
	nested: '={{ $json.nested.deep.x }}',
	nestedObject: '={{ $json.nested.deep }}',
	array: '={{ $json.arr }}',
	nullField: '={{ $json.nul }}',
	missing: '={{ $json.missing }}',
	missingDeeper: '={{ $json.missing.deeper }}',
	zero: '={{ $json.zero }}',
	empty: '={{ $json.empty }}',
	boolean: '={{ $json.b }}',
	number: '={{ $json.n }}',
	inherited: '={{ $json.constructor }}',
	proto: '={{ $json["__proto__"] }}',
	stringProperty: '={{ $json.phone.length }}',
	trailingText: '={{ $json.phone }} ',
	leadingText: '=+{{ $json.phone }}',
	computed: '={{ $json.phone + 1 }}',
	twoExpressions: '={{ $json.phone }}{{ $json.n }}',
	methodCall: '={{ $json.phone.trim() }}',
	otherItem: '={{ $("Reader Probe").item.json.phone }}',
	literal: 'literal',
	notAnExpression: '{{ $json.phone }}',
	numberLiteral: 42,
	booleanLiteral: true,
	collection: {
		a: '={{ $json.phone }}',
		b: 'x',
		c: ['={{ $json.n }}', 2],
		d: { e: '={{ $json["first name"] }}' },
	},
	collectionMissing: { a: '={{ $json.missing }}', b: 'x' },
	collectionComputed: { a: '={{ $json.phone.trim() }}' },
	list: ['={{ $json.phone }}', 'x'],
	constantCollection: { a: 'x', b: [1, { c: true }] },
	locator: { __rl: true, mode: 'id', value: '={{ $json.phone }}' },
	typed: '={{ $json.phone }}',
};

beforeAll(() => packageNodeTypes().register('readerProbe', new ReaderProbe()));
beforeEach(() => {
	records = [];
	readerFallbacks = [];
});

describe('jsonReferencePath', () => {
	it.each([
		['={{ $json.phone }}', ['phone']],
		['={{$json.a.b_c.$d}}', ['a', 'b_c', '$d']],
		['={{ $json["first name"]["x"] }}', ['first name', 'x']],
		["={{ $json['a'].b }}", ['a', 'b']],
	])('%s -> %j', (value, path) => expect(jsonReferencePath(value)).toEqual(path));

	it.each([
		'{{ $json.phone }}',
		'={{ $json }}',
		'={{ $json.phone }} ',
		'={{ $json.phone.trim() }}',
		'={{ $json[0] }}',
		'={{ $json["a\\"b"] }}',
		'={{ $json.a + $json.b }}',
		'={{ $json.a }}{{ $json.b }}',
		'={{ $input.item.json.a }}',
	])('%s is not a plain field reference', (value) =>
		expect(jsonReferencePath(value)).toBeUndefined(),
	);
});

describe('ParameterReader gives what getNodeParameter gives', () => {
	it('for every value kind, item and field shape (values and errors)', async () => {
		describeParameters(RAW_VALUES);
		const { error } = await runNode({
			type: 'readerProbe',
			credentials: null,
			parameters: RAW_VALUES as never,
			input: ITEMS,
		});
		expect(error).toBeUndefined();
		expect(records).toHaveLength(Object.keys(RAW_VALUES).length * ITEMS.length);
		const mismatches = records.filter(
			(record) =>
				JSON.stringify(record.n8n) !== JSON.stringify(record.reader) ||
				typeof record.n8n.value !== typeof record.reader.value,
		);
		expect(mismatches).toEqual([]);
		// The comparison covers values and errors alike.
		expect(
			records.find((record) => record.name === 'simple' && record.itemIndex === 1)?.reader,
		).toEqual({ value: 919911223344 });
		expect(
			records.find((record) => record.name === 'collection' && record.itemIndex === 0)?.reader,
		).toEqual({
			value: { a: '+91 99112 23344', b: 'x', c: [5, 2], d: { e: 'Asha' } },
		});
		expect(
			records.find((record) => record.name === 'locator' && record.itemIndex === 0)?.reader,
		).toEqual({ value: '+91 99112 23344' });
		expect(
			records.find((record) => record.name === 'typed' && record.itemIndex === 0)?.reader.error,
		).toMatch(/Invalid input/);
	});

	it('asks n8n once per constant and never for field references that hold a value', async () => {
		const input = Array.from({ length: 50 }, (_, index) => ({
			json: { phone: `9198${String(index).padStart(8, '0')}`, name: `Customer ${index}` },
		}));
		const parameters = {
			phone: '={{ $json.phone }}',
			variables: { value: { 'body:1': '={{ $json.name }}', 'header:1': '2024' } },
			operation: 'sendTemplate',
			options: { language: 'en_US' },
		};
		describeParameters(parameters);
		const { error } = await runNode({
			type: 'readerProbe',
			credentials: null,
			parameters: parameters as never,
			input,
		});
		expect(error).toBeUndefined();
		expect(
			records.filter((record) => JSON.stringify(record.n8n) !== JSON.stringify(record.reader)),
		).toEqual([]);
		// 50 items: each constant once (locator and typed hold their defaults), the references never.
		expect(readerFallbacks.sort()).toEqual(['locator', 'operation', 'options', 'typed']);
		expect(
			records.find((record) => record.name === 'variables' && record.itemIndex === 49)?.reader,
		).toEqual({
			value: { value: { 'body:1': 'Customer 49', 'header:1': '2024' } },
		});
	});

	it('hands a copy of a constant object to each item', async () => {
		const reads: unknown[] = [];
		class CopyProbe extends ReaderProbe {
			async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				const reader = new ParameterReader(this, []);
				const first = reader.get('options', 0) as { tags: string[] };
				first.tags.push('changed by item 0');
				reads.push(first, reader.get('options', 1));
				return [this.getInputData()];
			}
		}
		describeParameters({ options: {} });
		packageNodeTypes().register('copyProbe', new CopyProbe());
		await runNode({
			type: 'copyProbe',
			credentials: null,
			parameters: { options: { tags: ['a'] } } as never,
			input: [{ json: {} }, { json: {} }],
		});
		expect(reads).toEqual([{ tags: ['a', 'changed by item 0'] }, { tags: ['a'] }]);
	});
});
