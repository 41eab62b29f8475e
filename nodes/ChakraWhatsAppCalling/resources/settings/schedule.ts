/** Checks of the calling settings of C34: enums, call hours (HHMM, YYYY-MM-DD), time zone, SIP servers. */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { itemError } from '../../../shared/validation';

export const DAYS_OF_WEEK = [
	'MONDAY',
	'TUESDAY',
	'WEDNESDAY',
	'THURSDAY',
	'FRIDAY',
	'SATURDAY',
	'SUNDAY',
];
const HHMM = /^([01]\d|2[0-3]):?([0-5]\d)$/;
const STRICT_HHMM = /^([01]\d|2[0-3])([0-5]\d)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A time as Meta wants it, `HHMM`; from fields `HH:MM` is accepted and written without the colon. */
export function hhmm(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	allowColon = true,
): string {
	const text =
		typeof value === 'number' ? String(value).padStart(4, '0') : String(value ?? '').trim();
	const match = (allowColon ? HHMM : STRICT_HHMM).exec(text);
	if (!match)
		throw itemError(
			context,
			field,
			`"${text}" is not a time of day in the form HHMM (0000 to 2359), e.g. 0930`,
		);
	return `${match[1]}${match[2]}`;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function isoDate(context: IExecuteSingleFunctions, field: string, value: unknown): string {
	const text = String(value ?? '').trim();
	const match = ISO_DATE.exec(text);
	const [year, month, day] = match
		? [Number(match[1]), Number(match[2]), Number(match[3])]
		: [0, 0, 0];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (
		!match ||
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	) {
		throw itemError(
			context,
			field,
			`"${text}" is not a date in the form YYYY-MM-DD, e.g. 2026-01-01`,
		);
	}
	return text;
}

/** An IANA time zone known to the runtime, e.g. `America/Manaus`. */
export function timeZone(context: IExecuteSingleFunctions, field: string, value: unknown): string {
	const text = String(value ?? '').trim();
	if (text === '') throw itemError(context, field, 'is required when call hours are enabled');
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: text });
	} catch {
		throw itemError(
			context,
			field,
			`"${text}" is not a known IANA time zone, e.g. America/Manaus or Asia/Kolkata`,
		);
	}
	return text;
}

/** Opening time before closing time, for one weekly entry or one holiday. */
export function checkOrder(
	context: IExecuteSingleFunctions,
	field: string,
	start: string,
	end: string,
	what: string,
): void {
	if (start >= end) throw itemError(context, field, `${what}: ${start} is not before ${end}`);
}

function oneOf(
	context: IExecuteSingleFunctions,
	field: string,
	path: string,
	value: unknown,
	allowed: string[],
): void {
	if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value))) {
		throw itemError(
			context,
			field,
			`${path} is ${JSON.stringify(value)}; use one of ${allowed.join(', ')}`,
		);
	}
}

function entries(
	context: IExecuteSingleFunctions,
	field: string,
	path: string,
	value: unknown,
): IDataObject[] {
	if (value === undefined) return [];
	if (
		!Array.isArray(value) ||
		value.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))
	) {
		throw itemError(context, field, `${path} must be an array of objects`);
	}
	return value as IDataObject[];
}

/**
 * Checks a `calling` object in the API's own form (as given in JSON, or as built from the fields) so
 * that nothing WhatsApp would refuse for its shape is sent.
 */
export function checkCallingObject(
	context: IExecuteSingleFunctions,
	field: string,
	calling: IDataObject,
): void {
	const status = ['ENABLED', 'DISABLED'];
	oneOf(context, field, 'calling.status', calling.status, status);
	oneOf(context, field, 'calling.call_icon_visibility', calling.call_icon_visibility, [
		'DEFAULT',
		'DISABLE ALL',
	]);
	oneOf(
		context,
		field,
		'calling.callback_permission_status',
		calling.callback_permission_status,
		status,
	);
	const hours = calling.call_hours as IDataObject | undefined;
	if (hours !== undefined) {
		if (typeof hours !== 'object' || hours === null || Array.isArray(hours))
			throw itemError(context, field, 'calling.call_hours must be an object');
		oneOf(context, field, 'calling.call_hours.status', hours.status, status);
		if (hours.timezone_id !== undefined) timeZone(context, field, hours.timezone_id);
		entries(
			context,
			field,
			'calling.call_hours.weekly_operating_hours',
			hours.weekly_operating_hours,
		).forEach((entry, index) => {
			const where = `calling.call_hours.weekly_operating_hours[${index}]`;
			oneOf(context, field, `${where}.day_of_week`, entry.day_of_week, DAYS_OF_WEEK);
			if (typeof entry.open_time !== 'string' || typeof entry.close_time !== 'string') {
				throw itemError(
					context,
					field,
					`${where} needs open_time and close_time as "HHMM" strings`,
				);
			}
			checkOrder(
				context,
				field,
				hhmm(context, field, entry.open_time, false),
				hhmm(context, field, entry.close_time, false),
				where,
			);
		});
		entries(context, field, 'calling.call_hours.holiday_schedule', hours.holiday_schedule).forEach(
			(entry, index) => {
				const where = `calling.call_hours.holiday_schedule[${index}]`;
				isoDate(context, field, entry.date);
				if (typeof entry.start_time !== 'string' || typeof entry.end_time !== 'string') {
					throw itemError(
						context,
						field,
						`${where} needs start_time and end_time as "HHMM" strings`,
					);
				}
				checkOrder(
					context,
					field,
					hhmm(context, field, entry.start_time, false),
					hhmm(context, field, entry.end_time, false),
					where,
				);
			},
		);
	}
	const sip = calling.sip as IDataObject | undefined;
	if (sip !== undefined) {
		if (typeof sip !== 'object' || sip === null || Array.isArray(sip))
			throw itemError(context, field, 'calling.sip must be an object');
		oneOf(context, field, 'calling.sip.status', sip.status, status);
		entries(context, field, 'calling.sip.servers', sip.servers).forEach((server, index) => {
			if (typeof server.hostname !== 'string' || server.hostname.trim() === '') {
				throw itemError(context, field, `calling.sip.servers[${index}] needs a hostname`);
			}
		});
	}
}
