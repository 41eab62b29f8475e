/** Send (C4/C5), contacts message. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { trimmedText } from '../../../../shared/checks';
import type { ItemFunctions } from '../../../../shared/itemFunctions';
import { itemError, requirePhoneNumber } from '../../../../shared/validation';
import { show } from './common';

export const contactsFields: INodeProperties[] = [
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact',
		default: {},
		displayOptions: show({ messageType: ['contacts'] }),
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{
						displayName: 'Company',
						name: 'company',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
					{
						displayName: 'First Name',
						name: 'firstName',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Formatted Name',
						name: 'formattedName',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'Asha Rao',
					},
					{
						displayName: 'Last Name',
						name: 'lastName',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Phone',
						name: 'phone',
						type: 'string',
						default: '',
						placeholder: '+91 99112 23344',
					},
					{
						displayName: 'Phone Type',
						name: 'phoneType',
						type: 'options',
						default: 'CELL',
						options: [
							{
								name: 'Cell',
								value: 'CELL',
							},
							{
								name: 'Home',
								value: 'HOME',
							},
							{
								name: 'iPhone',
								value: 'IPHONE',
							},
							{
								name: 'Main',
								value: 'MAIN',
							},
							{
								name: 'Work',
								value: 'WORK',
							},
						],
					},
					{
						displayName: 'WhatsApp ID',
						name: 'waId',
						type: 'string',
						default: '',
						description: "WhatsApp ID of the phone, adds the 'Message' button on the card",
					},
				],
			},
		],
	},
];

/** Meta's contact cards from the Contacts field. */
export function contactCards(context: ItemFunctions): IDataObject[] {
	const contacts = ((context.getNodeParameter('contacts', {}) as IDataObject).contact ??
		[]) as IDataObject[];
	if (contacts.length === 0) throw itemError(context, 'Contacts', 'add at least one contact');
	return contacts.map((contact, index) => {
		const formattedName = trimmedText(contact.formattedName);
		if (formattedName === '')
			throw itemError(context, `Contact ${index + 1} Formatted Name`, 'is required but empty');
		const card: IDataObject = {
			name: {
				formatted_name: formattedName,
				...(trimmedText(contact.firstName) ? { first_name: trimmedText(contact.firstName) } : {}),
				...(trimmedText(contact.lastName) ? { last_name: trimmedText(contact.lastName) } : {}),
			},
		};
		if (trimmedText(contact.phone) !== '') {
			const waId = trimmedText(contact.waId);
			card.phones = [
				{
					phone: trimmedText(contact.phone),
					type: trimmedText(contact.phoneType) || 'CELL',
					...(waId
						? { wa_id: requirePhoneNumber(context, `Contact ${index + 1} WhatsApp ID`, waId) }
						: {}),
				},
			];
		}
		if (trimmedText(contact.email) !== '')
			card.emails = [{ email: trimmedText(contact.email), type: 'WORK' }];
		if (trimmedText(contact.company) !== '') card.org = { company: trimmedText(contact.company) };
		return card;
	});
}
