import type { INodeProperties } from 'n8n-workflow';

import { nextPathPaginator } from '../../../shared/pagination';
import { operationRouting } from '../../../shared/request';
import { itemRouting } from '../../../shared/codedRouting';
import { backgroundJobGetDescription, jobWithEntryCounts } from './get';
import { backgroundJobGetEntriesDescription } from './getEntries';

const showOnlyForBackgroundJobs = { resource: ['backgroundJob'] };

export const backgroundJobDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForBackgroundJobs },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a background job',
				description:
					'Get a background job with the count of its entries per status and whether it is finished',
				routing: operationRouting('C59', { raw: true, postReceive: [jobWithEntryCounts] }),
			},
			{
				name: 'Get Entries',
				value: 'getEntries',
				action: 'Get the entries of a background job',
				description:
					'List the entries of a background job with the outcome of each (SUCCESS, ERROR, INVALID, NOT_STARTED)',
				routing: itemRouting('C60', { pagination: nextPathPaginator() }),
			},
		],
		default: 'get',
	},
	...backgroundJobGetDescription,
	...backgroundJobGetEntriesDescription,
];
