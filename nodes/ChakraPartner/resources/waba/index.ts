import type { INodeProperties } from 'n8n-workflow';

import { pluginIdField, wabaIdField } from '../../../shared/fields';
import { operationRouting } from '../../../shared/request';
import { disconnectDescription, requireConfirmedWabaId } from './disconnect';

const showOnlyForWabas = { resource: ['waba'] };

export const wabaDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWabas },
		options: [
			{
				name: 'Disconnect',
				value: 'disconnect',
				action: 'Disconnect a business account',
				description:
					'Destructive: disconnect a WhatsApp Business Account from a plugin. Its numbers stop working in ChakraHQ until it is connected again.',
				routing: operationRouting('C40', { preSend: [requireConfirmedWabaId] }),
			},
		],
		default: 'disconnect',
	},
	pluginIdField(showOnlyForWabas),
	wabaIdField(showOnlyForWabas),
	...disconnectDescription,
];
