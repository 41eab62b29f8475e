import type { ILoadOptionsFunctions } from 'n8n-workflow';

/**
 * A parameter of the node being edited, as trimmed text ('' when it is unset, not text or cannot be
 * read yet): what dropdowns and searchable lists depend on.
 */
export function currentParameter(context: ILoadOptionsFunctions, name: string): string {
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter(name, { extractValue: true });
	} catch {
		value = undefined;
	}
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}
