/**
 * One item's parameters, read the same way from a declarative preSend (one item) and from the coded
 * bulk operations (item `i` of all input items), so both build identical process bodies.
 */
import type { IDataObject, IExecuteFunctions, IExecuteSingleFunctions, INode, NodeOperationError } from 'n8n-workflow';

import type { PlatformConfig } from '../methods/platformConfig';
import { fetchPlatformConfig } from '../methods/platformConfig';
import type { ChakraContext } from '../transport';
import { fieldError } from '../validation';

export interface ItemParameters {
	node: INode;
	itemIndex: number;
	get(name: string, fallback?: unknown): unknown;
	/** JSON of the input item (auto-mapped process data). */
	json(): IDataObject;
	error(field: string, message: string, description?: string): NodeOperationError;
	/** C61, fetched at most once per execution of the caller. */
	config(): Promise<PlatformConfig>;
	/** The workflow's time zone: dates without an offset are read in it. */
	timezone(): string;
}

/** Fetches C61 on first use only. */
export function lazyConfig(context: ChakraContext): () => Promise<PlatformConfig> {
	let config: Promise<PlatformConfig> | undefined;
	return async () => {
		config ??= fetchPlatformConfig(context);
		return await config;
	};
}

export function singleItemParameters(context: IExecuteSingleFunctions): ItemParameters {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	return {
		node,
		itemIndex,
		get: (name, fallback) => context.getNodeParameter(name, fallback) as unknown,
		json: () => context.getInputData()?.json ?? {},
		error: (field, message, description) => fieldError(node, itemIndex, field, message, description),
		config: lazyConfig(context),
		timezone: () => context.getTimezone(),
	};
}

export function executeItemParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	config: () => Promise<PlatformConfig>,
): ItemParameters {
	const node = context.getNode();
	return {
		node,
		itemIndex,
		get: (name, fallback) => context.getNodeParameter(name, itemIndex, fallback) as unknown,
		json: () => context.getInputData()[itemIndex]?.json ?? {},
		error: (field, message, description) => fieldError(node, itemIndex, field, message, description),
		config,
		timezone: () => context.getTimezone(),
	};
}

/** A required text parameter, trimmed; numbers from expressions become text. */
export function requiredText(params: ItemParameters, name: string, label: string): string {
	const raw = params.get(name, '');
	const text = raw === undefined || raw === null ? '' : String(raw).trim();
	if (text === '' || typeof raw === 'object') {
		throw params.error(label, text === '' ? 'is required but empty' : 'must be text, not an object');
	}
	return text;
}
