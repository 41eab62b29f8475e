import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requireEmailAddress } from '../../../shared/emailAddress';
import { itemError, requirePhoneNumber } from '../../../shared/validation';
import {
	leadAttributePairsField,
	bodyObject,
	leadAssigneeOption,
	leadAttributesField,
	LeadData,
	leadStateOption,
	leadStatusOption,
	listedAttributes,
	nextActionAtOf,
	leadNextActionAtOption,
	refuseEmptyChoices,
} from '../../../shared/process/lead';

const showOnlyForLeadCreate = { resource: ['lead'], operation: ['create'] };

/** preSend of C26: `data` from name, phone number, email and attributes; `record.data`; next action as epoch ms. */
export async function setLeadCreateBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const additionalFields = this.getNodeParameter('additionalFields', {}) as IDataObject;
	refuseEmptyChoices(this, additionalFields, { state: 'State', assignedTo: 'Assigned To' });
	const data = new LeadData(this);
	const name = String(this.getNodeParameter('name', '') ?? '').trim();
	if (name !== '') data.set('name', name, 'Name');
	const phoneNumber = this.getNodeParameter('phoneNumber', '') as unknown;
	if (phoneNumber !== '' && phoneNumber !== undefined && phoneNumber !== null) {
		data.set('phone_number', requirePhoneNumber(this, 'phoneNumber', phoneNumber), 'Phone Number');
	}
	const email = this.getNodeParameter('email', '') as unknown;
	if (email !== undefined && email !== null && String(email).trim() !== '') {
		data.set('email', requireEmailAddress(this, 'Email', email), 'Email');
	}
	await data.addMappedAttributes();
	data.addListedAttributes('otherAttributes', 'Other Attributes');
	const record = listedAttributes(this, 'recordAttributes', 'Customer Record Attributes');
	if (data.isEmpty && Object.keys(record).length === 0) {
		throw itemError(
			this,
			'Lead',
			'has no values',
			'Give at least one of Name, Phone Number, Email, Lead Attributes, Other Attributes or Customer Record Attributes.',
		);
	}
	const body = bodyObject(requestOptions.body);
	if (!data.isEmpty) body.data = data.values;
	if (Object.keys(record).length) body.record = { data: record };
	const nextActionAt = nextActionAtOf(this, additionalFields);
	if (nextActionAt !== undefined) body.nextActionAt = nextActionAt;
	requestOptions.body = body;
	return requestOptions;
}

export const createDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'Asha Rao',
		description: 'Name of the lead (attribute name)',
		displayOptions: { show: showOnlyForLeadCreate },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: '919911223344',
		description:
			'WhatsApp number of the lead with the country code (attribute phone_number). A leading +, spaces, dashes and brackets are removed.',
		displayOptions: { show: showOnlyForLeadCreate },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		description: 'Email address of the lead (attribute email)',
		displayOptions: { show: showOnlyForLeadCreate },
	},
	leadAttributesField(
		showOnlyForLeadCreate,
		'Other attributes of the lead procedure, as configured for your team in ChakraHQ',
	),
	leadAttributePairsField(
		showOnlyForLeadCreate,
		{ displayName: 'Other Attributes', name: 'otherAttributes', placeholder: 'Add Attribute' },
		'Lead attributes by short ID that the list above does not offer',
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForLeadCreate },
		options: [
			leadAssigneeOption,
			leadNextActionAtOption,
			leadStateOption,
			leadStatusOption(
				'Whether the lead is open, completed or cancelled. ChakraHQ uses Open when this is not set.',
			),
		],
	},
	leadAttributePairsField(
		showOnlyForLeadCreate,
		{
			displayName: 'Customer Record Attributes',
			name: 'recordAttributes',
			placeholder: 'Add Record Attribute',
		},
		'Attributes of the customer record the lead belongs to (sent as record.data), by short ID',
	),
];
