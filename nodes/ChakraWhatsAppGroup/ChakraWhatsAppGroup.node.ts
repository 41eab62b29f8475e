import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { whatsappApiVersionField } from '../shared/fields';
import { actionNodeProperties } from '../shared/actionNode';
import { searchPhoneNumbers } from '../shared/methods/listSearch';
import { codedOperations } from '../shared/codedRouting';
import { chakraRequestDefaults } from '../shared/request';
import { displayNameSubtitle } from '../shared/subtitle';
import { nodeDocumentationUrl } from '../shared/documentation';
import { getJoinRequests, getParticipants, searchGroups } from './methods';
import { groupDescription } from './resources/group';
import { inviteLinkDescription } from './resources/inviteLink';
import { joinRequestDescription } from './resources/joinRequest';
import { participantDescription } from './resources/participant';

const properties = actionNodeProperties(
	{
		options: [
			{ name: 'Group', value: 'group' },
			{ name: 'Invite Link', value: 'inviteLink' },
			{ name: 'Join Request', value: 'joinRequest' },
			{ name: 'Participant', value: 'participant' },
		],
		default: 'group',
	},
	[
		...groupDescription,
		...inviteLinkDescription,
		...joinRequestDescription,
		...participantDescription,
		whatsappApiVersionField(),
	],
);

export class ChakraWhatsAppGroup implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chakra WhatsApp Group',
		name: 'chakraWhatsAppGroup',
		icon: {
			light: 'file:../../icons/chakraWhatsAppGroup.svg',
			dark: 'file:../../icons/chakraWhatsAppGroup.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: displayNameSubtitle(properties),
		documentationUrl: nodeDocumentationUrl('ChakraWhatsAppGroup'),
		description:
			'Create and manage WhatsApp groups, their invite links, join requests and participants through ChakraHQ',
		defaults: { name: 'Chakra WhatsApp Group' },
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
		listSearch: { searchPhoneNumbers, searchGroups },
		loadOptions: { getJoinRequests, getParticipants },
	};
}
