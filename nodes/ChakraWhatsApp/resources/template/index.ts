import type { INodeProperties } from 'n8n-workflow';

import { pluginIdField, wabaIdField, whatsappApiVersionField } from '../../../shared/fields';
import { itemRouting } from '../../../shared/codedRouting';
import { metaCursorPaginator } from '../../../shared/pagination';
import { operationRouting } from '../../../shared/request';
import { simplifyFields, simplifyTemplate } from '../../../shared/simplify';
import { createDescription, setCreateComponents } from './create';
import { getAllDescription } from './getAll';
import { setUpdateComponents, updateDescription } from './update';

const showOnlyForTemplates = { resource: ['template'] };

export const templateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForTemplates },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a template',
				description: 'Submit a new message template to WhatsApp for review',
				routing: operationRouting('C6', { preSend: [setCreateComponents] }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many templates',
				description: 'List the message templates of a WhatsApp Business Account',
				routing: itemRouting('C7', {
					pagination: metaCursorPaginator('data', 100),
					simplify: simplifyTemplate,
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a template',
				description: 'Change the components, category or time to live of a template',
				routing: operationRouting('C8', { preSend: [setUpdateComponents] }),
			},
		],
		default: 'getAll',
	},
	{
		...pluginIdField(showOnlyForTemplates),
		description:
			'ID of the WhatsApp plugin, only used to list the business accounts and templates below (…/admin/plugin/… in ChakraHQ). Not sent with the request. Empty: the Plugin ID of the Chakra API credential is used.',
	},
	wabaIdField({ ...showOnlyForTemplates, operation: ['create', 'getAll'] }),
	whatsappApiVersionField(showOnlyForTemplates),
	...createDescription,
	...getAllDescription,
	...updateDescription,
	...simplifyFields({ ...showOnlyForTemplates, operation: ['getAll'] }),
];
