/** Email addresses given to ChakraHQ (lead `email`, C37 `clientEmail`), checked before any request. */
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { itemError } from './validation';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The trimmed address, or an error naming `field` and the item. */
export function requireEmailAddress(
	context: IExecuteSingleFunctions,
	field: string,
	raw: unknown,
): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!EMAIL.test(text)) {
		const shown =
			typeof raw === 'string' && raw.trim() !== '' ? `"${raw.trim()}"` : 'an empty value';
		throw itemError(
			context,
			field,
			`${shown} is not an email address`,
			'Use an address such as ops@acme.example.',
		);
	}
	return text;
}
