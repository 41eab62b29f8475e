/**
 * The fields shared by the three template sends: C2 (to a phone number), C1 (to the phone of a
 * process) and C3 (Meta's template object). The template comes from a dropdown (C7), its
 * placeholders from a resource mapper, the header from a link, an n8n binary field (uploaded with
 * C9 first) or a location.
 */
import type { INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';

export const TEMPLATE_SEND_OPERATIONS = [
	'sendTemplate',
	'sendTemplateForProcess',
	'sendTemplateMeta',
];
const showForTemplateSends = { resource: ['message'], operation: TEMPLATE_SEND_OPERATIONS };
const showForMediaHeader = { ...showForTemplateSends, headerType: ['image', 'video', 'document'] };

// One Phone Number definition serves Send Template (C2) and Send Template (Meta Format) (C3): n8n's
// declarative engine evaluates every definition of a parameter name for every item, so each extra
// definition costs one expression evaluation per item.
const showForSendTemplateAndMeta = {
	resource: ['message'],
	operation: ['sendTemplate', 'sendTemplateMeta'],
};

/**
 * The fields of the template sends. C2: the recipient is a path segment (normalised and checked by
 * fillPathParameters); C3: it goes into Meta's body as `to` (checked in buildMetaTemplateBody).
 */
export const templateMessageFields: INodeProperties[] = [
	recipientPhoneNumberField(showForSendTemplateAndMeta),
	{
		displayName: 'Template',
		name: 'templateName',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'Approved template to send. The list shows the templates of the business account of the chosen phone number.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'order_update',
				hint: 'Template name; set its language under Options when it exists in several languages',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[a-z0-9_]+(\\|[A-Za-z_]+)?$',
							errorMessage: 'A template name has lowercase letters, digits and underscores only',
						},
					},
				],
			},
		],
		displayOptions: { show: showForTemplateSends },
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description:
			'A value for each placeholder of the template ({{1}} or {{first_name}}) in its header, body and URL buttons',
		typeOptions: {
			loadOptionsDependsOn: [
				'templateName.value',
				'whatsappPhoneNumberId.value',
				'options.language',
			],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateVariables',
				mode: 'add',
				valuesLabel: 'Variables',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
				noFieldsError: 'This template has no variables',
			},
		},
		displayOptions: { show: showForTemplateSends },
	},
	{
		displayName: 'Header Parameter',
		name: 'headerType',
		type: 'options',
		default: 'none',
		description:
			'The media or location of a template whose header is an image, video, document or location',
		options: [
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'Location', value: 'location' },
			{ name: 'None', value: 'none', description: 'The template has no header or a text header' },
			{ name: 'Video', value: 'video' },
		],
		displayOptions: { show: showForTemplateSends },
	},
	{
		displayName: 'Header Media Source',
		name: 'headerMediaSource',
		type: 'options',
		default: 'url',
		options: [
			{ name: 'Public URL', value: 'url', description: 'A link WhatsApp can download' },
			{
				name: 'Binary Field',
				value: 'binary',
				description: 'A file of the input item, uploaded to ChakraHQ public media first',
			},
		],
		displayOptions: { show: showForMediaHeader },
	},
	{
		displayName: 'Header Media URL',
		name: 'headerMediaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://chakra-public-media.chakrahq.com/…/banner.png',
		displayOptions: { show: { ...showForMediaHeader, headerMediaSource: ['url'] } },
	},
	{
		displayName: 'Header Input Binary Field',
		name: 'headerBinaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the header file',
		displayOptions: { show: { ...showForMediaHeader, headerMediaSource: ['binary'] } },
	},
	{
		displayName: 'Document File Name',
		name: 'headerDocumentFilename',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		description: 'File name shown to the recipient. Empty: the binary file name, if any.',
		displayOptions: { show: { ...showForTemplateSends, headerType: ['document'] } },
	},
	{
		displayName: 'Latitude',
		name: 'headerLatitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 },
		required: true,
		default: 0,
		displayOptions: { show: { ...showForTemplateSends, headerType: ['location'] } },
	},
	{
		displayName: 'Longitude',
		name: 'headerLongitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 },
		required: true,
		default: 0,
		displayOptions: { show: { ...showForTemplateSends, headerType: ['location'] } },
	},
	{
		displayName: 'Location Name',
		name: 'headerLocationName',
		type: 'string',
		default: '',
		displayOptions: { show: { ...showForTemplateSends, headerType: ['location'] } },
	},
	{
		displayName: 'Location Address',
		name: 'headerLocationAddress',
		type: 'string',
		default: '',
		displayOptions: { show: { ...showForTemplateSends, headerType: ['location'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showForTemplateSends },
		options: [
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'en_US',
				description:
					'Template language (en, en_US, pt_BR). Only needed for a template entered by name that exists in several languages; a template from the list carries its language.',
			},
			{
				displayName: 'Language Policy',
				name: 'languagePolicy',
				type: 'options',
				options: [
					{
						name: 'Deterministic',
						value: 'deterministic',
						description: 'Send "policy": "deterministic" with the language code',
					},
				],
				default: 'deterministic',
				description: "Meta's template language policy, sent as template.language.policy",
				displayOptions: { show: { '/operation': ['sendTemplateMeta'] } },
			},
			{
				displayName: 'One-Time Password Code',
				name: 'otpCode',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'The code sent by an authentication (OTP) template',
			},
			{
				displayName: 'Send Empty Components List',
				name: 'sendEmptyComponents',
				type: 'boolean',
				default: true,
				description:
					'Whether to send "components": [] when the template has no variables and no header, as ChakraHQ\'s SDK sends an empty list it is given. Off: the key is left out.',
				displayOptions: { show: { '/operation': ['sendTemplateMeta'] } },
			},
		],
	},
];
