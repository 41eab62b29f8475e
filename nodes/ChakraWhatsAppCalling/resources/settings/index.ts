import type { INodeProperties } from 'n8n-workflow';

import { whatsappPhoneNumberIdField } from '../../../shared/fields';
import { operationRouting } from '../../../shared/request';
import { settingsGetDescription } from './get';
import { settingsUpdateDescription } from './update';
import { callingSettingsBody } from './updateBody';

const showOnlyForSettings = { resource: ['settings'] };

export const settingsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForSettings },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get calling settings',
				description:
					'Get the calling settings of a phone number: status, icon, callback permission, call hours, SIP',
				routing: operationRouting('C33'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update calling settings',
				description:
					'Turn calling on or off and set call hours, callback permission and SIP servers',
				routing: operationRouting('C34', { preSend: [callingSettingsBody] }),
			},
		],
		default: 'get',
	},
	whatsappPhoneNumberIdField(showOnlyForSettings),
	...settingsGetDescription,
	...settingsUpdateDescription,
];
