/** Send (C4/C5), text message. */
import type { INodeProperties } from 'n8n-workflow';

import { show } from './common';

export const textFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'textBody',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description:
			'Message text, up to 4096 characters. WhatsApp formatting such as *bold* and _italic_ works.',
		displayOptions: show({ messageType: ['text'] }),
	},
	{
		displayName: 'Show Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first link in the text',
		displayOptions: show({ messageType: ['text'] }),
	},
];
