/**
 * Date parameters sent to ChakraHQ as epoch milliseconds (docs/api-reference.md 1.9: `nextActionAt`, `datetime`
 * attributes). A date picker value has no offset, so it is read in the workflow's time zone, as n8n
 * shows it to the user.
 */
import { tryToParseDateTime } from 'n8n-workflow';

import type { ItemFunctions } from './itemFunctions';
import { itemError } from './validation';

/** Anything from 11 digits on is taken as epoch milliseconds already (later than 1973). */
const EPOCH_MS_TEXT = /^[0-9]{11,}$/;

/**
 * A date as epoch milliseconds: a date picker value or ISO text (read in `timezone` when it has no
 * offset), a Luxon DateTime or JS Date from an expression, or epoch ms. Undefined when it is none.
 */
export function parseEpochMilliseconds(value: unknown, timezone: string): number | undefined {
	if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
	if (typeof value === 'string' && EPOCH_MS_TEXT.test(value.trim())) return Number(value.trim());
	try {
		const parsed = tryToParseDateTime(value, timezone);
		if (parsed.isValid) return parsed.toMillis();
	} catch {
		// not a date: the caller reports it with the field name
	}
	return undefined;
}

export const DATE_HINT =
	'Pick a date, or use an ISO 8601 date such as 2025-03-01T10:30:00 or epoch milliseconds.';

/**
 * A date parameter as epoch milliseconds (see `parseEpochMilliseconds`); anything else is refused
 * with an error naming `field` and the item.
 */
export function toEpochMilliseconds(context: ItemFunctions, field: string, value: unknown): number {
	const ms = parseEpochMilliseconds(value, context.getTimezone());
	if (ms !== undefined) return ms;
	const shown =
		typeof value === 'string'
			? `"${value}"`
			: typeof value === 'number'
				? String(value)
				: 'the value';
	throw itemError(context, field, `${shown} is not a date`, DATE_HINT);
}
