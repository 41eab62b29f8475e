import { FAKE_IDS } from '../../fake-chakra';
import {
	jsonOf,
	phoneNumberParameter,
	requestSummary,
	runAgainst,
	useFakeChakra,
} from '../ChakraWhatsAppGroup/common';

const path = `/v1/whatsapp/v24.0/${FAKE_IDS.phoneNumberId}/settings`;

describe('Chakra WhatsApp Calling: settings (C33, C34)', () => {
	const handle = useFakeChakra();
	const run = (parameters: Record<string, unknown>, options?: { continueOnFail?: boolean }) =>
		runAgainst(
			handle,
			'chakraWhatsAppCalling',
			{ resource: 'settings', whatsappPhoneNumberId: phoneNumberParameter, ...parameters } as never,
			options,
		);
	const bearer = () => `Bearer ${handle.fake.token}`;

	it('C33 get returns the settings without SIP credentials and sends no query by default', async () => {
		const result = await run({ operation: 'get' });
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{ cid: 'C33', method: 'GET', path, query: {}, body: undefined, authorization: bearer() },
		]);
		expect(jsonOf(result)).toEqual([
			{
				calling: {
					status: 'enabled',
					call_icon_visibility: 'visible',
					callback_permission_status: 'enabled',
					sip: { status: 'enabled', servers: [{ hostname: 'sip.example.com', port: 5060 }] },
				},
				storage_configuration: { status: 'default' },
			},
		]);
	});

	it('C33 get with Include SIP Credentials sends include_sip_credentials=true', async () => {
		const result = await run({ operation: 'get', includeSipCredentials: true });
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests[0].query).toEqual({ include_sip_credentials: 'true' });
		expect(jsonOf(result)[0]).toEqual({
			calling: {
				status: 'enabled',
				call_icon_visibility: 'visible',
				callback_permission_status: 'enabled',
				sip: {
					status: 'enabled',
					servers: [
						{ hostname: 'sip.example.com', port: 5060, sip_user_password: 'fake-sip-secret' },
					],
				},
			},
			storage_configuration: { status: 'default' },
		});
	});

	it('C34 update builds { calling } from the fields: settings, call hours and SIP servers', async () => {
		const result = await run({
			operation: 'update',
			settingsInput: 'fields',
			callingSettings: {
				status: 'ENABLED',
				call_icon_visibility: 'DISABLE ALL',
				callback_permission_status: 'DISABLED',
			},
			setCallHours: true,
			callHoursStatus: 'ENABLED',
			timezoneId: 'America/Manaus',
			weeklyHours: {
				hours: [
					{ dayOfWeek: 'MONDAY', openTime: '04:00', closeTime: '1020' },
					{ dayOfWeek: 'SATURDAY', openTime: '0900', closeTime: '13:30' },
				],
			},
			holidays: { holiday: [{ date: '2026-01-01', startTime: '0000', endTime: '2359' }] },
			setSip: true,
			sipStatus: 'ENABLED',
			sipServers: {
				server: [
					{
						hostname: 'sip.example.com',
						port: 5061,
						requestUriUserParams: 'KEY1=VALUE1&KEY2=a=b',
						sipUserPassword: '',
					},
					{
						hostname: 'backup.example.com',
						port: 0,
						requestUriUserParams: '',
						sipUserPassword: 's3cret',
					},
				],
			},
		});
		expect(result.error).toBeUndefined();
		const calling = {
			status: 'ENABLED',
			call_icon_visibility: 'DISABLE ALL',
			callback_permission_status: 'DISABLED',
			call_hours: {
				status: 'ENABLED',
				timezone_id: 'America/Manaus',
				weekly_operating_hours: [
					{ day_of_week: 'MONDAY', open_time: '0400', close_time: '1020' },
					{ day_of_week: 'SATURDAY', open_time: '0900', close_time: '1330' },
				],
				holiday_schedule: [{ date: '2026-01-01', start_time: '0000', end_time: '2359' }],
			},
			sip: {
				status: 'ENABLED',
				servers: [
					{
						hostname: 'sip.example.com',
						port: 5061,
						request_uri_user_params: { KEY1: 'VALUE1', KEY2: 'a=b' },
					},
					{ hostname: 'backup.example.com', sip_user_password: 's3cret' },
				],
			},
		};
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{ cid: 'C34', method: 'POST', path, query: {}, body: { calling }, authorization: bearer() },
		]);
		expect(jsonOf(result)).toEqual([{ success: true }]);
		expect(handle.fake.state.callingSettings.get(FAKE_IDS.phoneNumberId)).toMatchObject({
			calling: { call_hours: calling.call_hours },
		});
	});

	it("C34 update from JSON sends the body as given, with or without a calling key (as ChakraHQ's SDK does)", async () => {
		const withoutCalling = { sip: { status: 'DISABLED' } };
		const bare = await run({
			operation: 'update',
			settingsInput: 'json',
			settingsJson: JSON.stringify(withoutCalling),
		});
		expect(bare.error).toBeUndefined();
		const full = {
			calling: { status: 'ENABLED', callback_permission_status: 'ENABLED' },
			storage_configuration: { status: 'default' },
		};
		const whole = await run({
			operation: 'update',
			settingsInput: 'json',
			settingsJson: JSON.stringify(full),
		});
		expect(whole.error).toBeUndefined();
		expect(handle.fake.requestsFor('C34').map((request) => request.body)).toEqual([
			withoutCalling,
			full,
		]);
		expect(jsonOf(whole)).toEqual([{ success: true }]);
	});

	it.each([
		[
			'no setting at all',
			{ settingsInput: 'fields', callingSettings: {} },
			'Settings: choose at least one setting to change',
		],
		[
			'an opening time that is not HHMM',
			{
				settingsInput: 'fields',
				setCallHours: true,
				timezoneId: 'Asia/Kolkata',
				weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '9', closeTime: '1800' }] },
			},
			'Weekly Hours: "9" is not a time of day in the form HHMM (0000 to 2359), e.g. 0930',
		],
		[
			'closing before opening',
			{
				settingsInput: 'fields',
				setCallHours: true,
				timezoneId: 'Asia/Kolkata',
				weeklyHours: { hours: [{ dayOfWeek: 'FRIDAY', openTime: '1800', closeTime: '0900' }] },
			},
			'Weekly Hours: entry 1 (FRIDAY): 1800 is not before 0900',
		],
		[
			'an unknown time zone',
			{
				settingsInput: 'fields',
				setCallHours: true,
				timezoneId: 'Mars/Olympus',
				weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1800' }] },
			},
			'Time Zone: "Mars/Olympus" is not a known IANA time zone, e.g. America/Manaus or Asia/Kolkata',
		],
		[
			'enabled call hours without weekly hours',
			{ settingsInput: 'fields', setCallHours: true, timezoneId: 'Asia/Kolkata' },
			'Weekly Hours: add at least one day with opening hours when call hours are enabled',
		],
		[
			'a holiday date that does not exist',
			{
				settingsInput: 'fields',
				setCallHours: true,
				timezoneId: 'Asia/Kolkata',
				weeklyHours: { hours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1800' }] },
				holidays: { holiday: [{ date: '2026-02-30', startTime: '0000', endTime: '2359' }] },
			},
			'Holidays: "2026-02-30" is not a date in the form YYYY-MM-DD, e.g. 2026-01-01',
		],
		[
			'a SIP server without a hostname',
			{
				settingsInput: 'fields',
				setSip: true,
				sipServers: { server: [{ hostname: ' ', port: 0 }] },
			},
			'SIP Servers: every server needs a hostname',
		],
		[
			'a request URI parameter without a key',
			{
				settingsInput: 'fields',
				setSip: true,
				sipServers: {
					server: [{ hostname: 'sip.example.com', requestUriUserParams: 'KEY1=VALUE1&novalue' }],
				},
			},
			'Request URI User Params: "novalue" is not a KEY=VALUE pair',
		],
		[
			'JSON that does not parse',
			{ settingsInput: 'json', settingsJson: '{ calling: ' },
			/^Settings \(JSON\): is not valid JSON \(.+\)$/,
		],
		[
			'JSON with a lowercase enum',
			{ settingsInput: 'json', settingsJson: '{ "calling": { "status": "enabled" } }' },
			'Settings (JSON): calling.status is "enabled"; use one of ENABLED, DISABLED',
		],
		[
			'JSON with a time that has a colon',
			{
				settingsInput: 'json',
				settingsJson:
					'{ "calling": { "call_hours": { "status": "ENABLED", "timezone_id": "Asia/Kolkata", "weekly_operating_hours": [ { "day_of_week": "MONDAY", "open_time": "09:00", "close_time": "1800" } ] } } }',
			},
			'Settings (JSON): "09:00" is not a time of day in the form HHMM (0000 to 2359), e.g. 0930',
		],
	] as Array<[string, Record<string, unknown>, string | RegExp]>)(
		'C34 update refuses %s before any request',
		async (_case, parameters, message) => {
			const result = await run({ operation: 'update', ...parameters });
			expect(result.error?.message).toEqual(
				typeof message === 'string' ? message : expect.stringMatching(message),
			);
			expect(handle.fake.requests).toHaveLength(0);
		},
	);

	it("C34 update shows Meta's error and keeps going per item with continueOnFail", async () => {
		handle.fake.inject('C34', {
			metaError: {
				message: 'Calling is not available for this phone number',
				code: 138000,
				details: 'Messaging limit too low',
			},
		});
		const result = await runAgainst(
			handle,
			'chakraWhatsAppCalling',
			{
				resource: 'settings',
				operation: 'update',
				whatsappPhoneNumberId: phoneNumberParameter,
				settingsInput: 'json',
				settingsJson: '={{ JSON.stringify($json.settings) }}',
			},
			{
				input: [
					{ json: { settings: { calling: { status: 'ENABLED' } } } },
					{ json: { settings: { calling: { status: 'DISABLED' } } } },
				],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			{ error: 'Calling is not available for this phone number (#138000)' },
			{ success: true },
		]);
		expect(handle.fake.requestsFor('C34').map((request) => request.body)).toEqual([
			{ calling: { status: 'ENABLED' } },
			{ calling: { status: 'DISABLED' } },
		]);
	});
});
