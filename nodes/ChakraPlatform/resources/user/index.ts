import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../../shared/request';
import { simplifyFields, simplifyUser } from '../../../shared/simplify';
import { itemRouting, withPreSendFirst } from '../../../shared/codedRouting';
import { humanizedEndpoint } from './fields';
import { userGetDescription } from './get';
import { checkListSettings } from '../../../shared/pagination';
import { keepUpToLimit, userGetAllDescription } from './getAll';
import { requireNameChange, userUpdateDescription } from './update';

const showOnlyForUsers = { resource: ['user'] };

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForUsers },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				description: 'Get a user of the team (optionally humanized)',
				routing: withPreSendFirst(
					operationRouting('C53', { simplify: simplifyUser }),
					humanizedEndpoint('C54'),
				),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				description: 'List the users of the team (optionally humanized)',
				routing: withPreSendFirst(
					itemRouting('C51', {
						preSend: [checkListSettings],
						postReceive: [keepUpToLimit],
						simplify: simplifyUser,
					}),
					humanizedEndpoint('C52'),
				),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a user',
				description: 'Change the first or last name of a user',
				routing: operationRouting('C55', { preSend: [requireNameChange], simplify: simplifyUser }),
			},
		],
		default: 'get',
	},
	...userGetDescription,
	...userGetAllDescription,
	...userUpdateDescription,
	...simplifyFields(showOnlyForUsers),
];
