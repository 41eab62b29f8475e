import type { INodeProperties } from 'n8n-workflow';

import { skipLimitPaginator } from '../../../shared/pagination';
import { deletedResult } from '../../../shared/deleted';
import { operationRouting } from '../../../shared/request';
import { itemRouting, withPreSendFirst } from '../../../shared/codedRouting';
import { sendCreateProcessBody, sendUpdateProcessBody } from '../../../shared/process/body';
import { simplifyFields, simplifyProcess } from '../../../shared/simplify';
import { processBulkCreateDescription } from './bulkCreate';
import { processBulkUpdateDescription } from './bulkUpdate';
import { processCreateDescription } from './create';
import { processDeleteDescription } from './delete';
import { processDeleteByPrimaryKeyDescription } from './deleteByPrimaryKey';
import { procedureField } from '../../../shared/process/fields';
import { processGetDescription } from './get';
import { processGetAllDescription } from './getAll';
import { fillPrimaryKeyShortId } from './primaryKey';
import { processUpdateDescription } from './update';
import { processUpdateByPrimaryKeyDescription } from './updateByPrimaryKey';
import { sendWhereQuery } from './where';

const showOnlyForProcesses = { resource: ['process'] };

export const processDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForProcesses },
		options: [
			{
				name: 'Bulk Create',
				value: 'bulkCreate',
				action: 'Create many processes',
				description:
					'Create one process per input item, in batched background jobs (optionally waiting for the outcome)',
			},
			{
				name: 'Bulk Update',
				value: 'bulkUpdate',
				action: 'Update many processes',
				description:
					'Update (or delete) one process per input item, in batched background jobs (optionally waiting for the outcome)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a process',
				description: 'Create a process of a procedure, e.g. a lead or a ticket',
				routing: operationRouting('C43', {
					preSend: [sendCreateProcessBody],
					simplify: simplifyProcess,
				}),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a process',
				description: 'Delete a process by its ID',
				routing: operationRouting('C46', { postReceive: [deletedResult] }),
			},
			{
				name: 'Delete by Primary Key',
				value: 'deleteByPrimaryKey',
				action: 'Delete a process by primary key',
				description:
					'Delete a process by the value of its primary key attribute, e.g. lead_id LEAD-001',
				routing: withPreSendFirst(
					operationRouting('C47', { postReceive: [deletedResult] }),
					fillPrimaryKeyShortId,
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a process',
				description: 'Get a process by its ID',
				routing: operationRouting('C41', { simplify: simplifyProcess }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many processes',
				description: 'List the processes of a procedure that match a filter',
				routing: itemRouting('C42', {
					preSend: [sendWhereQuery],
					pagination: skipLimitPaginator(100),
					simplify: simplifyProcess,
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a process',
				description: 'Update attributes, state, status or next action of a process by its ID',
				routing: operationRouting('C44', {
					preSend: [sendUpdateProcessBody],
					simplify: simplifyProcess,
				}),
			},
			{
				name: 'Update by Primary Key',
				value: 'updateByPrimaryKey',
				action: 'Update a process by primary key',
				description: 'Update a process found by the value of its primary key attribute',
				routing: withPreSendFirst(
					operationRouting('C45', { preSend: [sendUpdateProcessBody], simplify: simplifyProcess }),
					fillPrimaryKeyShortId,
				),
			},
		],
		default: 'get',
	},
	procedureField(showOnlyForProcesses),
	...processGetDescription,
	...processGetAllDescription,
	...processCreateDescription,
	...processUpdateDescription,
	...processUpdateByPrimaryKeyDescription,
	...processDeleteDescription,
	...processDeleteByPrimaryKeyDescription,
	...processBulkCreateDescription,
	...processBulkUpdateDescription,
	...simplifyFields({
		...showOnlyForProcesses,
		operation: ['create', 'get', 'getAll', 'update', 'updateByPrimaryKey'],
	}),
];
