import type { INodeProperties } from 'n8n-workflow';

import { whatsappPhoneNumberIdField } from '../../../shared/fields';
import { metaCursorPaginator } from '../../../shared/pagination';
import { deletedResult } from '../../../shared/deleted';
import { operationRouting } from '../../../shared/request';
import { itemRouting } from '../../../shared/codedRouting';
import { simplifyFields, simplifyGroup } from '../../../shared/simplify';
import { GROUP_WRITE_REQUEST } from '../writeBody';
import { addGroupCreationNote, checkNewGroupTexts, groupCreateDescription } from './create';
import { groupDeleteDescription } from './delete';
import { groupGetDescription } from './get';
import { GROUPS_PAGE_SIZE, groupGetAllDescription } from './getAll';
import { groupSettingsBody, groupUpdateDescription } from './update';

const showOnlyForGroups = { resource: ['group'] };

export const groupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForGroups },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a group',
				description: 'Ask WhatsApp to create a group; its ID arrives later by webhook',
				routing: operationRouting('C15', {
					request: GROUP_WRITE_REQUEST,
					preSend: [checkNewGroupTexts],
					postReceive: [addGroupCreationNote],
				}),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a group',
				description: 'Delete a group; every participant is removed',
				routing: operationRouting('C19', { postReceive: [deletedResult] }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a group',
				description: 'Get the subject, description, participants and settings of a group',
				routing: operationRouting('C17', { simplify: simplifyGroup }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many groups',
				description: 'List the groups of a WhatsApp phone number',
				routing: itemRouting('C16', {
					pagination: metaCursorPaginator('data.groups', GROUPS_PAGE_SIZE),
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a group',
				description: 'Change the subject or description of a group',
				routing: operationRouting('C18', {
					request: GROUP_WRITE_REQUEST,
					preSend: [groupSettingsBody],
				}),
			},
		],
		default: 'create',
	},
	whatsappPhoneNumberIdField({ ...showOnlyForGroups, operation: ['create', 'getAll'] }),
	...groupCreateDescription,
	...groupGetAllDescription,
	...groupGetDescription,
	...groupUpdateDescription,
	...groupDeleteDescription,
	...simplifyFields({ ...showOnlyForGroups, operation: ['get'] }),
];
