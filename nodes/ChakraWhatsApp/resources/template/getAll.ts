import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../../shared/fields';
import { TEMPLATE_CATEGORIES } from './create';

const showOnlyForTemplateGetAll = { resource: ['template'], operation: ['getAll'] };

export const getAllDescription: INodeProperties[] = [
	...returnAllAndLimitFields(showOnlyForTemplateGetAll),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForTemplateGetAll },
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				default: 'UTILITY',
				options: TEMPLATE_CATEGORIES,
				routing: { send: { type: 'query', property: 'category' } },
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'en_US',
				routing: { send: { type: 'query', property: 'language' } },
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Templates whose name contains this text',
				routing: { send: { type: 'query', property: 'name' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'APPROVED',
				options: [
					{ name: 'Approved', value: 'APPROVED' },
					{ name: 'Deleted', value: 'DELETED' },
					{ name: 'Disabled', value: 'DISABLED' },
					{ name: 'In Appeal', value: 'IN_APPEAL' },
					{ name: 'Limit Exceeded', value: 'LIMIT_EXCEEDED' },
					{ name: 'Paused', value: 'PAUSED' },
					{ name: 'Pending', value: 'PENDING' },
					{ name: 'Pending Deletion', value: 'PENDING_DELETION' },
					{ name: 'Rejected', value: 'REJECTED' },
				],
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
];
