import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';
import { userIdentity, userIdentityFields, whenIdentifiedByPhone } from '../../userIdentity';

const showOnlyForPermissionGet = { resource: ['permission'], operation: ['get'] };

/** preSend of C35: the user's phone number, digits only, as `user_wa_id`, or the BSUID as `recipient`. */
export async function userWaIdQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.qs = {
		...(requestOptions.qs ?? {}),
		...userIdentity(this, 'userWaId', 'User Phone Number', 'user_wa_id'),
	};
	return requestOptions;
}

export const permissionGetDescription: INodeProperties[] = [
	...userIdentityFields(showOnlyForPermissionGet),
	recipientPhoneNumberField(whenIdentifiedByPhone(showOnlyForPermissionGet), {
		displayName: 'User Phone Number',
		name: 'userWaId',
		description:
			'The WhatsApp user whose call permission to check, with the country code, e.g. 919911223344. A leading +, spaces, dashes and brackets are removed.',
	}),
];
