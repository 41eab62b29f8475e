/**
 * The bad-input table: for each of the six action nodes, parameter sets that must be refused before
 * anything is sent to ChakraHQ, with the exact message the user sees. Valid parameter sets come
 * from the node tests in test/nodes; each row changes one thing.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { FAKE_IDS } from '../fake-chakra';
import { binaryProperty } from '../harness';
import { templateVariablesValue } from '../harness/templateVariables';

export type ActionNode =
	| 'chakraWhatsApp'
	| 'chakraWhatsAppGroup'
	| 'chakraWhatsAppCalling'
	| 'chakraCrm'
	| 'chakraPartner'
	| 'chakraPlatform';

export const ACTION_NODES: ActionNode[] = [
	'chakraWhatsApp',
	'chakraWhatsAppGroup',
	'chakraWhatsAppCalling',
	'chakraCrm',
	'chakraPartner',
	'chakraPlatform',
];

export interface BadInputCase {
	node: ActionNode;
	/** What is wrong, for the test name. */
	description: string;
	/** C-id of the operation's own endpoint: no request may reach it. */
	cid: string;
	parameters: INodeParameters;
	input?: INodeExecutionData[];
	/** `<Field Label>: <what is wrong>`, exactly. */
	expectedMessage: string;
	/** The error's description; default `Fix the "<Field Label>" field for item 0.` */
	expectedDescription?: string;
	/**
	 * C-ids the operation legitimately calls before it can validate (a configuration read such as
	 * C39 before a plugin configuration is merged). Empty/absent: no request at all may be made.
	 */
	lookups?: string[];
}

/** The message JSON.parse gives for `text` on this runtime (the nodes quote it in their errors). */
export function jsonParseMessage(text: string): string {
	try {
		JSON.parse(text);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`${text} is valid JSON`);
}

/** The message node:crypto gives when `pem` is read as a public key (quoted by Flow > Set Public Key). */
export function publicKeyParseMessage(pem: string): string {
	try {
		createPublicKey(pem);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('the PEM is a readable key');
}

/** The default description of a field error for item 0. */
export function fixField(label: string): string {
	return `Fix the "${label}" field for item 0.`;
}

/**
 * An expression that gives empty text. A literal empty required field never runs (n8n refuses the
 * workflow with WorkflowHasIssuesError before the node starts); an expression that evaluates to
 * nothing reaches the node, and that is what the node itself must catch.
 */
const EMPTY = '={{ "" }}';
const BROKEN_SDP_JSON = '{"sdp_type": "answer", ';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

/** nodes/shared/pluginId.ts: neither the node nor the credential has a Plugin ID. */
const PLUGIN_ID_MISSING = 'Plugin ID: is empty in the node and in the credential';
const PLUGIN_ID_WHERE =
	'It is the last part of the URL of the WhatsApp Setup page in ChakraHQ (…/admin/plugin/<Plugin ID>), a UUID such as 3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f.';
const PLUGIN_ID_MISSING_HINT = `Enter the Plugin ID in the node's "Plugin ID" field, or once in the Chakra API credential's "Plugin ID" for every node. ${PLUGIN_ID_WHERE}`;
const PHONE_HINT =
	'Use the international format with the country code and 8 to 15 digits, for example 919911223344 or +91 99112 23344.';
const NO_BINARY_HINT =
	'This item has no binary data. Add a node that reads or downloads a file before this one.';
const URL_HINT =
	'Use a public https:// link to the file, for example one returned by Media > Upload.';
const UUID_HINT = 'Use a UUID such as 3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f.';
const OFFER = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';

const ecPublicKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
	.publicKey.export({ type: 'spki', format: 'pem' })
	.toString()
	.trim();
const NOT_A_KEY = '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----';

const pdf = () => [
	{
		json: {},
		binary: {
			data: binaryProperty(Buffer.from('%PDF-1.7\n%fake'), 'application/pdf', 'invoice.pdf'),
		},
	},
];
const png = () => [
	{
		json: {},
		binary: { data: binaryProperty(Buffer.from('\x89PNG\r\n\x1a\nfake'), 'image/png', 'pic.png') },
	},
];

/** A resource mapper value as the n8n editor saves it (message.template.test.ts). */

// --- Chakra WhatsApp -------------------------------------------------------------------------

const send = (extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	pluginId: FAKE_IDS.pluginId,
	whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
	whatsappApiVersion: 'v24.0',
	phoneNumber: FAKE_IDS.customerPhone,
	messageType: 'text',
	textBody: 'Hello',
	...extra,
});

const sendTemplate = (extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplate',
	pluginId: FAKE_IDS.pluginId,
	whatsappPhoneNumberId: fromList(FAKE_IDS.phoneNumberId),
	phoneNumber: FAKE_IDS.customerPhone,
	templateName: fromList('hello_world|en_US'),
	...extra,
});

const whatsApp: BadInputCase[] = [
	{
		node: 'chakraWhatsApp',
		description: 'message send: empty recipient phone number',
		cid: 'C4',
		parameters: send({ phoneNumber: EMPTY }),
		expectedMessage: 'Phone Number: "" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: a 5-digit phone number',
		cid: 'C4',
		parameters: send({ phoneNumber: '12345' }),
		expectedMessage: 'Phone Number: "12345" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send to a group: empty group ID',
		cid: 'C4',
		parameters: send({ recipientType: 'group', groupId: EMPTY }),
		expectedMessage: 'Group ID: is required but empty',
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: raw JSON that does not parse',
		cid: 'C4',
		parameters: send({ messageType: 'rawJson', rawJson: '{"type": "text", "text": {' }),
		expectedMessage: `JSON Body: is not valid JSON (${jsonParseMessage('{"type": "text", "text": {')})`,
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: raw JSON that is an array',
		cid: 'C4',
		parameters: send({ messageType: 'rawJson', rawJson: '[{"type": "text"}]' }),
		expectedMessage: 'JSON Body: must be a JSON object (one message), not an array',
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: image from a binary property the item does not have',
		cid: 'C4',
		parameters: send({
			messageType: 'image',
			mediaSource: 'binary',
			mediaBinaryPropertyName: 'photo',
		}),
		input: [{ json: {} }],
		expectedMessage: 'Input Binary Field: item 0 has no binary property "photo"',
		expectedDescription: NO_BINARY_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: a PDF as an image (nothing uploaded through C9 either)',
		cid: 'C4',
		parameters: send({
			messageType: 'image',
			mediaSource: 'binary',
			mediaBinaryPropertyName: 'data',
		}),
		input: pdf(),
		expectedMessage:
			'Input Binary Field: the file "invoice.pdf" is application/pdf, which WhatsApp does not accept for image messages',
		expectedDescription: 'Accepted types for image: image/jpeg, image/png.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: a PNG as a sticker',
		cid: 'C4',
		parameters: send({
			messageType: 'sticker',
			mediaSource: 'binary',
			mediaBinaryPropertyName: 'data',
		}),
		input: png(),
		expectedMessage:
			'Input Binary Field: the file "pic.png" is image/png, which WhatsApp does not accept for sticker messages',
		expectedDescription: 'Accepted types for sticker: image/webp.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: media link that is not a URL',
		cid: 'C4',
		parameters: send({ messageType: 'image', mediaSource: 'link', mediaLink: 'photo.jpg' }),
		expectedMessage: 'Media Link: "photo.jpg" is not a URL',
		expectedDescription: URL_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: a list with 11 sections (Meta allows 10)',
		cid: 'C4',
		parameters: send({
			messageType: 'interactiveList',
			interactiveBody: 'Menu',
			listButtonText: 'Open',
			listSections: {
				section: Array.from({ length: 11 }, (_, index) => ({
					title: `Section ${index}`,
					rows: { row: [{ id: `r${index}`, title: 'Row' }] },
				})),
			},
		}),
		expectedMessage: 'Sections: has 11 sections, WhatsApp allows at most 10',
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: a phone number that an expression gives as the number 12',
		cid: 'C4',
		parameters: send({ phoneNumber: '={{ 12 }}' }),
		expectedMessage: 'Phone Number: "12" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: latitude 91',
		cid: 'C4',
		parameters: send({ messageType: 'location', latitude: 91, longitude: 77.59 }),
		expectedMessage: 'Latitude: "91" is not a number between -90 and 90',
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: a 21-character button title',
		cid: 'C4',
		parameters: send({
			messageType: 'interactiveButtons',
			interactiveBody: 'Pick one',
			replyButtons: { button: [{ id: 'yes', title: 'x'.repeat(21) }] },
		}),
		expectedMessage: 'Button 1 Title: has 21 characters, WhatsApp allows at most 20',
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: a list with 11 rows (Meta allows 10)',
		cid: 'C4',
		parameters: send({
			messageType: 'interactiveList',
			interactiveBody: 'Menu',
			listButtonText: 'Open',
			listSections: {
				section: [
					{
						title: 'All',
						rows: {
							row: Array.from({ length: 11 }, (_, index) => ({
								id: `r${index}`,
								title: `Row ${index}`,
							})),
						},
					},
				],
			},
		}),
		expectedMessage: 'Sections: have 11 rows in all, WhatsApp allows at most 10',
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: CTA button URL with ftp://',
		cid: 'C4',
		parameters: send({
			messageType: 'interactiveCtaUrl',
			interactiveBody: 'Track',
			ctaDisplayText: 'Track',
			ctaUrl: 'ftp://shop.example.com/t',
		}),
		expectedMessage: 'Button URL: "ftp://shop.example.com/t" must start with https:// or http://',
		expectedDescription:
			'Use the full address of the page, for example https://shop.example.com/orders/A123.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'message send: text over 4096 characters',
		cid: 'C4',
		parameters: send({ textBody: 'a'.repeat(4097) }),
		expectedMessage: 'Text: has 4097 characters, WhatsApp allows at most 4096',
	},
	{
		node: 'chakraWhatsApp',
		description: 'mark as read: empty message ID',
		cid: 'C4',
		parameters: {
			resource: 'message',
			operation: 'markAsRead',
			pluginId: FAKE_IDS.pluginId,
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			messageId: '  ',
		},
		expectedMessage: 'Message ID: is required but empty',
	},
	{
		node: 'chakraWhatsApp',
		description: 'send template (C2): letters as the phone number in the path',
		cid: 'C2',
		parameters: sendTemplate({ phoneNumber: 'call me' }),
		expectedMessage: 'Phone Number: "call me" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description: 'send template (C2): empty plugin ID',
		cid: 'C2',
		parameters: sendTemplate({ pluginId: EMPTY }),
		expectedMessage: PLUGIN_ID_MISSING,
		expectedDescription: PLUGIN_ID_MISSING_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description: 'send template (C2): a template variable left empty',
		cid: 'C2',
		parameters: sendTemplate({
			templateName: fromList('christmas_promo_23|en_US'),
			templateVariables: templateVariablesValue({ 'body:1': 'John', 'body:2': ' ' }),
		}),
		expectedMessage: 'Template Variables: body:2 is empty',
		expectedDescription:
			'Every variable of a template needs a value: WhatsApp rejects a template message with an empty one.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'send template (Meta format, C3): empty recipient',
		cid: 'C3',
		parameters: sendTemplate({
			operation: 'sendTemplateMeta',
			whatsappApiVersion: 'v24.0',
			phoneNumber: EMPTY,
		}),
		expectedMessage: 'Phone Number: "" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description: 'send template (Meta format, C3): a template by name without a language',
		cid: 'C3',
		parameters: sendTemplate({
			operation: 'sendTemplateMeta',
			whatsappApiVersion: 'v24.0',
			templateName: { __rl: true, mode: 'name', value: 'hello_world' },
		}),
		expectedMessage: 'Language: is required for a template entered by name',
		expectedDescription:
			'Choose the template from the list (it carries its language), or set Options > Language, for example en_US.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'template create: components JSON that does not parse',
		cid: 'C6',
		parameters: {
			resource: 'template',
			operation: 'create',
			wabaId: byId(FAKE_IDS.wabaId),
			name: 'order_update_2',
			category: 'UTILITY',
			language: 'en_US',
			componentsSource: 'json',
			componentsJson: '[{"type": "BODY", "text": }]',
		},
		expectedMessage: `Components (JSON): is not valid JSON (${jsonParseMessage('[{"type": "BODY", "text": }]')})`,
	},
	{
		node: 'chakraWhatsApp',
		description: 'template create: a name with capitals and spaces',
		cid: 'C6',
		parameters: {
			resource: 'template',
			operation: 'create',
			wabaId: byId(FAKE_IDS.wabaId),
			name: 'Order Update',
			category: 'UTILITY',
			language: 'en_US',
			bodyText: 'Hello',
		},
		expectedMessage: 'Name: "Order Update" is not a valid template name',
		expectedDescription: 'Use lowercase letters, digits and underscores only, e.g. order_update.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'template update with nothing to change',
		cid: 'C8',
		parameters: {
			resource: 'template',
			operation: 'update',
			whatsappMessageTemplateId: byId(FAKE_IDS.templateIdOrderUpdate),
			componentsSource: 'none',
			updateFields: {},
		},
		expectedMessage: 'Update Fields: nothing to update',
		expectedDescription:
			'Choose new Components, or add a Category, Message Time to Live or Parameter Format under Update Fields.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'template get many: Limit "abc" from an expression',
		cid: 'C7',
		parameters: {
			resource: 'template',
			operation: 'getAll',
			wabaId: byId(FAKE_IDS.wabaId),
			returnAll: false,
			limit: '={{ "abc" }}',
		},
		expectedMessage: 'Limit: "abc" is not a whole number of 1 or more',
	},
	{
		node: 'chakraWhatsApp',
		description: 'flow set public key: text that is not a PEM',
		cid: 'C13',
		parameters: {
			resource: 'flow',
			operation: 'setPublicKey',
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			businessPublicKey: 'my public key',
		},
		expectedMessage:
			'Business Public Key: must be a PEM public key starting with -----BEGIN PUBLIC KEY-----',
	},
	{
		node: 'chakraWhatsApp',
		description: 'flow set public key: PEM armour around bytes that are not a key',
		cid: 'C13',
		parameters: {
			resource: 'flow',
			operation: 'setPublicKey',
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			businessPublicKey: NOT_A_KEY,
		},
		expectedMessage: `Business Public Key: is not a readable public key (${publicKeyParseMessage(NOT_A_KEY)})`,
	},
	{
		node: 'chakraWhatsApp',
		description: 'flow set public key: an EC key instead of 2048-bit RSA',
		cid: 'C13',
		parameters: {
			resource: 'flow',
			operation: 'setPublicKey',
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			businessPublicKey: ecPublicKey,
		},
		expectedMessage: 'Business Public Key: must be a 2048-bit RSA key, got ec',
	},
	{
		node: 'chakraWhatsApp',
		description: 'media upload: binary property missing on the item',
		cid: 'C9',
		parameters: {
			resource: 'media',
			operation: 'upload',
			pluginId: FAKE_IDS.pluginId,
			binaryPropertyName: 'file',
		},
		input: png(),
		expectedMessage: 'Input Binary Field: item 0 has no binary property "file"',
		expectedDescription: 'Binary properties on this item: data.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'media upload: empty plugin ID',
		cid: 'C9',
		parameters: {
			resource: 'media',
			operation: 'upload',
			pluginId: ' ',
			binaryPropertyName: 'data',
		},
		input: png(),
		expectedMessage: PLUGIN_ID_MISSING,
		expectedDescription: PLUGIN_ID_MISSING_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description: 'media upload: binary field name empty',
		cid: 'C9',
		parameters: {
			resource: 'media',
			operation: 'upload',
			pluginId: FAKE_IDS.pluginId,
			binaryPropertyName: EMPTY,
		},
		input: png(),
		expectedMessage: 'Input Binary Field: is required but empty',
	},
	{
		node: 'chakraWhatsApp',
		description: 'media get: empty media ID',
		cid: 'C11',
		parameters: {
			resource: 'media',
			operation: 'get',
			whatsappApiVersion: 'v24.0',
			whatsappMediaId: EMPTY,
		},
		expectedMessage: 'Media ID: is required but empty',
	},
	{
		node: 'chakraWhatsApp',
		description: 'media download attachment: lookaside URL without mid',
		cid: 'C12',
		parameters: {
			resource: 'media',
			operation: 'downloadAttachment',
			whatsappApiVersion: 'v24.0',
			attachmentSource: 'url',
			lookasideUrl: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?ext=1729230548',
		},
		expectedMessage: 'Lookaside URL: has no mid parameter',
		expectedDescription:
			'Use the media URL of a received message, which looks like https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…',
	},
];

// --- Chakra WhatsApp Group --------------------------------------------------------------------

const group: BadInputCase[] = [
	{
		node: 'chakraWhatsAppGroup',
		description: 'group create: a 129-character subject',
		cid: 'C15',
		parameters: {
			resource: 'group',
			operation: 'create',
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			subject: 's'.repeat(129),
		},
		expectedMessage: 'Subject: has 129 characters; WhatsApp allows at most 128',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'group create: a 2049-character description',
		cid: 'C15',
		parameters: {
			resource: 'group',
			operation: 'create',
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			subject: 'Support',
			description: 'd'.repeat(2049),
		},
		expectedMessage: 'Description: has 2049 characters; WhatsApp allows at most 2048',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'group create: empty phone number ID',
		cid: 'C15',
		parameters: {
			resource: 'group',
			operation: 'create',
			whatsappPhoneNumberId: byId(EMPTY),
			subject: 'Support',
		},
		expectedMessage: 'WhatsApp Phone Number ID: is required but empty',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'group update with nothing to change',
		cid: 'C18',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: byId(FAKE_IDS.groupId),
			updateFields: {},
		},
		expectedMessage: 'Update Fields: add the Subject or the Description to change',
		expectedDescription: 'Nothing would change: add at least one field under "Update Fields".',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'group update: a 129-character subject',
		cid: 'C18',
		parameters: {
			resource: 'group',
			operation: 'update',
			groupId: byId(FAKE_IDS.groupId),
			updateFields: { subject: 'x'.repeat(129) },
		},
		expectedMessage: 'Subject: has 129 characters; WhatsApp allows at most 128',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'group get: empty group ID',
		cid: 'C17',
		parameters: { resource: 'group', operation: 'get', groupId: byId(EMPTY) },
		expectedMessage: 'Group ID: is required but empty',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'group delete: blank group ID from an expression',
		cid: 'C19',
		parameters: { resource: 'group', operation: 'delete', groupId: byId('={{ "  " }}') },
		expectedMessage: 'Group ID: is required but empty',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'invite link reset: empty group ID',
		cid: 'C21',
		parameters: { resource: 'inviteLink', operation: 'reset', groupId: byId(EMPTY) },
		expectedMessage: 'Group ID: is required but empty',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'join request approve: only separators as IDs',
		cid: 'C23',
		parameters: {
			resource: 'joinRequest',
			operation: 'approve',
			groupId: byId(FAKE_IDS.groupId),
			joinRequestIds: '={{ " , " }}',
		},
		expectedMessage: 'Join Requests: is required but empty',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'participant remove: a value that is neither a phone number nor a WhatsApp ID',
		cid: 'C25',
		parameters: {
			resource: 'participant',
			operation: 'remove',
			groupId: byId(FAKE_IDS.groupId),
			participants: '={{ "919911223344, bob smith!" }}',
		},
		expectedMessage: 'Participants: "bob smith!" is neither a phone number nor a WhatsApp user ID',
		expectedDescription:
			'Give phone numbers with the country code (919911223344, +91 99112 23344) or WhatsApp IDs, separated by commas or as an array.',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'participant remove: a phone number with too few digits',
		cid: 'C25',
		parameters: {
			resource: 'participant',
			operation: 'remove',
			groupId: byId(FAKE_IDS.groupId),
			participants: ['+91 123'],
		},
		expectedMessage: 'Participants: "+91 123" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'participant remove: an expression giving objects instead of IDs',
		cid: 'C25',
		parameters: {
			resource: 'participant',
			operation: 'remove',
			groupId: byId(FAKE_IDS.groupId),
			participants: '={{ [{ user: "919911223344" }] }}',
		},
		expectedMessage: 'Participants: contains {"user":"919911223344"}, which is not an ID',
		expectedDescription:
			'Give IDs as text: a list, an array of strings or a comma-separated string.',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'join request get many: Limit "abc" from an expression',
		cid: 'C22',
		parameters: {
			resource: 'joinRequest',
			operation: 'getAll',
			groupId: byId(FAKE_IDS.groupId),
			returnAll: false,
			limit: '={{ "abc" }}',
		},
		expectedMessage: 'Limit: "abc" is not a whole number of 1 or more',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'group get many: Limit "abc" from an expression',
		cid: 'C16',
		parameters: {
			resource: 'group',
			operation: 'getAll',
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			returnAll: false,
			limit: '={{ "abc" }}',
		},
		expectedMessage: 'Limit: "abc" is not a whole number of 1 or more',
	},
];

// --- Chakra WhatsApp Calling ------------------------------------------------------------------

const call = (operation: string, extra: INodeParameters): INodeParameters => ({
	resource: 'call',
	operation,
	whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
	...extra,
});
const settingsUpdate = (extra: INodeParameters): INodeParameters => ({
	resource: 'settings',
	operation: 'update',
	whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
	...extra,
});

const calling: BadInputCase[] = [
	{
		node: 'chakraWhatsAppCalling',
		description: 'call connect: empty phone number',
		cid: 'C36',
		parameters: call('connect', { phoneNumber: EMPTY, sdpOffer: OFFER }),
		expectedMessage: 'Phone Number: "" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'call connect: an SDP answer where an offer is needed',
		cid: 'C36',
		parameters: call('connect', {
			phoneNumber: FAKE_IDS.customerPhone,
			sdpOffer: JSON.stringify({ sdp_type: 'answer', sdp: OFFER }),
		}),
		expectedMessage:
			'SDP Offer: has sdp_type "answer", but this action needs an SDP offer (sdp_type "offer")',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'call connect: an SDP offer that an expression leaves empty',
		cid: 'C36',
		parameters: call('connect', { phoneNumber: FAKE_IDS.customerPhone, sdpOffer: EMPTY }),
		expectedMessage: 'SDP Offer: is required but empty',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'call accept: an SDP offer where an answer is needed',
		cid: 'C36',
		parameters: call('accept', {
			callId: FAKE_IDS.callId,
			sdpAnswer: JSON.stringify({ sdp_type: 'offer', sdp: OFFER }),
		}),
		expectedMessage:
			'SDP Answer: has sdp_type "offer", but this action needs an SDP answer (sdp_type "answer")',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'call accept: SDP text that does not start with v=0',
		cid: 'C36',
		parameters: call('accept', { callId: FAKE_IDS.callId, sdpAnswer: 'o=- 1 2 IN IP4 127.0.0.1' }),
		expectedMessage: 'SDP Answer: is not an SDP answer: it must start with "v=0"',
		expectedDescription:
			'Paste the answer created by your WebRTC stack (RFC 8866 text that starts with v=0), or the JSON object {"sdp_type": "answer", "sdp": "v=0..."}.',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'call pre-accept: SDP that looks like JSON but does not parse',
		cid: 'C36',
		parameters: call('preAccept', { callId: FAKE_IDS.callId, sdpAnswer: BROKEN_SDP_JSON }),
		expectedMessage: `SDP Answer: looks like JSON but is not valid JSON (${jsonParseMessage(BROKEN_SDP_JSON)})`,
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'call terminate: empty call ID',
		cid: 'C36',
		parameters: call('terminate', { callId: EMPTY }),
		expectedMessage: 'Call ID: is required but empty',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'permission get: letters as the user phone number',
		cid: 'C35',
		parameters: {
			resource: 'permission',
			operation: 'get',
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			userWaId: 'customer',
		},
		expectedMessage: 'User Phone Number: "customer" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'settings update: JSON that does not parse',
		cid: 'C34',
		parameters: settingsUpdate({
			settingsInput: 'json',
			settingsJson: '{"calling": {"status": ENABLED}}',
		}),
		expectedMessage: `Settings (JSON): is not valid JSON (${jsonParseMessage('{"calling": {"status": ENABLED}}')})`,
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'settings update: an empty JSON object',
		cid: 'C34',
		parameters: settingsUpdate({ settingsInput: 'json', settingsJson: '{}' }),
		expectedMessage: 'Settings (JSON): is an empty object: nothing would change',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'settings update: unknown status value in JSON',
		cid: 'C34',
		parameters: settingsUpdate({
			settingsInput: 'json',
			settingsJson: '{"calling": {"status": "MAYBE"}}',
		}),
		expectedMessage: 'Settings (JSON): calling.status is "MAYBE"; use one of ENABLED, DISABLED',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'settings update: fields with nothing to change',
		cid: 'C34',
		parameters: settingsUpdate({ settingsInput: 'fields', callingSettings: {} }),
		expectedMessage: 'Settings: choose at least one setting to change',
		expectedDescription: 'Add a setting, turn on "Set Call Hours" or "Set SIP", or switch to JSON.',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'settings update: opening time 2500 in the weekly hours',
		cid: 'C34',
		parameters: settingsUpdate({
			settingsInput: 'fields',
			setCallHours: true,
			callHoursStatus: 'ENABLED',
			timezoneId: 'Asia/Kolkata',
			weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '2500', closeTime: '1800' }] },
		}),
		expectedMessage:
			'Weekly Hours: "2500" is not a time of day in the form HHMM (0000 to 2359), e.g. 0930',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'settings update: JSON call hours with close time 1260',
		cid: 'C34',
		parameters: settingsUpdate({
			settingsInput: 'json',
			settingsJson: JSON.stringify({
				calling: {
					call_hours: {
						status: 'ENABLED',
						timezone_id: 'Asia/Kolkata',
						weekly_operating_hours: [
							{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1260' },
						],
					},
				},
			}),
		}),
		expectedMessage:
			'Settings (JSON): "1260" is not a time of day in the form HHMM (0000 to 2359), e.g. 0930',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'settings update: unknown time zone',
		cid: 'C34',
		parameters: settingsUpdate({
			settingsInput: 'fields',
			setCallHours: true,
			callHoursStatus: 'ENABLED',
			timezoneId: 'Mars/Olympus_Mons',
			weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1800' }] },
		}),
		expectedMessage:
			'Time Zone: "Mars/Olympus_Mons" is not a known IANA time zone, e.g. America/Manaus or Asia/Kolkata',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'settings update: a holiday on 30 February',
		cid: 'C34',
		parameters: settingsUpdate({
			settingsInput: 'fields',
			setCallHours: true,
			callHoursStatus: 'DISABLED',
			holidays: { holiday: [{ date: '2026-02-30', startTime: '0000', endTime: '2359' }] },
		}),
		expectedMessage: 'Holidays: "2026-02-30" is not a date in the form YYYY-MM-DD, e.g. 2026-01-01',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'settings get: empty phone number ID',
		cid: 'C33',
		parameters: { resource: 'settings', operation: 'get', whatsappPhoneNumberId: byId(EMPTY) },
		expectedMessage: 'WhatsApp Phone Number ID: is required but empty',
	},
];

// --- Chakra CRM -------------------------------------------------------------------------------

const crm: BadInputCase[] = [
	{
		node: 'chakraCrm',
		description: 'lead create: letters as the phone number',
		cid: 'C26',
		parameters: { resource: 'lead', operation: 'create', name: 'Asha', phoneNumber: 'not-a-phone' },
		expectedMessage: 'Phone Number: "not-a-phone" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraCrm',
		description: 'lead create: an invalid email',
		cid: 'C26',
		parameters: { resource: 'lead', operation: 'create', name: 'Asha', email: 'asha@example' },
		expectedMessage: 'Email: "asha@example" is not an email address',
		expectedDescription: 'Use an address such as ops@acme.example.',
	},
	{
		node: 'chakraCrm',
		description: 'lead create with no values at all',
		cid: 'C26',
		parameters: { resource: 'lead', operation: 'create' },
		expectedMessage: 'Lead: has no values',
		expectedDescription:
			'Give at least one of Name, Phone Number, Email, Lead Attributes, Other Attributes or Customer Record Attributes.',
	},
	{
		node: 'chakraCrm',
		description: 'lead create: a next action date that is not a date',
		cid: 'C26',
		parameters: {
			resource: 'lead',
			operation: 'create',
			name: 'Asha',
			additionalFields: { nextActionAt: 'next tuesday' },
		},
		expectedMessage: 'Next Action At: "next tuesday" is not a date',
		expectedDescription:
			'Pick a date, or use an ISO 8601 date such as 2025-03-01T10:30:00 or epoch milliseconds.',
	},
	{
		node: 'chakraCrm',
		description: 'lead update by phone number (C27): empty phone number in the path',
		cid: 'C27',
		parameters: {
			resource: 'lead',
			operation: 'updateByPhoneNumber',
			phoneNumber: EMPTY,
			updateFields: { name: 'Asha' },
		},
		expectedMessage: 'Phone Number: "" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraCrm',
		description: 'lead update by phone number with nothing to change',
		cid: 'C27',
		parameters: {
			resource: 'lead',
			operation: 'updateByPhoneNumber',
			phoneNumber: FAKE_IDS.customerPhone,
			updateFields: {},
		},
		expectedMessage: 'Update Fields: nothing to update',
		expectedDescription: 'Add at least one field, lead attribute or other attribute to change.',
	},
	{
		node: 'chakraCrm',
		description: 'lead update by phone number: Name added but blank',
		cid: 'C27',
		parameters: {
			resource: 'lead',
			operation: 'updateByPhoneNumber',
			phoneNumber: FAKE_IDS.customerPhone,
			updateFields: { name: ' ' },
		},
		expectedMessage: 'Name: is empty: enter the new name or remove the field',
	},
	{
		node: 'chakraCrm',
		description: 'lead update by phone number: State that an expression leaves blank',
		cid: 'C27',
		parameters: {
			resource: 'lead',
			operation: 'updateByPhoneNumber',
			phoneNumber: FAKE_IDS.customerPhone,
			updateFields: { state: EMPTY },
		},
		expectedMessage: 'State: is empty: choose a value or remove the field',
	},
	{
		node: 'chakraCrm',
		description: 'chat messages by phone number (C30): two digits',
		cid: 'C30',
		parameters: {
			resource: 'chat',
			operation: 'getMessagesByPhoneNumber',
			customerPhoneNumber: '12',
		},
		expectedMessage: 'Phone Number: "12" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraCrm',
		description: 'chat messages: empty chat ID',
		cid: 'C29',
		parameters: { resource: 'chat', operation: 'getMessages', chatId: EMPTY },
		expectedMessage: 'Chat ID: is required but empty',
	},
	{
		node: 'chakraCrm',
		description: 'chat get many: Limit "abc" from an expression',
		cid: 'C28',
		parameters: { resource: 'chat', operation: 'getAll', returnAll: false, limit: '={{ "abc" }}' },
		expectedMessage: 'Limit: "abc" is not a whole number of 1 or more',
	},
	{
		node: 'chakraCrm',
		description: 'campaign add phone number (C31): empty campaign ID',
		cid: 'C31',
		parameters: {
			resource: 'campaign',
			operation: 'addPhoneNumber',
			campaignId: EMPTY,
			phoneNumber: FAKE_IDS.customerPhone,
		},
		expectedMessage: 'Campaign ID: is required but empty',
	},
	{
		node: 'chakraCrm',
		description: 'campaign add phone number (C31): a malformed phone number',
		cid: 'C31',
		parameters: {
			resource: 'campaign',
			operation: 'addPhoneNumber',
			campaignId: FAKE_IDS.campaignId,
			phoneNumber: '+91 99112 2334x',
		},
		expectedMessage: 'Phone Number: "+91 99112 2334x" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
	{
		node: 'chakraCrm',
		description: 'campaign remove phone number (C32): a 16-digit phone number',
		cid: 'C32',
		parameters: {
			resource: 'campaign',
			operation: 'removePhoneNumber',
			campaignId: FAKE_IDS.campaignId,
			phoneNumber: '9199112233445566',
		},
		expectedMessage: 'Phone Number: "9199112233445566" is not a phone number',
		expectedDescription: PHONE_HINT,
	},
];

// --- Chakra Partner ---------------------------------------------------------------------------

const connectToken = (extra: INodeParameters): INodeParameters => ({
	resource: 'connectToken',
	operation: 'create',
	...extra,
});
const pluginConfigUpdate = (updateFields: INodeParameters): INodeParameters => ({
	resource: 'pluginConfig',
	operation: 'update',
	pluginId: FAKE_IDS.pluginId,
	updateFields,
});

const partner: BadInputCase[] = [
	{
		node: 'chakraPartner',
		description: 'connect token for an existing plugin: empty plugin ID',
		cid: 'C37',
		parameters: connectToken({ connectTo: 'existingPlugin', pluginId: EMPTY }),
		expectedMessage: PLUGIN_ID_MISSING,
		expectedDescription: PLUGIN_ID_MISSING_HINT,
	},
	{
		node: 'chakraPartner',
		description: 'connect token for an existing plugin: a plugin ID that is not a UUID',
		cid: 'C37',
		parameters: connectToken({ connectTo: 'existingPlugin', pluginId: 'acme-plugin' }),
		expectedMessage: 'Plugin ID: "acme-plugin" is not a valid UUID',
		expectedDescription: `Fix the node's "Plugin ID" field. ${PLUGIN_ID_WHERE}`,
	},
	{
		node: 'chakraPartner',
		description: 'connect token for a new plugin: empty name',
		cid: 'C37',
		parameters: connectToken({ connectTo: 'newPlugin', newPluginName: '  ' }),
		expectedMessage: 'New Plugin Name: is required but empty',
	},
	{
		node: 'chakraPartner',
		description: 'connect token: an invalid client email',
		cid: 'C37',
		parameters: connectToken({
			connectTo: 'newPlugin',
			newPluginName: 'Acme',
			additionalFields: { clientEmail: 'ops@acme' },
		}),
		expectedMessage: 'Client Email: "ops@acme" is not an email address',
		expectedDescription: 'Use an address such as ops@acme.example.',
	},
	{
		node: 'chakraPartner',
		description: 'plugin config update: a Chakra webhook URL with ftp://',
		cid: 'C38',
		parameters: pluginConfigUpdate({ chakraWebhookUrl: 'ftp://example.com/webhook' }),
		expectedMessage: 'Chakra Webhook URL: "ftp://example.com/webhook" is not an http(s) URL',
		expectedDescription: 'Use a full URL such as https://example.com/webhook/chakra.',
	},
	{
		node: 'chakraPartner',
		description: 'plugin config update: a pass-through webhook URL without a scheme',
		cid: 'C38',
		parameters: pluginConfigUpdate({ passThroughWebhookUrl: 'example.com/webhook/meta' }),
		expectedMessage: 'Pass-Through Webhook URL: "example.com/webhook/meta" is not an http(s) URL',
		expectedDescription: 'Use a full URL such as https://example.com/webhook/chakra.',
	},
	{
		node: 'chakraPartner',
		description: 'plugin config update: an unknown webhook event from an expression',
		cid: 'C38',
		parameters: pluginConfigUpdate({ whichChakraWebhookEventsToSend: '={{ "message, typing" }}' }),
		expectedMessage: 'Chakra Webhook Events: unknown event "typing"',
		expectedDescription: 'Use any of message, status, message_echo, smb_message_echo.',
	},
	{
		node: 'chakraPartner',
		description: 'plugin config update with nothing to change',
		cid: 'C38',
		parameters: pluginConfigUpdate({}),
		expectedMessage: 'Update Fields: nothing to update',
		expectedDescription: 'Add at least one setting to change.',
	},
	{
		node: 'chakraPartner',
		description:
			'plugin config update: Chakra webhook enabled on a plugin without a URL (found after reading the config, C39)',
		cid: 'C38',
		parameters: pluginConfigUpdate({ enableChakraWebhook: true }),
		expectedMessage: 'Enable Chakra Webhook: is on but the plugin has no Chakra Webhook URL',
		expectedDescription: 'Add the Chakra Webhook URL field.',
		lookups: ['C39'],
	},
	{
		node: 'chakraPartner',
		description: 'plugin config get: empty plugin ID',
		cid: 'C39',
		parameters: { resource: 'pluginConfig', operation: 'get', pluginId: EMPTY },
		expectedMessage: PLUGIN_ID_MISSING,
		expectedDescription: PLUGIN_ID_MISSING_HINT,
	},
	{
		node: 'chakraPartner',
		description: 'WABA disconnect: confirmation does not match',
		cid: 'C40',
		parameters: {
			resource: 'waba',
			operation: 'disconnect',
			pluginId: FAKE_IDS.pluginId,
			wabaId: byId(FAKE_IDS.wabaId),
			confirmWabaId: FAKE_IDS.wabaId2,
		},
		expectedMessage: `Confirm WABA ID: "${FAKE_IDS.wabaId2}" does not match the WABA ID ${FAKE_IDS.wabaId}, so the account was not disconnected`,
		expectedDescription: `Type ${FAKE_IDS.wabaId} in Confirm WABA ID to disconnect this WhatsApp Business Account.`,
	},
	{
		node: 'chakraPartner',
		description: 'WABA disconnect: a WABA ID with letters',
		cid: 'C40',
		parameters: {
			resource: 'waba',
			operation: 'disconnect',
			pluginId: FAKE_IDS.pluginId,
			wabaId: byId('={{ "waba-1" }}'),
			confirmWabaId: 'waba-1',
		},
		expectedMessage: 'WhatsApp Business Account ID: "waba-1" is not a WABA ID (digits only)',
	},
];

// --- Chakra Platform --------------------------------------------------------------------------

const processOperation = (operation: string, extra: INodeParameters): INodeParameters => ({
	resource: 'process',
	operation,
	procedureShortId: 'lead',
	...extra,
});

const platform: BadInputCase[] = [
	{
		node: 'chakraPlatform',
		description: 'process get: empty process ID',
		cid: 'C41',
		parameters: processOperation('get', { processId: EMPTY }),
		expectedMessage: 'Process ID: is required but empty',
	},
	{
		node: 'chakraPlatform',
		description: 'process get: empty procedure from an expression',
		cid: 'C41',
		parameters: processOperation('get', {
			procedureShortId: '={{ "" }}',
			processId: FAKE_IDS.processId,
		}),
		expectedMessage: 'Procedure: is required but empty',
	},
	{
		node: 'chakraPlatform',
		description: 'process get many: JSON where that does not parse',
		cid: 'C42',
		parameters: processOperation('getAll', { filterType: 'json', whereJson: '{"status": OPEN}' }),
		expectedMessage: `JSON Where: is not valid JSON (${jsonParseMessage('{"status": OPEN}')})`,
	},
	{
		node: 'chakraPlatform',
		description: 'process get many: JSON where that is an array',
		cid: 'C42',
		parameters: processOperation('getAll', {
			filterType: 'json',
			whereJson: '[{"status": "OPEN"}]',
		}),
		expectedMessage: 'JSON Where: must be a JSON object, not an array',
	},
	{
		node: 'chakraPlatform',
		description: 'process get many: Limit "abc" from an expression',
		cid: 'C42',
		parameters: processOperation('getAll', { returnAll: false, limit: '={{ "abc" }}' }),
		expectedMessage: 'Limit: "abc" is not a whole number of 1 or more',
	},
	{
		node: 'chakraPlatform',
		description: 'process get many: a created-at condition that is not a date',
		cid: 'C42',
		parameters: processOperation('getAll', {
			filterType: 'conditions',
			conditions: { createdAt: [{ operator: '>', value: 'yesterday' }] },
		}),
		expectedMessage: 'Created At: condition 1: "yesterday" is not a date',
	},
	{
		node: 'chakraPlatform',
		description: 'process update with nothing to change',
		cid: 'C44',
		parameters: processOperation('update', { processId: FAKE_IDS.processId }),
		expectedMessage: 'Process Data: nothing to update',
		expectedDescription:
			'Set at least one attribute in Process Data or Additional Attributes, or a field under Update Fields.',
	},
	{
		node: 'chakraPlatform',
		description: 'process update: unknown status from an expression',
		cid: 'C44',
		parameters: processOperation('update', {
			processId: FAKE_IDS.processId,
			processFields: { status: '={{ "ARCHIVED" }}' },
		}),
		expectedMessage: 'Status: "ARCHIVED" is not one of the allowed values',
		expectedDescription: 'Use one of: Cancelled (CANCELLED), Completed (COMPLETED), Open (OPEN).',
	},
	{
		node: 'chakraPlatform',
		description: 'process create: an additional attribute without a short ID',
		cid: 'C43',
		parameters: processOperation('create', {
			additionalAttributes: { attribute: [{ shortId: ' ', value: 'Pune' }] },
		}),
		expectedMessage: 'Additional Attributes: attribute 1 has no short ID',
	},
	{
		node: 'chakraPlatform',
		description: 'process delete by primary key: empty primary key value',
		cid: 'C47',
		parameters: processOperation('deleteByPrimaryKey', {
			primaryKeyShortId: 'lead_id',
			primaryKeyValue: EMPTY,
		}),
		expectedMessage: 'Primary Key Value: is required but empty',
	},
	{
		node: 'chakraPlatform',
		description:
			'process delete by primary key: empty value, primary key attribute read from the config (C61)',
		cid: 'C47',
		parameters: processOperation('deleteByPrimaryKey', {
			primaryKeyShortId: '',
			primaryKeyValue: EMPTY,
		}),
		expectedMessage: 'Primary Key Value: is required but empty',
		lookups: ['C61'],
	},
	{
		node: 'chakraPlatform',
		description: 'task create: empty process ID or primary key',
		cid: 'C50',
		parameters: {
			resource: 'task',
			operation: 'create',
			procedureShortId: 'lead',
			processIdOrPrimaryKey: EMPTY,
			stateTaskShortId: 'call',
		},
		expectedMessage: 'Process ID or Primary Key Value: is required but empty',
	},
	{
		node: 'chakraPlatform',
		description: 'user get: empty user ID',
		cid: 'C53',
		parameters: { resource: 'user', operation: 'get', userId: byId(EMPTY) },
		expectedMessage: 'User ID: is required but empty',
	},
	{
		node: 'chakraPlatform',
		description: 'user update with nothing to change',
		cid: 'C55',
		parameters: {
			resource: 'user',
			operation: 'update',
			userId: byId(FAKE_IDS.userId),
			updateFields: {},
		},
		expectedMessage: 'Update Fields: add First Name or Last Name',
		expectedDescription: 'ChakraHQ lets the API change only the first and last name of a user.',
	},
	{
		node: 'chakraPlatform',
		description: 'photo upload: a client photo ID that is not a UUID (C58)',
		cid: 'C58',
		parameters: {
			resource: 'photo',
			operation: 'upload',
			binaryPropertyName: 'data',
			uploadOptions: { photoId: 'photo-1' },
		},
		input: png(),
		expectedMessage: 'Photo ID: "photo-1" is not a valid UUID',
		expectedDescription:
			'Use a UUID such as 3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f, e.g. from {{ $uuid }} or crypto.randomUUID().',
	},
	{
		node: 'chakraPlatform',
		description: 'photo upload: the item has no binary data',
		cid: 'C57',
		parameters: { resource: 'photo', operation: 'upload', binaryPropertyName: 'data' },
		input: [{ json: {} }],
		expectedMessage: 'Input Binary Field: item 0 has no binary property "data"',
		expectedDescription: NO_BINARY_HINT,
	},
	{
		node: 'chakraPlatform',
		description: 'photo get: a photo ID that is not a UUID',
		cid: 'C56',
		parameters: { resource: 'photo', operation: 'get', photoId: 'abc', binaryPropertyName: 'data' },
		expectedMessage: 'Photo ID: "abc" is not a valid UUID',
		expectedDescription: UUID_HINT,
	},
	{
		node: 'chakraPlatform',
		description: 'background job get entries: Limit "abc" from an expression',
		cid: 'C60',
		parameters: {
			resource: 'backgroundJob',
			operation: 'getEntries',
			backgroundJobId: FAKE_IDS.backgroundJobId,
			returnAll: false,
			limit: '={{ "abc" }}',
		},
		expectedMessage: 'Limit: "abc" is not a whole number of 1 or more',
	},
	{
		node: 'chakraPlatform',
		description: 'background job get: empty job ID',
		cid: 'C59',
		parameters: { resource: 'backgroundJob', operation: 'get', backgroundJobId: EMPTY },
		expectedMessage: 'Background Job ID: is required but empty',
	},
];

/*
 * Kept out of the table because the node does NOT refuse them before a request (findings reported
 * with this suite; each was run against the fake):
 * - CRM lead create / update by phone number: Status from an expression ("WEIRD") is sent (C26/C27 400).
 * - Platform task create: Status from an expression is sent (C50 400).
 * - Calling settings update "Using Fields Below": Calling Status (and the other enums of the Settings
 *   collection) from an expression is sent unchecked (C34, Meta error 100); only the JSON path checks.
 * - Platform user get many: Limit "abc" is checked in postReceive, after C51 was sent.
 * - Platform process get many: Status filter "WEIRD" and WhatsApp template get many: Status filter
 *   "WEIRD" are sent and silently return nothing (C42, C7).
 * - CRM chat get many: Order Direction "sideways" is sent (C28 400).
 * - Group create / get many etc.: a WhatsApp Phone Number ID with letters from an expression is put in
 *   the path (C15); Platform user get: a user ID that is not a UUID from an expression (C53 404);
 *   WhatsApp API Version "latest" is put in the path (C14).
 * - Message send: Buttons given as one expression for the whole collection are dropped by n8n, so four
 *   buttons give "Buttons: add at least one button" (refused, but the message is misleading).
 */

/**
 * Rows for bad input that used to reach ChakraHQ (dropdown values from expressions, identifiers of
 * the wrong form in paths, a limit checked only after a single-response list).
 */
const STATUS_CHOICES = 'Use one of: Cancelled (CANCELLED), Completed (COMPLETED), Open (OPEN).';
const TEMPLATE_STATUS_CHOICES =
	'Use one of: Approved (APPROVED), Deleted (DELETED), Disabled (DISABLED), In Appeal (IN_APPEAL), Limit Exceeded (LIMIT_EXCEEDED), Paused (PAUSED), Pending (PENDING), Pending Deletion (PENDING_DELETION), Rejected (REJECTED).';
const formerlySent: BadInputCase[] = [
	{
		node: 'chakraCrm',
		description: 'lead create: a status from an expression that is not a status',
		cid: 'C26',
		parameters: {
			resource: 'lead',
			operation: 'create',
			name: 'Asha',
			additionalFields: { status: '={{ "WEIRD" }}' },
		},
		expectedMessage: 'Status: "WEIRD" is not one of the allowed values',
		expectedDescription: STATUS_CHOICES,
	},
	{
		node: 'chakraCrm',
		description: 'chat get many: an order direction from an expression that is not asc/desc',
		cid: 'C28',
		parameters: {
			resource: 'chat',
			operation: 'getAll',
			options: { orderDirection: '={{ "sideways" }}' },
		},
		expectedMessage: 'Order Direction: "sideways" is not one of the allowed values',
		expectedDescription: 'Use one of: Ascending (asc), Descending (desc).',
	},
	{
		node: 'chakraPlatform',
		description: 'task create: a status from an expression that is not a status',
		cid: 'C50',
		parameters: {
			resource: 'task',
			operation: 'create',
			procedureShortId: 'lead',
			processIdOrPrimaryKey: 'LEAD-001',
			stateTaskShortId: 'call',
			taskFields: { status: '={{ "WEIRD" }}' },
		},
		expectedMessage: 'Status: "WEIRD" is not one of the allowed values',
		expectedDescription: STATUS_CHOICES,
	},
	{
		node: 'chakraPlatform',
		description:
			'process get many: a status filter list from an expression with a value that is not a status',
		cid: 'C42',
		parameters: processOperation('getAll', {
			returnAll: true,
			filters: { status: '={{ ["OPEN", "WEIRD"] }}' },
		}),
		expectedMessage: 'Status: "WEIRD" is not one of the allowed values',
		expectedDescription: STATUS_CHOICES,
	},
	{
		node: 'chakraPlatform',
		description: 'user get many: a limit that is not a number, before the single request',
		cid: 'C51',
		parameters: { resource: 'user', operation: 'getAll', returnAll: false, limit: '={{ "abc" }}' },
		expectedMessage: 'Limit: "abc" is not a whole number of 1 or more',
		expectedDescription: fixField('Limit'),
	},
	{
		node: 'chakraPlatform',
		description: 'user get: an ID that is not a UUID',
		cid: 'C53',
		parameters: { resource: 'user', operation: 'get', userId: byId('={{ "not-a-uuid" }}') },
		expectedMessage: 'User ID: "not-a-uuid" is not a valid UUID',
		expectedDescription: UUID_HINT,
	},
	{
		node: 'chakraPlatform',
		description: 'process get: a process ID that is not a UUID',
		cid: 'C41',
		parameters: processOperation('get', { processId: 'abc' }),
		expectedMessage: 'Process ID: "abc" is not a valid UUID',
		expectedDescription: UUID_HINT,
	},
	{
		node: 'chakraWhatsApp',
		description:
			'template get many: a status filter from an expression that is not a template status',
		cid: 'C7',
		parameters: {
			resource: 'template',
			operation: 'getAll',
			wabaId: byId(FAKE_IDS.wabaId),
			returnAll: true,
			filters: { status: '={{ "WEIRD" }}' },
		},
		expectedMessage: 'Status: "WEIRD" is not one of the allowed values',
		expectedDescription: TEMPLATE_STATUS_CHOICES,
	},
	{
		node: 'chakraWhatsApp',
		description: 'flow get public key: an API version that is not vNN.N',
		cid: 'C14',
		parameters: {
			resource: 'flow',
			operation: 'getPublicKey',
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			whatsappApiVersion: 'latest',
		},
		expectedMessage: 'WhatsApp API Version: "latest" is not a Graph API version',
		expectedDescription: 'Use the form vNN.N, for example v24.0.',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'group create: a phone number ID from an expression that is not digits',
		cid: 'C15',
		parameters: {
			resource: 'group',
			operation: 'create',
			whatsappPhoneNumberId: byId('={{ "abc" }}'),
			subject: 'Order 1042',
		},
		expectedMessage: 'WhatsApp Phone Number ID: "abc" is not a WhatsApp ID (digits only)',
		expectedDescription: fixField('WhatsApp Phone Number ID'),
	},
	{
		node: 'chakraWhatsAppCalling',
		description:
			'settings update (fields): a calling status from an expression that is not ENABLED/DISABLED',
		cid: 'C34',
		parameters: settingsUpdate({ callingSettings: { status: '={{ "MAYBE" }}' } }),
		expectedMessage: 'Calling Status: "MAYBE" is not one of the allowed values',
		expectedDescription: 'Use one of: Enabled (ENABLED), Disabled (DISABLED).',
	},
];

// --- Hostile input (issue "Hostile world"): dot segments, control characters and type confusion in
// path values, objects where text is sent to a person, empty files and prototype-named properties.

const NOT_SINGLE =
	'Map a single value (text or a number) to this field, not a whole object or list.';
const emptyFile = () => [
	{ json: {}, binary: { data: binaryProperty(Buffer.alloc(0), 'image/png', 'empty.png') } },
];

const hostile: BadInputCase[] = [
	{
		node: 'chakraCrm',
		description: 'dot segment: chat ID ".."',
		cid: 'C29',
		parameters: { resource: 'chat', operation: 'getMessages', chatId: '..' },
		expectedMessage: 'Chat ID: ".." is not a valid value',
	},
	{
		node: 'chakraCrm',
		description: 'type confusion: chat ID from an expression that gives an object',
		cid: 'C29',
		parameters: { resource: 'chat', operation: 'getMessages', chatId: '={{ { id: 1 } }}' },
		expectedMessage: 'Chat ID: is an object, not text or an ID',
		expectedDescription: NOT_SINGLE,
	},
	{
		node: 'chakraCrm',
		description: 'dot segment: campaign ID "."',
		cid: 'C31',
		parameters: {
			resource: 'campaign',
			operation: 'addPhoneNumber',
			campaignId: '={{ "." }}',
			phoneNumber: FAKE_IDS.customerPhone,
		},
		expectedMessage: 'Campaign ID: "." is not a valid value',
	},
	{
		node: 'chakraCrm',
		description: 'type confusion: campaign ID from an expression that gives an array',
		cid: 'C32',
		parameters: {
			resource: 'campaign',
			operation: 'removePhoneNumber',
			campaignId: '={{ ["c1", "c2"] }}',
			phoneNumber: FAKE_IDS.customerPhone,
		},
		expectedMessage: 'Campaign ID: is an array, not text or an ID',
		expectedDescription: NOT_SINGLE,
	},
	{
		node: 'chakraCrm',
		description: 'control characters: campaign ID with a line break inside',
		cid: 'C31',
		parameters: {
			resource: 'campaign',
			operation: 'addPhoneNumber',
			campaignId: '={{ "c1\\nc2" }}',
			phoneNumber: FAKE_IDS.customerPhone,
		},
		expectedMessage:
			'Campaign ID: contains control characters (line breaks, tabs or other invisible characters)',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'dot segment: group ID ".." (GET would reach the API version root)',
		cid: 'C17',
		parameters: { resource: 'group', operation: 'get', groupId: byId('..') },
		expectedMessage: 'Group ID: ".." is not a valid value',
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'type confusion: group ID from an expression that gives an array (DELETE)',
		cid: 'C19',
		parameters: { resource: 'group', operation: 'delete', groupId: byId('={{ ["g1", "g2"] }}') },
		expectedMessage: 'Group ID: is an array, not text or an ID',
		expectedDescription: NOT_SINGLE,
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'type confusion: group ID from an expression that gives true',
		cid: 'C21',
		parameters: { resource: 'inviteLink', operation: 'reset', groupId: byId('={{ true }}') },
		expectedMessage: 'Group ID: is a boolean (true), not text or an ID',
		expectedDescription: NOT_SINGLE,
	},
	{
		node: 'chakraWhatsAppGroup',
		description: 'format: group ID with a slash, from an expression',
		cid: 'C17',
		parameters: { resource: 'group', operation: 'get', groupId: byId('={{ "g1/../g2" }}') },
		expectedMessage: 'Group ID: "g1/../g2" is not a WhatsApp group ID',
	},
	{
		node: 'chakraPlatform',
		description: 'dot segment: process ID ".."',
		cid: 'C41',
		parameters: processOperation('get', { processId: '..' }),
		expectedMessage: 'Process ID: ".." is not a valid value',
	},
	{
		node: 'chakraPlatform',
		description: 'dot segment: procedure ".." (DELETE)',
		cid: 'C46',
		parameters: processOperation('delete', {
			procedureShortId: '={{ ".." }}',
			processId: FAKE_IDS.processId,
		}),
		expectedMessage: 'Procedure: ".." is not a valid value',
	},
	{
		node: 'chakraPlatform',
		description: 'dot segment: primary key value ".." (DELETE)',
		cid: 'C47',
		parameters: processOperation('deleteByPrimaryKey', {
			primaryKeyShortId: 'lead_id',
			primaryKeyValue: '={{ ".." }}',
		}),
		expectedMessage: 'Primary Key Value: ".." is not a valid value',
	},
	{
		node: 'chakraPlatform',
		description: 'format: primary key attribute that is not a short ID',
		cid: 'C47',
		parameters: processOperation('deleteByPrimaryKey', {
			primaryKeyShortId: 'lead/../x',
			primaryKeyValue: 'LEAD-001',
		}),
		expectedMessage: 'Primary Key Attribute: "lead/../x" is not a short ID',
		expectedDescription:
			'Short IDs hold letters, digits, "_" and "-", for example lead or lead_id.',
	},
	{
		node: 'chakraPlatform',
		description: 'type confusion: user ID from an expression that gives NaN',
		cid: 'C53',
		parameters: { resource: 'user', operation: 'get', userId: byId('={{ 0 / 0 }}') },
		expectedMessage: 'User ID: is NaN, not text or an ID',
		expectedDescription: NOT_SINGLE,
	},
	{
		node: 'chakraWhatsApp',
		description: 'dot segment: media ID ".."',
		cid: 'C11',
		parameters: {
			resource: 'media',
			operation: 'get',
			whatsappApiVersion: 'v24.0',
			whatsappMediaId: '..',
		},
		expectedMessage: 'Media ID: ".." is not a valid value',
	},
	{
		node: 'chakraWhatsApp',
		description: 'format: media ID that is not a Meta ID',
		cid: 'C11',
		parameters: {
			resource: 'media',
			operation: 'get',
			whatsappApiVersion: 'v24.0',
			whatsappMediaId: 'abc%2e%2e',
		},
		expectedMessage: 'Media ID: "abc%2e%2e" is not a WhatsApp ID (digits only)',
	},
	{
		node: 'chakraWhatsApp',
		description: 'type confusion: text message body from an expression that gives an object',
		cid: 'C4',
		parameters: send({ textBody: '={{ { greeting: "hi" } }}' }),
		expectedMessage: 'Text: is an object, not text',
		expectedDescription: 'Map a text value to the "Text" field, not a whole object or list.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'type confusion: caption from an expression that gives an array',
		cid: 'C4',
		parameters: send({
			messageType: 'image',
			mediaSource: 'link',
			mediaLink: 'https://cdn.example.com/a.jpg',
			caption: '={{ ["a", "b"] }}',
		}),
		expectedMessage: 'Caption: is an array, not text',
		expectedDescription: 'Map a text value to the "Caption" field, not a whole object or list.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'dot segment: group recipient ".."',
		cid: 'C4',
		parameters: send({ recipientType: 'group', groupId: '={{ ".." }}' }),
		expectedMessage: 'Group ID: ".." is not a valid value',
	},
	{
		node: 'chakraWhatsApp',
		description: 'binary: a zero-byte file',
		cid: 'C9',
		parameters: {
			resource: 'media',
			operation: 'upload',
			pluginId: FAKE_IDS.pluginId,
			binaryPropertyName: 'data',
		},
		input: emptyFile(),
		expectedMessage:
			'Input Binary Field: the file in binary property "data" of item 0 is empty (0 bytes)',
		expectedDescription:
			'WhatsApp and ChakraHQ refuse empty files: check the node that produced it.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'binary: a property named like an Object prototype key',
		cid: 'C9',
		parameters: {
			resource: 'media',
			operation: 'upload',
			pluginId: FAKE_IDS.pluginId,
			binaryPropertyName: 'constructor',
		},
		input: png(),
		expectedMessage: 'Input Binary Field: item 0 has no binary property "constructor"',
		expectedDescription: 'Binary properties on this item: data.',
	},
	{
		node: 'chakraWhatsApp',
		description: 'binary: a zero-byte file sent as an image message (nothing uploaded either)',
		cid: 'C4',
		parameters: send({
			messageType: 'image',
			mediaSource: 'binary',
			mediaBinaryPropertyName: 'data',
		}),
		input: emptyFile(),
		expectedMessage:
			'Input Binary Field: the file in binary property "data" of item 0 is empty (0 bytes)',
		expectedDescription:
			'WhatsApp and ChakraHQ refuse empty files: check the node that produced it.',
	},
	{
		node: 'chakraPartner',
		description: 'dot segment: plugin ID ".."',
		cid: 'C39',
		parameters: { resource: 'pluginConfig', operation: 'get', pluginId: '={{ ".." }}' },
		expectedMessage: 'Plugin ID: ".." is not a valid UUID',
		expectedDescription:
			'Fix the node\'s "Plugin ID" field. It is the last part of the URL of the WhatsApp Setup page in ChakraHQ (…/admin/plugin/<Plugin ID>), a UUID such as 3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f.',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'dot segment: phone number ID ".."',
		cid: 'C33',
		parameters: {
			resource: 'settings',
			operation: 'get',
			whatsappPhoneNumberId: byId('={{ ".." }}'),
		},
		expectedMessage: 'WhatsApp Phone Number ID: ".." is not a valid value',
	},
	{
		node: 'chakraWhatsAppCalling',
		description: 'format: API version ".."',
		cid: 'C33',
		parameters: {
			resource: 'settings',
			operation: 'get',
			whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			whatsappApiVersion: '={{ ".." }}',
		},
		expectedMessage: 'WhatsApp API Version: ".." is not a valid value',
	},
];

/** The rows of the table that come from the issue "Hostile world" (its own test counts them). */
export const HOSTILE_CASES = hostile;

export const BAD_INPUT_CASES: BadInputCase[] = [
	...whatsApp,
	...group,
	...calling,
	...crm,
	...partner,
	...platform,
	...formerlySent,
	...hostile,
];
