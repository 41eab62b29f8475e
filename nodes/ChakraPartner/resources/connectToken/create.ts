import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireEmailAddress } from '../../../shared/emailAddress';
import { pluginIdField } from '../../../shared/fields';
import { requirePluginId } from '../../../shared/pluginId';
import { chakraBaseUrl } from '../../../shared/transport';
import { itemError } from '../../../shared/validation';

const showOnlyForConnectTokenCreate = { resource: ['connectToken'], operation: ['create'] };

const CLIENT_FIELDS = ['clientReferenceId', 'clientName', 'clientEmail'];

/**
 * preSend of C37: exactly one of `pluginId` (existing plugin, a UUID) and `newPluginName`; empty
 * client fields are left out and the client email must be an address.
 */
export async function setConnectTokenTarget(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body: IDataObject = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
	delete body.pluginId;
	delete body.newPluginName;
	if (this.getNodeParameter('connectTo') === 'existingPlugin') {
		body.pluginId = await requirePluginId(this);
	} else {
		const newPluginName = String(this.getNodeParameter('newPluginName', '') ?? '').trim();
		if (newPluginName === '') throw itemError(this, 'New Plugin Name', 'is required but empty');
		body.newPluginName = newPluginName;
	}
	for (const key of CLIENT_FIELDS) {
		const value = body[key];
		if (value === undefined || value === null || String(value).trim() === '') delete body[key];
		else body[key] = String(value).trim();
	}
	if (body.clientEmail !== undefined)
		body.clientEmail = requireEmailAddress(this, 'Client Email', body.clientEmail);
	requestOptions.body = body;
	return requestOptions;
}

/** postReceive of C37: adds the hosted connect page for the token, on the credential's base URL. */
export async function addConnectUrl(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const baseUrl = await chakraBaseUrl(this);
	return items.map((item) => {
		const token = item.json.connectToken;
		if (typeof token !== 'string' || token === '') {
			throw new NodeOperationError(this.getNode(), 'ChakraHQ answered without a connect token', {
				description: `The response of Create Connect Token has no _data.connectToken: ${JSON.stringify(response.body).slice(0, 500)}`,
				itemIndex: this.getItemIndex(),
			});
		}
		const connectUrl = `${baseUrl}/v1/ext/whatsapp-partner/connect?connectToken=${encodeURIComponent(token)}`;
		return { ...item, json: { ...item.json, connectUrl } };
	});
}

export const createDescription: INodeProperties[] = [
	{
		displayName: 'Connect To',
		name: 'connectTo',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'New Plugin',
				value: 'newPlugin',
				description: 'Create a new WhatsApp plugin for the customer',
			},
			{
				name: 'Existing Plugin',
				value: 'existingPlugin',
				description: 'Connect the account to a WhatsApp plugin that already exists',
			},
		],
		default: 'newPlugin',
		description: 'Where the WhatsApp account connected with this token goes',
		displayOptions: { show: showOnlyForConnectTokenCreate },
	},
	pluginIdField({ ...showOnlyForConnectTokenCreate, connectTo: ['existingPlugin'] }),
	{
		displayName: 'New Plugin Name',
		name: 'newPluginName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Acme Retail WhatsApp',
		description: 'Name of the WhatsApp plugin ChakraHQ creates for the connected account',
		displayOptions: { show: { ...showOnlyForConnectTokenCreate, connectTo: ['newPlugin'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForConnectTokenCreate },
		options: [
			{
				displayName: 'Client Email',
				name: 'clientEmail',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
				description: 'Email address of your end customer',
				routing: { send: { type: 'body', property: 'clientEmail' } },
			},
			{
				displayName: 'Client Name',
				name: 'clientName',
				type: 'string',
				default: '',
				placeholder: 'Acme Retail',
				description: 'Name of your end customer',
				routing: { send: { type: 'body', property: 'clientName' } },
			},
			{
				displayName: 'Client Reference ID',
				name: 'clientReferenceId',
				type: 'string',
				default: '',
				placeholder: 'cust-1042',
				description: 'Your own ID for the end customer, to recognise the connection later',
				routing: { send: { type: 'body', property: 'clientReferenceId' } },
			},
		],
	},
];
