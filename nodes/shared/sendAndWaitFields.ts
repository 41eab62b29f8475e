/**
 * The parameters of Send and Wait for Response that do not depend on the channel: Response Type
 * with its approval options or form fields, and the Options collection (Limit Wait Time, the texts
 * of the button and of the response page).
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export const SEND_AND_WAIT_TOOLTIP =
	"={{ $parameter.operation === 'sendAndWait' ? 'Execution will continue after the response' : '' }}";

type Show = NonNullable<IDisplayOptions['show']>;

/** The response fields of the operation, shown for `show` (resource + operation). */
export function sendAndWaitResponseFields(show: Show): INodeProperties[] {
	const shownFor = (extra: Show = {}) => ({ show: { ...show, ...extra } });
	return [
		{
			displayName: 'Response Type',
			name: 'responseType',
			type: 'options',
			default: 'approval',
			options: [
				{
					name: 'Approval',
					value: 'approval',
					description: 'The recipient approves (or declines) with a button',
				},
				{
					name: 'Free Text',
					value: 'freeText',
					description: 'The recipient answers in a text box on a web page',
				},
				{
					name: 'Custom Form',
					value: 'customForm',
					description: 'The recipient fills in a form defined below',
				},
			],
			displayOptions: shownFor(),
		},
		{
			displayName: 'Approval Options',
			name: 'approvalOptions',
			type: 'fixedCollection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Type of Approval',
							name: 'approvalType',
							type: 'options',
							default: 'single',
							options: [
								{ name: 'Approve Only', value: 'single' },
								{ name: 'Approve and Decline', value: 'double' },
							],
						},
						{
							displayName: 'Approve Button Label',
							name: 'approveLabel',
							type: 'string',
							default: 'Approve',
						},
						{
							displayName: 'Decline Button Label',
							name: 'disapproveLabel',
							type: 'string',
							default: 'Decline',
							displayOptions: { show: { approvalType: ['double'] } },
						},
					],
				},
			],
			displayOptions: shownFor({ responseType: ['approval'] }),
		},
		{
			displayName: 'Form Fields',
			name: 'formFields',
			type: 'fixedCollection',
			placeholder: 'Add Form Field',
			typeOptions: { multipleValues: true, sortable: true },
			required: true,
			default: {},
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Field Label',
							name: 'fieldLabel',
							type: 'string',
							default: '',
							required: true,
							placeholder: 'e.g. Delivery date',
							description: 'Shown above the field; also the key of the answer in the output',
						},
						{
							displayName: 'Field Type',
							name: 'fieldType',
							type: 'options',
							default: 'text',
							options: [
								{ name: 'Date', value: 'date' },
								{ name: 'Dropdown List', value: 'dropdown' },
								{ name: 'Email', value: 'email' },
								{ name: 'Number', value: 'number' },
								{ name: 'Text', value: 'text' },
								{ name: 'Textarea', value: 'textarea' },
							],
						},
						{
							displayName: 'Choices',
							name: 'fieldOptions',
							type: 'string',
							default: '',
							placeholder: 'e.g. Morning, Afternoon, Evening',
							description: 'The choices of the dropdown list, separated by commas',
							displayOptions: { show: { fieldType: ['dropdown'] } },
						},
						{
							displayName: 'Required Field',
							name: 'requiredField',
							type: 'boolean',
							default: false,
							description: 'Whether the form can be sent only with this field filled in',
						},
					],
				},
			],
			displayOptions: shownFor({ responseType: ['customForm'] }),
		},
	];
}

const limitWaitTimeOption: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	description:
		'Whether to stop waiting for a response after a time; the node then outputs its input item without an answer',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					options: [
						{
							name: 'After Time Interval',
							value: 'afterTimeInterval',
							description: 'Waits for a certain amount of time',
						},
						{
							name: 'At Specified Time',
							value: 'atSpecifiedTime',
							description: 'Waits until a date and time',
						},
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 1,
					description: 'The time to wait',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					default: 'hours',
					options: [
						{ name: 'Seconds', value: 'seconds' },
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					default: '',
					description: 'Stop waiting at this date and time',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
				},
			],
		},
	],
};

/** The Options collection of the operation: wait limit and the texts of the page and the button. */
export function sendAndWaitOptions(show: Show): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			limitWaitTimeOption,
			{
				displayName: 'Message Button Label',
				name: 'messageButtonLabel',
				type: 'string',
				default: 'Respond',
				description:
					'Label of the button that opens the response page (Free Text, Custom Form, and Approve and Decline); up to 20 characters',
			},
			{
				displayName: 'Response Page Title',
				name: 'responseFormTitle',
				type: 'string',
				default: '',
				description: 'Title of the page the button opens. Empty: the message text.',
			},
			{
				displayName: 'Response Form Button Label',
				name: 'responseFormButtonLabel',
				type: 'string',
				default: 'Submit',
			},
		],
	};
}
