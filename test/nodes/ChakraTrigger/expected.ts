/** The expected shape of one Chakra Trigger item: every field present, null when not applicable. */
export interface ExpectedEvent {
	event: string;
	from?: string | null;
	to?: string | null;
	contactName?: string | null;
	messageType?: string | null;
	text?: string | null;
	mediaId?: string | null;
	status?: string | null;
	wamid?: string | null;
	callId?: string | null;
	groupId?: string | null;
	timestamp?: string | null;
	timestampMs?: number | null;
	phoneNumberId?: string | null;
	wabaId?: string | null;
	raw: unknown;
	error?: string;
}

export function expectedEvent(fields: ExpectedEvent): Record<string, unknown> {
	return {
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
		...fields,
	};
}

/** The JSON of each output item. */
export function jsonOf(items: { json: unknown }[] | undefined): unknown[] | undefined {
	return items?.map((item) => item.json);
}
