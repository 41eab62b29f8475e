/**
 * The primary key attribute of C45 / C47 / C49: the one chosen, or the procedure's primary key from
 * the ChakraHQ configuration (C61) when the field is left empty.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { primaryKeyShortIdOf } from '../../../shared/methods/platformConfig';
import { requiredTextParameter } from '../../../shared/checks';
import type { ItemFunctions } from '../../../shared/itemFunctions';
import { platformConfigFor } from '../../../shared/process/platformConfig';
import { itemError, pathValueProblem } from '../../../shared/validation';

export async function primaryKeyShortId(item: ItemFunctions): Promise<string> {
	const given = item.getNodeParameter('primaryKeyShortId', '') as unknown;
	if (
		given !== undefined &&
		given !== null &&
		!(typeof given === 'string' && given.trim() === '')
	) {
		// The value goes into the path: checked like every path value (validation.ts).
		const problem = pathValueProblem('primaryKeyShortId', given);
		if (problem) throw itemError(item, 'primaryKeyShortId', problem.message, problem.description);
		return String(given).trim();
	}
	const procedureShortId = requiredTextParameter(item, 'procedureShortId');
	const shortId = primaryKeyShortIdOf(await platformConfigFor(item), procedureShortId);
	if (!shortId) {
		throw itemError(
			item,
			'primaryKeyShortId',
			`procedure "${procedureShortId}" has no primary key in the ChakraHQ configuration`,
			'Choose the primary key attribute of the procedure.',
		);
	}
	return shortId;
}

/** preSend, placed before the path is filled: `{primaryKeyShortId}` from the field or the configuration. */
export async function fillPrimaryKeyShortId(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const shortId = await primaryKeyShortId(this);
	requestOptions.url = requestOptions.url.replace(
		'{primaryKeyShortId}',
		encodeURIComponent(shortId),
	);
	return requestOptions;
}
