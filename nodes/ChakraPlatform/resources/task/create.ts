import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { attributePairs } from '../../../shared/process/body';
import {
	assigneeOption,
	attributePairsField,
	procedureField,
	statusOption,
} from '../../../shared/process/fields';

const showOnlyForTaskCreate = { resource: ['task'], operation: ['create'] };

/** preSend of C50: task attributes from the key/value list into `data` (only when given). */
export async function sendTaskData(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const data = attributePairs(this, 'taskData', 'Task Data');
	if (Object.keys(data).length) {
		const body = (
			typeof requestOptions.body === 'object' && requestOptions.body !== null
				? requestOptions.body
				: {}
		) as Record<string, unknown>;
		requestOptions.body = { ...body, data };
	}
	return requestOptions;
}

export const taskCreateDescription: INodeProperties[] = [
	procedureField(showOnlyForTaskCreate),
	{
		displayName: 'Process ID or Primary Key Value',
		name: 'processIdOrPrimaryKey',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'LEAD-000042',
		description:
			'The process the task belongs to: its UUID or the value of its primary key (e.g. a lead ID)',
		displayOptions: { show: showOnlyForTaskCreate },
	},
	{
		displayName: 'Task Type Name or ID',
		name: 'stateTaskShortId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStateTasks', loadOptionsDependsOn: ['procedureShortId'] },
		required: true,
		default: '',
		description:
			'The kind of task; the ID is its short ID, e.g. call or meeting. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: showOnlyForTaskCreate },
	},
	attributePairsField(showOnlyForTaskCreate, {
		name: 'taskData',
		displayName: 'Task Data',
		description: 'Attributes of the task by short ID, e.g. call_disposition or remarks',
	}),
	{
		displayName: 'Additional Fields',
		name: 'taskFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForTaskCreate },
		options: [
			assigneeOption({
				displayName: 'Assignee Name or ID',
				description:
					'User the task is assigned to; the ID is the username. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				sendToBody: true,
			}),
			statusOption({ description: 'COMPLETED logs a task that is already done', sendToBody: true }),
		],
	},
];
