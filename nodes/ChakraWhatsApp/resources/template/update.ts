import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { wabaIdField } from '../../../shared/fields';
import { itemError } from '../../../shared/validation';
import type { ParameterFormat } from './components';
import { componentFields } from './componentFields';
import { componentsFromFields, componentsFromJson } from './components';
import { PARAMETER_FORMATS, TEMPLATE_CATEGORIES } from './create';

const showOnlyForTemplateUpdate = { resource: ['template'], operation: ['update'] };

export const updateDescription: INodeProperties[] = [
	{
		...wabaIdField(showOnlyForTemplateUpdate),
		required: false,
		description:
			'Business account whose templates the list below shows (needs the Plugin ID). Not sent with the update.',
	},
	{
		displayName: 'Template',
		name: 'whatsappMessageTemplateId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The template to change. Its name and language cannot be changed.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTemplateIds', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1387372356726668',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]+$', errorMessage: 'A template ID has digits only' },
					},
				],
			},
		],
		displayOptions: { show: showOnlyForTemplateUpdate },
	},
	{
		displayName: 'Components',
		name: 'componentsSource',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'Keep', value: 'none', description: 'Do not change the components' },
			{
				name: 'Build in Editor',
				value: 'ui',
				description: 'New header, body, footer and buttons as fields',
			},
			{ name: 'JSON', value: 'json', description: "New components as Meta's array" },
		],
		displayOptions: { show: showOnlyForTemplateUpdate },
	},
	...componentFields(showOnlyForTemplateUpdate),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForTemplateUpdate },
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				default: 'UTILITY',
				options: TEMPLATE_CATEGORIES,
				routing: { send: { type: 'body', property: 'category' } },
			},
			{
				displayName: 'Message Time to Live (Seconds)',
				name: 'messageSendTtlSeconds',
				type: 'number',
				typeOptions: { minValue: 30 },
				default: 600,
				routing: { send: { type: 'body', property: 'message_send_ttl_seconds' } },
			},
			{
				displayName: 'Parameter Format',
				name: 'parameterFormat',
				type: 'options',
				default: 'POSITIONAL',
				options: PARAMETER_FORMATS,
				routing: { send: { type: 'body', property: 'parameter_format' } },
			},
		],
	},
];

/** preSend of C8: new components if asked for; at least one change, or nothing is sent. */
export async function setUpdateComponents(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body ?? {}) as IDataObject) };
	const source = this.getNodeParameter('componentsSource', 'none');
	const declared = (this.getNodeParameter('updateFields', {}) as IDataObject).parameterFormat as
		ParameterFormat | undefined;
	if (source === 'ui') body.components = componentsFromFields(this, declared);
	if (source === 'json') body.components = componentsFromJson(this);
	if (Object.keys(body).length === 0) {
		throw itemError(
			this,
			'Update Fields',
			'nothing to update',
			'Choose new Components, or add a Category, Message Time to Live or Parameter Format under Update Fields.',
		);
	}
	requestOptions.body = body;
	return requestOptions;
}
