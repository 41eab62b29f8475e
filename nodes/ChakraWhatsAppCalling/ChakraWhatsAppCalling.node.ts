import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { whatsappApiVersionField } from '../shared/fields';
import { actionNodeProperties } from '../shared/actionNode';
import { searchPhoneNumbers } from '../shared/methods/listSearch';
import { chakraRequestDefaults } from '../shared/request';
import { displayNameSubtitle } from '../shared/subtitle';
import { nodeDocumentationUrl } from '../shared/documentation';
import { callDescription } from './resources/call';
import { permissionDescription } from './resources/permission';
import { settingsDescription } from './resources/settings';

const properties = actionNodeProperties(
	{
		options: [
			{ name: 'Call', value: 'call' },
			{ name: 'Permission', value: 'permission' },
			{ name: 'Setting', value: 'settings' },
		],
		default: 'call',
	},
	[...callDescription, ...permissionDescription, ...settingsDescription, whatsappApiVersionField()],
);

export class ChakraWhatsAppCalling implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chakra WhatsApp Calling',
		name: 'chakraWhatsAppCalling',
		icon: {
			light: 'file:../../icons/chakraWhatsAppCalling.svg',
			dark: 'file:../../icons/chakraWhatsAppCalling.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: displayNameSubtitle(properties),
		documentationUrl: nodeDocumentationUrl('ChakraWhatsAppCalling'),
		description:
			'Configure WhatsApp Business calling, check call permissions and manage calls through ChakraHQ',
		defaults: { name: 'Chakra WhatsApp Calling' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chakraApi', required: true }],
		requestDefaults: chakraRequestDefaults,
		properties,
	};

	methods = {
		listSearch: { searchPhoneNumbers },
	};
}
