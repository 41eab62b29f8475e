import type { INodeProperties } from 'n8n-workflow';

import { pageLimitPaginator } from '../../../shared/pagination';
import { itemRouting } from '../../../shared/codedRouting';
import { simplifyChat, simplifyChatMessage, simplifyFields } from '../../../shared/simplify';
import { sendPhoneNumberInBody } from '../../phoneNumberBody';
import { getAllDescription } from './getAll';
import { getMessagesDescription } from './getMessages';
import { getMessagesByPhoneNumberDescription } from './getMessagesByPhoneNumber';

const showOnlyForChats = { resource: ['chat'] };

/** C28-C30 serve pages of `limit` records; 100 keeps each response reasonable. */
const CHAT_PAGE_SIZE = 100;

export const chatDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForChats },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many chats',
				description: 'List the WhatsApp chats of the team, optionally filtered by a search text',
				routing: itemRouting('C28', {
					pagination: pageLimitPaginator(CHAT_PAGE_SIZE),
					simplify: simplifyChat,
				}),
			},
			{
				name: 'Get Messages',
				value: 'getMessages',
				action: 'Get the messages of a chat',
				description: 'List the messages of one chat, newest first',
				routing: itemRouting('C29', {
					pagination: pageLimitPaginator(CHAT_PAGE_SIZE),
					simplify: simplifyChatMessage,
				}),
			},
			{
				name: 'Get Messages by Phone Number',
				value: 'getMessagesByPhoneNumber',
				action: 'Get the messages exchanged with a phone number',
				description: 'List the previous messages exchanged with a customer phone number',
				routing: itemRouting('C30', {
					preSend: [sendPhoneNumberInBody('customerPhoneNumber', 'customerPhoneNumber')],
					pagination: pageLimitPaginator(CHAT_PAGE_SIZE),
					simplify: simplifyChatMessage,
				}),
			},
		],
		default: 'getAll',
	},
	...getAllDescription,
	...getMessagesDescription,
	...getMessagesByPhoneNumberDescription,
	...simplifyFields(showOnlyForChats),
];
