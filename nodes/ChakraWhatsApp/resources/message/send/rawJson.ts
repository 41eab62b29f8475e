/** Send (C4/C5), raw JSON message. */
import type { INodeProperties } from 'n8n-workflow';

import { show } from './common';

export const rawJsonFields: INodeProperties[] = [
	{
		displayName: 'JSON Body',
		name: 'rawJson',
		type: 'json',
		required: true,
		default: '{\n  "type": "text",\n  "text": { "body": "Hello" }\n}',
		description:
			'Any WhatsApp Cloud API message body. messaging_product and to are filled in when missing (to from the recipient above).',
		displayOptions: show({ messageType: ['rawJson'] }),
	},
];
