/**
 * Send (C4/C5): a session message of any type. The fields of each message type are in the file of
 * that type in this folder; this file holds the recipient, the message type and the body builder.
 */
import type { IDataObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { limitedText, locationFrom, trimmedText } from '../../../../shared/checks';
import { recipientPhoneNumberField } from '../../../../shared/fields';
import type { ItemFunctions } from '../../../../shared/itemFunctions';
import {
	itemError,
	normalizeParameter,
	parseJsonField,
	requirePhoneNumber,
} from '../../../../shared/validation';
import type { MediaKind } from '../../media/publicMedia';
import { ctaUrlInteractive, listInteractive, replyButtonsInteractive } from '../interactive';
import { MEDIA_TYPES, show, showOnlyForMessageSend, TEXT_MAX } from './common';
import { contactCards, contactsFields } from './contacts';
import { interactiveFields } from './interactive';
import { locationFields } from './location';
import { mediaFields, mediaObject } from './media';
import { rawJsonFields } from './rawJson';
import { reactionFields } from './reaction';
import { textFields } from './text';

export const sendDescription: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'recipientType',
		type: 'options',
		default: 'individual',
		options: [
			{ name: 'Phone Number', value: 'individual', description: 'One WhatsApp user' },
			{
				name: 'Group',
				value: 'group',
				description: 'A WhatsApp group of this business phone number',
			},
		],
		displayOptions: show(),
	},
	recipientPhoneNumberField(undefined, {
		displayOptions: {
			show: { ...showOnlyForMessageSend, recipientType: ['individual'] },
			hide: { messageType: ['rawJson'] },
		},
	}),
	recipientPhoneNumberField(undefined, {
		required: false,
		description:
			'Recipient, used when the JSON has no "to". International format with the country code, e.g. 919911223344.',
		displayOptions: {
			show: { ...showOnlyForMessageSend, recipientType: ['individual'], messageType: ['rawJson'] },
		},
	}),
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
		description: 'ID of the WhatsApp group, from Chakra WhatsApp Group > Get Many',
		displayOptions: { show: { ...showOnlyForMessageSend, recipientType: ['group'] } },
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		noDataExpression: true,
		default: 'text',
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'Contacts', value: 'contacts', description: 'One or more contact cards' },
			{
				name: 'CTA URL Button',
				value: 'interactiveCtaUrl',
				description: 'Text with one button that opens a URL',
			},
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{
				name: 'List',
				value: 'interactiveList',
				description: 'Text with a menu of up to 10 rows in sections',
			},
			{ name: 'Location', value: 'location' },
			{ name: 'Raw JSON', value: 'rawJson', description: 'Any WhatsApp Cloud API message body' },
			{ name: 'Reaction', value: 'reaction', description: 'An emoji reaction to a message' },
			{
				name: 'Reply Buttons',
				value: 'interactiveButtons',
				description: 'Text with up to 3 quick-reply buttons',
			},
			{ name: 'Sticker', value: 'sticker' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
		displayOptions: show(),
	},
	...textFields,
	...mediaFields,
	...locationFields,
	...contactsFields,
	...reactionFields,
	...interactiveFields,
	...rawJsonFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForMessageSend, hide: { messageType: ['rawJson'] } },
		options: [
			{
				displayName: 'Reply To Message ID',
				name: 'replyToMessageId',
				type: 'string',
				default: '',
				placeholder: 'wamid.HBgMOTE5OTAxMjU4NDMzFQIAEhgUM0VCMDM3RjlEQTNDQTBEMjQ2Q275',
				description:
					'WhatsApp ID (wamid) of a message to quote: the message is sent as a reply to it',
			},
			{
				displayName: 'Callback Data',
				name: 'bizOpaqueCallbackData',
				type: 'string',
				default: '',
				description:
					'Text of your own that comes back in the status webhooks of this message (up to 512 characters)',
			},
		],
	},
];

/** `to` (and `recipient_type` for a group) from the Send To fields. */
function recipient(context: ItemFunctions, optional: boolean): IDataObject {
	if (context.getNodeParameter('recipientType', 'individual') === 'group') {
		const raw = context.getNodeParameter('groupId', '') as unknown;
		if (
			optional &&
			(raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
		)
			return { recipient_type: 'group' };
		return { recipient_type: 'group', to: normalizeParameter(context, 'groupId', raw) };
	}
	const raw = context.getNodeParameter('phoneNumber', '');
	if (optional && trimmedText(raw) === '') return {};
	return { to: requirePhoneNumber(context, 'phoneNumber', raw) };
}

/** The `type` and the object named by it, for every message type but raw JSON. */
async function messageContent(context: ItemFunctions, messageType: string): Promise<IDataObject> {
	if ((MEDIA_TYPES as string[]).includes(messageType)) {
		return {
			type: messageType,
			[messageType]: await mediaObject(context, messageType as MediaKind),
		};
	}
	switch (messageType) {
		case 'text': {
			const body = limitedText(context, 'Text', context.getNodeParameter('textBody', ''), TEXT_MAX);
			if (body === '') throw itemError(context, 'Text', 'is required but empty');
			return {
				type: 'text',
				text: { body, preview_url: context.getNodeParameter('previewUrl', false) === true },
			};
		}
		case 'location':
			return {
				type: 'location',
				location: locationFrom(context, {
					latitude: 'latitude',
					longitude: 'longitude',
					name: 'locationName',
					address: 'locationAddress',
				}),
			};
		case 'contacts':
			return { type: 'contacts', contacts: contactCards(context) };
		case 'reaction': {
			const messageId = trimmedText(context.getNodeParameter('reactionMessageId', ''));
			if (messageId === '') throw itemError(context, 'Message ID', 'is required but empty');
			return {
				type: 'reaction',
				reaction: {
					message_id: messageId,
					emoji: trimmedText(context.getNodeParameter('emoji', '')),
				},
			};
		}
		case 'interactiveButtons':
			return { type: 'interactive', interactive: replyButtonsInteractive(context) };
		case 'interactiveList':
			return { type: 'interactive', interactive: listInteractive(context) };
		case 'interactiveCtaUrl':
			return { type: 'interactive', interactive: ctaUrlInteractive(context) };
		default:
			throw itemError(
				context,
				'Message Type',
				`"${messageType}" is not a message type of this node`,
			);
	}
}

/** Raw JSON: any Cloud API body; `messaging_product` and the recipient are filled in when missing. */
function rawMessageBody(context: ItemFunctions): IDataObject {
	const parsed = parseJsonField(context, 'JSON Body', context.getNodeParameter('rawJson', ''));
	if (Array.isArray(parsed))
		throw itemError(context, 'JSON Body', 'must be a JSON object (one message), not an array');
	const body: IDataObject = { messaging_product: 'whatsapp', ...parsed };
	// A read receipt has no recipient; every other body needs one.
	if (body.to === undefined && body.status === undefined) {
		const to = recipient(context, true);
		if (to.to === undefined) {
			throw itemError(
				context,
				context.getNodeParameter('recipientType', 'individual') === 'group'
					? 'groupId'
					: 'phoneNumber',
				'is required when the JSON has no "to"',
			);
		}
		Object.assign(body, { ...to, ...parsed });
	}
	return body;
}

/** preSend of C4/C5: the session message body for the chosen type, checked before sending. */
export async function buildSessionMessageBody(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const messageType = this.getNodeParameter('messageType', 'text') as string;
	if (messageType === 'rawJson') {
		requestOptions.body = rawMessageBody(this);
		return requestOptions;
	}
	const to = recipient(this, false);
	const content = await messageContent(this, messageType);
	const additional = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const replyTo = trimmedText(additional.replyToMessageId);
	const callbackData = trimmedText(additional.bizOpaqueCallbackData);
	requestOptions.body = {
		messaging_product: 'whatsapp',
		...to,
		...content,
		...(replyTo ? { context: { message_id: replyTo } } : {}),
		...(callbackData
			? { biz_opaque_callback_data: limitedText(this, 'Callback Data', callbackData, 512) }
			: {}),
	};
	return requestOptions;
}
