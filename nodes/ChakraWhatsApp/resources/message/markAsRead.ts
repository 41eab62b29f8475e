import type { IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { itemError } from '../../../shared/validation';
import type { ItemFunctions } from '../../../shared/itemFunctions';

const showOnlyForMessageMarkAsRead = { resource: ['message'], operation: ['markAsRead'] };

export const markAsReadDescription: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wamid.HBgMOTE5OTAxMjU4NDMzFQIAEhgUM0VCMDM3RjlEQTNDQTBEMjQ2Q275',
		description: 'WhatsApp ID (wamid) of the received message, e.g. from the Chakra Trigger',
		displayOptions: { show: showOnlyForMessageMarkAsRead },
	},
	{
		displayName: 'Show Typing Indicator',
		name: 'typingIndicator',
		type: 'boolean',
		default: false,
		description:
			'Whether to also show "typing…" to the customer until you reply (or for up to 25 seconds), useful before a slow AI answer',
		displayOptions: { show: showOnlyForMessageMarkAsRead },
	},
];

/** preSend: C4 read receipt, optionally with Meta's typing indicator. */
export async function buildMarkAsReadBody(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const messageId = String(this.getNodeParameter('messageId', '') ?? '').trim();
	if (messageId === '') throw itemError(this, 'Message ID', 'is required but empty');
	requestOptions.body = {
		messaging_product: 'whatsapp',
		status: 'read',
		message_id: messageId,
		...(this.getNodeParameter('typingIndicator', false) === true
			? { typing_indicator: { type: 'text' } }
			: {}),
	};
	return requestOptions;
}
