/** Send (C4/C5), reaction message. */
import type { INodeProperties } from 'n8n-workflow';

import { show } from './common';

export const reactionFields: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'reactionMessageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wamid.HBgMOTE5OTAxMjU4NDMzFQIAEhgUM0VCMDM3RjlEQTNDQTBEMjQ2Q275',
		description: 'WhatsApp ID (wamid) of the message to react to',
		displayOptions: show({ messageType: ['reaction'] }),
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '👍',
		description: 'One emoji. Empty removes an earlier reaction.',
		displayOptions: show({ messageType: ['reaction'] }),
	},
];
