import type { INodeProperties } from 'n8n-workflow';

import { metaCursorPaginator } from '../../../shared/pagination';
import { operationRouting } from '../../../shared/request';
import { itemRouting } from '../../../shared/codedRouting';
import { GROUP_WRITE_REQUEST } from '../writeBody';
import { joinRequestApproveDescription, joinRequestsBody } from './approve';
import { JOIN_REQUESTS_PAGE_SIZE, joinRequestGetAllDescription } from './getAll';
import { joinRequestOutcome } from './outcome';
import { joinRequestRejectDescription } from './reject';

const showOnlyForJoinRequests = { resource: ['joinRequest'] };

export const joinRequestDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForJoinRequests },
		options: [
			{
				name: 'Approve',
				value: 'approve',
				action: 'Approve join requests',
				description:
					'Let one or more people who asked to join into the group; lists which were approved and which failed',
				routing: operationRouting('C23', {
					request: GROUP_WRITE_REQUEST,
					preSend: [joinRequestsBody],
					raw: true,
					postReceive: [joinRequestOutcome('approved')],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many join requests',
				description: 'List the pending requests to join a group',
				routing: itemRouting('C22', {
					pagination: metaCursorPaginator('data', JOIN_REQUESTS_PAGE_SIZE),
				}),
			},
			{
				name: 'Reject',
				value: 'reject',
				action: 'Reject join requests',
				description:
					'Turn down one or more requests to join; lists which were rejected and which failed',
				routing: operationRouting('C24', {
					request: GROUP_WRITE_REQUEST,
					preSend: [joinRequestsBody],
					raw: true,
					postReceive: [joinRequestOutcome('rejected')],
				}),
			},
		],
		default: 'getAll',
	},
	...joinRequestGetAllDescription,
	...joinRequestApproveDescription,
	...joinRequestRejectDescription,
];
