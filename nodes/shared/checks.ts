/** Small input checks used by several operations and nodes; each error names the field and item. */
import { describeNonText, itemError } from './validation';
import type { ItemFunctions } from './itemFunctions';

/** A parameter value as trimmed text ('' for undefined and null). */
export function trimmedText(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * The length of a text as WhatsApp counts it: characters (code points), not bytes or UTF-16 units,
 * so an emoji counts once. Every length limit of the package counts this way.
 */
export function characterCount(text: string): number {
	return [...text].length;
}

/** Text of at most `max` characters (see `characterCount`). */
export function limitedText(
	context: ItemFunctions,
	field: string,
	value: unknown,
	max: number,
): string {
	// Text sent to a person is text: objects, arrays and booleans from expressions are refused, never stringified.
	const nonText = describeNonText(value);
	if (nonText !== undefined)
		throw itemError(
			context,
			field,
			`is ${nonText}, not text`,
			`Map a text value to the "${field}" field, not a whole object or list.`,
		);
	const result = trimmedText(value);
	const length = characterCount(result);
	if (length > max)
		throw itemError(context, field, `has ${length} characters, WhatsApp allows at most ${max}`);
	return result;
}

/**
 * Non-empty text of at most `max` characters, trimmed; numbers from expressions become text, an
 * object is refused (it would be sent as "[object Object]").
 */
export function requiredText(
	context: ItemFunctions,
	field: string,
	value: unknown,
	max = Infinity,
): string {
	const result = limitedText(context, field, value, max);
	if (result === '') throw itemError(context, field, 'is required but empty');
	if (typeof value === 'object') throw itemError(context, field, 'must be text, not an object');
	return result;
}

/** A required text parameter of the current item (see `requiredText`); `name` is also the field shown. */
export function requiredTextParameter(context: ItemFunctions, name: string): string {
	return requiredText(context, name, context.getNodeParameter(name, '') as unknown);
}

/** Text of at most `max` characters, or undefined when empty. */
export function optionalText(
	context: ItemFunctions,
	field: string,
	value: unknown,
	max = Infinity,
): string | undefined {
	const result = limitedText(context, field, value, max);
	return result === '' ? undefined : result;
}

/** A latitude (limit 90) or longitude (limit 180) parameter. */
export function coordinate(
	context: ItemFunctions,
	parameter: string,
	field: string,
	limit: number,
): number {
	const raw = context.getNodeParameter(parameter, undefined) as unknown;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
		throw itemError(
			context,
			field,
			`"${String(raw)}" is not a number between -${limit} and ${limit}`,
		);
	}
	return value;
}

export interface LocationValue {
	latitude: number;
	longitude: number;
	name?: string;
	address?: string;
}

/** Meta's location object from four parameters (names given per operation); empty name/address left out. */
export function locationFrom(
	context: ItemFunctions,
	parameters: { latitude: string; longitude: string; name: string; address: string },
): LocationValue {
	const name = optionalText(
		context,
		'Location Name',
		context.getNodeParameter(parameters.name, ''),
	);
	const address = optionalText(
		context,
		'Location Address',
		context.getNodeParameter(parameters.address, ''),
	);
	return {
		latitude: coordinate(context, parameters.latitude, 'Latitude', 90),
		longitude: coordinate(context, parameters.longitude, 'Longitude', 180),
		...(name ? { name } : {}),
		...(address ? { address } : {}),
	};
}
