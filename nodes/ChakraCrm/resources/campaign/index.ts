import type { INodeProperties } from 'n8n-workflow';

import { recipientPhoneNumberField } from '../../../shared/fields';
import { operationRouting } from '../../../shared/request';
import { sendPhoneNumberInBody } from '../../phoneNumberBody';

const showOnlyForCampaigns = { resource: ['campaign'] };

export const campaignDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCampaigns },
		options: [
			{
				name: 'Add Phone Number',
				value: 'addPhoneNumber',
				action: 'Add a phone number to a campaign',
				description: 'Add a phone number to a lead campaign',
				routing: operationRouting('C31', {
					preSend: [sendPhoneNumberInBody('phoneNumber', 'phoneNumber')],
				}),
			},
			{
				name: 'Remove Phone Number',
				value: 'removePhoneNumber',
				action: 'Remove a phone number from a campaign',
				description: 'Remove a phone number from a lead campaign',
				routing: operationRouting('C32', {
					preSend: [sendPhoneNumberInBody('phoneNumber', 'phoneNumber')],
				}),
			},
		],
		default: 'addPhoneNumber',
	},
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'f4d3c2b1-a098-4765-8321-0fedcba98765',
		description:
			'ID of the lead campaign, as shown on the campaign in ChakraHQ (the API cannot list campaigns)',
		displayOptions: { show: showOnlyForCampaigns },
	},
	recipientPhoneNumberField(showOnlyForCampaigns, {
		description:
			'Phone number with the country code, e.g. 919911223344. A leading +, spaces, dashes and brackets are removed.',
	}),
	// C31 and C32 take only the campaign ID and phone number above: no operation file of their own.
];
