/**
 * The editor fields of template components (header, body with examples, footer, buttons) and the
 * JSON field, for create (C6) and update (C8); components.ts checks and builds them.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

type Show = NonNullable<IDisplayOptions['show']>;

/** The component fields, shown for `show` when the components are built in the editor. */
export function componentFields(show: Show): INodeProperties[] {
	const ui = { ...show, componentsSource: ['ui'] };
	return [
		{
			displayName: 'Header',
			name: 'headerFormat',
			type: 'options',
			default: 'none',
			options: [
				{ name: 'Document', value: 'DOCUMENT' },
				{ name: 'Image', value: 'IMAGE' },
				{ name: 'Location', value: 'LOCATION' },
				{ name: 'None', value: 'none' },
				{ name: 'Text', value: 'TEXT' },
				{ name: 'Video', value: 'VIDEO' },
			],
			displayOptions: { show: ui },
		},
		{
			displayName: 'Header Text',
			name: 'headerText',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Order {{1}}',
			description: 'Up to 60 characters, with at most one variable',
			displayOptions: { show: { ...ui, headerFormat: ['TEXT'] } },
		},
		{
			displayName: 'Header Variable Example',
			name: 'headerTextExample',
			type: 'string',
			default: '',
			placeholder: 'A123',
			description:
				'Sample value of the header variable, required by WhatsApp when the header has one',
			displayOptions: { show: { ...ui, headerFormat: ['TEXT'] } },
		},
		{
			displayName: 'Header Media Example Handle',
			name: 'headerHandle',
			type: 'string',
			default: '',
			description:
				'Handle (or sample URL) of an example file for the media header, sent as example.header_handle',
			displayOptions: { show: { ...ui, headerFormat: ['IMAGE', 'VIDEO', 'DOCUMENT'] } },
		},
		{
			displayName: 'Body Text',
			name: 'bodyText',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			placeholder: 'Hi {{1}}, your order {{2}} has shipped.',
			description:
				'Up to 1024 characters. Variables are {{1}}, {{2}} … (positional) or {{first_name}} … (named, lowercase and underscores).',
			displayOptions: { show: ui },
		},
		{
			displayName: 'Body Variable Examples',
			name: 'bodyExamples',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Example',
			default: {},
			description:
				'A sample value for every variable of the body; WhatsApp reviews the template with them',
			displayOptions: { show: ui },
			options: [
				{
					displayName: 'Example',
					name: 'example',
					values: [
						{
							displayName: 'Variable',
							name: 'variable',
							type: 'string',
							default: '',
							placeholder: '1 or first_name',
							description: 'The variable without braces',
						},
						{
							displayName: 'Example Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'Asha',
						},
					],
				},
			],
		},
		{
			displayName: 'Footer Text',
			name: 'footerText',
			type: 'string',
			default: '',
			description: 'Optional, up to 60 characters, no variables',
			displayOptions: { show: ui },
		},
		{
			displayName: 'Buttons',
			name: 'templateButtons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Button',
			default: {},
			displayOptions: { show: ui },
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{
							displayName: 'Example',
							name: 'example',
							type: 'string',
							default: '',
							description:
								'URL button with a variable: a full sample URL. Copy code button: a sample code (up to 15 characters).',
						},
						{
							displayName: 'Phone Number',
							name: 'phoneNumber',
							type: 'string',
							default: '',
							placeholder: '+919911223344',
							description: 'For a phone number button',
						},
						{
							displayName: 'Text',
							name: 'text',
							type: 'string',
							default: '',
							description: 'Button label, up to 25 characters',
						},
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							default: 'QUICK_REPLY',
							options: [
								{ name: 'Copy Code', value: 'COPY_CODE' },
								{ name: 'Phone Number', value: 'PHONE_NUMBER' },
								{ name: 'Quick Reply', value: 'QUICK_REPLY' },
								{ name: 'URL', value: 'URL' },
							],
						},
						{
							displayName: 'URL',
							name: 'url',
							type: 'string',
							default: '',
							placeholder: 'https://shop.example.com/track/{{1}}',
							description: 'For a URL button; may end with one variable {{1}}',
						},
					],
				},
			],
		},
		{
			displayName: 'Components (JSON)',
			name: 'componentsJson',
			type: 'json',
			required: true,
			default:
				'[\n  { "type": "BODY", "text": "Hi {{1}}", "example": { "body_text": [["Asha"]] } }\n]',
			description: "Meta's components array: HEADER, BODY, FOOTER and BUTTONS objects",
			displayOptions: { show: { ...show, componentsSource: ['json'] } },
		},
	];
}
