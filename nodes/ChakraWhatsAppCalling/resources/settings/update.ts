/**
 * The fields of C34 (Update calling settings), as the user fills them or as JSON; updateBody.ts
 * turns them into the request body.
 */
import type { INodeProperties } from 'n8n-workflow';

import { DAYS_OF_WEEK } from './schedule';

const showOnlyForSettingsUpdate = { resource: ['settings'], operation: ['update'] };
const showForFields = { ...showOnlyForSettingsUpdate, settingsInput: ['fields'] };
const showForCallHours = { ...showForFields, setCallHours: [true] };
const showForSip = { ...showForFields, setSip: [true] };

const STATUS_OPTIONS = [
	{ name: 'Enabled', value: 'ENABLED' },
	{ name: 'Disabled', value: 'DISABLED' },
];

export const settingsUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Define Settings',
		name: 'settingsInput',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'fields',
		displayOptions: { show: showOnlyForSettingsUpdate },
	},
	{
		displayName: 'Settings (JSON)',
		name: 'settingsJson',
		type: 'json',
		required: true,
		default:
			'{\n  "calling": {\n    "status": "ENABLED",\n    "callback_permission_status": "ENABLED"\n  }\n}',
		description:
			'The request body, sent as it is, e.g. {"calling": {"status": "ENABLED"}} or {"sip": {…}}. Enum values are uppercase; times HHMM, dates YYYY-MM-DD.',
		displayOptions: { show: { ...showOnlyForSettingsUpdate, settingsInput: ['json'] } },
	},
	{
		displayName: 'Settings',
		name: 'callingSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'Calling settings to change; settings not added here keep their current value',
		displayOptions: { show: showForFields },
		options: [
			{
				displayName: 'Call Icon Visibility',
				name: 'call_icon_visibility',
				type: 'options',
				options: [
					{ name: 'Default (Shown)', value: 'DEFAULT' },
					{ name: 'Disable All', value: 'DISABLE ALL' },
				],
				default: 'DEFAULT',
				description: 'Whether WhatsApp shows the call button in the chat with the business',
			},
			{
				displayName: 'Callback Permission',
				name: 'callback_permission_status',
				type: 'options',
				options: STATUS_OPTIONS,
				default: 'ENABLED',
				description: 'Whether users who call are asked to allow the business to call them back',
			},
			{
				displayName: 'Calling Status',
				name: 'status',
				type: 'options',
				options: STATUS_OPTIONS,
				default: 'ENABLED',
				description: 'Whether calling is on for this phone number',
			},
		],
	},
	{
		displayName: 'Set Call Hours',
		name: 'setCallHours',
		type: 'boolean',
		default: false,
		description: 'Whether to set the hours in which users can call',
		hint: 'The call hours sent here replace the stored ones entirely',
		displayOptions: { show: showForFields },
	},
	{
		displayName: 'Call Hours Status',
		name: 'callHoursStatus',
		type: 'options',
		options: STATUS_OPTIONS,
		default: 'ENABLED',
		description: 'Whether calls are accepted only within the hours below',
		displayOptions: { show: showForCallHours },
	},
	{
		displayName: 'Time Zone',
		name: 'timezoneId',
		type: 'string',
		default: '',
		placeholder: 'Asia/Kolkata',
		description:
			'IANA time zone of the hours below, e.g. America/Manaus. Required when call hours are enabled.',
		displayOptions: { show: showForCallHours },
	},
	{
		displayName: 'Weekly Hours',
		name: 'weeklyHours',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Opening Hours',
		default: {},
		description: 'Opening hours per day of the week; a day can have more than one entry',
		displayOptions: { show: showForCallHours },
		options: [
			{
				displayName: 'Hours',
				name: 'hours',
				values: [
					{
						displayName: 'Day',
						name: 'dayOfWeek',
						type: 'options',
						options: DAYS_OF_WEEK.map((day) => ({
							name: day.charAt(0) + day.slice(1).toLowerCase(),
							value: day,
						})),
						default: 'MONDAY',
					},
					{
						displayName: 'Open',
						name: 'openTime',
						type: 'string',
						default: '0900',
						placeholder: '0900',
						description: 'Opening time, HHMM (09:00 is accepted too)',
					},
					{
						displayName: 'Close',
						name: 'closeTime',
						type: 'string',
						default: '1800',
						placeholder: '1800',
						description: 'Closing time, HHMM, after the opening time',
					},
				],
			},
		],
	},
	{
		displayName: 'Holidays',
		name: 'holidays',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Holiday',
		default: {},
		description: 'Dates with other hours than the weekly ones',
		displayOptions: { show: showForCallHours },
		options: [
			{
				displayName: 'Holiday',
				name: 'holiday',
				values: [
					{
						displayName: 'Date',
						name: 'date',
						type: 'string',
						default: '',
						placeholder: '2026-01-01',
						description: 'The date, YYYY-MM-DD',
					},
					{
						displayName: 'Start',
						name: 'startTime',
						type: 'string',
						default: '0000',
						description: 'Start of the holiday hours, HHMM',
					},
					{
						displayName: 'End',
						name: 'endTime',
						type: 'string',
						default: '2359',
						description: 'End of the holiday hours, HHMM',
					},
				],
			},
		],
	},
	{
		displayName: 'Set SIP',
		name: 'setSip',
		type: 'boolean',
		default: false,
		description: 'Whether to set the SIP servers that receive the calls',
		hint: 'With SIP enabled, WhatsApp no longer uses the call operations and calling webhooks for this number',
		displayOptions: { show: showForFields },
	},
	{
		displayName: 'SIP Status',
		name: 'sipStatus',
		type: 'options',
		options: STATUS_OPTIONS,
		default: 'ENABLED',
		displayOptions: { show: showForSip },
	},
	{
		displayName: 'SIP Servers',
		name: 'sipServers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add SIP Server',
		default: {},
		displayOptions: { show: showForSip },
		options: [
			{
				displayName: 'Server',
				name: 'server',
				values: [
					{
						displayName: 'Hostname',
						name: 'hostname',
						type: 'string',
						default: '',
						placeholder: 'sip.example.com',
					},
					{
						displayName: 'Port',
						name: 'port',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 65535 },
						default: 0,
						description: "Port of the SIP server; 0 leaves it out (WhatsApp's default)",
					},
					{
						displayName: 'Request URI User Params',
						name: 'requestUriUserParams',
						type: 'string',
						default: '',
						placeholder: 'KEY1=VALUE1&KEY2=VALUE2',
						description:
							'Parameters added to the user part of the SIP request URI, as KEY=VALUE pairs joined by &',
					},
					{
						displayName: 'SIP User Password',
						name: 'sipUserPassword',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description: 'Password for SIP digest authentication; left out when empty',
					},
				],
			},
		],
	},
];
