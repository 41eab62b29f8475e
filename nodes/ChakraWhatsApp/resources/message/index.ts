import type { INodeProperties } from 'n8n-workflow';

import {
	messagesPerSecondField,
	pluginIdField,
	whatsappApiVersionField,
	whatsappPhoneNumberIdField,
} from '../../../shared/fields';
import { itemRouting } from '../../../shared/codedRouting';
import { buildMarkAsReadBody, markAsReadDescription } from './markAsRead';
import { buildSessionMessageBody, sendDescription } from './send';
import { sendAndWaitDescription, sendAndWaitToolRouting } from './sendAndWait';
import { sendTemplateForProcessDescription } from './sendTemplateForProcess';
import { buildChakraTemplateBody, buildMetaTemplateBody } from './templateMessageBody';
import { templateMessageFields } from './templateMessageFields';

const showOnlyForMessages = { resource: ['message'] };

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForMessages },
		options: [
			{
				name: 'Mark as Read',
				value: 'markAsRead',
				action: 'Mark a message as read',
				description: 'Show blue ticks for a received message, optionally with a typing indicator',
				routing: itemRouting('C4', { preSend: [buildMarkAsReadBody] }),
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description:
					'Send a session message (text, media, location, contacts, reaction, buttons, list, CTA URL or raw JSON) inside the 24-hour customer service window',
				routing: itemRouting('C4', { preSend: [buildSessionMessageBody] }),
			},
			{
				name: 'Send and Wait for Response',
				value: 'sendAndWait',
				action: 'Send a message and wait for response',
				description:
					'Send a message with a button to approve, answer or fill in a form, and pause the workflow until the recipient responds',
				routing: sendAndWaitToolRouting,
			},
			{
				name: 'Send Template',
				value: 'sendTemplate',
				action: 'Send a template message',
				description:
					'Send an approved template to a phone number; returns the ChakraHQ chat message',
				routing: itemRouting('C2', { preSend: [buildChakraTemplateBody] }),
			},
			{
				name: 'Send Template for Process',
				value: 'sendTemplateForProcess',
				action: 'Send a template message for a process',
				description:
					'Send an approved template to the phone number of a ChakraHQ process (lead, ticket …)',
				routing: itemRouting('C1', { preSend: [buildChakraTemplateBody] }),
			},
			{
				name: 'Send Template (Meta Format)',
				value: 'sendTemplateMeta',
				// Not "in Meta format": n8n's lint wants sentence case and allows no capitalised word but the first.
				action: 'Send a template message with its components',
				description:
					'Send an approved template as a WhatsApp Cloud API template object; returns the WhatsApp message ID',
				routing: itemRouting('C3', { preSend: [buildMetaTemplateBody] }),
			},
		],
		default: 'sendTemplate',
	},
	pluginIdField(showOnlyForMessages),
	whatsappPhoneNumberIdField(showOnlyForMessages),
	whatsappApiVersionField({
		...showOnlyForMessages,
		operation: ['sendTemplateMeta', 'send', 'markAsRead', 'sendAndWait'],
	}),
	...sendTemplateForProcessDescription,
	// Send Template (C2) and Send Template (Meta Format) (C3): all their fields are in
	// templateMessageFields.ts.
	...templateMessageFields,
	...sendDescription,
	...markAsReadDescription,
	...sendAndWaitDescription,
	messagesPerSecondField(showOnlyForMessages),
];
