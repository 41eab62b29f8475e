/** preSend shared by the CRM operations that carry a customer phone number in the body (C30, C31, C32). */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { ItemFunctions, ItemPreSend } from '../shared/itemFunctions';
import { requirePhoneNumber } from '../shared/validation';

/** Puts node parameter `parameter`, normalised to digits (or refused), into body key `bodyKey`. */
export function sendPhoneNumberInBody(parameter: string, bodyKey: string): ItemPreSend {
	return async function (this: ItemFunctions, requestOptions: IHttpRequestOptions) {
		const phoneNumber = requirePhoneNumber(this, parameter, this.getNodeParameter(parameter, ''));
		const body =
			typeof requestOptions.body === 'object' && requestOptions.body !== null
				? (requestOptions.body as IDataObject)
				: {};
		requestOptions.body = { ...body, [bodyKey]: phoneNumber };
		return requestOptions;
	};
}
