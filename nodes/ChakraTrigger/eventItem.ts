/**
 * One output item of the trigger (ChakraEvent): its shape, the empty item, and the readers that
 * fill its fields from any payload (text, media id, timestamp, contact name, BSUID), whatever
 * format the body came in. Unknown shapes read as null, never throw.
 */
import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../shared/envelope';

export type Json = IDataObject[keyof IDataObject];

/** One output item of the trigger (every key is always present; missing values are null). */
export interface ChakraEvent extends IDataObject {
	event: string;
	from: string | null;
	to: string | null;
	contactName: string | null;
	messageType: string | null;
	text: string | null;
	mediaId: string | null;
	status: string | null;
	wamid: string | null;
	callId: string | null;
	groupId: string | null;
	timestamp: string | null;
	timestampMs: number | null;
	phoneNumberId: string | null;
	wabaId: string | null;
	/** The user's business-scoped user ID (Meta BSUID), only when the payload carries one. */
	bsuid?: string;
	/** The BSUID shared across the business portfolios of a parent business, when present. */
	parentBsuid?: string;
	/** The user's WhatsApp username, when present. */
	username?: string;
	raw: Json;
}

export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'];

export type Obj = Record<string, unknown>;

/** A key of the payload itself: keys of Object.prototype ("constructor", "__proto__") are never read. */
export function field(value: unknown, key: string): unknown {
	return isObject(value) && Object.prototype.hasOwnProperty.call(value, key)
		? value[key]
		: undefined;
}

/** A text value: strings as they are, finite numbers as text (ids sometimes arrive as numbers). */
export function textOrNull(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

export function lowercase(value: unknown): string | null {
	const result = textOrNull(value);
	return result === null ? null : result.toLowerCase();
}

export function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

export function firstText(...values: unknown[]): string | null {
	for (const value of values) {
		const result = textOrNull(value);
		if (result !== null && result !== '') return result;
	}
	return null;
}

// Latest date JavaScript can represent (ms); beyond it toISOString() throws.
const MAX_DATE_MS = 8.64e15;
// Below this a number is a Unix time in seconds (10^11 s is the year 5138, 10^11 ms is 1973).
const SECONDS_LIMIT = 1e11;

/**
 * Meta sends Unix seconds as strings, Chakra epoch milliseconds as numbers (docs/api-reference.md 1.9). Both,
 * and numeric strings of either, become milliseconds.
 */
export function toTimestampMs(value: unknown): number | null {
	let number: number;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) number = Number(value);
	else return null;
	if (!Number.isFinite(number) || number < 0) return null;
	const ms = Math.round(number < SECONDS_LIMIT ? number * 1000 : number);
	return ms <= MAX_DATE_MS ? ms : null;
}

export function timestampFields(value: unknown): Pick<ChakraEvent, 'timestamp' | 'timestampMs'> {
	const ms = toTimestampMs(value);
	return { timestamp: ms === null ? null : new Date(ms).toISOString(), timestampMs: ms };
}

export function emptyEvent(event: string, raw: unknown): ChakraEvent {
	return {
		event,
		from: null,
		to: null,
		contactName: null,
		messageType: null,
		text: null,
		mediaId: null,
		status: null,
		wamid: null,
		callId: null,
		groupId: null,
		timestamp: null,
		timestampMs: null,
		phoneNumberId: null,
		wabaId: null,
		raw: raw as Json,
	};
}

/** The readable text of a Meta message: body, caption, button or list reply title, emoji, ... */
export function messageText(message: unknown): string | null {
	const type = textOrNull(field(message, 'type'));
	const content = type === null ? undefined : field(message, type);
	switch (type) {
		case 'text':
			return textOrNull(field(content, 'body'));
		case 'image':
		case 'video':
		case 'document':
		case 'audio':
		case 'sticker':
			return textOrNull(field(content, 'caption'));
		case 'button':
			return firstText(field(content, 'text'), field(content, 'payload'));
		case 'interactive':
			return interactiveText(content);
		case 'reaction':
			return textOrNull(field(content, 'emoji'));
		case 'location':
			return firstText(field(content, 'name'), field(content, 'address'));
		case 'order':
			return textOrNull(field(content, 'text'));
		case 'system':
			return textOrNull(field(content, 'body'));
		default:
			return null;
	}
}

function interactiveText(interactive: unknown): string | null {
	return firstText(
		field(field(interactive, 'button_reply'), 'title'),
		field(field(interactive, 'list_reply'), 'title'),
		field(field(interactive, 'nfm_reply'), 'body'),
	);
}

/** Media id of an image, video, audio, document or sticker message. */
export function messageMediaId(message: unknown): string | null {
	const type = textOrNull(field(message, 'type'));
	if (type === null || !MEDIA_TYPES.includes(type)) return null;
	return textOrNull(field(field(message, type), 'id'));
}

/** The `contacts[]` entry of the user `waId` (or `userId`), or the only entry. */
function contactFor(
	contacts: unknown,
	waId: string | null,
	userId: string | null = null,
): Obj | undefined {
	const entries = list(contacts).filter(isObject);
	const match = entries.find(
		(contact) =>
			(waId !== null && textOrNull(contact.wa_id) === waId) ||
			(userId !== null && textOrNull(contact.user_id) === userId),
	);
	return match ?? (entries.length === 1 ? entries[0] : undefined);
}

export function contactNameFor(contacts: unknown, waId: string | null): string | null {
	return textOrNull(field(field(contactFor(contacts, waId), 'profile'), 'name'));
}

/**
 * The user's business-scoped user ID (BSUID) and username, from Meta's `from_user_id` /
 * `recipient_user_id` or the matching `contacts[].user_id`; only the keys that have a value.
 */
export function userIdentity(
	contacts: unknown,
	waId: string | null,
	userId: unknown,
): Pick<ChakraEvent, 'bsuid' | 'parentBsuid' | 'username'> {
	const contact = contactFor(contacts, waId, textOrNull(userId));
	const bsuid = firstText(userId, field(contact, 'user_id'));
	const parentBsuid = firstText(field(contact, 'parent_user_id'));
	const username = firstText(field(field(contact, 'profile'), 'username'));
	return {
		...(bsuid ? { bsuid } : {}),
		...(parentBsuid ? { parentBsuid } : {}),
		...(username ? { username } : {}),
	};
}
