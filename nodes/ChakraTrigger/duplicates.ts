/**
 * Duplicate deliveries: ChakraHQ and Meta may deliver the same event more than once (a retry after
 * a slow answer, a replayed request). An event with the same message or call id and the same status
 * or event name, seen by the same trigger node within DUPLICATE_WINDOW_MS, is dropped.
 *
 * Scope: the memory lives in this n8n process only. With one main process (regular mode) it sees
 * every delivery. In queue mode with several webhook processes behind a load balancer, each process
 * remembers only what it received itself, so a duplicate that reaches another process still starts
 * an execution; a restart forgets everything.
 */
import type { ChakraEvent } from './eventItem';

/** How long a delivered event is remembered. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/** Events remembered at most (the oldest are forgotten first), so memory stays bounded. */
export const MAX_REMEMBERED_EVENTS = 20_000;

const remembered = new Map<string, number>();

/** What makes two events "the same delivery"; undefined for events without an id (never dropped). */
function eventKey(event: ChakraEvent): string | undefined {
	const id = event.wamid ?? event.callId;
	if (id === null || id === '') return undefined;
	return [event.event, id, event.status ?? ''].join('\u0000');
}

function forgetExpired(now: number): void {
	for (const [key, expires] of remembered) {
		if (expires > now && remembered.size <= MAX_REMEMBERED_EVENTS) break;
		remembered.delete(key);
	}
}

/** The events not seen by trigger `scope` within the window; the others are remembered from now on. */
export function withoutDuplicates(
	scope: string,
	events: ChakraEvent[],
	now = Date.now(),
): ChakraEvent[] {
	forgetExpired(now);
	const fresh: ChakraEvent[] = [];
	for (const event of events) {
		const key = eventKey(event);
		if (key === undefined) {
			fresh.push(event);
			continue;
		}
		const scoped = `${scope}\u0000${key}`;
		const expires = remembered.get(scoped);
		if (expires !== undefined && expires > now) continue;
		// Re-inserted so that the Map stays ordered by expiry (oldest first).
		remembered.delete(scoped);
		remembered.set(scoped, now + DUPLICATE_WINDOW_MS);
		fresh.push(event);
	}
	return fresh;
}

/** Forgets every remembered event (test isolation; a process restart does the same). */
export function forgetDeliveries(): void {
	remembered.clear();
}
