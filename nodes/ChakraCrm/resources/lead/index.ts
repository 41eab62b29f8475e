import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../../shared/request';
import { createDescription, setLeadCreateBody } from './create';
import { setLeadUpdateBody, updateByPhoneNumberDescription } from './updateByPhoneNumber';

const showOnlyForLeads = { resource: ['lead'] };

export const leadDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForLeads },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a lead',
				description: 'Create a lead with its name, phone number, email and lead attributes',
				routing: operationRouting('C26', { preSend: [setLeadCreateBody] }),
			},
			{
				name: 'Update by Phone Number',
				value: 'updateByPhoneNumber',
				action: 'Update a lead by phone number',
				description:
					'Change the fields of the lead that has this phone number; fields not given keep their value',
				routing: operationRouting('C27', { preSend: [setLeadUpdateBody] }),
			},
		],
		default: 'create',
	},
	...createDescription,
	...updateByPhoneNumberDescription,
];
