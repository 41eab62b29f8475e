import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { actionNodeProperties } from '../shared/actionNode';
import { searchBusinessAccounts } from '../shared/methods/listSearch';
import { chakraRequestDefaults } from '../shared/request';
import { displayNameSubtitle } from '../shared/subtitle';
import { nodeDocumentationUrl } from '../shared/documentation';
import { connectTokenDescription } from './resources/connectToken';
import { pluginConfigDescription } from './resources/pluginConfig';
import { wabaDescription } from './resources/waba';

const properties = actionNodeProperties(
	{
		options: [
			{ name: 'Connect Token', value: 'connectToken' },
			{ name: 'Plugin Configuration', value: 'pluginConfig' },
			{ name: 'WhatsApp Business Account', value: 'waba' },
		],
		default: 'connectToken',
	},
	[...connectTokenDescription, ...pluginConfigDescription, ...wabaDescription],
);

export class ChakraPartner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chakra Partner',
		name: 'chakraPartner',
		icon: {
			light: 'file:../../icons/chakraPartner.svg',
			dark: 'file:../../icons/chakraPartner.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: displayNameSubtitle(properties),
		documentationUrl: nodeDocumentationUrl('ChakraPartner'),
		description:
			"Onboard your customers' WhatsApp Business accounts into ChakraHQ and manage plugin webhooks and connected accounts",
		defaults: { name: 'Chakra Partner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chakraApi', required: true }],
		requestDefaults: chakraRequestDefaults,
		properties,
	};

	methods = {
		listSearch: { searchBusinessAccounts },
	};
}
