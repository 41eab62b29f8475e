import type { INodeProperties } from 'n8n-workflow';

import { pluginIdField } from '../../../shared/fields';
import { operationRouting } from '../../../shared/request';
import { addWrittenConfig, mergeIntoCurrentPluginConfig, updateDescription } from './update';

const showOnlyForPluginConfig = { resource: ['pluginConfig'] };

export const pluginConfigDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPluginConfig },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the plugin configuration',
				description: 'Get the webhook settings of a WhatsApp plugin',
				routing: operationRouting('C39'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update the plugin configuration',
				description:
					'Change webhook settings of a WhatsApp plugin; settings not given keep their value',
				routing: operationRouting('C38', {
					preSend: [mergeIntoCurrentPluginConfig],
					postReceive: [addWrittenConfig],
				}),
			},
		],
		default: 'get',
	},
	pluginIdField(showOnlyForPluginConfig),
	// C39 takes only the plugin ID shared by the plugin configuration operations.
	...updateDescription,
];
