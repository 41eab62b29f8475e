import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';
import { requirePhoneNumber } from '../../../shared/validation';

const showOnlyForPermissionGet = { resource: ['permission'], operation: ['get'] };

/** preSend of C35: the user's phone number, digits only, as `user_wa_id`. */
export async function userWaIdQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const userWaId = requirePhoneNumber(this, 'User Phone Number', this.getNodeParameter('userWaId', ''));
	requestOptions.qs = { ...(requestOptions.qs ?? {}), user_wa_id: userWaId };
	return requestOptions;
}

export const permissionGetDescription: INodeProperties[] = [
	recipientPhoneNumberField(showOnlyForPermissionGet, {
		displayName: 'User Phone Number',
		name: 'userWaId',
		description:
			'The WhatsApp user whose call permission to check, with the country code, e.g. 919911223344. A leading +, spaces, dashes and brackets are removed.',
	}),
];
