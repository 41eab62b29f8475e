import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { codedOperations, mergeOperations } from '../shared/codedRouting';
import { actionNodeProperties } from '../shared/actionNode';
import { searchBusinessAccounts, searchPhoneNumbers } from '../shared/methods/listSearch';
import { getProcedures } from '../shared/methods/platformConfig';
import { searchTemplateIds, searchTemplates } from '../shared/methods/templates';
import { getTemplateVariables } from '../shared/methods/templateVariables';
import { chakraRequestDefaults, requestOptionsField } from '../shared/request';
import { SEND_AND_WAIT_TOOLTIP } from '../shared/sendAndWaitFields';
import { sendAndWaitWebhook, sendAndWaitWebhooks } from '../shared/sendAndWaitWebhook';
import { displayNameSubtitle } from '../shared/subtitle';
import { nodeDocumentationUrl } from '../shared/documentation';
import { flowDescription } from './resources/flow';
import { mediaDescription } from './resources/media';
import { messageDescription } from './resources/message';
import { sendAndWaitOperation } from './resources/message/sendAndWait';
import { templateDescription } from './resources/template';

const properties = actionNodeProperties(
	{
		options: [
			{ name: 'Flow', value: 'flow' },
			{ name: 'Media', value: 'media' },
			{ name: 'Message', value: 'message' },
			{ name: 'Template', value: 'template' },
		],
		default: 'message',
	},
	[...messageDescription, ...templateDescription, ...mediaDescription, ...flowDescription],
	[requestOptionsField],
);

export class ChakraWhatsApp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chakra WhatsApp',
		name: 'chakraWhatsApp',
		icon: {
			light: 'file:../../icons/chakraWhatsApp.svg',
			dark: 'file:../../icons/chakraWhatsApp.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: displayNameSubtitle(properties),
		documentationUrl: nodeDocumentationUrl('ChakraWhatsApp'),
		description:
			'Send WhatsApp template and session messages and manage templates, media and flows through ChakraHQ',
		defaults: { name: 'Chakra WhatsApp' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chakraApi', required: true }],
		// Send and Wait: the waiting webhook that the message's link opens (never registered on activation).
		webhooks: sendAndWaitWebhooks,
		waitingNodeTooltip: SEND_AND_WAIT_TOOLTIP,
		requestDefaults: chakraRequestDefaults,
		properties,
	};

	// Message sends and lists run their routing in the node (docs/DEVELOPING.md, "How an operation runs").
	customOperations = mergeOperations(codedOperations(this.description.properties), {
		message: { sendAndWait: sendAndWaitOperation(this.description.properties) },
	});

	webhook = sendAndWaitWebhook;

	methods = {
		listSearch: { searchPhoneNumbers, searchBusinessAccounts, searchTemplates, searchTemplateIds },
		loadOptions: { getProcedures },
		resourceMapping: { getTemplateVariables },
	};
}
