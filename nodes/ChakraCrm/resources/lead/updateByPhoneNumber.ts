import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requireEmailAddress } from '../../../shared/emailAddress';
import { recipientPhoneNumberField } from '../../../shared/fields';
import { itemError } from '../../../shared/validation';
import {
	leadAttributePairsField,
	bodyObject,
	leadAttributesField,
	LeadData,
	leadStateOption,
	leadStatusOption,
	nextActionAtOf,
	leadNextActionAtOption,
	refuseEmptyChoices,
} from '../../../shared/process/lead';

const showOnlyForLeadUpdateByPhoneNumber = {
	resource: ['lead'],
	operation: ['updateByPhoneNumber'],
};

/** preSend of C27: only what the user gave is sent (partial update), and at least one thing is. */
export async function setLeadUpdateBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const updateFields = this.getNodeParameter('updateFields', {}) as IDataObject;
	refuseEmptyChoices(this, updateFields, { state: 'State' });
	const data = new LeadData(this);
	if ('name' in updateFields) {
		const name = String(updateFields.name ?? '').trim();
		if (name === '')
			throw itemError(this, 'Name', 'is empty: enter the new name or remove the field');
		data.set('name', name, 'Name');
	}
	if ('email' in updateFields)
		data.set('email', requireEmailAddress(this, 'Email', updateFields.email), 'Email');
	await data.addMappedAttributes();
	data.addListedAttributes('otherAttributes', 'Other Attributes');
	const body = bodyObject(requestOptions.body);
	if (!data.isEmpty) body.data = data.values;
	const nextActionAt = nextActionAtOf(this, updateFields);
	if (nextActionAt !== undefined) body.nextActionAt = nextActionAt;
	if (Object.keys(body).length === 0) {
		throw itemError(
			this,
			'Update Fields',
			'nothing to update',
			'Add at least one field, lead attribute or other attribute to change.',
		);
	}
	requestOptions.body = body;
	return requestOptions;
}

export const updateByPhoneNumberDescription: INodeProperties[] = [
	recipientPhoneNumberField(showOnlyForLeadUpdateByPhoneNumber, {
		description:
			'Phone number of the lead to update, as stored on the lead, with the country code. A leading +, spaces, dashes and brackets are removed. Works when phone_number is the primary key of your lead procedure.',
	}),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are changed',
		displayOptions: { show: showOnlyForLeadUpdateByPhoneNumber },
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
				description: 'New email address of the lead (attribute email)',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'New name of the lead (attribute name)',
			},
			leadNextActionAtOption,
			leadStateOption,
			leadStatusOption('Whether the lead is open, completed or cancelled'),
		],
	},
	leadAttributesField(
		showOnlyForLeadUpdateByPhoneNumber,
		'Lead attributes to change; attributes left empty are not sent and keep their value',
	),
	leadAttributePairsField(
		showOnlyForLeadUpdateByPhoneNumber,
		{ displayName: 'Other Attributes', name: 'otherAttributes', placeholder: 'Add Attribute' },
		'Lead attributes by short ID that the list above does not offer',
	),
];
