/**
 * Parameters of the Chakra Trigger: set-up (register the URL in ChakraHQ, or paste it there),
 * media download and the event filters.
 */
import type { INodeProperties } from 'n8n-workflow';

import { outputBinaryField, pluginIdField, whatsappApiVersionField } from '../shared/fields';

const whenRegistering = { registerWebhook: [true] };

const setupProperties: INodeProperties[] = [
	{
		displayName: 'Accept Unsigned Pass-Through and Delivery-Status Deliveries',
		name: 'acceptUnsignedDeliveries',
		type: 'boolean',
		default: false,
		description:
			'Whether pass-through (Meta format) and delivery-status deliveries without a signature are accepted although the credential has a Webhook Signing Secret. Only for accounts where ChakraHQ does not sign those formats.',
	},
	{
		displayName:
			'Unsigned pass-through and delivery-status deliveries are accepted: anyone who knows this URL can start the workflow with one. Turn this off once ChakraHQ signs them.',
		name: 'signatureNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { acceptUnsignedDeliveries: [true] } },
	},
	{
		displayName: 'Register Webhook URL in ChakraHQ',
		name: 'registerWebhook',
		type: 'boolean',
		default: false,
		description:
			'Whether the trigger writes its URL into the WhatsApp plugin configuration when the workflow is activated (and restores the previous value when it is deactivated). Off: paste the URL into ChakraHQ yourself.',
	},
	{
		displayName:
			'Paste this node\'s Production URL (Webhook URLs, above) into ChakraHQ: on the WhatsApp Setup plugin page, in "pass-through webhook url for Meta events" for Meta-format events, or as the Chakra webhook URL for Chakra-format events, then Save. Use the Test URL instead while listening for a test event.',
		name: 'manualSetupNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registerWebhook: [false] } },
	},
	pluginIdField(whenRegistering),
	{
		displayName: 'Webhook',
		name: 'webhookTarget',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Chakra Webhook (Chakra Format)',
				value: 'chakra',
				description: 'Fills the Chakra webhook URL: one event per request, as {event, payload}',
			},
			{
				name: 'Pass-Through Webhook (Meta Format)',
				value: 'passThrough',
				description:
					'Fills the pass-through webhook URL for Meta events: every Meta event, including calls, groups and template updates',
			},
		],
		default: 'passThrough',
		description: "Which of the plugin's webhook URLs receives this node's URL",
		displayOptions: { show: whenRegistering },
	},
	{
		displayName: 'Chakra Webhook Events',
		name: 'chakraWebhookEvents',
		type: 'multiOptions',
		options: [
			{ name: 'Message', value: 'message', description: 'Inbound messages' },
			{ name: 'Message Echo', value: 'message_echo', description: 'Messages the business sent' },
			{
				name: 'SMB Message Echo',
				value: 'smb_message_echo',
				description: 'Messages sent from the WhatsApp Business app',
			},
			{ name: 'Status', value: 'status', description: 'Delivery statuses of sent messages' },
		],
		default: ['message', 'status'],
		description: 'Events ChakraHQ sends to the Chakra webhook',
		displayOptions: { show: { ...whenRegistering, webhookTarget: ['chakra'] } },
	},
	{
		displayName: 'Forward Message Echoes',
		name: 'forwardEchoes',
		type: 'boolean',
		default: false,
		description:
			'Whether ChakraHQ also forwards echoes of messages the business sent (e.g. from the WhatsApp Business app)',
		displayOptions: { show: { ...whenRegistering, webhookTarget: ['passThrough'] } },
	},
	{
		displayName: 'Forward Template Send Events',
		name: 'forwardTemplateSendEvents',
		type: 'boolean',
		default: false,
		description: 'Whether ChakraHQ also forwards an event when a template message is sent',
		displayOptions: { show: { ...whenRegistering, webhookTarget: ['passThrough'] } },
	},
	{
		displayName: 'Replace Existing URL',
		name: 'replaceExistingUrl',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace a URL of another receiver that is already set in ChakraHQ. Off: activation fails with an error instead. The replaced URL is restored when the workflow is deactivated.',
		displayOptions: { show: whenRegistering },
	},
];

const mediaProperties: INodeProperties[] = [
	{
		displayName: 'Download Media',
		name: 'downloadMedia',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the file of inbound images, videos, audio, documents and stickers as binary data. If a download fails the event is still emitted, with an "error" field.',
	},
	whatsappApiVersionField({ downloadMedia: [true] }),
	outputBinaryField({ downloadMedia: [true] }),
];

const optionProperties: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Delivery Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: [
				{ name: 'Delivered', value: 'delivered' },
				{ name: 'Failed', value: 'failed' },
				{ name: 'Read', value: 'read' },
				{ name: 'Sent', value: 'sent' },
			],
			default: [],
			description:
				'Only these statuses start the workflow (status and delivery status events). Empty: all.',
		},
		{
			displayName: 'Drop Duplicate Deliveries',
			name: 'dropDuplicates',
			type: 'boolean',
			default: true,
			description:
				'Whether a delivery of an event already received in the last 10 minutes (same message or call ID and same status) is dropped. Remembered per n8n process.',
		},
		{
			displayName: 'Ignore Echoes',
			name: 'ignoreEchoes',
			type: 'boolean',
			default: true,
			description:
				'Whether to drop echoes of messages the business itself sent, so that a workflow that replies does not trigger itself',
		},
		{
			displayName: 'Receiving Phone Numbers',
			name: 'phoneNumberIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Only events for these business phone numbers start the workflow; events that name no phone number are dropped. Empty: all. An expression gives an array or a comma-separated text of IDs.',
		},
		{
			displayName: 'Require Signature on All Deliveries',
			name: 'requireSignature',
			type: 'boolean',
			default: false,
			description:
				'Whether to refuse unsigned deliveries of every format even when unsigned pass-through and delivery-status deliveries are accepted (with a signing secret, every delivery needs the signature by default)',
		},
		{
			displayName: 'Trigger On',
			name: 'events',
			type: 'multiOptions',
			options: [
				{ name: 'Call', value: 'call', description: 'Call connect, terminate and status events' },
				{
					name: 'Delivery Status',
					value: 'deliveryStatus',
					description: 'Delivery-status webhook of template messages',
				},
				{
					name: 'Echo',
					value: 'echo',
					description: 'Echoes of messages the business sent (message_echo, smb_message_echo)',
				},
				{ name: 'Error', value: 'error', description: 'Errors that belong to no message' },
				{
					name: 'Group',
					value: 'group',
					description: 'Group lifecycle, participants, settings and status updates',
				},
				{ name: 'Message', value: 'message', description: 'Inbound messages' },
				{
					name: 'Status',
					value: 'status',
					description: 'Sent, delivered, read and failed statuses of sent messages',
				},
				{
					name: 'Template or Account Update',
					value: 'update',
					description: 'Template status, quality and account updates',
				},
				{
					name: 'Unknown',
					value: 'unknown',
					description: 'Deliveries in a shape the trigger does not recognise',
				},
			],
			default: [],
			description: 'Only these kinds of events start the workflow. Empty: all.',
		},
	],
};

export const triggerProperties: INodeProperties[] = [
	...setupProperties,
	...mediaProperties,
	optionProperties,
];
