import type { INodeProperties } from 'n8n-workflow';

import { whatsappPhoneNumberIdField } from '../../../shared/fields';
import { operationRouting } from '../../../shared/request';
import { permissionGetDescription, userWaIdQuery } from './get';

const showOnlyForPermissions = { resource: ['permission'] };

export const permissionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPermissions },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get call permission',
				description:
					'Whether the business may call a user now, and how many calls and permission requests are left',
				routing: operationRouting('C35', { preSend: [userWaIdQuery] }),
			},
		],
		default: 'get',
	},
	whatsappPhoneNumberIdField(showOnlyForPermissions),
	...permissionGetDescription,
];
