import type { INodeProperties } from 'n8n-workflow';

import { procedureField } from '../../../shared/process/fields';

const showOnlyForMessageSendTemplateForProcess = {
	resource: ['message'],
	operation: ['sendTemplateForProcess'],
};

// C1: the message goes to the phone number held by the process; both values are path segments.
export const sendTemplateForProcessDescription: INodeProperties[] = [
	procedureField(
		showOnlyForMessageSendTemplateForProcess,
		'Procedure of the process, such as lead or ticket. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	),
	{
		displayName: 'Process ID or Primary Key Value',
		name: 'primaryKeyOrId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'LEAD-004038',
		description:
			'The process UUID, or the value of its primary-key attribute. The template goes to the phone number of this process.',
		displayOptions: { show: showOnlyForMessageSendTemplateForProcess },
	},
];
