import { FAKE_IDS } from '../../fake-chakra';
import {
	jsonOf,
	phoneNumberParameter,
	requestSummary,
	runAgainst,
	useFakeChakra,
} from '../ChakraWhatsAppGroup/common';

describe('Chakra WhatsApp Calling: permission (C35)', () => {
	const handle = useFakeChakra();
	const run = (userWaId: unknown) =>
		runAgainst(handle, 'chakraWhatsAppCalling', {
			resource: 'permission',
			operation: 'get',
			whatsappPhoneNumberId: phoneNumberParameter,
			userWaId,
		} as never);

	it('C35 get normalises the phone number into user_wa_id and returns the permission state', async () => {
		const result = await run('+91 99112-23344');
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C35',
				method: 'GET',
				path: `/v1/whatsapp/v24.0/${FAKE_IDS.phoneNumberId}/call_permissions`,
				query: { user_wa_id: '919911223344' },
				body: undefined,
				authorization: `Bearer ${handle.fake.token}`,
			},
		]);
		expect(jsonOf(result)).toEqual([
			{
				messaging_product: 'whatsapp',
				permission: { status: 'temporary', expiration_time: 1745343479 },
				actions: [
					{
						action_name: 'send_call_permission_request',
						can_perform_action: false,
						limits: [
							{ time_period: 'PT24H', max_allowed: 1, current_usage: 0 },
							{ time_period: 'P7D', max_allowed: 2, current_usage: 1 },
						],
					},
					{
						action_name: 'start_call',
						can_perform_action: true,
						limits: [{ time_period: 'PT24H', max_allowed: 5, current_usage: 0 }],
					},
				],
			},
		]);
	});

	it("C35 get for a business-scoped user ID sends it as recipient, as ChakraHQ's SDK does", async () => {
		const bsuid = 'IN.1349120865530274191';
		const result = await runAgainst(handle, 'chakraWhatsAppCalling', {
			resource: 'permission',
			operation: 'get',
			whatsappPhoneNumberId: phoneNumberParameter,
			identifyUserBy: 'bsuid',
			recipient: bsuid,
		} as never);
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C35',
				method: 'GET',
				path: `/v1/whatsapp/v24.0/${FAKE_IDS.phoneNumberId}/call_permissions`,
				query: { recipient: bsuid },
				body: undefined,
				authorization: `Bearer ${handle.fake.token}`,
			},
		]);
		expect(jsonOf(result)[0]).toMatchObject({
			messaging_product: 'whatsapp',
			permission: { status: 'no_permission' },
		});
	});

	it('C35 get for a user without permission says no_permission', async () => {
		const result = await run(FAKE_IDS.customerPhone2);
		expect(handle.fake.requests[0].query).toEqual({ user_wa_id: FAKE_IDS.customerPhone2 });
		expect(jsonOf(result)[0]).toMatchObject({ permission: { status: 'no_permission' } });
	});

	it('C35 get refuses a value that is not a phone number before any request', async () => {
		const result = await run('call me');
		expect(result.error?.message).toBe('User Phone Number: "call me" is not a phone number');
		expect(handle.fake.requests).toHaveLength(0);
	});
});
