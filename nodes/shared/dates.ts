/**
 * Date parameters sent to ChakraHQ as epoch milliseconds (contract 1.9: `nextActionAt`, `datetime`
 * attributes). A date picker value has no offset, so it is read in the workflow's time zone, as n8n
 * shows it to the user.
 */
import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { tryToParseDateTime } from 'n8n-workflow';

import { itemError } from './validation';

/** Anything from 11 digits on is taken as epoch milliseconds already (later than 1973). */
const EPOCH_MS_TEXT = /^[0-9]{11,}$/;

/**
 * A date parameter as epoch milliseconds: a date picker value or ISO text (read in the workflow's
 * time zone when it has no offset), a Luxon DateTime or JS Date from an expression, or epoch ms.
 * Anything else is refused with an error naming `field` and the item.
 */
export function toEpochMilliseconds(context: IExecuteSingleFunctions, field: string, value: unknown): number {
	if (typeof value === 'number') {
		if (Number.isInteger(value) && value >= 0) return value;
		throw itemError(context, field, `${value} is not a date or epoch milliseconds`);
	}
	if (typeof value === 'string' && EPOCH_MS_TEXT.test(value.trim())) return Number(value.trim());
	try {
		const parsed = tryToParseDateTime(value, context.getTimezone());
		if (parsed.isValid) return parsed.toMillis();
	} catch {
		// reported below with the field name
	}
	const shown = typeof value === 'string' ? `"${value}"` : 'the value';
	throw itemError(context, field, `${shown} is not a date`, 'Pick a date, or use an ISO 8601 date such as 2025-03-01T10:30:00 or epoch milliseconds.');
}
