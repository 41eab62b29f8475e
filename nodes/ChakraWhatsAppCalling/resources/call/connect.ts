import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';
import { requirePhoneNumber } from '../../../shared/validation';
import { callOptionsField, sdpField } from './session';

const showOnlyForCallConnect = { resource: ['call'], operation: ['connect'] };

/** preSend of connect: the user to call, digits only, as `to`. */
export async function calleeBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const to = requirePhoneNumber(this, 'phoneNumber', this.getNodeParameter('phoneNumber', ''));
	requestOptions.body = { ...((requestOptions.body ?? {}) as object), to };
	return requestOptions;
}

export const callConnectDescription: INodeProperties[] = [
	recipientPhoneNumberField(showOnlyForCallConnect, {
		description:
			'The WhatsApp user to call, with the country code, e.g. 919911223344. The user must have granted call permission (see Permission > Get).',
	}),
	sdpField('offer', showOnlyForCallConnect),
	callOptionsField(showOnlyForCallConnect, true),
];
