import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { itemError, parseJsonField } from '../../../shared/validation';
import { DAYS_OF_WEEK, checkCallingObject, checkOrder, hhmm, isoDate, timeZone } from './schedule';

const showOnlyForSettingsUpdate = { resource: ['settings'], operation: ['update'] };
const showForFields = { ...showOnlyForSettingsUpdate, settingsInput: ['fields'] };
const showForCallHours = { ...showForFields, setCallHours: [true] };
const showForSip = { ...showForFields, setSip: [true] };

const JSON_LABEL = 'Settings (JSON)';
const STATUS_OPTIONS = [
	{ name: 'Enabled', value: 'ENABLED' },
	{ name: 'Disabled', value: 'DISABLED' },
];

interface WeeklyEntry {
	dayOfWeek?: string;
	openTime?: string;
	closeTime?: string;
}
interface HolidayEntry {
	date?: string;
	startTime?: string;
	endTime?: string;
}
interface SipServerEntry {
	hostname?: string;
	port?: number;
	requestUriUserParams?: string;
	sipUserPassword?: string;
}

/** `KEY1=VALUE1&KEY2=VALUE2` into `{ KEY1: 'VALUE1', KEY2: 'VALUE2' }`. */
function uriUserParams(context: IExecuteSingleFunctions, text: string): IDataObject | undefined {
	const pairs = text
		.split('&')
		.map((pair) => pair.trim())
		.filter(Boolean);
	if (pairs.length === 0) return undefined;
	const params: IDataObject = {};
	for (const pair of pairs) {
		const equals = pair.indexOf('=');
		const key = equals > 0 ? pair.slice(0, equals).trim() : '';
		if (key === '')
			throw itemError(context, 'Request URI User Params', `"${pair}" is not a KEY=VALUE pair`);
		params[key] = pair.slice(equals + 1).trim();
	}
	return params;
}

function callHoursFromFields(context: IExecuteSingleFunctions): IDataObject {
	const status = String(context.getNodeParameter('callHoursStatus', 'ENABLED'));
	const hours: IDataObject = { status };
	const zone = String(context.getNodeParameter('timezoneId', '') ?? '').trim();
	if (status === 'ENABLED' || zone !== '') hours.timezone_id = timeZone(context, 'Time Zone', zone);
	const weekly = ((context.getNodeParameter('weeklyHours', {}) as IDataObject).hours ??
		[]) as WeeklyEntry[];
	if (status === 'ENABLED' && weekly.length === 0) {
		throw itemError(
			context,
			'Weekly Hours',
			'add at least one day with opening hours when call hours are enabled',
		);
	}
	if (weekly.length > 0) {
		hours.weekly_operating_hours = weekly.map((entry, index) => {
			const open = hhmm(context, 'Weekly Hours', entry.openTime);
			const close = hhmm(context, 'Weekly Hours', entry.closeTime);
			checkOrder(
				context,
				'Weekly Hours',
				open,
				close,
				`entry ${index + 1} (${String(entry.dayOfWeek)})`,
			);
			return { day_of_week: entry.dayOfWeek ?? 'MONDAY', open_time: open, close_time: close };
		});
	}
	const holidays = ((context.getNodeParameter('holidays', {}) as IDataObject).holiday ??
		[]) as HolidayEntry[];
	if (holidays.length > 0) {
		hours.holiday_schedule = holidays.map((entry, index) => {
			const date = isoDate(context, 'Holidays', entry.date);
			const start = hhmm(context, 'Holidays', entry.startTime);
			const end = hhmm(context, 'Holidays', entry.endTime);
			checkOrder(context, 'Holidays', start, end, `entry ${index + 1} (${date})`);
			return { date, start_time: start, end_time: end };
		});
	}
	return hours;
}

function sipFromFields(context: IExecuteSingleFunctions): IDataObject {
	const sip: IDataObject = { status: String(context.getNodeParameter('sipStatus', 'ENABLED')) };
	const servers = ((context.getNodeParameter('sipServers', {}) as IDataObject).server ??
		[]) as SipServerEntry[];
	if (servers.length > 0) {
		sip.servers = servers.map((entry) => {
			const hostname = String(entry.hostname ?? '').trim();
			if (hostname === '') throw itemError(context, 'SIP Servers', 'every server needs a hostname');
			const server: IDataObject = { hostname };
			if (entry.port) server.port = entry.port;
			const params = uriUserParams(context, String(entry.requestUriUserParams ?? ''));
			if (params) server.request_uri_user_params = params;
			if (entry.sipUserPassword) server.sip_user_password = entry.sipUserPassword;
			return server;
		});
	}
	return sip;
}

function callingFromFields(context: IExecuteSingleFunctions): IDataObject {
	const calling: IDataObject = {
		...((context.getNodeParameter('callingSettings', {}) ?? {}) as IDataObject),
	};
	if (context.getNodeParameter('setCallHours', false) as boolean)
		calling.call_hours = callHoursFromFields(context);
	if (context.getNodeParameter('setSip', false) as boolean) calling.sip = sipFromFields(context);
	if (Object.keys(calling).length === 0) {
		throw itemError(
			context,
			'Settings',
			'choose at least one setting to change',
			'Add a setting, turn on "Set Call Hours" or "Set SIP", or switch to JSON.',
		);
	}
	return calling;
}

/**
 * The C34 body from JSON, sent as given (as ChakraHQ's SDK sends it: `calling`, `sip`,
 * `storage_configuration` … at the top level); a `calling` object in it is checked first.
 */
function bodyFromJson(context: IExecuteSingleFunctions): IDataObject {
	const body = parseJsonField(context, JSON_LABEL, context.getNodeParameter('settingsJson', ''));
	if (Array.isArray(body))
		throw itemError(context, JSON_LABEL, 'must be a JSON object, not an array');
	if (Object.keys(body).length === 0)
		throw itemError(context, JSON_LABEL, 'is an empty object: nothing would change');
	if ('calling' in body) {
		const calling = body.calling;
		if (typeof calling !== 'object' || calling === null || Array.isArray(calling)) {
			throw itemError(context, JSON_LABEL, '"calling" must be an object');
		}
		checkCallingObject(context, JSON_LABEL, calling as IDataObject);
	}
	return body;
}

/** preSend of C34: `{ calling: {...} }` from the fields or the JSON, checked before anything is sent. */
export async function callingSettingsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const input = this.getNodeParameter('settingsInput', 'fields') as string;
	requestOptions.body =
		input === 'json' ? bodyFromJson(this) : { calling: callingFromFields(this) };
	return requestOptions;
}

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
