import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { unwrapChakraData } from '../../../shared/envelope';
import { maxRetriesOf } from '../../../shared/request';
import { requirePluginId } from '../../../shared/pluginId';
import { chakraRequest } from '../../../shared/transport';
import { itemError } from '../../../shared/validation';

const showOnlyForPluginConfigUpdate = { resource: ['pluginConfig'], operation: ['update'] };

const URL_FIELDS: Record<string, string> = {
	passThroughWebhookUrl: 'Pass-Through Webhook URL',
	chakraWebhookUrl: 'Chakra Webhook URL',
};

const CHAKRA_WEBHOOK_EVENTS = ['message', 'status', 'message_echo', 'smb_message_echo'];

/** The event list as an array of known events (an expression may give "message, status"). */
function checkWebhookEvents(context: IExecuteSingleFunctions, value: unknown): string[] {
	const events = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((event) => String(event).trim())
		.filter((event) => event !== '');
	const unknown = events.filter((event) => !CHAKRA_WEBHOOK_EVENTS.includes(event));
	if (unknown.length) {
		throw itemError(
			context,
			'Chakra Webhook Events',
			`unknown event ${unknown.map((event) => `"${event}"`).join(', ')}`,
			`Use any of ${CHAKRA_WEBHOOK_EVENTS.join(', ')}.`,
		);
	}
	return [...new Set(events)];
}

/** The configuration each item wrote, kept for its output (the item's context lives for one request). */
const writtenConfig = new WeakMap<object, IDataObject>();

function checkWebhookUrl(context: IExecuteSingleFunctions, field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	// Empty removes the URL (documented on the field).
	if (text === '') return '';
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
		throw itemError(
			context,
			field,
			`"${text}" is not an http(s) URL`,
			'Use a full URL such as https://example.com/webhook/chakra.',
		);
	}
	return text;
}

/**
 * preSend of C38: reads the current configuration (C39), changes only the keys the user gave and
 * sends the whole object back, so settings this node does not know are kept (docs/api-reference.md C38).
 */
export async function mergeIntoCurrentPluginConfig(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const updateFields = this.getNodeParameter('updateFields', {}) as IDataObject;
	if (Object.keys(updateFields).length === 0) {
		throw itemError(
			this,
			'Update Fields',
			'nothing to update',
			'Add at least one setting to change.',
		);
	}
	const changes: IDataObject = { ...updateFields };
	for (const [key, label] of Object.entries(URL_FIELDS)) {
		if (key in changes) changes[key] = checkWebhookUrl(this, label, changes[key]);
	}
	if ('whichChakraWebhookEventsToSend' in changes) {
		changes.whichChakraWebhookEventsToSend = checkWebhookEvents(
			this,
			changes.whichChakraWebhookEventsToSend,
		);
	}
	const pluginId = await requirePluginId(this);
	const { body } = await chakraRequest(this, 'C39', {
		path: { pluginId },
		itemIndex: this.getItemIndex(),
		maxRetries: maxRetriesOf(this),
	});
	const current = unwrapChakraData(body);
	if (typeof current !== 'object' || current === null || Array.isArray(current)) {
		throw itemError(
			this,
			'pluginId',
			'ChakraHQ returned no configuration for this plugin, so nothing was changed',
		);
	}
	const merged: IDataObject = { ...(current as IDataObject), ...changes };
	if (merged.enableChakraWebhook === true && !merged.chakraWebhookUrl) {
		throw itemError(
			this,
			'Enable Chakra Webhook',
			'is on but the plugin has no Chakra Webhook URL',
			'Add the Chakra Webhook URL field.',
		);
	}
	writtenConfig.set(this, merged);
	requestOptions.body = merged;
	return requestOptions;
}

/** postReceive of C38: ChakraHQ's answer plus the configuration that was written. */
export async function addWrittenConfig(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const config = writtenConfig.get(this);
	return items.map((item) => ({ ...item, json: { ...item.json, config: config ?? null } }));
}

export const updateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description:
			'Only the settings added here change. The current configuration is read first and sent back with these changes, so nothing else is overwritten.',
		displayOptions: { show: showOnlyForPluginConfigUpdate },
		options: [
			{
				displayName: 'Chakra Webhook Events',
				name: 'whichChakraWebhookEventsToSend',
				type: 'multiOptions',
				options: [
					{ name: 'Message', value: 'message', description: 'Messages from customers' },
					{
						name: 'Message Echo',
						value: 'message_echo',
						description: 'Messages the business sent through ChakraHQ',
					},
					{
						name: 'SMB Message Echo',
						value: 'smb_message_echo',
						description: 'Messages sent from the WhatsApp Business app',
					},
					{ name: 'Status', value: 'status', description: 'Delivery statuses of sent messages' },
				],
				default: [],
				description: 'Which events the Chakra-format webhook receives',
			},
			{
				displayName: 'Chakra Webhook URL',
				name: 'chakraWebhookUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/webhook/chakra',
				description: 'URL that receives Chakra-format events. Leave empty to remove the URL.',
			},
			{
				displayName: 'Enable Chakra Webhook',
				name: 'enableChakraWebhook',
				type: 'boolean',
				default: false,
				description: 'Whether ChakraHQ sends Chakra-format events to the Chakra Webhook URL',
			},
			{
				displayName: 'Forward Message Echoes (Pass-Through)',
				name: 'enableMessageEchoesForPassThroughWebhook',
				type: 'boolean',
				default: false,
				description:
					'Whether the pass-through webhook also receives echoes of messages the business sent',
			},
			{
				displayName: 'Forward Template Send Events (Pass-Through)',
				name: 'enableSendMessageTemplateEventForPassThroughWebhook',
				type: 'boolean',
				default: false,
				description:
					'Whether the pass-through webhook also receives an event when a template message is sent',
			},
			{
				displayName: 'Pass-Through Webhook URL',
				name: 'passThroughWebhookUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/webhook/meta',
				description:
					'URL that receives the raw WhatsApp (Meta) events. Leave empty to remove the URL.',
			},
		],
	},
];
