import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { maxResponseSizeField, maxRetriesField } from '../shared/fields';
import { searchBusinessAccounts } from '../shared/methods/listSearch';
import { chakraRequestDefaults, withOptionValueChecks } from '../shared/request';
import { withDisplayNameSubtitle } from '../shared/subtitle';
import { connectTokenDescription } from './resources/connectToken';
import { pluginConfigDescription } from './resources/pluginConfig';
import { wabaDescription } from './resources/waba';

export class ChakraPartner implements INodeType {
	description: INodeTypeDescription = withDisplayNameSubtitle({
		displayName: 'Chakra Partner',
		name: 'chakraPartner',
		icon: { light: 'file:../../icons/chakra.svg', dark: 'file:../../icons/chakra.dark.svg' },
		group: ['output'],
		version: 1,
		description:
			'Onboard your customers\' WhatsApp Business accounts into ChakraHQ and manage plugin webhooks and connected accounts',
		defaults: { name: 'Chakra Partner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chakraApi', required: true }],
		requestDefaults: chakraRequestDefaults,
		properties: withOptionValueChecks([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Connect Token', value: 'connectToken' },
					{ name: 'Plugin Configuration', value: 'pluginConfig' },
					{ name: 'WhatsApp Business Account', value: 'waba' },
				],
				default: 'connectToken',
			},
			...connectTokenDescription,
			...pluginConfigDescription,
			...wabaDescription,
			maxRetriesField,
			maxResponseSizeField,
		]),
	});

	methods = {
		listSearch: { searchBusinessAccounts },
	};
}
