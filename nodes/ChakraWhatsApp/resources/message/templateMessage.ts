/**
 * Fields and body builders shared by the three template sends: C2 (to a phone number), C1 (to the
 * phone of a process) and C3 (Meta's template object). The template comes from a dropdown (C7), its
 * placeholders from a resource mapper, the header from a link, an n8n binary field (uploaded with
 * C9 first) or a location.
 */
import type { IDataObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';
import type { TemplateVariableValue } from '../../../shared/methods/templates';
import {
	parseTemplateValue,
	readMediaHeaderNeed,
	readTemplateVariableValues,
} from '../../../shared/methods/templates';
import { itemError, requirePhoneNumber } from '../../../shared/validation';
import type { LocationValue } from '../../../shared/checks';
import { locationFrom, optionalText } from '../../../shared/checks';
import type { MediaKind } from '../media/publicMedia';
import { requireHttpUrl, uploadBinaryForMessage } from '../media/publicMedia';
import type { ItemFunctions } from '../../../shared/itemFunctions';

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

export interface TemplateHeader {
	kind: 'none' | 'location' | Exclude<MediaKind, 'audio' | 'sticker'>;
	link?: string;
	filename?: string;
	location?: LocationValue;
}

export interface TemplateSend {
	name: string;
	language?: string;
	variables: TemplateVariableValue[];
	header: TemplateHeader;
	otpCode?: string;
}

/** The header of a template send: a media link (binary uploaded through C9 first) or a location. */
export async function readTemplateHeader(context: ItemFunctions): Promise<TemplateHeader> {
	const kind = context.getNodeParameter('headerType', 'none') as TemplateHeader['kind'];
	if (kind === 'none') return { kind };
	if (kind === 'location') {
		return {
			kind,
			location: locationFrom(context, {
				latitude: 'headerLatitude',
				longitude: 'headerLongitude',
				name: 'headerLocationName',
				address: 'headerLocationAddress',
			}),
		};
	}
	let filename =
		kind === 'document'
			? optionalText(
					context,
					'Document File Name',
					context.getNodeParameter('headerDocumentFilename', ''),
				)
			: undefined;
	let link: string;
	if (context.getNodeParameter('headerMediaSource', 'url') === 'binary') {
		const uploaded = await uploadBinaryForMessage(
			context,
			'headerBinaryPropertyName',
			kind,
			'Header Input Binary Field',
		);
		link = uploaded.url;
		if (kind === 'document' && filename === undefined) filename = uploaded.fileName;
	} else {
		link = requireHttpUrl(
			context,
			'Header Media URL',
			context.getNodeParameter('headerMediaUrl', ''),
		);
	}
	return { kind, link, ...(filename ? { filename } : {}) };
}

/**
 * The header of a template whose saved Template Variables say it has an IMAGE, VIDEO or DOCUMENT
 * header: Header Parameter of that kind (link or file), else the URL given in Template Variables;
 * neither, or another kind, is refused before any request (WhatsApp would refuse the send).
 */
async function headerForTemplate(
	context: ItemFunctions,
	templateName: string,
): Promise<TemplateHeader> {
	const need = readMediaHeaderNeed(context);
	const chosen = context.getNodeParameter('headerType', 'none') as TemplateHeader['kind'];
	if (!need || chosen === need.kind) return await readTemplateHeader(context);
	const format = need.kind.toUpperCase();
	const label = need.kind.charAt(0).toUpperCase() + need.kind.slice(1);
	if (chosen !== 'none') {
		throw itemError(
			context,
			'Header Parameter',
			`is ${chosen}, but the template "${templateName}" has an ${format} header`,
			`Choose ${label} under Header Parameter, or None and give the ${need.kind}'s link in Template Variables.`,
		);
	}
	if (need.url === '') {
		throw itemError(
			context,
			'Header Parameter',
			`the template "${templateName}" has an ${format} header, but no ${need.kind} is given`,
			`Give its public URL in Template Variables > Header ${label} URL, or choose ${label} under Header Parameter to send a link or a file.`,
		);
	}
	return { kind: need.kind, link: requireHttpUrl(context, `Header ${label} URL`, need.url) };
}

/** Everything a template send needs, checked before any request. */
export async function readTemplateSend(
	context: ItemFunctions,
	filledByNode?: Parameters<typeof readTemplateVariableValues>[3],
): Promise<TemplateSend> {
	const ref = parseTemplateValue(
		context.getNodeParameter('templateName', '', { extractValue: true }),
	);
	if (ref.name === '') throw itemError(context, 'templateName', 'is required but empty');
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const language =
		ref.language ??
		(typeof options.language === 'string' && options.language.trim() !== ''
			? options.language.trim()
			: undefined);
	const otpCode =
		typeof options.otpCode === 'string' && options.otpCode.trim() !== ''
			? options.otpCode.trim()
			: undefined;
	const variables = readTemplateVariableValues(context, undefined, undefined, filledByNode);
	if (otpCode !== undefined && variables.some((variable) => variable.component === 'body')) {
		throw itemError(
			context,
			'One-Time Password Code',
			'an authentication template takes the code only, but Body variables are set too',
			'Remove the Body variables, or clear the One-Time Password Code.',
		);
	}
	const header = await headerForTemplate(context, ref.name);
	return {
		name: ref.name,
		...(language ? { language } : {}),
		variables,
		header,
		...(otpCode ? { otpCode } : {}),
	};
}

type Mapping = Array<{ schemaPropertyName: string; schemaPropertyValue: string }>;

function mappingOf(
	variables: TemplateVariableValue[],
	component: TemplateVariableValue['component'],
): Mapping {
	return variables
		.filter((variable) => variable.component === component)
		.map((variable) => ({
			schemaPropertyName: variable.name,
			schemaPropertyValue: variable.value,
		}));
}

/** The sending phone number id, from the resource locator. */
export function sendingPhoneNumberId(context: ItemFunctions): string {
	const value = String(
		context.getNodeParameter('whatsappPhoneNumberId', '', { extractValue: true }) ?? '',
	).trim();
	if (value === '') throw itemError(context, 'whatsappPhoneNumberId', 'is required but empty');
	if (!/^[0-9]+$/.test(value))
		throw itemError(
			context,
			'whatsappPhoneNumberId',
			`"${value}" is not a phone number ID (digits only)`,
		);
	return value;
}

/** preSend of C1/C2: the Chakra template body (`mapping` arrays, header URLs, location, OTP). */
export async function buildChakraTemplateBody(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const whatsappPhoneNumberId = sendingPhoneNumberId(this);
	const send = await readTemplateSend(this);
	const body: IDataObject = { whatsappPhoneNumberId, templateName: send.name };
	if (send.language) body.language = send.language;
	const mappings: Array<[string, TemplateVariableValue['component']]> = [
		['mapping', 'body'],
		['headerMapping', 'header'],
		['buttonMapping', 'button'],
	];
	for (const [key, component] of mappings) {
		const mapping = mappingOf(send.variables, component);
		if (mapping.length > 0) body[key] = mapping;
	}
	const { header } = send;
	if (header.link) body[`${header.kind}Url`] = header.link;
	if (header.filename) body.filename = header.filename;
	if (header.location) {
		body.locationLatitude = header.location.latitude;
		body.locationLongitude = header.location.longitude;
		if (header.location.name) body.locationName = header.location.name;
		if (header.location.address) body.locationAddress = header.location.address;
	}
	if (send.otpCode) body.otpCode = send.otpCode;
	requestOptions.body = body;
	return requestOptions;
}

function textParameter(variable: TemplateVariableValue): IDataObject {
	// Named templates ({{first_name}}) name each parameter; positional ones go by order.
	return /^[0-9]+$/.test(variable.name)
		? { type: 'text', text: variable.value }
		: { type: 'text', parameter_name: variable.name, text: variable.value };
}

/** Meta's `template.components` for a send (C3). */
export function metaTemplateComponents(send: TemplateSend): IDataObject[] {
	const components: IDataObject[] = [];
	const headerParameters: IDataObject[] = send.variables
		.filter((variable) => variable.component === 'header')
		.map(textParameter);
	const { header } = send;
	if (header.kind === 'location' && header.location) {
		headerParameters.push({ type: 'location', location: { ...header.location } });
	} else if (header.link) {
		headerParameters.push({
			type: header.kind,
			[header.kind]: {
				link: header.link,
				...(header.filename ? { filename: header.filename } : {}),
			},
		});
	}
	if (headerParameters.length > 0)
		components.push({ type: 'header', parameters: headerParameters });
	const bodyParameters = send.variables
		.filter((variable) => variable.component === 'body')
		.map(textParameter);
	if (send.otpCode) bodyParameters.push({ type: 'text', text: send.otpCode });
	if (bodyParameters.length > 0) components.push({ type: 'body', parameters: bodyParameters });
	const buttonIndexes = [
		...new Set(
			send.variables
				.filter((variable) => variable.component === 'button')
				.map((variable) => variable.buttonIndex ?? 0),
		),
	];
	for (const index of buttonIndexes.sort((a, b) => a - b)) {
		components.push({
			type: 'button',
			sub_type: 'url',
			index: String(index),
			parameters: send.variables
				.filter(
					(variable) => variable.component === 'button' && (variable.buttonIndex ?? 0) === index,
				)
				.map((variable) => ({ type: 'text', text: variable.value })),
		});
	}
	// Authentication templates repeat the code in their copy-code / one-tap button (Meta's format).
	if (send.otpCode && !buttonIndexes.includes(0)) {
		components.push({
			type: 'button',
			sub_type: 'url',
			index: '0',
			parameters: [{ type: 'text', text: send.otpCode }],
		});
	}
	return components;
}

/** preSend of C3: Meta's template message body. */
export async function buildMetaTemplateBody(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const to = requirePhoneNumber(this, 'phoneNumber', this.getNodeParameter('phoneNumber', ''));
	const send = await readTemplateSend(this);
	if (!send.language) {
		throw itemError(
			this,
			'Language',
			'is required for a template entered by name',
			'Choose the template from the list (it carries its language), or set Options > Language, for example en_US.',
		);
	}
	const components = metaTemplateComponents(send);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const policy =
		typeof options.languagePolicy === 'string' && options.languagePolicy !== ''
			? options.languagePolicy
			: undefined;
	const sendComponents = components.length > 0 || options.sendEmptyComponents === true;
	requestOptions.body = {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'template',
		// Key order as ChakraHQ's SDK and Meta's examples write it: policy, then code.
		template: {
			name: send.name,
			language: { ...(policy ? { policy } : {}), code: send.language },
			...(sendComponents ? { components } : {}),
		},
	};
	return requestOptions;
}
