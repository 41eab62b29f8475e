/** Send (C4/C5), interactive messages (reply buttons, list, call-to-action URL). */
import type { INodeProperties } from 'n8n-workflow';

import { INTERACTIVE_TYPES, show } from './common';

export const interactiveFields: INodeProperties[] = [
	{
		displayName: 'Header Text',
		name: 'interactiveHeader',
		type: 'string',
		default: '',
		description: 'Optional title above the text, up to 60 characters',
		displayOptions: show({ messageType: INTERACTIVE_TYPES }),
	},
	{
		displayName: 'Body Text',
		name: 'interactiveBody',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'Message text, up to 1024 characters (4096 for a list)',
		displayOptions: show({ messageType: INTERACTIVE_TYPES }),
	},
	{
		displayName: 'Footer Text',
		name: 'interactiveFooter',
		type: 'string',
		default: '',
		description: 'Optional small text below, up to 60 characters',
		displayOptions: show({ messageType: INTERACTIVE_TYPES }),
	},
	{
		displayName: 'Buttons',
		name: 'replyButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, maxAllowedFields: 3 },
		placeholder: 'Add Button',
		default: {},
		description:
			'Up to 3 buttons. The ID of the tapped button comes back in the reply (as the button reply ID in the Chakra Trigger output).',
		displayOptions: show({ messageType: ['interactiveButtons'] }),
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'confirm',
						description: 'Unique, up to 256 characters',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'Confirm',
						description: 'Shown on the button, up to 20 characters',
					},
				],
			},
		],
	},
	{
		displayName: 'List Button Text',
		name: 'listButtonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'See options',
		description: 'Text of the button that opens the list, up to 20 characters',
		displayOptions: show({ messageType: ['interactiveList'] }),
	},
	{
		displayName: 'Sections',
		name: 'listSections',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Section',
		default: {},
		description:
			'Up to 10 sections and 10 rows in all; a title is needed for each section when there are several',
		displayOptions: show({ messageType: ['interactiveList'] }),
		options: [
			{
				displayName: 'Section',
				name: 'section',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Up to 24 characters',
					},
					{
						displayName: 'Rows',
						name: 'rows',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Row',
						default: {},
						options: [
							{
								displayName: 'Row',
								name: 'row',
								values: [
									{
										displayName: 'ID',
										name: 'id',
										type: 'string',
										default: '',
										required: true,
										description:
											'Unique, up to 200 characters; comes back in the reply as the list reply ID',
									},
									{
										displayName: 'Title',
										name: 'title',
										type: 'string',
										default: '',
										required: true,
										description: 'Up to 24 characters',
									},
									{
										displayName: 'Description',
										name: 'description',
										type: 'string',
										default: '',
										description: 'Up to 72 characters',
									},
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Button Text',
		name: 'ctaDisplayText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Track order',
		description: 'Text of the button, up to 20 characters',
		displayOptions: show({ messageType: ['interactiveCtaUrl'] }),
	},
	{
		displayName: 'Button URL',
		name: 'ctaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://shop.example.com/track/A123',
		displayOptions: show({ messageType: ['interactiveCtaUrl'] }),
	},
];
