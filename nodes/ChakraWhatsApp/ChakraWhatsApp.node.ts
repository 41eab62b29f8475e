import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { maxRetriesField } from '../shared/fields';
import { searchBusinessAccounts, searchPhoneNumbers } from '../shared/methods/listSearch';
import { chakraRequestDefaults } from '../shared/request';
import { flowDescription } from './resources/flow';

export class ChakraWhatsApp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chakra WhatsApp',
		name: 'chakraWhatsApp',
		icon: { light: 'file:../../icons/chakra.svg', dark: 'file:../../icons/chakra.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp template and session messages and manage templates, media and flows through ChakraHQ',
		defaults: { name: 'Chakra WhatsApp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chakraApi', required: true }],
		requestDefaults: chakraRequestDefaults,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Flow', value: 'flow' }],
				default: 'flow',
			},
			...flowDescription,
			maxRetriesField,
		],
	};

	methods = {
		listSearch: { searchPhoneNumbers, searchBusinessAccounts },
	};
}
