import type { INodeProperties } from 'n8n-workflow';

import { whatsappApiVersionField, whatsappPhoneNumberIdField } from '../../../shared/fields';
import { operationRouting } from '../../../shared/request';
import { checkBusinessPublicKey, setPublicKeyDescription } from './setPublicKey';

const showOnlyForFlows = { resource: ['flow'] };

export const flowDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForFlows },
		options: [
			{
				name: 'Get Public Key',
				value: 'getPublicKey',
				action: 'Get the flows public key',
				description: 'Get the business public key used for WhatsApp Flows and its signature status',
				routing: operationRouting('C14'),
			},
			{
				name: 'Set Public Key',
				value: 'setPublicKey',
				action: 'Set the flows public key',
				description: 'Upload the business public key used to encrypt WhatsApp Flows data',
				routing: operationRouting('C13', { preSend: [checkBusinessPublicKey] }),
			},
		],
		default: 'getPublicKey',
	},
	whatsappPhoneNumberIdField(showOnlyForFlows),
	whatsappApiVersionField(showOnlyForFlows),
	// C14 takes only the shared phone number and version fields.
	...setPublicKeyDescription,
];
