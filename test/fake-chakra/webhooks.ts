/**
 * Webhook helpers: HMAC signature, sample payloads in the three formats of docs/api-reference.md section 4,
 * and a POST helper that delivers a (signed) payload to a URL.
 */
import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { FAKE_IDS } from './state';

/** Lowercase hex HMAC-SHA256 of the raw body, no prefix (X-Chakra-Signature-256). */
export function signBody(rawBody: string | Buffer, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex');
}

export const SIGNATURE_HEADER = 'X-Chakra-Signature-256';

export interface PassThroughChange {
	field: string;
	value: {
		[key: string]: unknown;
		messaging_product?: string;
		metadata?: { display_phone_number: string; phone_number_id: string };
	};
}

export interface PassThroughPayload {
	object: 'whatsapp_business_account';
	entry: { id: string; changes: PassThroughChange[] }[];
}

export interface ChakraEventPayload {
	event: 'message' | 'status' | 'message_echo' | 'smb_message_echo' | 'deliveryStatus';
	payload: Record<string, unknown>;
}

/** Options shared by the pass-through samples. */
export interface PassThroughBase {
	wabaId?: string;
	phoneNumberId?: string;
	displayPhoneNumber?: string;
}

function envelope(
	o: PassThroughBase,
	field: string,
	value: Record<string, unknown>,
): PassThroughPayload {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: o.wabaId ?? FAKE_IDS.wabaId,
				changes: [
					{
						value: {
							messaging_product: 'whatsapp',
							metadata: {
								display_phone_number: o.displayPhoneNumber ?? '917259775805',
								phone_number_id: o.phoneNumberId ?? FAKE_IDS.phoneNumberId,
							},
							...value,
						},
						field,
					},
				],
			},
		],
	};
}

export interface TextOptions extends PassThroughBase {
	from?: string;
	name?: string;
	wamid?: string;
	timestamp?: string;
	text?: string;
	/** Several messages in one change (ids get suffixes .1, .2, ...). Overrides `text`. */
	texts?: string[];
	/** Reply context: { from, id } of the replied-to message. */
	context?: { from: string; id: string };
}

export interface ImageOptions extends PassThroughBase {
	from?: string;
	name?: string;
	wamid?: string;
	timestamp?: string;
	mediaId?: string;
	mimeType?: string;
	caption?: string;
	sha256?: string;
	/** lookaside URL; omitted unless given. */
	url?: string;
}

export interface StatusOptions extends PassThroughBase {
	wamid?: string;
	timestamp?: string;
	recipientId?: string;
	/** Include conversation + pricing (default true except for 'failed'). */
	conversation?: boolean;
	/** errors[] for 'failed' (default: one 130429 rate-limit error). */
	errors?: unknown[];
	biz_opaque_callback_data?: string;
}

export interface CallOptions extends PassThroughBase {
	callId?: string;
	from?: string;
	to?: string;
	event?: string;
	timestamp?: string;
	sdpType?: 'offer' | 'answer';
	sdp?: string;
	direction?: 'USER_INITIATED' | 'BUSINESS_INITIATED';
	biz_opaque_callback_data?: string;
}

export interface GroupOptions extends PassThroughBase {
	groupId?: string;
	requestId?: string;
	subject?: string;
	inviteLink?: string;
	timestamp?: string;
	/** Replaces the whole `value.groups[0]` object. */
	group?: Record<string, unknown>;
}

export interface ChakraMessageOptions {
	wabaId?: string;
	wamid?: string;
	from?: string;
	name?: string;
	text?: string;
	timestamp?: number;
	/** Replaces payload.message entirely. */
	message?: Record<string, unknown>;
}

export interface ChakraStatusOptions {
	id?: string;
	deliveryStatus?: string;
	timestamp?: number;
	wabaId?: string;
}

export interface DeliveryStatusOptions {
	id?: string;
	externalId?: string;
	deliveryStatus?: 'SENT' | 'DELIVERED' | 'READ' | string;
	timestamp?: number;
	recipientId?: string;
}

const DOC_WAMID = 'wamid.HBgMOTEST3AxMjU4NDMzFQIAEhgUM0VCMDM3RjlEQTNDQTBEMjQ2Q275';

export const webhookSamples = {
	/** Inbound text (documentation sample): from 919911223344 "John", wamid DOC_WAMID, timestamp "1756322278". */
	passThroughText(o: TextOptions = {}): PassThroughPayload {
		const from = o.from ?? FAKE_IDS.customerPhone;
		const id = o.wamid ?? DOC_WAMID;
		const texts = o.texts ?? [o.text ?? 'Hi, can you please help me out with an issue'];
		return envelope(o, 'messages', {
			contacts: [{ profile: { name: o.name ?? 'John' }, wa_id: from }],
			messages: texts.map((body, i) => ({
				from,
				id: o.texts ? `${id}.${i + 1}` : id,
				timestamp: o.timestamp ?? '1756322278',
				...(o.context ? { context: o.context } : {}),
				text: { body },
				type: 'text',
			})),
		});
	},
	/** Inbound image: media id FAKE_IDS.mediaId (served by C10/C11), mime image/jpeg, caption "This is a caption". */
	passThroughImage(o: ImageOptions = {}): PassThroughPayload {
		const from = o.from ?? FAKE_IDS.customerPhone;
		const image: Record<string, unknown> = {
			caption: o.caption ?? 'This is a caption',
			mime_type: o.mimeType ?? 'image/jpeg',
			sha256: o.sha256 ?? 'c2hhMjU2LW9mLXRoZS1mYWtlLWltYWdl',
			id: o.mediaId ?? FAKE_IDS.mediaId,
		};
		if (o.url) image.url = o.url;
		return envelope(o, 'messages', {
			contacts: [{ profile: { name: o.name ?? 'John' }, wa_id: from }],
			messages: [
				{
					from,
					id: o.wamid ?? 'wamid.HBgMOTE5OTExMjIzMzQ0FQIAEhgUM0VCMEltYWdlMDAwMDAwMDAwMDAA',
					timestamp: o.timestamp ?? '1756322300',
					type: 'image',
					image,
				},
			],
		});
	},
	/** Status update. 'failed' carries errors[] (default code 130429) and no conversation/pricing. */
	passThroughStatus(
		status: 'sent' | 'delivered' | 'read' | 'failed',
		o: StatusOptions = {},
	): PassThroughPayload {
		const s: Record<string, unknown> = {
			id: o.wamid ?? 'wamid.HBgMOTE5OTExMjIzMzQ0FQIAERgSNjNBMkZBQzdBMEUzMEQxNzAzAA==',
			status,
			timestamp: o.timestamp ?? '1750857384',
			recipient_id: o.recipientId ?? '5516992318222',
		};
		if (o.biz_opaque_callback_data !== undefined)
			s.biz_opaque_callback_data = o.biz_opaque_callback_data;
		if (o.conversation ?? status !== 'failed') {
			s.conversation = {
				id: 'CONVERSATION_ID_1',
				expiration_timestamp: '1750943820',
				origin: { type: 'service' },
			};
			s.pricing = { billable: true, pricing_model: 'CBP', category: 'service' };
		}
		if (status === 'failed') {
			s.errors = o.errors ?? [
				{
					code: 130429,
					title: 'Rate limit hit',
					message: 'Rate limit hit',
					error_data: { details: 'Cloud API message throughput has been reached.' },
					href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
				},
			];
		}
		return envelope(o, 'messages', { statuses: [s] });
	},
	/** Incoming call (field "calls"): event "connect", sdp_type "offer", call id FAKE_IDS.callId. */
	passThroughCall(o: CallOptions = {}): PassThroughPayload {
		const call: Record<string, unknown> = {
			id: o.callId ?? FAKE_IDS.callId,
			to: o.to ?? '917259775805',
			from: o.from ?? FAKE_IDS.customerPhone,
			event: o.event ?? 'connect',
			timestamp: o.timestamp ?? '1671644824',
			session: {
				sdp_type: o.sdpType ?? 'offer',
				sdp: o.sdp ?? 'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\n',
			},
		};
		if (o.direction) call.direction = o.direction;
		if (o.biz_opaque_callback_data) call.biz_opaque_callback_data = o.biz_opaque_callback_data;
		return envelope(o, 'calls', { calls: [call] });
	},
	/**
	 * Group event; default field 'group_lifecycle_update' with a created group
	 * { group_id, type: 'group_create', request_id, subject, invite_link }.
	 */
	passThroughGroup(field = 'group_lifecycle_update', o: GroupOptions = {}): PassThroughPayload {
		const group = o.group ?? {
			timestamp: o.timestamp ?? '1750857384',
			group_id: o.groupId ?? FAKE_IDS.groupId,
			type:
				field === 'group_lifecycle_update'
					? 'group_create'
					: field.replace(/^group_|_update$/g, ''),
			request_id: o.requestId ?? 'seed-request-1',
			subject: o.subject ?? 'Order 1042 support',
			invite_link: o.inviteLink ?? 'https://chat.whatsapp.com/SEEDLINK0001',
		};
		return envelope(o, field, { groups: [group] });
	},
	/** Several pass-through payloads in one request: `entry` arrays concatenated in order. */
	passThroughBatch(...payloads: PassThroughPayload[]): PassThroughPayload {
		return { object: 'whatsapp_business_account', entry: payloads.flatMap((p) => p.entry) };
	},
	/** Chakra-format inbound message (section 4.4 sample), payload.timestamp in ms. */
	chakraMessage(o: ChakraMessageOptions = {}): ChakraEventPayload {
		const id = o.wamid ?? 'wamid.ABC';
		const from = o.from ?? '5492611234567';
		return {
			event: 'message',
			payload: {
				wabaId: o.wabaId ?? FAKE_IDS.wabaId,
				externalId: id,
				messageId: id,
				timestamp: o.timestamp ?? 1788259051000,
				message: o.message ?? { from, id, type: 'text', text: { body: o.text ?? 'Hola!' } },
				contacts: [{ profile: { name: o.name ?? 'Juan Pérez' }, wa_id: from }],
			},
		};
	},
	/** Chakra-format status: { id: 'wamid.ABC', deliveryStatus: 'DELIVERED', timestamp: 1788259052000, wabaId }. */
	chakraStatus(o: ChakraStatusOptions = {}): ChakraEventPayload {
		return {
			event: 'status',
			payload: {
				id: o.id ?? 'wamid.ABC',
				deliveryStatus: o.deliveryStatus ?? 'DELIVERED',
				timestamp: o.timestamp ?? 1788259052000,
				wabaId: o.wabaId ?? FAKE_IDS.wabaId,
			},
		};
	},
	/** Chakra-format echo of a message sent by the business ('message_echo' default, or 'smb_message_echo'). */
	chakraEcho(
		kind: 'message_echo' | 'smb_message_echo' = 'message_echo',
		o: ChakraMessageOptions = {},
	): ChakraEventPayload {
		const id = o.wamid ?? 'wamid.ECHO1';
		const to = o.from ?? FAKE_IDS.customerPhone;
		return {
			event: kind,
			payload: {
				wabaId: o.wabaId ?? FAKE_IDS.wabaId,
				externalId: id,
				messageId: id,
				timestamp: o.timestamp ?? 1788259060000,
				message: o.message ?? {
					from: '917259775805',
					to,
					id,
					type: 'text',
					text: { body: o.text ?? 'Sent from the business app' },
				},
			},
		};
	},
	/** Delivery-status format (section 4.5 sample): deliveryStatus 'SENT', recipientId '919448349676'. */
	deliveryStatus(o: DeliveryStatusOptions = {}): ChakraEventPayload {
		return {
			event: 'deliveryStatus',
			payload: {
				id: o.id ?? '39718a7c-b747-446c-a2ee-ce977e608b49',
				externalId:
					o.externalId ?? 'wamid.HBgMOTE5OTAxMjU4NDMzFQIAERgSNjNBMkZBQzdBMEUzMEQxNzAzAA==',
				deliveryStatus: o.deliveryStatus ?? 'SENT',
				timestamp: o.timestamp ?? 1729230548000,
				recipientId: o.recipientId ?? '919448349676',
			},
		};
	},
};

export interface DeliverOptions {
	/** Sign the exact raw body with this secret into X-Chakra-Signature-256. */
	secret?: string;
	/** null = never send the header; string = send this value as is (wins over secret). */
	signature?: string | null;
	headers?: Record<string, string>;
	/** Request timeout in ms (default 30000). */
	timeoutMs?: number;
}

export interface DeliverResult {
	status: number;
	body: string;
	headers: Record<string, string>;
}

/** POSTs a JSON webhook (object -> JSON.stringify, string -> sent verbatim) to `url`. */
export function deliverWebhook(
	url: string,
	body: object | string,
	opts: DeliverOptions = {},
): Promise<DeliverResult> {
	const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	const headers: Record<string, string | number> = {
		'content-type': 'application/json',
		'content-length': raw.length,
		'user-agent': 'ChakraHQ-Webhooks/fake',
	};
	if (opts.signature !== null) {
		if (typeof opts.signature === 'string') headers['x-chakra-signature-256'] = opts.signature;
		else if (opts.secret !== undefined)
			headers['x-chakra-signature-256'] = signBody(raw, opts.secret);
	}
	for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
	const u = new URL(url);
	const lib = u.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const req = lib.request(
			u,
			{ method: 'POST', headers, timeout: opts.timeoutMs ?? 30_000 },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const h: Record<string, string> = {};
					for (const [k, v] of Object.entries(res.headers))
						if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v;
					resolve({
						status: res.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
						headers: h,
					});
				});
				res.on('error', reject);
			},
		);
		req.on('timeout', () => req.destroy(new Error(`Webhook delivery to ${url} timed out`)));
		req.on('error', reject);
		req.end(raw);
	});
}
