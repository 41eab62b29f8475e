/**
 * The body of C34 (Update calling settings): the preSend that builds `{ calling: {...} }` from the
 * fields of update.ts, or takes the JSON as given, and checks it before anything is sent.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { itemError, parseJsonField } from '../../../shared/validation';
import { checkCallingObject, checkOrder, hhmm, isoDate, timeZone } from './schedule';

const JSON_LABEL = 'Settings (JSON)';

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
