import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { itemError } from '../../../shared/validation';
import type { ParameterFormat } from './components';
import { componentFields } from './componentFields';
import { componentsFromFields, componentsFromJson } from './components';

const showOnlyForTemplateCreate = { resource: ['template'], operation: ['create'] };

export const TEMPLATE_CATEGORIES = [
	{ name: 'Authentication', value: 'AUTHENTICATION' },
	{ name: 'Marketing', value: 'MARKETING' },
	{ name: 'Utility', value: 'UTILITY' },
];

export const PARAMETER_FORMATS = [
	{ name: 'Named', value: 'NAMED', description: 'Variables such as {{first_name}}' },
	{ name: 'Positional', value: 'POSITIONAL', description: 'Variables {{1}}, {{2}} …' },
];

export const createDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'order_update',
		description: 'Lowercase letters, digits and underscores, up to 512 characters',
		displayOptions: { show: showOnlyForTemplateCreate },
		routing: { send: { type: 'body', property: 'name' } },
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		required: true,
		default: 'UTILITY',
		options: TEMPLATE_CATEGORIES,
		displayOptions: { show: showOnlyForTemplateCreate },
		routing: { send: { type: 'body', property: 'category' } },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		required: true,
		default: 'en_US',
		placeholder: 'en_US',
		description: 'Language code of the template, such as en, en_US or pt_BR',
		displayOptions: { show: showOnlyForTemplateCreate },
		routing: { send: { type: 'body', property: 'language' } },
	},
	{
		displayName: 'Parameter Format',
		name: 'parameterFormat',
		type: 'options',
		default: 'POSITIONAL',
		options: PARAMETER_FORMATS,
		description: 'How the variables of the template are written',
		displayOptions: { show: showOnlyForTemplateCreate },
		routing: { send: { type: 'body', property: 'parameter_format' } },
	},
	{
		displayName: 'Components',
		name: 'componentsSource',
		type: 'options',
		default: 'ui',
		options: [
			{
				name: 'Build in Editor',
				value: 'ui',
				description: 'Header, body, footer and buttons as fields',
			},
			{ name: 'JSON', value: 'json', description: "Meta's components array" },
		],
		displayOptions: { show: showOnlyForTemplateCreate },
	},
	...componentFields(showOnlyForTemplateCreate),
	{
		displayName: 'Options',
		name: 'createOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForTemplateCreate },
		options: [
			{
				displayName: 'Allow Category Change',
				name: 'allowCategoryChange',
				type: 'boolean',
				default: false,
				description:
					'Whether Meta may assign another category than the one chosen instead of rejecting the template',
				routing: { send: { type: 'body', property: 'allow_category_change' } },
			},
			{
				displayName: 'Message Time to Live (Seconds)',
				name: 'messageSendTtlSeconds',
				type: 'number',
				typeOptions: { minValue: 30 },
				default: 600,
				description: 'How long WhatsApp keeps trying to deliver a message of this template',
				routing: { send: { type: 'body', property: 'message_send_ttl_seconds' } },
			},
		],
	},
];

const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;

/** preSend of C6: name checked, components built from the editor or JSON. */
export async function setCreateComponents(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const name = String(this.getNodeParameter('name', '') ?? '').trim();
	if (!TEMPLATE_NAME.test(name)) {
		throw itemError(
			this,
			'Name',
			name === '' ? 'is required but empty' : `"${name}" is not a valid template name`,
			'Use lowercase letters, digits and underscores only, e.g. order_update.',
		);
	}
	const language = String(this.getNodeParameter('language', '') ?? '').trim();
	if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(language)) {
		throw itemError(
			this,
			'Language',
			`"${language}" is not a language code`,
			'Use a code such as en, en_US or pt_BR.',
		);
	}
	const format = this.getNodeParameter('parameterFormat', 'POSITIONAL') as ParameterFormat;
	const components =
		this.getNodeParameter('componentsSource', 'ui') === 'json'
			? componentsFromJson(this)
			: componentsFromFields(this, format);
	requestOptions.body = {
		...((requestOptions.body ?? {}) as IDataObject),
		name,
		language,
		components,
	};
	return requestOptions;
}
