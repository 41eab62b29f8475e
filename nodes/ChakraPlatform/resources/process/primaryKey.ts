/**
 * The primary key attribute of C45 / C47 / C49: the one chosen, or the procedure's primary key from
 * the ChakraHQ configuration (C61) when the field is left empty.
 */
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { primaryKeyShortIdOf } from '../../../shared/methods/platformConfig';
import type { ItemParameters } from '../../../shared/process/itemParameters';
import { requiredText, singleItemParameters } from '../../../shared/process/itemParameters';

export async function primaryKeyShortId(params: ItemParameters): Promise<string> {
	const given = params.get('primaryKeyShortId', '');
	if (typeof given === 'string' && given.trim() !== '') return given.trim();
	const procedureShortId = requiredText(params, 'procedureShortId', 'procedureShortId');
	const shortId = primaryKeyShortIdOf(await params.config(), procedureShortId);
	if (!shortId) {
		throw params.error(
			'primaryKeyShortId',
			`procedure "${procedureShortId}" has no primary key in the ChakraHQ configuration`,
			'Choose the primary key attribute of the procedure.',
		);
	}
	return shortId;
}

/** preSend, placed before the path is filled: `{primaryKeyShortId}` from the field or the configuration. */
export async function fillPrimaryKeyShortId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const shortId = await primaryKeyShortId(singleItemParameters(this));
	requestOptions.url = requestOptions.url.replace('{primaryKeyShortId}', encodeURIComponent(shortId));
	return requestOptions;
}
