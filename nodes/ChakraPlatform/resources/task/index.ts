import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../../shared/request';
import { sendTaskData, taskCreateDescription } from './create';

const showOnlyForTasks = { resource: ['task'] };

export const taskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForTasks },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a task',
				description:
					'Create a task (call, meeting, …) on a process, or log one that is already done',
				routing: operationRouting('C50', { preSend: [sendTaskData] }),
			},
		],
		default: 'create',
	},
	...taskCreateDescription,
];
