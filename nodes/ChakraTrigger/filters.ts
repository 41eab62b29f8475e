/**
 * The trigger's event filters: which kinds of events start the workflow, which delivery statuses,
 * and whether echoes of the business's own messages are dropped.
 */
import type { ChakraEvent } from './eventItem';
import { DELIVERY_STATUS_EVENT, ECHO_EVENTS, UNKNOWN_EVENT } from './events';

/** Values of the "Events" option; each names a family of `event` values. */
export const EVENT_KINDS = [
	'message',
	'status',
	'deliveryStatus',
	'call',
	'group',
	'update',
	'echo',
	'error',
	'unknown',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'failed'];

const KIND_OF_EVENT: Record<string, EventKind> = {
	message: 'message',
	status: 'status',
	[DELIVERY_STATUS_EVENT]: 'deliveryStatus',
	call: 'call',
	error: 'error',
	[UNKNOWN_EVENT]: 'unknown',
};

/** The family of an `event` value: group_* fields are groups, other named fields are updates. */
export function eventKind(event: string): EventKind {
	// Own keys only: an event named "constructor" or "toString" is not one of the known kinds.
	if (Object.prototype.hasOwnProperty.call(KIND_OF_EVENT, event)) return KIND_OF_EVENT[event];
	if (ECHO_EVENTS.includes(event)) return 'echo';
	if (event.startsWith('group_')) return 'group';
	return 'update';
}

export interface EventFilter {
	/** Receiving (business) phone number IDs to keep; empty keeps all. */
	phoneNumberIds: string[];
	/** Kinds to keep; empty keeps all. */
	kinds: string[];
	/** Statuses to keep for status and deliveryStatus events; empty keeps all. */
	statuses: string[];
	ignoreEchoes: boolean;
}

function hasStatus(event: ChakraEvent): boolean {
	return event.event === 'status' || event.event === DELIVERY_STATUS_EVENT;
}

/**
 * The Receiving Phone Numbers option: IDs chosen from the list, or an expression giving an array
 * or a comma-separated text of IDs.
 */
export function phoneNumberIdList(value: unknown): string[] {
	const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return values.map((entry) => String(entry ?? '').trim()).filter((entry) => entry !== '');
}

export function isWanted(event: ChakraEvent, filter: EventFilter): boolean {
	// With numbers chosen, an event that names no receiving number cannot be told to be for them.
	if (
		filter.phoneNumberIds.length > 0 &&
		(event.phoneNumberId === null || !filter.phoneNumberIds.includes(event.phoneNumberId))
	)
		return false;
	const kind = eventKind(event.event);
	if (filter.ignoreEchoes && kind === 'echo') return false;
	if (filter.kinds.length > 0 && !filter.kinds.includes(kind)) return false;
	if (filter.statuses.length > 0 && hasStatus(event))
		return event.status !== null && filter.statuses.includes(event.status);
	return true;
}
