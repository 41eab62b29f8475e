/**
 * n8n checks a dropdown's value when it is typed in the editor, but not when it comes from an
 * expression. This preSend checks every dropdown (`options`, and `multiOptions` given as a list;
 * also inside collections and fixed collections) of the current operation whose value is an
 * expression, so `"WEIRD"` never reaches ChakraHQ as a status. Literal values are left to n8n;
 * dropdowns filled from the API (loadOptions) accept any value; a multi-select given as text (some
 * operations accept comma-separated values) is checked by the operation that reads it.
 */
import type {
	IDataObject,
	IHttpRequestOptions,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import type { ItemFunctions, ItemPreSend } from './itemFunctions';
import { containsExpression } from './parameterReader';
import { itemError } from './validation';

function fixedChoices(property: INodeProperties): INodePropertyOptions[] | undefined {
	if (property.type !== 'options' && property.type !== 'multiOptions') return undefined;
	if (property.typeOptions?.loadOptionsMethod || property.typeOptions?.loadOptions)
		return undefined;
	return (property.options ?? []).filter(
		(option): option is INodePropertyOptions => 'value' in option,
	);
}

function describeChoices(choices: INodePropertyOptions[]): string {
	return choices.map((choice) => `${choice.name} (${String(choice.value)})`).join(', ');
}

class OptionChecker {
	constructor(
		private readonly context: ItemFunctions,
		private readonly root: INodeParameters,
	) {}

	/** Checks `properties` whose raw values are `raw`, found at `path` (resolved values via getNodeParameter). */
	check(properties: INodeProperties[], raw: IDataObject, path: string): void {
		for (const property of properties) {
			if (property.noDataExpression) continue;
			if (!(property.name in raw)) continue;
			const value = raw[property.name];
			// Cheap test first: most values are literals, and displayParameter is not cheap.
			if (!containsExpression(value)) continue;
			if (
				!NodeHelpers.displayParameter(
					raw as INodeParameters,
					property,
					this.context.getNode(),
					null,
					this.root,
				)
			)
				continue;
			const fullPath = path ? `${path}.${property.name}` : property.name;
			this.checkValue(property, fullPath, value);
		}
	}

	private checkValue(property: INodeProperties, fullPath: string, raw: unknown): void {
		const choices = fixedChoices(property);
		if (choices) {
			const resolved = this.context.getNodeParameter(fullPath, undefined) as unknown;
			if (property.type === 'multiOptions' && !Array.isArray(resolved)) return;
			for (const value of Array.isArray(resolved) ? resolved : [resolved]) {
				if (value === undefined || value === null || value === '') continue;
				if (!choices.some((choice) => choice.value === value)) {
					throw itemError(
						this.context,
						property.displayName,
						`"${String(value)}" is not one of the allowed values`,
						`Use one of: ${describeChoices(choices)}.`,
					);
				}
			}
			return;
		}
		if (property.type === 'collection' && typeof raw === 'object' && raw !== null) {
			this.check(property.options as INodeProperties[], raw as IDataObject, fullPath);
			return;
		}
		if (property.type === 'fixedCollection' && typeof raw === 'object' && raw !== null) {
			for (const group of property.options as INodePropertyCollection[]) {
				const entries = (raw as IDataObject)[group.name];
				if (Array.isArray(entries)) {
					entries.forEach((entry, index) => {
						if (typeof entry === 'object' && entry !== null)
							this.check(group.values, entry as IDataObject, `${fullPath}.${group.name}[${index}]`);
					});
				} else if (typeof entries === 'object' && entries !== null) {
					this.check(group.values, entries as IDataObject, `${fullPath}.${group.name}`);
				}
			}
		}
	}
}

/**
 * preSend for a node's Resource parameter: checks the expression-valued dropdowns of the whole
 * description (only the displayed ones count). `properties` is read when the node runs.
 */
export function checkOptionValues(properties: () => INodeProperties[]): ItemPreSend {
	return async function (
		this: ItemFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const parameters = this.getNode().parameters;
		new OptionChecker(this, parameters).check(properties(), parameters as IDataObject, '');
		return requestOptions;
	};
}
