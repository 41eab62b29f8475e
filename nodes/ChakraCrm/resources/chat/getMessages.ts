import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../../shared/fields';

const showOnlyForChatGetMessages = { resource: ['chat'], operation: ['getMessages'] };

export const getMessagesDescription: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'c1a7e0b2-3f4d-4e5a-9b6c-7d8e9f0a1b2c',
		description: 'ID of the chat, as returned by the Get Many chats operation (field ID)',
		displayOptions: { show: showOnlyForChatGetMessages },
	},
	...returnAllAndLimitFields(showOnlyForChatGetMessages),
];
