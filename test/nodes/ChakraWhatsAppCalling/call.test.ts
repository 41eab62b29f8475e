import { FAKE_IDS } from '../../fake-chakra';
import {
	jsonOf,
	phoneNumberParameter,
	requestSummary,
	runAgainst,
	useFakeChakra,
} from '../ChakraWhatsAppGroup/common';

const path = `/v1/whatsapp/v24.0/${FAKE_IDS.phoneNumberId}/calls`;
const OFFER =
	'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';
const ANSWER =
	'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=setup:active\r\n';

describe('Chakra WhatsApp Calling: call (C36)', () => {
	const handle = useFakeChakra();
	const run = (parameters: Record<string, unknown>, options?: { continueOnFail?: boolean }) =>
		runAgainst(
			handle,
			'chakraWhatsAppCalling',
			{ resource: 'call', whatsappPhoneNumberId: phoneNumberParameter, ...parameters } as never,
			options,
		);
	const bearer = () => `Bearer ${handle.fake.token}`;
	const newCallId = (before: Set<string>) =>
		[...handle.fake.state.calls.keys()].find((id) => !before.has(id));

	it('C36 connect calls the user with the SDP offer and returns the call ID', async () => {
		const before = new Set(handle.fake.state.calls.keys());
		const result = await run({
			operation: 'connect',
			phoneNumber: '+91 99112 23344',
			sdpOffer: OFFER,
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C36',
				method: 'POST',
				path,
				query: {},
				body: {
					messaging_product: 'whatsapp',
					action: 'connect',
					to: FAKE_IDS.customerPhone,
					session: { sdp_type: 'offer', sdp: OFFER },
				},
				authorization: bearer(),
			},
		]);
		const callId = newCallId(before);
		expect(callId).toMatch(/^wacid\./);
		expect(jsonOf(result)).toEqual([{ messaging_product: 'whatsapp', calls: [{ id: callId }] }]);
	});

	it("C36 connect to a business-scoped user ID sends recipient instead of to, as ChakraHQ's SDK does", async () => {
		const bsuid = 'IN.1349120865530274191';
		handle.fake.state.callPermissions.set(bsuid, {
			status: 'temporary',
			expiration_time: 1745343479,
		});
		const result = await run({
			operation: 'connect',
			identifyUserBy: 'bsuid',
			recipient: ` ${bsuid} `,
			phoneNumber: '',
			sdpOffer: OFFER,
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C36',
				method: 'POST',
				path,
				query: {},
				body: {
					messaging_product: 'whatsapp',
					action: 'connect',
					recipient: bsuid,
					session: { sdp_type: 'offer', sdp: OFFER },
				},
				authorization: bearer(),
			},
		]);
		const empty = await run({
			operation: 'connect',
			identifyUserBy: 'bsuid',
			recipient: '={{ "" }}',
			sdpOffer: OFFER,
		});
		expect(empty.error?.message).toBe('Business-Scoped User ID: is required but empty');
		expect(handle.fake.requests).toHaveLength(1);
	});

	it('C36 connect takes a pasted {sdp_type, sdp} object and sends callback data, recording and transcription', async () => {
		const result = await run({
			operation: 'connect',
			phoneNumber: FAKE_IDS.customerPhone,
			sdpOffer: JSON.stringify({ sdp_type: 'offer', sdp: OFFER }),
			callOptions: {
				bizOpaqueCallbackData: 'order-1042',
				recording: {
					settings: { status: 'ENABLED', purpose: 'quality', announcementLanguage: 'en_US' },
				},
				transcription: { settings: { status: 'DISABLED', purpose: '', announcementLanguage: '' } },
			},
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			action: 'connect',
			to: FAKE_IDS.customerPhone,
			session: { sdp_type: 'offer', sdp: OFFER },
			biz_opaque_callback_data: 'order-1042',
			recording: { status: 'ENABLED', purpose: 'quality', announcement_language: 'en_US' },
			transcription: { status: 'DISABLED' },
		});
	});

	it("C36 connect without call permission shows Meta's 138006 message and code", async () => {
		const result = await run({
			operation: 'connect',
			phoneNumber: FAKE_IDS.customerPhone2,
			sdpOffer: OFFER,
		});
		expect(handle.fake.requestsFor('C36')).toHaveLength(1);
		expect(result.error?.message).toBe('No approved call permission from the recipient (#138006)');
		expect(result.error?.description).toContain(
			`User ${FAKE_IDS.customerPhone2} has not granted call permission`,
		);
		expect(result.error?.description).toContain(
			'Meta error code 138006: The user has not granted permission for calls.',
		);
		const continued = await run(
			{ operation: 'connect', phoneNumber: FAKE_IDS.customerPhone2, sdpOffer: OFFER },
			{ continueOnFail: true },
		);
		expect(jsonOf(continued)).toEqual([
			{ error: 'No approved call permission from the recipient (#138006)' },
		]);
	});

	it.each([
		['connect', 'sdpOffer', 'a blank SDP', '={{ "  \\n " }}', 'SDP Offer: is required but empty'],
		[
			'connect',
			'sdpOffer',
			'an SDP that does not start with v=0',
			'o=- 1 2 IN IP4 127.0.0.1',
			'SDP Offer: is not an SDP offer: it must start with "v=0"',
		],
		[
			'connect',
			'sdpOffer',
			'an answer where an offer is needed',
			JSON.stringify({ sdp_type: 'answer', sdp: ANSWER }),
			'SDP Offer: has sdp_type "answer", but this action needs an SDP offer (sdp_type "offer")',
		],
		[
			'connect',
			'sdpOffer',
			'a number from an expression',
			'={{ 42 }}',
			'SDP Offer: must be the SDP offer as text, not number',
		],
		[
			'connect',
			'sdpOffer',
			'broken JSON',
			'{ "sdp_type": "offer", ',
			'SDP Offer: looks like JSON but is not valid JSON',
		],
		[
			'preAccept',
			'sdpAnswer',
			'an offer where an answer is needed',
			'={{ { sdp_type: "offer", sdp: "v=0" } }}',
			'SDP Answer: has sdp_type "offer", but this action needs an SDP answer (sdp_type "answer")',
		],
		[
			'accept',
			'sdpAnswer',
			'an object without sdp',
			'={{ { sdp_type: "answer" } }}',
			'SDP Answer: must be the SDP answer as text, not an empty value',
		],
	])(
		'C36 %s refuses %s (%s) before any request',
		async (operation, field, _case, value, message) => {
			const result = await run({
				operation,
				phoneNumber: FAKE_IDS.customerPhone,
				callId: FAKE_IDS.callId,
				[field]: value,
			});
			expect(result.error?.message.startsWith(message)).toBe(true);
			expect(handle.fake.requests).toHaveLength(0);
		},
	);

	it('C36 preAccept sends action pre_accept, the call ID and the SDP answer', async () => {
		const result = await run({
			operation: 'preAccept',
			callId: FAKE_IDS.callId,
			sdpAnswer: `  ${ANSWER}`,
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C36',
				method: 'POST',
				path,
				query: {},
				body: {
					messaging_product: 'whatsapp',
					action: 'pre_accept',
					call_id: FAKE_IDS.callId,
					session: { sdp_type: 'answer', sdp: ANSWER },
				},
				authorization: bearer(),
			},
		]);
		expect(jsonOf(result)).toEqual([{ messaging_product: 'whatsapp', success: true }]);
		expect(handle.fake.state.calls.get(FAKE_IDS.callId)?.status).toBe('PRE_ACCEPTED');
	});

	it('C36 accept sends the SDP answer object from an expression and the recording option', async () => {
		const result = await runAgainst(
			handle,
			'chakraWhatsAppCalling',
			{
				resource: 'call',
				operation: 'accept',
				whatsappPhoneNumberId: phoneNumberParameter,
				callId: ` ${FAKE_IDS.callId} `,
				sdpAnswer: '={{ $json.session }}',
				callOptions: {
					recording: {
						settings: { status: 'ENABLED', purpose: '', announcementLanguage: 'pt_BR' },
					},
				},
			},
			{ input: [{ json: { session: { sdp_type: 'answer', sdp: 'v=0 from the item' } } }] },
		);
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			action: 'accept',
			call_id: FAKE_IDS.callId,
			session: { sdp_type: 'answer', sdp: 'v=0 from the item' },
			recording: { status: 'ENABLED', announcement_language: 'pt_BR' },
		});
		expect(jsonOf(result)).toEqual([{ messaging_product: 'whatsapp', success: true }]);
		expect(handle.fake.state.calls.get(FAKE_IDS.callId)?.status).toBe('ACCEPTED');
	});

	it('C36 reject sends only messaging_product, action and call_id', async () => {
		const result = await run({ operation: 'reject', callId: FAKE_IDS.callId });
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C36',
				method: 'POST',
				path,
				query: {},
				body: { messaging_product: 'whatsapp', action: 'reject', call_id: FAKE_IDS.callId },
				authorization: bearer(),
			},
		]);
		expect(jsonOf(result)).toEqual([{ messaging_product: 'whatsapp', success: true }]);
		expect(handle.fake.state.calls.get(FAKE_IDS.callId)?.status).toBe('REJECTED');
	});

	it('C36 terminate sends the call ID and the callback data', async () => {
		const result = await run({
			operation: 'terminate',
			callId: FAKE_IDS.callId,
			callOptions: { bizOpaqueCallbackData: 'order-1042' },
		});
		expect(result.error).toBeUndefined();
		expect(requestSummary(handle.fake.requests[0])).toEqual({
			cid: 'C36',
			method: 'POST',
			path,
			query: {},
			body: {
				messaging_product: 'whatsapp',
				action: 'terminate',
				call_id: FAKE_IDS.callId,
				biz_opaque_callback_data: 'order-1042',
			},
			authorization: bearer(),
		});
		expect(jsonOf(result)).toEqual([{ messaging_product: 'whatsapp', success: true }]);
		expect(handle.fake.state.calls.get(FAKE_IDS.callId)?.status).toBe('TERMINATED');
	});

	it("C36 terminate with an empty call ID is refused; an unknown one shows Meta's error", async () => {
		const empty = await run({ operation: 'terminate', callId: '={{ "" }}' });
		expect(empty.error?.message).toBe('Call ID: is required but empty');
		expect(handle.fake.requests).toHaveLength(0);
		const unknown = await run({ operation: 'terminate', callId: 'wacid.UNKNOWN' });
		expect(handle.fake.requests).toHaveLength(1);
		expect(unknown.error?.message).toBe('Call not found: wacid.UNKNOWN (#100)');
		expect(unknown.error?.description).toContain(
			'The call id does not exist or the call has already ended',
		);
	});
});
