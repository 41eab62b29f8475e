import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { actionNodeProperties } from '../shared/actionNode';
import { getProcedureStates, getUsernames } from '../shared/methods/platformConfig';
import { codedOperations } from '../shared/codedRouting';
import { chakraRequestDefaults } from '../shared/request';
import { displayNameSubtitle } from '../shared/subtitle';
import { nodeDocumentationUrl } from '../shared/documentation';
import { campaignDescription } from './resources/campaign';
import { chatDescription } from './resources/chat';
import { leadDescription } from './resources/lead';
import { getLeadAttributeFields } from '../shared/process/lead';

const properties = actionNodeProperties(
	{
		options: [
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Chat', value: 'chat' },
			{ name: 'Lead', value: 'lead' },
		],
		default: 'lead',
	},
	[...leadDescription, ...chatDescription, ...campaignDescription],
);

export class ChakraCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chakra CRM',
		name: 'chakraCrm',
		icon: { light: 'file:../../icons/chakraCrm.svg', dark: 'file:../../icons/chakraCrm.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: displayNameSubtitle(properties),
		documentationUrl: nodeDocumentationUrl('ChakraCrm'),
		description:
			'Create and update ChakraHQ leads, read WhatsApp chats and messages, and manage lead campaigns',
		defaults: { name: 'Chakra CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chakraApi', required: true }],
		requestDefaults: chakraRequestDefaults,
		properties,
	};

	// Lists run their routing in the node (docs/DEVELOPING.md, "How an operation runs").
	customOperations = codedOperations(this.description.properties);

	methods = {
		loadOptions: { getProcedureStates, getUsernames },
		resourceMapping: { getLeadAttributeFields },
	};
}
