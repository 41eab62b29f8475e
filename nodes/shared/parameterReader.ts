/**
 * Node parameters of many items, read at n8n's price only where an item can change them.
 *
 * Every expression n8n evaluates builds a WorkflowDataProxy and its clock (luxon): about half a
 * millisecond, more than the whole HTTP request of a send on a fast network. A bulk send of 1,000
 * items through n8n's declarative engine paid that ten times per item. This reader gives exactly
 * what `getNodeParameter(name, itemIndex, …)` gives, with two shortcuts that cannot change the
 * result:
 *
 * - a parameter without any expression is the same for every item: it is read once (through
 *   `getNodeParameter`, with all of n8n's checks) and copied for the others;
 * - a value that is only a reference to a field of the input item, `={{ $json.phone }}` or
 *   `={{ $json["first name"].x }}`, is looked up in the item when the field exists and holds text,
 *   a number or a boolean; that is what n8n's expression returns for it.
 *
 * Anything else (other expressions, missing fields, objects, resource locators asked for their
 * value, parameters n8n validates against a type) goes to `getNodeParameter` as before.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { isObject } from './envelope';

/** Top-level parameter names; dotted or indexed paths go to n8n. */
const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/;

const IDENTIFIER = '[A-Za-z_$][\\w$]*';
const QUOTED_KEY = `"[^"\\\\]*"|'[^'\\\\]*'`;
const SEGMENT = new RegExp(`\\.(${IDENTIFIER})|\\[(${QUOTED_KEY})\\]`, 'g');
const JSON_REFERENCE = new RegExp(
	`^=\\{\\{\\s*\\$json((?:\\.${IDENTIFIER}|\\[(?:${QUOTED_KEY})\\])+)\\s*\\}\\}$`,
);

const NOT_DIRECT = Symbol('not direct');

export function isExpression(value: unknown): value is string {
	return typeof value === 'string' && value.startsWith('=');
}

export function containsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (Array.isArray(value)) return value.some(containsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(containsExpression);
	return false;
}

/** The field path of `={{ $json.a["b c"] }}` (`['a', 'b c']`), or undefined for any other value. */
export function jsonReferencePath(value: string): string[] | undefined {
	const match = JSON_REFERENCE.exec(value);
	if (!match) return undefined;
	return [...match[1].matchAll(SEGMENT)].map((segment) => segment[1] ?? segment[2].slice(1, -1));
}

/** An object literal (no class instance, Date or Buffer): what JSON items are made of. */
function isPlainObject(value: unknown): value is IDataObject {
	if (!isObject(value)) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/** The text, number or boolean at `path` of `json`, or NOT_DIRECT. */
function primitiveAt(json: unknown, path: string[]): unknown {
	let value = json;
	for (const key of path) {
		if (!isPlainObject(value) || !Object.prototype.hasOwnProperty.call(value, key))
			return NOT_DIRECT;
		value = value[key];
	}
	if (typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	return NOT_DIRECT;
}

/** Whether n8n would post-process a parameter of this name (types it validates, values it extracts). */
function hasValueProcessing(property: INodeProperties): boolean {
	if (property.validateType || property.type === 'resourceLocator' || property.extractValue)
		return true;
	return (property.options ?? []).some((option) => {
		if ('values' in option) return option.values.some(hasValueProcessing);
		return 'type' in option && hasValueProcessing(option as INodeProperties);
	});
}

export class ParameterReader {
	private readonly parameters: INodeParameters;
	private readonly items: INodeExecutionData[];
	private readonly constants = new Map<string, unknown>();
	/** Names whose values n8n processes after resolving them: never resolved here. */
	private readonly processed: Set<string>;

	constructor(
		private readonly context: IExecuteFunctions,
		properties: INodeProperties[],
	) {
		this.parameters = context.getNode().parameters;
		this.items = context.getInputData();
		this.processed = new Set(
			properties.filter(hasValueProcessing).map((property) => property.name),
		);
	}

	/** `getNodeParameter(name, itemIndex, fallback, options)`, the same value. */
	get(
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown {
		const raw = PLAIN_NAME.test(name) ? this.parameters[name] : undefined;
		const plainOptions = !options || Object.keys(options).every((key) => key === 'extractValue');
		if (raw === undefined || !plainOptions) return this.fromN8n(name, itemIndex, fallback, options);
		if (!containsExpression(raw)) return this.constant(name, itemIndex, fallback, options);
		if (!this.processed.has(name)) {
			const direct = this.resolveDirect(raw, this.items[itemIndex]?.json);
			if (direct !== NOT_DIRECT) return direct;
		}
		return this.fromN8n(name, itemIndex, fallback, options);
	}

	private fromN8n(
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown {
		return this.context.getNodeParameter(name, itemIndex, fallback, options) as unknown;
	}

	/** Read once (a failing read is not kept: each item reports its own error). */
	private constant(
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown {
		const key = options?.extractValue ? `${name}\u0000extract` : name;
		if (!this.constants.has(key))
			this.constants.set(key, this.fromN8n(name, itemIndex, fallback, options));
		const value = this.constants.get(key);
		return typeof value === 'object' && value !== null ? deepCopy(value) : value;
	}

	/** Literals as they are, `$json` references looked up; NOT_DIRECT as soon as one leaf is anything else. */
	private resolveDirect(raw: unknown, json: unknown): unknown {
		if (isExpression(raw)) {
			const path = jsonReferencePath(raw);
			return path ? primitiveAt(json, path) : NOT_DIRECT;
		}
		if (Array.isArray(raw)) {
			const values = [];
			for (const entry of raw) {
				const value = this.resolveDirect(entry, json);
				if (value === NOT_DIRECT) return NOT_DIRECT;
				values.push(value);
			}
			return values;
		}
		if (typeof raw === 'object' && raw !== null) {
			const result: Record<string, unknown> = {};
			for (const [key, entry] of Object.entries(raw)) {
				const value = this.resolveDirect(entry, json);
				if (value === NOT_DIRECT) return NOT_DIRECT;
				result[key] = value;
			}
			return result;
		}
		return raw;
	}
}
