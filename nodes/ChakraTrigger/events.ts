/**
 * Turns one webhook body into flat events (docs/api-reference.md 4). Three formats are told apart by
 * shape: pass-through (Meta: `object` + `entry[]`), Chakra (`{event, payload}`) and delivery status
 * (`{event: "deliveryStatus", payload}`). A pass-through body is split into one event per message,
 * status, call, error, echo or group entry; other change fields (template and account updates) are
 * one event each, named after the field. Anything not understood becomes an `unknown` event that
 * carries the original value, so nothing is dropped. Nothing here throws on any JSON input. The
 * fields of each event are read from the payload by eventItem.ts.
 */
import { isObject } from '../shared/envelope';
import type { ChakraEvent, Obj } from './eventItem';
import {
	contactNameFor,
	emptyEvent,
	field,
	firstText,
	list,
	lowercase,
	messageMediaId,
	messageText,
	textOrNull,
	timestampFields,
	userIdentity,
} from './eventItem';

/** Chakra-format events (docs/api-reference.md 4.4). */
export const CHAKRA_EVENTS = ['message', 'status', 'message_echo', 'smb_message_echo'];
export const DELIVERY_STATUS_EVENT = 'deliveryStatus';
export const UNKNOWN_EVENT = 'unknown';
export const ECHO_EVENTS = ['message_echo', 'smb_message_echo'];

export type WebhookFormat = 'passThrough' | 'chakra' | 'deliveryStatus' | 'unknown';

function unknownEvent(raw: unknown): ChakraEvent {
	return emptyEvent(UNKNOWN_EVENT, raw);
}

/** Which of the three formats a body is in. */
export function detectFormat(body: unknown): WebhookFormat {
	if (!isObject(body)) return 'unknown';
	if (body.object === 'whatsapp_business_account' || Array.isArray(body.entry))
		return 'passThrough';
	if (body.event === DELIVERY_STATUS_EVENT) return 'deliveryStatus';
	if (typeof body.event === 'string' && CHAKRA_EVENTS.includes(body.event)) return 'chakra';
	return 'unknown';
}

/** Context shared by every event of one pass-through change. */
interface ChangeContext {
	wabaId: string | null;
	phoneNumberId: string | null;
	contacts: unknown;
}

function messageEvent(event: string, message: unknown, context: ChangeContext): ChakraEvent {
	if (!isObject(message))
		return {
			...unknownEvent(message),
			wabaId: context.wabaId,
			phoneNumberId: context.phoneNumberId,
		};
	const from = textOrNull(message.from);
	return {
		...emptyEvent(event, message),
		from,
		to: textOrNull(message.to),
		contactName: contactNameFor(
			context.contacts,
			event === 'message' ? from : textOrNull(message.to),
		),
		messageType: textOrNull(message.type),
		text: messageText(message),
		mediaId: messageMediaId(message),
		wamid: textOrNull(message.id),
		...timestampFields(message.timestamp),
		phoneNumberId: context.phoneNumberId,
		wabaId: context.wabaId,
		...userIdentity(
			context.contacts,
			event === 'message' ? from : textOrNull(message.to),
			event === 'message' ? message.from_user_id : message.to_user_id,
		),
	};
}

function statusEvent(status: unknown, context: ChangeContext): ChakraEvent {
	if (!isObject(status))
		return {
			...unknownEvent(status),
			wabaId: context.wabaId,
			phoneNumberId: context.phoneNumberId,
		};
	return {
		...emptyEvent('status', status),
		to: textOrNull(status.recipient_id),
		status: lowercase(status.status),
		wamid: textOrNull(status.id),
		...timestampFields(status.timestamp),
		phoneNumberId: context.phoneNumberId,
		wabaId: context.wabaId,
		...userIdentity(context.contacts, textOrNull(status.recipient_id), status.recipient_user_id),
	};
}

function callEvent(call: unknown, context: ChangeContext): ChakraEvent {
	if (!isObject(call))
		return { ...unknownEvent(call), wabaId: context.wabaId, phoneNumberId: context.phoneNumberId };
	return {
		...emptyEvent('call', call),
		from: textOrNull(call.from),
		to: textOrNull(call.to),
		contactName: contactNameFor(context.contacts, textOrNull(call.from)),
		// Call status events carry `status` (RINGING, ACCEPTED, REJECTED); the others an `event` (connect, terminate).
		status: lowercase(call.status) ?? lowercase(call.event),
		callId: textOrNull(call.id),
		...timestampFields(call.timestamp),
		phoneNumberId: context.phoneNumberId,
		wabaId: context.wabaId,
	};
}

function errorEvent(error: unknown, context: ChangeContext): ChakraEvent {
	return {
		...emptyEvent('error', error),
		text: firstText(field(error, 'message'), field(error, 'title')),
		phoneNumberId: context.phoneNumberId,
		wabaId: context.wabaId,
	};
}

/** Group and other field events: one event per `groups[]` entry, or the whole value. */
function fieldEvents(fieldName: string, value: unknown, context: ChangeContext): ChakraEvent[] {
	const groups = list(field(value, 'groups'));
	const entries = groups.length > 0 ? groups : [value];
	return entries.map((entry) => ({
		...emptyEvent(fieldName, entry),
		// Template and account updates name what happened in `event` (APPROVED, REJECTED, ...).
		status: lowercase(field(entry, 'event')) ?? lowercase(field(entry, 'status')),
		groupId: textOrNull(field(entry, 'group_id')),
		...timestampFields(field(entry, 'timestamp')),
		phoneNumberId: context.phoneNumberId,
		wabaId: context.wabaId,
	}));
}

/** Pass-through field names whose value holds message echoes (Meta `smb_message_echoes`). */
function echoEventName(fieldName: string): string {
	return fieldName === 'smb_message_echoes' ? 'smb_message_echo' : 'message_echo';
}

function changeEvents(change: unknown, wabaId: string | null): ChakraEvent[] {
	if (!isObject(change)) return [{ ...unknownEvent(change), wabaId }];
	const fieldName = textOrNull(change.field) ?? '';
	const value = change.value;
	const context: ChangeContext = {
		wabaId,
		phoneNumberId: textOrNull(field(field(value, 'metadata'), 'phone_number_id')),
		contacts: field(value, 'contacts'),
	};
	const events = [
		...list(field(value, 'messages')).map((message) => messageEvent('message', message, context)),
		...list(field(value, 'message_echoes')).map((echo) =>
			messageEvent(echoEventName(fieldName), echo, context),
		),
		...list(field(value, 'statuses')).map((status) => statusEvent(status, context)),
		...list(field(value, 'calls')).map((call) => callEvent(call, context)),
		...list(field(value, 'errors')).map((error) => errorEvent(error, context)),
	];
	if (events.length > 0) return events;
	if (fieldName !== '' && fieldName !== 'messages' && isObject(value))
		return fieldEvents(fieldName, value, context);
	// A change whose content is not understood is kept whole.
	return [{ ...unknownEvent(change), wabaId, phoneNumberId: context.phoneNumberId }];
}

function passThroughEvents(body: Obj): ChakraEvent[] {
	const events: ChakraEvent[] = [];
	for (const entry of list(body.entry)) {
		const wabaId = textOrNull(field(entry, 'id'));
		const changes = field(entry, 'changes');
		if (!Array.isArray(changes) || changes.length === 0) {
			events.push({ ...unknownEvent(entry), wabaId });
			continue;
		}
		for (const change of changes) events.push(...changeEvents(change, wabaId));
	}
	return events;
}

/** wamid of a Chakra payload: `externalId`, `messageId`, or an `id` that is a wamid. */
function chakraWamid(payload: Obj, message: unknown): string | null {
	const id = textOrNull(payload.id);
	return firstText(
		payload.externalId,
		payload.messageId,
		field(message, 'id'),
		id?.startsWith('wamid.') ? id : null,
	);
}

function chakraEvent(body: Obj): ChakraEvent {
	const event = String(body.event);
	const payload = body.payload;
	if (!isObject(payload)) return emptyEvent(event, body);
	const message = payload.message;
	const from = textOrNull(field(message, 'from'));
	const to = firstText(field(message, 'to'), payload.recipientId);
	return {
		...emptyEvent(event, body),
		from,
		to,
		contactName: contactNameFor(payload.contacts, event === 'message' ? from : to),
		messageType: textOrNull(field(message, 'type')),
		text: messageText(message),
		mediaId: messageMediaId(message),
		status: lowercase(payload.deliveryStatus) ?? lowercase(payload.status),
		wamid: chakraWamid(payload, message),
		...timestampFields(payload.timestamp ?? field(message, 'timestamp')),
		phoneNumberId: firstText(payload.phoneNumberId, payload.whatsappPhoneNumberId),
		wabaId: textOrNull(payload.wabaId),
		...userIdentity(
			payload.contacts,
			event === 'message' ? from : to,
			field(message, event === 'message' ? 'from_user_id' : 'to_user_id') ??
				payload.recipientUserId,
		),
	};
}

/**
 * Every event of one webhook body. A body that yields no event at all (an empty `entry[]`, a
 * value that is not an object) yields one `unknown` event holding the body.
 */
export function eventsFromBody(body: unknown): ChakraEvent[] {
	const format = detectFormat(body);
	let events: ChakraEvent[] = [];
	if (format === 'passThrough') events = passThroughEvents(body as Obj);
	else if (format === 'chakra' || format === 'deliveryStatus') events = [chakraEvent(body as Obj)];
	return events.length > 0 ? events : [unknownEvent(body)];
}
