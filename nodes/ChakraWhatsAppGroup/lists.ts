/** Parameters that hold one or many values: a list, an array expression or comma-separated text. */
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { itemError } from '../shared/validation';

function flatten(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.flatMap(flatten);
	if (typeof value === 'string') return value.split(/[,\n]/);
	if (value === undefined || value === null) return [];
	return [value];
}

/**
 * The values of list parameter `name`, trimmed, without empty entries and duplicates, in the order
 * given. Accepts an array (from the list or an expression), a comma- or line-separated string, or
 * one number. Throws an error naming the field when nothing is left.
 */
export function listParameter(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
): string[] {
	const raw = context.getNodeParameter(name, []) as unknown;
	const values: string[] = [];
	for (const entry of flatten(raw)) {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			throw itemError(
				context,
				label,
				`contains ${JSON.stringify(entry)}, which is not an ID`,
				'Give IDs as text: a list, an array of strings or a comma-separated string.',
			);
		}
		const text = String(entry).trim();
		if (text !== '' && !values.includes(text)) values.push(text);
	}
	if (values.length === 0) throw itemError(context, label, 'is required but empty');
	return values;
}
