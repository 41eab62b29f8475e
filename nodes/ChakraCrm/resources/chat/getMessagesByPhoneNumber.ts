import type { INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField, returnAllAndLimitFields } from '../../../shared/fields';

const showOnlyForChatGetMessagesByPhoneNumber = {
	resource: ['chat'],
	operation: ['getMessagesByPhoneNumber'],
};

export const getMessagesByPhoneNumberDescription: INodeProperties[] = [
	recipientPhoneNumberField(showOnlyForChatGetMessagesByPhoneNumber, {
		name: 'customerPhoneNumber',
		description:
			'Customer phone number with the country code, e.g. 919911223344. A leading +, spaces, dashes and brackets are removed.',
	}),
	...returnAllAndLimitFields(showOnlyForChatGetMessagesByPhoneNumber),
];
