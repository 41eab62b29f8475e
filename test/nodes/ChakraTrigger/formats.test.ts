/**
 * Chakra Trigger: the three webhook formats of docs/api-reference.md 4, delivered signed through n8n-core's
 * WebhookContext, each turned into the exact flat items the workflow receives.
 */
import { FAKE_IDS, webhookSamples } from '../../fake-chakra';
import { expectedEvent, jsonOf } from './expected';
import { deliverSigned, deliverSignedText } from './deliveries';

const DOC_WAMID = 'wamid.HBgMOTEST3AxMjU4NDMzFQIAEhgUM0VCMDM3RjlEQTNDQTBEMjQ2Q275';
const IMAGE_WAMID = 'wamid.HBgMOTE5OTExMjIzMzQ0FQIAEhgUM0VCMEltYWdlMDAwMDAwMDAwMDAA';
const STATUS_WAMID = 'wamid.HBgMOTE5OTExMjIzMzQ0FQIAERgSNjNBMkZBQzdBMEUzMEQxNzAzAA==';

const TEXT_MESSAGE = {
	from: '919911223344',
	id: DOC_WAMID,
	timestamp: '1756322278',
	text: { body: 'Hi, can you please help me out with an issue' },
	type: 'text',
};

const TEXT_ITEM = expectedEvent({
	event: 'message',
	from: '919911223344',
	contactName: 'John',
	messageType: 'text',
	text: 'Hi, can you please help me out with an issue',
	wamid: DOC_WAMID,
	timestamp: '2025-08-27T19:17:58.000Z',
	timestampMs: 1756322278000,
	phoneNumberId: FAKE_IDS.phoneNumberId,
	wabaId: FAKE_IDS.wabaId,
	raw: TEXT_MESSAGE,
});

function statusEntry(status: string) {
	return {
		id: STATUS_WAMID,
		status,
		timestamp: '1750857384',
		recipient_id: '5516992318222',
		conversation: {
			id: 'CONVERSATION_ID_1',
			expiration_timestamp: '1750943820',
			origin: { type: 'service' },
		},
		pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
	};
}

function statusItem(status: string, raw: unknown) {
	return expectedEvent({
		event: 'status',
		to: '5516992318222',
		status,
		wamid: STATUS_WAMID,
		timestamp: '2025-06-25T13:16:24.000Z',
		timestampMs: 1750857384000,
		phoneNumberId: FAKE_IDS.phoneNumberId,
		wabaId: FAKE_IDS.wabaId,
		raw,
	});
}

describe('Chakra Trigger: pass-through (Meta) format', () => {
	it('turns an inbound text into one message item, answered with an empty 200', async () => {
		const result = await deliverSigned(webhookSamples.passThroughText());
		expect(result.status).toBe(200);
		expect(result.responseBody).toBe('');
		expect(jsonOf(result.items)).toEqual([TEXT_ITEM]);
	});

	it('turns an inbound image into a message item with caption and media id', async () => {
		const result = await deliverSigned(webhookSamples.passThroughImage());
		expect(jsonOf(result.items)).toEqual([
			expectedEvent({
				event: 'message',
				from: '919911223344',
				contactName: 'John',
				messageType: 'image',
				text: 'This is a caption',
				mediaId: FAKE_IDS.mediaId,
				wamid: IMAGE_WAMID,
				timestamp: '2025-08-27T19:18:20.000Z',
				timestampMs: 1756322300000,
				phoneNumberId: FAKE_IDS.phoneNumberId,
				wabaId: FAKE_IDS.wabaId,
				raw: {
					from: '919911223344',
					id: IMAGE_WAMID,
					timestamp: '1756322300',
					type: 'image',
					image: {
						caption: 'This is a caption',
						mime_type: 'image/jpeg',
						sha256: 'c2hhMjU2LW9mLXRoZS1mYWtlLWltYWdl',
						id: FAKE_IDS.mediaId,
					},
				},
			}),
		]);
	});

	it.each(['sent', 'delivered', 'read'] as const)(
		'turns a %s status into a status item',
		async (status) => {
			const result = await deliverSigned(webhookSamples.passThroughStatus(status));
			expect(jsonOf(result.items)).toEqual([statusItem(status, statusEntry(status))]);
		},
	);

	it('turns a failed status into a status item whose raw entry keeps the errors', async () => {
		const result = await deliverSigned(webhookSamples.passThroughStatus('failed'));
		const raw = {
			id: STATUS_WAMID,
			status: 'failed',
			timestamp: '1750857384',
			recipient_id: '5516992318222',
			errors: [
				{
					code: 130429,
					title: 'Rate limit hit',
					message: 'Rate limit hit',
					error_data: { details: 'Cloud API message throughput has been reached.' },
					href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
				},
			],
		};
		expect(jsonOf(result.items)).toEqual([statusItem('failed', raw)]);
	});

	it('turns an incoming call into a call item with the call id', async () => {
		const result = await deliverSigned(webhookSamples.passThroughCall());
		expect(jsonOf(result.items)).toEqual([
			expectedEvent({
				event: 'call',
				from: '919911223344',
				to: '917259775805',
				status: 'connect',
				callId: FAKE_IDS.callId,
				timestamp: '2022-12-21T17:47:04.000Z',
				timestampMs: 1671644824000,
				phoneNumberId: FAKE_IDS.phoneNumberId,
				wabaId: FAKE_IDS.wabaId,
				raw: {
					id: FAKE_IDS.callId,
					to: '917259775805',
					from: '919911223344',
					event: 'connect',
					timestamp: '1671644824',
					session: { sdp_type: 'offer', sdp: 'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\n' },
				},
			}),
		]);
	});

	it('passes a group lifecycle update through as its own event type with the group id', async () => {
		const result = await deliverSigned(webhookSamples.passThroughGroup());
		expect(jsonOf(result.items)).toEqual([
			expectedEvent({
				event: 'group_lifecycle_update',
				groupId: FAKE_IDS.groupId,
				timestamp: '2025-06-25T13:16:24.000Z',
				timestampMs: 1750857384000,
				phoneNumberId: FAKE_IDS.phoneNumberId,
				wabaId: FAKE_IDS.wabaId,
				raw: {
					timestamp: '1750857384',
					group_id: FAKE_IDS.groupId,
					type: 'group_create',
					request_id: 'seed-request-1',
					subject: 'Order 1042 support',
					invite_link: 'https://chat.whatsapp.com/SEEDLINK0001',
				},
			}),
		]);
	});

	it('passes a template status update through under its field name, with the status lowercased', async () => {
		const value = {
			event: 'APPROVED',
			message_template_id: 1387372356726668,
			message_template_name: 'order_update',
			message_template_language: 'en_US',
			reason: 'NONE',
		};
		const payload = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: FAKE_IDS.wabaId,
					time: 1750857384,
					changes: [{ field: 'message_template_status_update', value }],
				},
			],
		};
		const result = await deliverSigned(payload);
		expect(jsonOf(result.items)).toEqual([
			expectedEvent({
				event: 'message_template_status_update',
				status: 'approved',
				wabaId: FAKE_IDS.wabaId,
				raw: value,
			}),
		]);
	});

	it('splits a batch of several entries, changes and messages into one item per event, in order', async () => {
		const payload = webhookSamples.passThroughBatch(
			webhookSamples.passThroughText({ texts: ['first', 'second'] }),
			webhookSamples.passThroughStatus('delivered'),
			webhookSamples.passThroughCall(),
		);
		const result = await deliverSigned(payload);
		const items = jsonOf(result.items) as Array<Record<string, unknown>>;
		expect(
			items.map((item) => [item.event, item.wamid ?? item.callId, item.text, item.status]),
		).toEqual([
			['message', `${DOC_WAMID}.1`, 'first', null],
			['message', `${DOC_WAMID}.2`, 'second', null],
			['status', STATUS_WAMID, null, 'delivered'],
			['call', FAKE_IDS.callId, null, 'connect'],
		]);
		expect(items[1]).toEqual(
			expectedEvent({
				...TEXT_ITEM,
				event: 'message',
				text: 'second',
				wamid: `${DOC_WAMID}.2`,
				raw: { ...TEXT_MESSAGE, id: `${DOC_WAMID}.2`, text: { body: 'second' } },
			}),
		);
	});

	it('emits errors that belong to no message as error items', async () => {
		const error = {
			code: 131000,
			title: 'Something went wrong',
			message: 'Something went wrong',
			error_data: { details: 'Unknown' },
		};
		const payload = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: FAKE_IDS.wabaId,
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata: {
									display_phone_number: '917259775805',
									phone_number_id: FAKE_IDS.phoneNumberId,
								},
								errors: [error],
							},
						},
					],
				},
			],
		};
		const result = await deliverSigned(payload);
		expect(jsonOf(result.items)).toEqual([
			expectedEvent({
				event: 'error',
				text: 'Something went wrong',
				phoneNumberId: FAKE_IDS.phoneNumberId,
				wabaId: FAKE_IDS.wabaId,
				raw: error,
			}),
		]);
	});

	it('takes the text of button and interactive replies', async () => {
		const messages = [
			{
				from: '919911223344',
				id: 'wamid.B1',
				timestamp: '1756322278',
				type: 'button',
				button: { text: 'Yes, confirm', payload: 'CONFIRM' },
			},
			{
				from: '919911223344',
				id: 'wamid.B2',
				timestamp: '1756322278',
				type: 'interactive',
				interactive: { type: 'button_reply', button_reply: { id: 'b1', title: 'Track order' } },
			},
			{
				from: '919911223344',
				id: 'wamid.B3',
				timestamp: '1756322278',
				type: 'interactive',
				interactive: {
					type: 'list_reply',
					list_reply: { id: 'l1', title: 'Returns', description: 'Start a return' },
				},
			},
			{
				from: '919911223344',
				id: 'wamid.B4',
				timestamp: '1756322278',
				type: 'reaction',
				reaction: { message_id: 'wamid.X', emoji: '👍' },
			},
		];
		const payload = webhookSamples.passThroughText();
		payload.entry[0].changes[0].value.messages = messages;
		const result = await deliverSigned(payload);
		expect(
			(jsonOf(result.items) as Array<Record<string, unknown>>).map((item) => [
				item.messageType,
				item.text,
			]),
		).toEqual([
			['button', 'Yes, confirm'],
			['interactive', 'Track order'],
			['interactive', 'Returns'],
			['reaction', '👍'],
		]);
	});
});

describe('Chakra Trigger: Chakra format', () => {
	it('turns a message event into a message item, converting the ms timestamp', async () => {
		const payload = webhookSamples.chakraMessage();
		const result = await deliverSigned(payload);
		expect(result.status).toBe(200);
		expect(jsonOf(result.items)).toEqual([
			expectedEvent({
				event: 'message',
				from: '5492611234567',
				contactName: 'Juan Pérez',
				messageType: 'text',
				text: 'Hola!',
				wamid: 'wamid.ABC',
				timestamp: '2026-09-01T10:37:31.000Z',
				timestampMs: 1788259051000,
				wabaId: FAKE_IDS.wabaId,
				raw: payload,
			}),
		]);
	});

	it('turns a status event into a status item with the status lowercased', async () => {
		const payload = webhookSamples.chakraStatus();
		const result = await deliverSigned(payload);
		expect(jsonOf(result.items)).toEqual([
			expectedEvent({
				event: 'status',
				status: 'delivered',
				wamid: 'wamid.ABC',
				timestamp: '2026-09-01T10:37:32.000Z',
				timestampMs: 1788259052000,
				wabaId: FAKE_IDS.wabaId,
				raw: payload,
			}),
		]);
	});

	it.each(['message_echo', 'smb_message_echo'] as const)(
		'turns a %s event into an echo item (from the business, to the customer)',
		async (kind) => {
			const payload = webhookSamples.chakraEcho(kind);
			const result = await deliverSigned(payload);
			expect(jsonOf(result.items)).toEqual([
				expectedEvent({
					event: kind,
					from: '917259775805',
					to: FAKE_IDS.customerPhone,
					messageType: 'text',
					text: 'Sent from the business app',
					wamid: 'wamid.ECHO1',
					timestamp: '2026-09-01T10:37:40.000Z',
					timestampMs: 1788259060000,
					wabaId: FAKE_IDS.wabaId,
					raw: payload,
				}),
			]);
		},
	);
});

describe('Chakra Trigger: delivery-status format', () => {
	it('turns a deliveryStatus event into an item with the wamid, recipient and lowercase status', async () => {
		const payload = webhookSamples.deliveryStatus();
		const result = await deliverSigned(payload);
		expect(jsonOf(result.items)).toEqual([
			expectedEvent({
				event: 'deliveryStatus',
				to: '919448349676',
				status: 'sent',
				wamid: 'wamid.HBgMOTE5OTAxMjU4NDMzFQIAERgSNjNBMkZBQzdBMEUzMEQxNzAzAA==',
				timestamp: '2024-10-18T05:49:08.000Z',
				timestampMs: 1729230548000,
				raw: payload,
			}),
		]);
	});
});

describe('Chakra Trigger: shapes it does not know', () => {
	it.each([
		['an array', [1, 2, 3]],
		['a string', 'hello'],
		['a number', 42],
		['null', null],
		['an object of another shape', { hello: 'world' }],
		['a Chakra-like event of an unknown type', { event: 'something_new', payload: { a: 1 } }],
		[
			'a pass-through body with an empty entry list',
			{ object: 'whatsapp_business_account', entry: [] },
		],
	])('keeps %s as one unknown item with the body as raw', async (_name, payload) => {
		const result = await deliverSigned(payload);
		expect(result.status).toBe(200);
		expect(jsonOf(result.items)).toEqual([expectedEvent({ event: 'unknown', raw: payload })]);
	});

	it('keeps a body that is not JSON as an unknown item holding the text', async () => {
		const result = await deliverSignedText('this is not json');
		expect(jsonOf(result.items)).toEqual([
			expectedEvent({ event: 'unknown', raw: 'this is not json' }),
		]);
	});

	it('keeps messages it cannot read inside an otherwise valid batch', async () => {
		const payload = webhookSamples.passThroughText();
		const messages = payload.entry[0].changes[0].value.messages as unknown[];
		messages.push('not-an-object');
		const result = await deliverSigned(payload);
		expect(jsonOf(result.items)).toEqual([
			TEXT_ITEM,
			expectedEvent({
				event: 'unknown',
				phoneNumberId: FAKE_IDS.phoneNumberId,
				wabaId: FAKE_IDS.wabaId,
				raw: 'not-an-object',
			}),
		]);
	});
});
