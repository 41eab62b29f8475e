import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../../shared/request';
import { configGetDescription, configSection } from './get';

const showOnlyForConfig = { resource: ['config'] };

export const configDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForConfig },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the configuration',
				description:
					'Get the data model of the team: procedures, states, attributes, task types, roles, pods, …',
				routing: operationRouting('C61', { raw: true, postReceive: [configSection] }),
			},
		],
		default: 'get',
	},
	...configGetDescription,
];
