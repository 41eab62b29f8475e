import type { IDataObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';
import { itemError, parseJsonField, requirePhoneNumber } from '../../../shared/validation';
import { limitedText, locationFrom, trimmedText } from '../../../shared/checks';
import type { MediaKind } from '../media/publicMedia';
import { requireHttpUrl, uploadBinaryForMessage } from '../media/publicMedia';
import { ctaUrlInteractive, listInteractive, replyButtonsInteractive } from './interactive';
import type { ItemFunctions } from '../../../shared/itemFunctions';

const showOnlyForMessageSend = { resource: ['message'], operation: ['send'] };
const MEDIA_TYPES: MediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];
const INTERACTIVE_TYPES = ['interactiveButtons', 'interactiveList', 'interactiveCtaUrl'];
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;

const show = (extra: IDataObject = {}) => ({ show: { ...showOnlyForMessageSend, ...extra } });

export const sendDescription: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'recipientType',
		type: 'options',
		default: 'individual',
		options: [
			{ name: 'Phone Number', value: 'individual', description: 'One WhatsApp user' },
			{ name: 'Group', value: 'group', description: 'A WhatsApp group of this business phone number' },
		],
		displayOptions: show(),
	},
	recipientPhoneNumberField(undefined, {
		displayOptions: { show: { ...showOnlyForMessageSend, recipientType: ['individual'] }, hide: { messageType: ['rawJson'] } },
	}),
	recipientPhoneNumberField(undefined, {
		required: false,
		description: 'Recipient, used when the JSON has no "to". International format with the country code, e.g. 919911223344.',
		displayOptions: { show: { ...showOnlyForMessageSend, recipientType: ['individual'], messageType: ['rawJson'] } },
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
			{ name: 'CTA URL Button', value: 'interactiveCtaUrl', description: 'Text with one button that opens a URL' },
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'List', value: 'interactiveList', description: 'Text with a menu of up to 10 rows in sections' },
			{ name: 'Location', value: 'location' },
			{ name: 'Raw JSON', value: 'rawJson', description: 'Any WhatsApp Cloud API message body' },
			{ name: 'Reaction', value: 'reaction', description: 'An emoji reaction to a message' },
			{ name: 'Reply Buttons', value: 'interactiveButtons', description: 'Text with up to 3 quick-reply buttons' },
			{ name: 'Sticker', value: 'sticker' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
		displayOptions: show(),
	},
	// Text
	{
		displayName: 'Text',
		name: 'textBody',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Message text, up to 4096 characters. WhatsApp formatting such as *bold* and _italic_ works.',
		displayOptions: show({ messageType: ['text'] }),
	},
	{
		displayName: 'Show Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first link in the text',
		displayOptions: show({ messageType: ['text'] }),
	},
	// Media
	{
		displayName: 'Media Source',
		name: 'mediaSource',
		type: 'options',
		default: 'link',
		options: [
			{ name: 'Binary Field', value: 'binary', description: 'A file of the input item, uploaded to ChakraHQ public media first' },
			{ name: 'Link', value: 'link', description: 'A public URL WhatsApp downloads' },
			{ name: 'Media ID', value: 'id', description: 'The ID of media already on WhatsApp' },
		],
		displayOptions: show({ messageType: MEDIA_TYPES }),
	},
	{
		displayName: 'Media Link',
		name: 'mediaLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://chakra-public-media.chakrahq.com/…/photo.jpg',
		displayOptions: show({ messageType: MEDIA_TYPES, mediaSource: ['link'] }),
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1037543291543636',
		displayOptions: show({ messageType: MEDIA_TYPES, mediaSource: ['id'] }),
	},
	{
		displayName: 'Input Binary Field',
		name: 'mediaBinaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to send',
		description: 'The file is checked against WhatsApp\'s types and sizes for the message type, uploaded through ChakraHQ, then sent by its public link',
		displayOptions: show({ messageType: MEDIA_TYPES, mediaSource: ['binary'] }),
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Text shown under the media, up to 1024 characters',
		displayOptions: show({ messageType: ['image', 'video', 'document'] }),
	},
	{
		displayName: 'File Name',
		name: 'documentFilename',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		description: 'File name shown to the recipient. Empty: the binary file name, if any.',
		displayOptions: show({ messageType: ['document'] }),
	},
	// Location
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 },
		required: true,
		default: 0,
		displayOptions: show({ messageType: ['location'] }),
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 },
		required: true,
		default: 0,
		displayOptions: show({ messageType: ['location'] }),
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
		displayOptions: show({ messageType: ['location'] }),
	},
	{
		displayName: 'Location Address',
		name: 'locationAddress',
		type: 'string',
		default: '',
		displayOptions: show({ messageType: ['location'] }),
	},
	// Contacts
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact',
		default: {},
		displayOptions: show({ messageType: ['contacts'] }),
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{
						displayName: 'Company',
						name: 'company',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
					{
						displayName: 'First Name',
						name: 'firstName',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Formatted Name',
						name: 'formattedName',
						type: 'string',
						default: '',
							required:	true,
						placeholder: 'Asha Rao',
					},
					{
						displayName: 'Last Name',
						name: 'lastName',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: '+91 99112 23344',
					},
					{
						displayName: 'Phone Type',
						name: 'phoneType',
						type: 'options',
						default: 'CELL',
						options: [
							{
								name: 'Cell',
								value: 'CELL',
							},
							{
								name: 'Home',
								value: 'HOME',
							},
							{
								name: 'iPhone',
								value: 'IPHONE',
							},
							{
								name: 'Main',
								value: 'MAIN',
							},
							{
								name: 'Work',
								value: 'WORK',
							},
						]
					},
					{
						displayName: 'WhatsApp ID',
						name: 'waId',
						type: 'string',
						default: '',
						description: 'WhatsApp ID of the phone, adds the \'Message\' button on the card',
					},
			],
			},
		],
	},
	// Reaction
	{
		displayName: 'Message ID',
		name: 'reactionMessageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wamid.HBgMOTE5OTAxMjU4NDMzFQIAEhgUM0VCMDM3RjlEQTNDQTBEMjQ2Q275',
		description: 'WhatsApp ID (wamid) of the message to react to',
		displayOptions: show({ messageType: ['reaction'] }),
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '👍',
		description: 'One emoji. Empty removes an earlier reaction.',
		displayOptions: show({ messageType: ['reaction'] }),
	},
	// Interactive
	{
		displayName: 'Header Text',
		name: 'interactiveHeader',
		type: 'string',
		default: '',
		description: 'Optional title above the text, up to 60 characters',
		displayOptions: show({ messageType: INTERACTIVE_TYPES }),
	},
	{
		displayName: 'Body Text',
		name: 'interactiveBody',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'Message text, up to 1024 characters (4096 for a list)',
		displayOptions: show({ messageType: INTERACTIVE_TYPES }),
	},
	{
		displayName: 'Footer Text',
		name: 'interactiveFooter',
		type: 'string',
		default: '',
		description: 'Optional small text below, up to 60 characters',
		displayOptions: show({ messageType: INTERACTIVE_TYPES }),
	},
	{
		displayName: 'Buttons',
		name: 'replyButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, maxAllowedFields: 3 },
		placeholder: 'Add Button',
		default: {},
		description: 'Up to 3 buttons. The ID of the tapped button comes back in the reply (as the button reply ID in the Chakra Trigger output).',
		displayOptions: show({ messageType: ['interactiveButtons'] }),
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{ displayName: 'ID', name: 'id', type: 'string', default: '', required: true, placeholder: 'confirm', description: 'Unique, up to 256 characters' },
					{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, placeholder: 'Confirm', description: 'Shown on the button, up to 20 characters' },
				],
			},
		],
	},
	{
		displayName: 'List Button Text',
		name: 'listButtonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'See options',
		description: 'Text of the button that opens the list, up to 20 characters',
		displayOptions: show({ messageType: ['interactiveList'] }),
	},
	{
		displayName: 'Sections',
		name: 'listSections',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Section',
		default: {},
		description: 'Up to 10 sections and 10 rows in all; a title is needed for each section when there are several',
		displayOptions: show({ messageType: ['interactiveList'] }),
		options: [
			{
				displayName: 'Section',
				name: 'section',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 24 characters' },
					{
						displayName: 'Rows',
						name: 'rows',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Row',
						default: {},
						options: [
							{
								displayName: 'Row',
								name: 'row',
								values: [
									{ displayName: 'ID', name: 'id', type: 'string', default: '', required: true, description: 'Unique, up to 200 characters; comes back in the reply as the list reply ID' },
									{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, description: 'Up to 24 characters' },
									{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Up to 72 characters' },
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Button Text',
		name: 'ctaDisplayText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Track order',
		description: 'Text of the button, up to 20 characters',
		displayOptions: show({ messageType: ['interactiveCtaUrl'] }),
	},
	{
		displayName: 'Button URL',
		name: 'ctaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://shop.example.com/track/A123',
		displayOptions: show({ messageType: ['interactiveCtaUrl'] }),
	},
	// Raw JSON
	{
		displayName: 'JSON Body',
		name: 'rawJson',
		type: 'json',
		required: true,
		default: '{\n  "type": "text",\n  "text": { "body": "Hello" }\n}',
		description:
			'Any WhatsApp Cloud API message body. messaging_product and to are filled in when missing (to from the recipient above).',
		displayOptions: show({ messageType: ['rawJson'] }),
	},
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
				description: 'WhatsApp ID (wamid) of a message to quote: the message is sent as a reply to it',
			},
			{
				displayName: 'Callback Data',
				name: 'bizOpaqueCallbackData',
				type: 'string',
				default: '',
				description: 'Text of your own that comes back in the status webhooks of this message (up to 512 characters)',
			},
		],
	},
];



/** `to` (and `recipient_type` for a group) from the Send To fields. */
function recipient(context: ItemFunctions, optional: boolean): IDataObject {
	if (context.getNodeParameter('recipientType', 'individual') === 'group') {
		const groupId = trimmedText(context.getNodeParameter('groupId', ''));
		if (groupId === '') {
			if (optional) return { recipient_type: 'group' };
			throw itemError(context, 'groupId', 'is required but empty');
		}
		return { recipient_type: 'group', to: groupId };
	}
	const raw = context.getNodeParameter('phoneNumber', '');
	if (optional && trimmedText(raw) === '') return {};
	return { to: requirePhoneNumber(context, 'phoneNumber', raw) };
}

async function mediaObject(context: ItemFunctions, kind: MediaKind): Promise<IDataObject> {
	const source = context.getNodeParameter('mediaSource', 'link');
	const result: IDataObject = {};
	let fileName: string | undefined;
	if (source === 'id') {
		const id = trimmedText(context.getNodeParameter('mediaId', ''));
		if (id === '') throw itemError(context, 'Media ID', 'is required but empty');
		result.id = id;
	} else if (source === 'binary') {
		const uploaded = await uploadBinaryForMessage(context, 'mediaBinaryPropertyName', kind, 'Input Binary Field');
		result.link = uploaded.url;
		fileName = uploaded.fileName;
	} else {
		result.link = requireHttpUrl(context, 'Media Link', context.getNodeParameter('mediaLink', ''));
	}
	if (kind === 'image' || kind === 'video' || kind === 'document') {
		const caption = limitedText(context, 'Caption', context.getNodeParameter('caption', ''), CAPTION_MAX);
		if (caption !== '') result.caption = caption;
	}
	if (kind === 'document') {
		const filename = trimmedText(context.getNodeParameter('documentFilename', '')) || fileName;
		if (filename) result.filename = filename;
	}
	return result;
}


function contactCards(context: ItemFunctions): IDataObject[] {
	const contacts = ((context.getNodeParameter('contacts', {}) as IDataObject).contact ?? []) as IDataObject[];
	if (contacts.length === 0) throw itemError(context, 'Contacts', 'add at least one contact');
	return contacts.map((contact, index) => {
		const formattedName = trimmedText(contact.formattedName);
		if (formattedName === '') throw itemError(context, `Contact ${index + 1} Formatted Name`, 'is required but empty');
		const card: IDataObject = {
			name: {
				formatted_name: formattedName,
				...(trimmedText(contact.firstName) ? { first_name: trimmedText(contact.firstName) } : {}),
				...(trimmedText(contact.lastName) ? { last_name: trimmedText(contact.lastName) } : {}),
			},
		};
		if (trimmedText(contact.phone) !== '') {
			const waId = trimmedText(contact.waId);
			card.phones = [
				{
					phone: trimmedText(contact.phone),
					type: trimmedText(contact.phoneType) || 'CELL',
					...(waId ? { wa_id: requirePhoneNumber(context, `Contact ${index + 1} WhatsApp ID`, waId) } : {}),
				},
			];
		}
		if (trimmedText(contact.email) !== '') card.emails = [{ email: trimmedText(contact.email), type: 'WORK' }];
		if (trimmedText(contact.company) !== '') card.org = { company: trimmedText(contact.company) };
		return card;
	});
}

/** The `type` and the object named by it, for every message type but raw JSON. */
async function messageContent(context: ItemFunctions, messageType: string): Promise<IDataObject> {
	if ((MEDIA_TYPES as string[]).includes(messageType)) {
		return { type: messageType, [messageType]: await mediaObject(context, messageType as MediaKind) };
	}
	switch (messageType) {
		case 'text': {
			const body = limitedText(context, 'Text', context.getNodeParameter('textBody', ''), TEXT_MAX);
			if (body === '') throw itemError(context, 'Text', 'is required but empty');
			return { type: 'text', text: { body, preview_url: context.getNodeParameter('previewUrl', false) === true } };
		}
		case 'location':
			return {
				type: 'location',
				location: locationFrom(context, { latitude: 'latitude', longitude: 'longitude', name: 'locationName', address: 'locationAddress' }),
			};
		case 'contacts':
			return { type: 'contacts', contacts: contactCards(context) };
		case 'reaction': {
			const messageId = trimmedText(context.getNodeParameter('reactionMessageId', ''));
			if (messageId === '') throw itemError(context, 'Message ID', 'is required but empty');
			return { type: 'reaction', reaction: { message_id: messageId, emoji: trimmedText(context.getNodeParameter('emoji', '')) } };
		}
		case 'interactiveButtons':
			return { type: 'interactive', interactive: replyButtonsInteractive(context) };
		case 'interactiveList':
			return { type: 'interactive', interactive: listInteractive(context) };
		case 'interactiveCtaUrl':
			return { type: 'interactive', interactive: ctaUrlInteractive(context) };
		default:
			throw itemError(context, 'Message Type', `"${messageType}" is not a message type of this node`);
	}
}

/** Raw JSON: any Cloud API body; `messaging_product` and the recipient are filled in when missing. */
function rawMessageBody(context: ItemFunctions): IDataObject {
	const parsed = parseJsonField(context, 'JSON Body', context.getNodeParameter('rawJson', ''));
	if (Array.isArray(parsed)) throw itemError(context, 'JSON Body', 'must be a JSON object (one message), not an array');
	const body: IDataObject = { messaging_product: 'whatsapp', ...parsed };
	// A read receipt has no recipient; every other body needs one.
	if (body.to === undefined && body.status === undefined) {
		const to = recipient(context, true);
		if (to.to === undefined) {
			throw itemError(context, context.getNodeParameter('recipientType', 'individual') === 'group' ? 'groupId' : 'phoneNumber', 'is required when the JSON has no "to"');
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
		...(callbackData ? { biz_opaque_callback_data: limitedText(this, 'Callback Data', callbackData, 512) } : {}),
	};
	return requestOptions;
}
