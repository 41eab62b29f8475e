import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../../shared/fields';

const showOnlyForChatGetAll = { resource: ['chat'], operation: ['getAll'] };

export const getAllDescription: INodeProperties[] = [
	...returnAllAndLimitFields(showOnlyForChatGetAll),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForChatGetAll },
		options: [
			{
				displayName: 'Order By',
				name: 'orderField',
				type: 'options',
				options: [
					{ name: 'Created At', value: 'createdAt' },
					{ name: 'Updated At', value: 'updatedAt' },
				],
				default: 'createdAt',
				description: 'Field the chats are sorted by',
				routing: { send: { type: 'body', property: 'orderField' } },
			},
			{
				displayName: 'Order Direction',
				name: 'orderDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'desc',
				description: 'Whether the oldest or the newest chats come first',
				routing: { send: { type: 'body', property: 'orderDirection' } },
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: '919911223344',
				description: 'Free text the chats must match, e.g. a contact name or phone number',
				routing: { send: { type: 'body', property: 'search' } },
			},
		],
	},
];
