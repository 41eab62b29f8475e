/**
 * Who a call or a permission check is about: the user's phone number, or the business-scoped user
 * ID (BSUID) that Meta gives instead of the number to businesses that do not see it. The API takes
 * one of the two (C35 `user_wa_id` or `recipient`; C36 connect `to` or `recipient`).
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { ItemFunctions } from '../shared/itemFunctions';
import { itemError, requirePhoneNumber } from '../shared/validation';

type Show = NonNullable<IDisplayOptions['show']>;

export const BSUID_LABEL = 'Business-Scoped User ID';

/** "Identify User By" and the BSUID field; the phone number field is the operation's own. */
export function userIdentityFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Identify User By',
			name: 'identifyUserBy',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Phone Number',
					value: 'phoneNumber',
					description: 'The WhatsApp number with the country code',
				},
				{
					name: BSUID_LABEL,
					value: 'bsuid',
					description:
						"Meta's business-scoped user ID, for users whose phone number the business does not see",
				},
			],
			default: 'phoneNumber',
			displayOptions: { show },
		},
		{
			displayName: BSUID_LABEL,
			name: 'recipient',
			type: 'string',
			required: true,
			default: '',
			description:
				"The user's business-scoped user ID (BSUID) as received in webhooks, sent as `recipient`",
			displayOptions: { show: { ...show, identifyUserBy: ['bsuid'] } },
		},
	];
}

/** The phone field shown only while identifying by phone number. */
export function whenIdentifiedByPhone(show: Show): Show {
	return { ...show, identifyUserBy: ['phoneNumber'] };
}

/**
 * The key and value that name the user: `{ [phoneKey]: digits }` or `{ recipient: bsuid }`.
 * Node parameters saved before the choice existed read as phone number.
 */
export function userIdentity(
	context: ItemFunctions,
	phoneParameter: string,
	phoneLabel: string,
	phoneKey: string,
): Record<string, string> {
	if (context.getNodeParameter('identifyUserBy', 'phoneNumber') === 'bsuid') {
		const recipient = String(context.getNodeParameter('recipient', '') ?? '').trim();
		if (recipient === '') throw itemError(context, BSUID_LABEL, 'is required but empty');
		return { recipient };
	}
	return {
		[phoneKey]: requirePhoneNumber(
			context,
			phoneLabel,
			context.getNodeParameter(phoneParameter, ''),
		),
	};
}
