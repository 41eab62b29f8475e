import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../../shared/request';
import { addConnectUrl, createDescription, setConnectTokenTarget } from './create';

const showOnlyForConnectTokens = { resource: ['connectToken'] };

export const connectTokenDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForConnectTokens },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a connect token',
				description:
					"Create a token, and the link to ChakraHQ's hosted page, with which your customer connects their WhatsApp Business account",
				routing: operationRouting('C37', {
					preSend: [setConnectTokenTarget],
					postReceive: [addConnectUrl],
				}),
			},
		],
		default: 'create',
	},
	...createDescription,
];
