import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';
import { userIdentity, userIdentityFields, whenIdentifiedByPhone } from '../../userIdentity';
import { callOptionsField, sdpField } from './session';

const showOnlyForCallConnect = { resource: ['call'], operation: ['connect'] };

/** preSend of connect: the user to call, digits only, as `to`, or the BSUID as `recipient`. */
export async function calleeBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.body = {
		...((requestOptions.body ?? {}) as object),
		...userIdentity(this, 'phoneNumber', 'phoneNumber', 'to'),
	};
	return requestOptions;
}

export const callConnectDescription: INodeProperties[] = [
	...userIdentityFields(showOnlyForCallConnect),
	recipientPhoneNumberField(whenIdentifiedByPhone(showOnlyForCallConnect), {
		description:
			'The WhatsApp user to call, with the country code, e.g. 919911223344. The user must have granted call permission (see Permission > Get).',
	}),
	sdpField('offer', showOnlyForCallConnect),
	callOptionsField(showOnlyForCallConnect, true),
];
