import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../../shared/request';
import { GROUP_WRITE_REQUEST } from '../writeBody';
import { inviteLinkGetDescription } from './get';
import { inviteLinkResetDescription } from './reset';

const showOnlyForInviteLinks = { resource: ['inviteLink'] };

export const inviteLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForInviteLinks },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a group invite link',
				description:
					'Get the link people open to join the group (participants cannot be added by API)',
				routing: operationRouting('C20'),
			},
			{
				name: 'Reset',
				value: 'reset',
				action: 'Reset a group invite link',
				description: 'Replace the invite link with a new one; the old link stops working',
				routing: operationRouting('C21', { request: GROUP_WRITE_REQUEST }),
			},
		],
		default: 'get',
	},
	...inviteLinkGetDescription,
	...inviteLinkResetDescription,
];
