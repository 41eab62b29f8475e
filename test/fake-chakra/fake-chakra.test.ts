import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	FAKE_IDS,
	FakeChakra,
	PAIR_MESSAGE,
	THROUGHPUT_MESSAGE,
	deliverWebhook,
	maxInWindow,
	signBody,
	webhookSamples,
} from './index';

const ID = FAKE_IDS;
const V = 'v24.0';
let fake: FakeChakra;

beforeAll(async () => {
	fake = await FakeChakra.start();
});
afterAll(async () => {
	await fake.stop();
});
beforeEach(() => fake.reset());

interface CallOpts {
	token?: string | null;
	headers?: Record<string, string>;
	redirect?: RequestRedirect;
}

async function call(
	method: string,
	path: string,
	body?: unknown,
	opts: CallOpts = {},
): Promise<Response> {
	const headers: Record<string, string> = { ...(opts.headers ?? {}) };
	if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? fake.token}`;
	let payload: BodyInit | undefined;
	if (body instanceof FormData) payload = body;
	else if (body !== undefined) {
		headers['content-type'] = 'application/json';
		payload = JSON.stringify(body);
	}
	return fetch(fake.baseUrl + path, {
		method,
		headers,
		body: payload,
		redirect: opts.redirect ?? 'manual',
	});
}

async function callJson(
	method: string,
	path: string,
	body?: unknown,
	opts?: CallOpts,
): Promise<{ status: number; body: any }> {
	const res = await call(method, path, body, opts);
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const PW = `/v1/ext/plugin/whatsapp`;
const WA = `/v1/whatsapp/${V}`;

function photoForm(field = 'photo'): FormData {
	const fd = new FormData();
	fd.append(
		field,
		new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' }),
		'shot.png',
	);
	fd.append('filename', 'mobile_screenshot');
	fd.append('filetype', 'png');
	return fd;
}

// Every C-id answered 2xx for a valid request, with the recorded cid.
type Row = [
	cid: string,
	method: string,
	path: string,
	body?: unknown | (() => unknown),
	status?: number,
];
const rows: Row[] = [
	[
		'C1',
		'POST',
		`${PW}/${ID.pluginId}/process/lead/LEAD-001/send-template-message`,
		{
			whatsappPhoneNumberId: ID.phoneNumberId,
			templateName: 'christmas_promo_23',
			mapping: [{ schemaPropertyName: '1', schemaPropertyValue: 'John' }],
		},
	],
	[
		'C2',
		'POST',
		`${PW}/${ID.pluginId}/phoneNumber/${ID.customerPhone}/send-template-message`,
		{ whatsappPhoneNumberId: ID.phoneNumberId, templateName: 'login_otp', otpCode: '496093' },
	],
	[
		'C3',
		'POST',
		`${PW}/${ID.pluginId}/api/${V}/${ID.phoneNumberId}/messages`,
		{
			messaging_product: 'whatsapp',
			to: ID.customerPhone,
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' } },
		},
	],
	[
		'C4',
		'POST',
		`${PW}/${ID.pluginId}/api/${V}/${ID.phoneNumberId}/messages`,
		{ messaging_product: 'whatsapp', to: ID.customerPhone, type: 'text', text: { body: 'Hi' } },
	],
	[
		'C5',
		'POST',
		`${PW}/${ID.pluginId}/api/${V}/${ID.phoneNumberId}/messages`,
		{
			messaging_product: 'whatsapp',
			to: ID.customerPhone,
			type: 'document',
			document: { link: 'https://x/invoice.pdf', filename: 'invoice.pdf' },
		},
	],
	[
		'C6',
		'POST',
		`${PW}/api/${V}/${ID.wabaId}/message_templates`,
		{
			name: 'new_tpl',
			language: 'en_US',
			category: 'UTILITY',
			components: [{ type: 'BODY', text: 'Hi {{1}}' }],
		},
	],
	['C7', 'GET', `${PW}/api/${V}/${ID.wabaId}/message_templates?status=APPROVED`],
	['C8', 'POST', `${PW}/api/${V}/${ID.templateIdOrderUpdate}`, { category: 'MARKETING' }],
	['C9', 'POST', `${PW}/${ID.pluginId}/upload-public-media`, () => photoForm('file')],
	['C10', 'GET', `${WA}/media/${ID.mediaIdDocument}/show`],
	['C11', 'GET', `${WA}/media/${ID.mediaId}`],
	['C12', 'GET', `${WA}/media/whatsapp_business/attachments?mid=${ID.mid}`],
	[
		'C13',
		'POST',
		`${WA}/${ID.phoneNumberId2}/whatsapp_business_encryption`,
		{ business_public_key: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----' },
	],
	['C14', 'GET', `${WA}/${ID.phoneNumberId}/whatsapp_business_encryption`],
	[
		'C15',
		'POST',
		`${WA}/${ID.phoneNumberId}/groups`,
		{ messaging_product: 'whatsapp', subject: 'New group' },
	],
	['C16', 'GET', `${WA}/${ID.phoneNumberId}/groups`],
	['C17', 'GET', `${WA}/${ID.groupId}?fields=subject`],
	['C18', 'POST', `${WA}/${ID.groupId}`, { messaging_product: 'whatsapp', subject: 'Renamed' }],
	['C19', 'DELETE', `${WA}/${ID.groupId2}`],
	['C20', 'GET', `${WA}/${ID.groupId}/invite_link`],
	['C21', 'POST', `${WA}/${ID.groupId}/invite_link`, { messaging_product: 'whatsapp' }],
	['C22', 'GET', `${WA}/${ID.groupId}/join_requests`],
	[
		'C23',
		'POST',
		`${WA}/${ID.groupId}/join_requests`,
		{ messaging_product: 'whatsapp', join_requests: [ID.joinRequestId] },
	],
	[
		'C24',
		'DELETE',
		`${WA}/${ID.groupId}/join_requests`,
		{ messaging_product: 'whatsapp', join_requests: [ID.joinRequestId2] },
	],
	[
		'C25',
		'DELETE',
		`${WA}/${ID.groupId}/participants`,
		{ messaging_product: 'whatsapp', participants: [{ user: ID.customerPhone2 }] },
	],
	[
		'C26',
		'POST',
		'/v1/ext/procedure/lead/process',
		{ data: { name: 'Asha', phone_number: '919900000009' } },
	],
	[
		'C27',
		'PUT',
		`/v1/ext/procedure/lead/process/phone_number/${ID.customerPhone}`,
		{ data: { city: 'Mumbai' }, state: 'IN_PROGRESS' },
	],
	['C28', 'POST', '/v1/ext/chat', { page: 1, limit: 5 }],
	['C29', 'POST', `/v1/ext/chat/${ID.chatId}/message`, { page: 1, limit: 50 }],
	[
		'C30',
		'POST',
		`${PW}/list-chat-messages-for-phone-number`,
		{ customerPhoneNumber: ID.customerPhone, page: 1, limit: 50 },
	],
	[
		'C31',
		'POST',
		`/v1/ext/campaign/${ID.campaignId}/add-phone-number`,
		{ phoneNumber: ID.customerPhone2 },
	],
	[
		'C32',
		'POST',
		`/v1/ext/campaign/${ID.campaignId}/remove-phone-number`,
		{ phoneNumber: ID.customerPhone },
	],
	['C33', 'GET', `${WA}/${ID.phoneNumberId}/settings`],
	[
		'C34',
		'POST',
		`${WA}/${ID.phoneNumberId}/settings`,
		{ calling: { status: 'ENABLED', callback_permission_status: 'ENABLED' } },
	],
	['C35', 'GET', `${WA}/${ID.phoneNumberId}/call_permissions?user_wa_id=${ID.customerPhone}`],
	[
		'C36',
		'POST',
		`${WA}/${ID.phoneNumberId}/calls`,
		{ messaging_product: 'whatsapp', action: 'terminate', call_id: ID.callId },
	],
	[
		'C37',
		'POST',
		'/v1/ext/whatsapp-partner/create-connect-token',
		{ newPluginName: 'Acme Retail WhatsApp', clientReferenceId: 'cust-1042' },
	],
	[
		'C38',
		'POST',
		`${PW}/${ID.pluginId}/update-config`,
		{ passThroughWebhookUrl: 'https://example.com/hook' },
	],
	['C39', 'GET', `${PW}/${ID.pluginId}/config`],
	['C40', 'POST', `${PW}/${ID.pluginId}/disconnect-waba`, { wabaId: ID.wabaId }],
	['C41', 'GET', `/v1/ext/procedure/lead/process/${ID.processId}`],
	['C42', 'POST', '/v1/ext/procedure/lead/process/list', { where: { status: 'OPEN' }, limit: 2 }],
	[
		'C43',
		'POST',
		'/v1/ext/procedure/ticket/process',
		{ data: { ticket_id: 'TCK-9', subject: 'x' } },
	],
	[
		'C44',
		'PUT',
		`/v1/ext/procedure/lead/process/${ID.processId}`,
		{ data: { city: 'Memphis' }, state: 'NOT_INTERESTED' },
	],
	['C45', 'PUT', '/v1/ext/procedure/lead/process/lead_id/LEAD-001', { status: 'CANCELLED' }],
	['C46', 'DELETE', `/v1/ext/procedure/lead/process/${ID.processId}`],
	['C47', 'DELETE', '/v1/ext/procedure/lead/process/lead_id/LEAD-002'],
	['C48', 'POST', '/v1/ext/procedure/lead/process/bulk-create', [{ data: { lead_id: 'EXT-1' } }]],
	[
		'C49',
		'PATCH',
		'/v1/ext/procedure/lead/process',
		{ processes: [{ lead_id: 'LEAD-001', update: { data: { score: '105' } } }] },
	],
	[
		'C50',
		'POST',
		'/v1/ext/p/lead/LEAD-001/task/call',
		{ data: { remarks: 'RNR' }, status: 'COMPLETED', assignedTo: 'johndoe' },
	],
	['C51', 'GET', '/v1/ext/users'],
	['C52', 'GET', '/v2/ext/users'],
	['C53', 'GET', `/v1/ext/user/${ID.userId}`],
	['C54', 'GET', `/v2/ext/user/${ID.userId}`],
	['C55', 'PUT', `/v1/ext/user/${ID.userId}`, { firstName: 'Jon', lastName: 'Do' }],
	['C56', 'GET', `/v1/ext/photo/${ID.photoId}`],
	['C57', 'POST', '/v1/ext/photo', () => photoForm()],
	['C58', 'POST', '/v1/ext/photo/0b9d5c1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e', () => photoForm()],
	['C59', 'GET', `/v1/ext/background-job/${ID.backgroundJobId}`],
	['C60', 'GET', `/v1/ext/background-job/${ID.backgroundJobId}/entries`],
	['C61', 'GET', '/v1/ext/config'],
	['C62', 'GET', '/v1/health'],
	['C63', 'GET', '/v1/ext/whatsapp-phone-number'],
	['C64', 'GET', `/v1/ext/whatsapp-business-account?pluginId=${ID.pluginId}`],
];

describe('every endpoint answers 2xx to a valid request', () => {
	test('the table covers C1..C64 exactly', () => {
		expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 64 }, (_, i) => `C${i + 1}`));
	});

	const cases = rows.map(([cid, method, path, body]) => ({ cid, method, path, body }));
	test.each(cases)('$cid $method $path', async ({ cid, method, path, body }) => {
		if (cid === 'C59' || cid === 'C60') {
			const job = await callJson('POST', '/v1/ext/procedure/lead/process/bulk-create', [
				{ data: { lead_id: 'J-1' } },
			]);
			path = path.replace(ID.backgroundJobId, job.body._data.id);
			fake.clearRequests();
		}
		const res = await call(method, path, typeof body === 'function' ? body() : body);
		expect(res.status).toBeGreaterThanOrEqual(200);
		expect(res.status).toBeLessThan(300);
		await res.arrayBuffer();
		const expectedCid = cid === 'C5' ? 'C4' : cid;
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0].cid).toBe(expectedCid);
		expect(fake.requestsFor(cid)).toHaveLength(1);
		expect(fake.requests[0].status).toBe(res.status);
	});
});

describe('routing, auth and errors', () => {
	test('401 without or with a wrong token, never echoing the token', async () => {
		const missing = await callJson('GET', '/v1/ext/config', undefined, { token: null });
		expect(missing).toEqual({
			status: 401,
			body: { _errors: ['Unauthorized: invalid or missing access token'] },
		});
		const res = await call('GET', '/v1/ext/config', undefined, { token: 'secret-wrong-token-123' });
		const text = await res.text();
		expect(res.status).toBe(401);
		expect(text).not.toContain('secret-wrong-token-123');
		expect(text).not.toContain(fake.token);
		expect(fake.requests.map((r) => [r.cid, r.status])).toEqual([
			['C61', 401],
			['C61', 401],
		]);
	});

	test('405 for a known path with the wrong method, in the route error shape', async () => {
		const chakra = await callJson('DELETE', '/v1/ext/config');
		expect(chakra.status).toBe(405);
		expect(chakra.body._errors[0]).toBe('Method DELETE not allowed on /v1/ext/config');
		const allow = await call('PATCH', `${WA}/${ID.phoneNumberId}/settings`, {});
		expect(allow.headers.get('allow')).toBe('GET, POST');
		const meta = await callJson('PUT', `${WA}/${ID.phoneNumberId}/settings`, {});
		expect(meta.status).toBe(405);
		expect(meta.body.error.code).toBe(100);
		expect(fake.requests[0].cid).toBeUndefined();
		expect(fake.requests.map((r) => r.status)).toEqual([405, 405, 405]);
	});

	test('404 unknown path, doubled slash does not match', async () => {
		expect((await callJson('GET', '/v1/ext/nope')).body).toEqual({
			_errors: ['Route not found: GET /v1/ext/nope'],
		});
		expect((await call('GET', '/v1//health')).status).toBe(404);
	});

	test('literal segments beat params; params are decoded, path is raw', async () => {
		const res = await callJson('PUT', '/v1/ext/procedure/lead/process/lead_id/LEAD%2F005%20A', {
			data: { city: 'Agra' },
		});
		expect(res.status).toBe(200);
		expect(res.body._data.data.city).toBe('Agra');
		const r = fake.requests[0];
		expect(r.cid).toBe('C45');
		expect(r.path).toBe('/v1/ext/procedure/lead/process/lead_id/LEAD%2F005%20A');
		expect(r.params).toEqual({
			procedureShortId: 'lead',
			primaryKeyShortId: 'lead_id',
			primaryKeyValue: 'LEAD/005 A',
		});
		await call('GET', `${WA}/media/whatsapp_business/attachments?mid=${ID.mid}&ext=1`);
		expect(fake.requests[1].cid).toBe('C12');
		expect(fake.requests[1].query).toEqual({ mid: ID.mid, ext: '1' });
		await call('POST', '/v1/ext/procedure/lead/process/list', {});
		expect(fake.requests[2].cid).toBe('C42');
		await call('GET', `${WA}/${ID.groupId}`);
		expect(fake.requests[3].cid).toBe('C17');
		expect(fake.requestsFor('C43')).toHaveLength(0);
		await call('POST', '/v1/ext/procedure/lead/process', {});
		expect(fake.requests[4].cid).toBe('C26');
		expect(fake.requestsFor('C43')).toHaveLength(1);
	});

	test('mark as read is C4 and returns success', async () => {
		const res = await callJson(
			'POST',
			`${PW}/${ID.pluginId}/api/${V}/${ID.phoneNumberId}/messages`,
			{ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' },
		);
		expect(res).toEqual({ status: 200, body: { _data: { success: true } } });
		expect(fake.requests[0].cid).toBe('C4');
		expect(fake.state.sentMessages[0]).toMatchObject({
			cid: 'C4',
			type: 'read',
			whatsappMessageId: 'wamid.X',
		});
	});

	test('400 in the chakra shape (C2 missing templateName, non-digit phone)', async () => {
		const a = await callJson(
			'POST',
			`${PW}/${ID.pluginId}/phoneNumber/${ID.customerPhone}/send-template-message`,
			{ whatsappPhoneNumberId: ID.phoneNumberId },
		);
		expect(a.status).toBe(400);
		expect(a.body).toEqual({
			_errors: ['(#100) The parameter templateName is required and must be a non-empty string'],
		});
		const b = await callJson(
			'POST',
			`${PW}/${ID.pluginId}/phoneNumber/%2B91%2099/send-template-message`,
			{ whatsappPhoneNumberId: ID.phoneNumberId, templateName: 'hello_world' },
		);
		expect(b.body._errors[0]).toMatch(/digits only/);
	});

	test('400 in the Meta shape (C15 missing subject, C36 connect with wrong sdp_type)', async () => {
		const a = await callJson('POST', `${WA}/${ID.phoneNumberId}/groups`, {
			messaging_product: 'whatsapp',
		});
		expect(a.status).toBe(400);
		expect(a.body.error).toMatchObject({
			type: 'OAuthException',
			code: 100,
			message: '(#100) The parameter subject is required and must be a non-empty string',
		});
		expect(typeof a.body.error.fbtrace_id).toBe('string');
		const b = await callJson('POST', `${WA}/${ID.phoneNumberId}/calls`, {
			messaging_product: 'whatsapp',
			action: 'connect',
			to: ID.customerPhone,
			session: { sdp_type: 'answer', sdp: 'x' },
		});
		expect(b.body.error.code).toBe(100);
		const c = await callJson('POST', `${WA}/${ID.phoneNumberId}/groups`, {
			messaging_product: 'whatsapp',
			subject: 'x'.repeat(129),
		});
		expect(c.body.error.message).toBe('(#100) Param subject must be at most 128 characters');
	});

	test('unknown template: 132001 as _errors for C2 and as Meta error for C3', async () => {
		const c2 = await callJson(
			'POST',
			`${PW}/${ID.pluginId}/phoneNumber/${ID.customerPhone}/send-template-message`,
			{ whatsappPhoneNumberId: ID.phoneNumberId, templateName: 'nope' },
		);
		expect(c2).toEqual({
			status: 400,
			body: { _errors: ['(#132001) Template name does not exist in the translation'] },
		});
		const c3 = await callJson(
			'POST',
			`${PW}/${ID.pluginId}/api/${V}/${ID.phoneNumberId}/messages`,
			{
				messaging_product: 'whatsapp',
				to: '1',
				type: 'template',
				template: { name: 'hello_world', language: { code: 'pt_BR' } },
			},
		);
		expect(c3.status).toBe(400);
		expect(c3.body.error).toMatchObject({
			code: 132001,
			error_data: {
				messaging_product: 'whatsapp',
				details: 'template name (hello_world) does not exist in pt_BR',
			},
		});
		expect(fake.requests[1].cid).toBe('C3');
	});

	test('C2 creates a chat message with the rendered text', async () => {
		const res = await callJson(
			'POST',
			`${PW}/${ID.pluginId}/phoneNumber/${ID.customerPhone}/send-template-message`,
			{
				whatsappPhoneNumberId: ID.phoneNumberId,
				templateName: 'reservation_confirmation',
				mapping: [
					{ schemaPropertyName: 'first_name', schemaPropertyValue: 'Asha' },
					{ schemaPropertyName: 'order_id', schemaPropertyValue: 'A1' },
				],
			},
		);
		expect(res.body._data).toMatchObject({
			text: 'Hi Asha, order A1',
			body: { body: 'Hi Asha, order A1' },
			chat: ID.chatId,
			plugin: ID.pluginId,
		});
		expect(res.body._data.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(res.body._data.externalId).toMatch(/^wamid\./);
		const c30 = await callJson('POST', `${PW}/list-chat-messages-for-phone-number`, {
			customerPhoneNumber: ID.customerPhone,
			limit: 1,
		});
		expect(c30.body._data[0].id).toBe(res.body._data.id);
		expect(c30.body._meta).toEqual({ total: 6 });
	});

	test('C4 validation: missing object named by type, wrong plugin', async () => {
		const a = await callJson('POST', `${PW}/${ID.pluginId}/api/${V}/${ID.phoneNumberId}/messages`, {
			messaging_product: 'whatsapp',
			to: '1',
			type: 'image',
		});
		expect(a.body.error.message).toBe('(#100) The parameter image is required for type image');
		const b = await callJson(
			'POST',
			`${PW}/00000000-0000-4000-8000-000000000000/api/${V}/${ID.phoneNumberId}/messages`,
			{ messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' } },
		);
		expect(b).toEqual({
			status: 400,
			body: { _errors: ['Plugin not found: 00000000-0000-4000-8000-000000000000'] },
		});
	});

	test('C24 DELETE with a JSON body and unknown ids reported per id', async () => {
		const res = await callJson('DELETE', `${WA}/${ID.groupId}/join_requests`, {
			messaging_product: 'whatsapp',
			join_requests: [ID.joinRequestId, 'nope'],
		});
		expect(res.body).toEqual({
			messaging_product: 'whatsapp',
			rejected_join_requests: [ID.joinRequestId],
			failed_join_requests: [
				{
					join_request_id: 'nope',
					errors: [
						{
							code: 131009,
							message: 'Parameter value is not valid',
							title: 'Parameter value is not valid',
							error_data: { details: 'No pending join request with id nope' },
						},
					],
				},
			],
		});
		const empty = await callJson('DELETE', `${WA}/${ID.groupId}/join_requests`, {
			messaging_product: 'whatsapp',
			join_requests: [],
		});
		expect(empty.status).toBe(400);
	});

	test('C25 removes participants and reports unknown ones; max 8', async () => {
		const res = await callJson('DELETE', `${WA}/${ID.groupId}/participants`, {
			messaging_product: 'whatsapp',
			participants: [{ user: ID.customerPhone }, { user: '15550000000' }],
		});
		expect(res.body.removed_participants).toEqual([ID.customerPhone]);
		expect(res.body.failed_participants).toEqual([
			{
				user: '15550000000',
				errors: [
					{
						code: 131009,
						message: 'Parameter value is not valid',
						title: 'Participant not in group',
						error_data: { details: `15550000000 is not a participant of group ${ID.groupId}` },
					},
				],
			},
		]);
		const nine = Array.from({ length: 9 }, (_, i) => ({ user: `1${i}` }));
		expect(
			(
				await callJson('DELETE', `${WA}/${ID.groupId}/participants`, {
					messaging_product: 'whatsapp',
					participants: nine,
				})
			).status,
		).toBe(400);
	});

	test('C45/C47 with a short id that is not the primary key -> 400', async () => {
		const res = await callJson('PUT', '/v1/ext/procedure/lead/process/email/asha@example.com', {
			status: 'OPEN',
		});
		expect(res).toEqual({
			status: 400,
			body: {
				_errors: ["'email' is not the primary key of procedure 'lead' (primary key: lead_id)"],
			},
		});
		expect((await callJson('DELETE', '/v1/ext/procedure/lead/process/lead_id/NOPE')).status).toBe(
			404,
		);
	});

	test('C58 requires a UUID and a photo part; C56 serves the uploaded bytes', async () => {
		expect((await callJson('POST', '/v1/ext/photo/not-a-uuid', photoForm())).body).toEqual({
			_errors: ['photoId must be a valid UUID: not-a-uuid'],
		});
		expect((await callJson('POST', '/v1/ext/photo', photoForm('file'))).body).toEqual({
			_errors: ['Missing multipart file part "photo"'],
		});
		const id = '0b9d5c1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e';
		const up = await callJson('POST', `/v1/ext/photo/${id}`, photoForm());
		expect(up.body._data).toMatchObject({
			id,
			filename: 'mobile_screenshot',
			filetype: 'png',
			isPublic: false,
		});
		const res = await call('GET', `/v1/ext/photo/${id}`);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="mobile_screenshot.png"',
		);
		expect(Buffer.from(await res.arrayBuffer())).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
		);
		const mp = fake.requestsFor('C58')[1].multipart!;
		expect(mp.fields).toEqual({ filename: 'mobile_screenshot', filetype: 'png' });
		expect(mp.files.photo.filename).toBe('shot.png');
	});

	test('malformed multipart -> 400', async () => {
		const res = await callJson('POST', '/v1/ext/photo', undefined, {
			headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
		});
		expect(res.status).toBe(400);
		const bad = await fetch(`${fake.baseUrl}/v1/ext/photo`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${fake.token}`,
				'content-type': 'multipart/form-data; boundary=XYZ',
			},
			body: '--XYZ\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\n\r\nabc',
		});
		expect(bad.status).toBe(400);
		expect((await bad.json())._errors[0]).toBe(
			'Malformed multipart body: multipart part not terminated by a boundary',
		);
	});

	test('invalid JSON body -> 400', async () => {
		const res = await fetch(`${fake.baseUrl}/v1/ext/chat`, {
			method: 'POST',
			headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
			body: '{bad',
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({ _errors: ['Invalid JSON body'] });
	});
});

describe('faults', () => {
	const health = '/v1/health';
	test('429 with Retry-After, once', async () => {
		fake.inject('C62', { status: 429, retryAfter: '2' });
		const a = await call('GET', health);
		expect(a.status).toBe(429);
		expect(a.headers.get('retry-after')).toBe('2');
		expect(await a.json()).toEqual({ _errors: ['Too many requests: rate limit exceeded'] });
		expect((await call('GET', health)).status).toBe(200);
		expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
	});

	test('status with default bodies per shape and custom body; times', async () => {
		fake.inject('C62', { status: 500 }, 2);
		expect((await callJson('GET', health)).body).toEqual({ _errors: ['Injected fault: HTTP 500'] });
		expect((await callJson('GET', health)).status).toBe(500);
		expect((await callJson('GET', health)).status).toBe(200);
		fake.inject('C33', { status: 503 });
		const meta = await callJson('GET', `${WA}/${ID.phoneNumberId}/settings`);
		expect(meta.status).toBe(503);
		expect(meta.body.error).toMatchObject({ message: 'Injected fault: HTTP 503', code: 2 });
		fake.inject('*', { status: 418, body: { custom: true } });
		expect(await callJson('GET', '/v1/ext/users')).toEqual({ status: 418, body: { custom: true } });
	});

	test('delayMs, malformed, chakraErrors, metaError, dropConnection', async () => {
		fake.inject('C62', { delayMs: 150 });
		const t0 = Date.now();
		expect((await call('GET', health)).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);

		fake.inject('C62', { malformed: true });
		const m = await call('GET', health);
		expect(m.status).toBe(200);
		expect(m.headers.get('content-type')).toMatch(/application\/json/);
		expect(() => JSON.parse('x')).toThrow();
		await expect(m.json()).rejects.toThrow();

		fake.inject('C61', { chakraErrors: ['Role lacks privilege'] });
		expect(await callJson('GET', '/v1/ext/config')).toEqual({
			status: 200,
			body: { _data: null, _errors: ['Role lacks privilege'] },
		});

		fake.inject('C4', {
			metaError: {
				message: 'Rate limit hit',
				code: 130429,
				error_subcode: 2494055,
				details: 'slow down',
				fbtrace_id: 'TRACE',
			},
		});
		const me = await callJson(
			'POST',
			`${PW}/${ID.pluginId}/api/${V}/${ID.phoneNumberId}/messages`,
			{},
		);
		expect(me).toEqual({
			status: 400,
			body: {
				error: {
					message: 'Rate limit hit',
					type: 'OAuthException',
					code: 130429,
					error_subcode: 2494055,
					error_data: { messaging_product: 'whatsapp', details: 'slow down' },
					fbtrace_id: 'TRACE',
				},
			},
		});

		fake.inject('C62', { dropConnection: true });
		await expect(call('GET', health)).rejects.toThrow();
		expect((await call('GET', health)).status).toBe(200);
	});

	test('injectWhen with a predicate, Infinity, clearFaults', async () => {
		fake.injectWhen('C53', (r) => r.params.userId === ID.userId2, { status: 500 }, Infinity);
		expect((await call('GET', `/v1/ext/user/${ID.userId}`)).status).toBe(200);
		expect((await call('GET', `/v1/ext/user/${ID.userId2}`)).status).toBe(500);
		expect((await call('GET', `/v1/ext/user/${ID.userId2}`)).status).toBe(500);
		fake.clearFaults();
		expect((await call('GET', `/v1/ext/user/${ID.userId2}`)).status).toBe(200);
	});
});

describe('media', () => {
	test('C9 upload then public download gives identical bytes', async () => {
		const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) & 0xff));
		const fd = new FormData();
		fd.append('file', new Blob([bytes], { type: 'image/png' }), 'banner one.png');
		fd.append('filename', 'banner one.png');
		const up = await callJson('POST', `${PW}/${ID.pluginId}/upload-public-media`, fd);
		const url: string = up.body._data.publicMediaUrl;
		expect(url.startsWith(`${fake.baseUrl}/public-media/`)).toBe(true);
		expect(url.endsWith('/banner%20one.png')).toBe(true);
		const res = await fetch(url);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
	});

	test('C10 redirects to the same host, following gives the bytes', async () => {
		const r = await call('GET', `${WA}/media/${ID.mediaId}/show`);
		expect(r.status).toBe(302);
		expect(r.headers.get('location')).toBe(`${fake.baseUrl}/media-download/${ID.mediaId}`);
		const followed = await call('GET', `${WA}/media/${ID.mediaId}/show`, undefined, {
			redirect: 'follow',
		});
		expect(followed.status).toBe(200);
		expect(followed.headers.get('content-type')).toBe('image/jpeg');
		expect(followed.headers.get('content-disposition')).toBe('attachment; filename="photo.jpg"');
		expect(
			Buffer.from(await followed.arrayBuffer()).equals(fake.state.media.get(ID.mediaId)!.data),
		).toBe(true);
		const other = await call('GET', `${WA}/media/${ID.mediaIdOtherHost}/show`);
		expect(other.headers.get('location')).toBe(
			`http://localhost:${fake.port}/media-download/${ID.mediaIdOtherHost}`,
		);
	});

	test('C11 metadata and C12 by mid; unknown media is a JSON Meta error', async () => {
		const meta = await callJson('GET', `${WA}/media/${ID.mediaIdDocument}`);
		expect(meta.body).toMatchObject({
			messaging_product: 'whatsapp',
			mime_type: 'application/pdf',
			file_size: fake.state.media.get(ID.mediaIdDocument)!.data.length,
			id: ID.mediaIdDocument,
		});
		expect(meta.body.url).toMatch(
			/^https:\/\/lookaside\.fbsbx\.com\/whatsapp_business\/attachments\/\?mid=2048172635481920mid/,
		);
		const bin = await call(
			'GET',
			`${WA}/media/whatsapp_business/attachments?mid=${ID.midDocument}`,
		);
		expect(bin.headers.get('content-disposition')).toBe('attachment; filename="invoice.pdf"');
		expect(
			Buffer.from(await bin.arrayBuffer())
				.subarray(0, 8)
				.toString(),
		).toBe('%PDF-1.4');
		const missing = await call('GET', `${WA}/media/999/show`);
		expect(missing.status).toBe(400);
		expect(missing.headers.get('content-type')).toMatch(/json/);
		expect((await missing.json()).error.error_subcode).toBe(33);
	});

	test('addMedia by size serves deterministic large bytes; 20 MB upload round trip', async () => {
		const m = fake.addMedia({
			id: 'big1',
			size: 20 * 1024 * 1024,
			mimeType: 'video/mp4',
			filename: 'big.mp4',
		});
		const res = await call('GET', `${WA}/media/big1/show`);
		const got = Buffer.from(await res.arrayBuffer());
		expect(got.length).toBe(20 * 1024 * 1024);
		expect(got.equals(m.data)).toBe(true);
		const fd = new FormData();
		fd.append('file', new Blob([got], { type: 'video/mp4' }), 'big.mp4');
		const up = await callJson('POST', `${PW}/${ID.pluginId}/upload-public-media`, fd);
		const back = Buffer.from(await (await fetch(up.body._data.publicMediaUrl)).arrayBuffer());
		expect(back.equals(got)).toBe(true);
	});
});

describe('pagination', () => {
	const tplPath = `${PW}/api/${V}/${ID.wabaId}/message_templates`;
	test('C7 cursor pagination, filters and fields', async () => {
		const p1 = await callJson('GET', `${tplPath}?limit=3&fields=name,language`);
		expect(p1.body.data).toEqual([
			{ name: 'order_update', language: 'en_US', id: ID.templateIdOrderUpdate },
			{ name: 'reservation_confirmation', language: 'en_US', id: ID.templateIdNamed },
			{ name: 'login_otp', language: 'en_US', id: ID.templateIdOtp },
		]);
		expect(p1.body.paging.next).toContain('after=');
		const names: string[] = p1.body.data.map((t: { name: string }) => t.name);
		let after: string = p1.body.paging.cursors.after;
		for (;;) {
			const p = await callJson('GET', `${tplPath}?limit=3&after=${encodeURIComponent(after)}`);
			names.push(...p.body.data.map((t: { name: string }) => t.name));
			if (!p.body.paging.next) break;
			after = p.body.paging.cursors.after;
		}
		expect(names).toEqual([
			'order_update',
			'reservation_confirmation',
			'login_otp',
			'hello_world',
			'christmas_promo_23',
			'summer_sale',
			'order_update',
		]);
		const approvedUtility = await callJson(
			'GET',
			`${tplPath}?status=APPROVED&category=UTILITY&language=en_US`,
		);
		expect(approvedUtility.body.data.map((t: { name: string }) => t.name)).toEqual([
			'order_update',
			'reservation_confirmation',
		]);
		expect(approvedUtility.body.paging.next).toBeUndefined();
		const named = await callJson('GET', `${tplPath}?name=reservation`);
		expect(named.body.data[0].parameter_format).toBe('NAMED');
		expect(named.body.data[0].components[0].text).toBe('Hi {{first_name}}, order {{order_id}}');
	});

	test('C6 adds a template that C7 lists; C8 updates; duplicates rejected', async () => {
		const c = await callJson('POST', tplPath, {
			name: 'order_update2',
			language: 'en_US',
			category: 'UTILITY',
			components: [{ type: 'BODY', text: 'x' }],
		});
		expect(c.body).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
		const dup = await callJson('POST', tplPath, {
			name: 'order_update2',
			language: 'en_US',
			category: 'UTILITY',
			components: [{ type: 'BODY', text: 'x' }],
		});
		expect(dup.body.error.error_subcode).toBe(2388024);
		expect((await callJson('POST', `${PW}/api/${V}/${c.body.id}`, {})).status).toBe(400);
		expect(
			(await callJson('POST', `${PW}/api/${V}/${c.body.id}`, { category: 'MARKETING' })).body,
		).toEqual({ success: true });
		const listed = await callJson('GET', `${tplPath}?name=order_update2`);
		expect(listed.body.data).toEqual([
			{
				name: 'order_update2',
				components: [{ type: 'BODY', text: 'x' }],
				language: 'en_US',
				status: 'PENDING',
				category: 'MARKETING',
				id: c.body.id,
			},
		]);
	});

	test('C16 and C22 cursor pagination', async () => {
		for (let i = 0; i < 3; i++)
			await call('POST', `${WA}/${ID.phoneNumberId}/groups`, {
				messaging_product: 'whatsapp',
				subject: `G${i}`,
			});
		const g1 = await callJson('GET', `${WA}/${ID.phoneNumberId}/groups?limit=2`);
		expect(g1.body.data.groups.map((g: { subject: string }) => g.subject)).toEqual([
			'Order 1042 support',
			'VIP customers',
		]);
		expect(g1.body.paging.next).toBeDefined();
		const g2 = await callJson(
			'GET',
			`${WA}/${ID.phoneNumberId}/groups?limit=2&after=${encodeURIComponent(g1.body.paging.cursors.after)}`,
		);
		expect(g2.body.data.groups.map((g: { subject: string }) => g.subject)).toEqual(['G0', 'G1']);
		const g3 = await callJson(
			'GET',
			`${WA}/${ID.phoneNumberId}/groups?limit=2&after=${encodeURIComponent(g2.body.paging.cursors.after)}`,
		);
		expect(g3.body.data.groups.map((g: { subject: string }) => g.subject)).toEqual(['G2']);
		expect(g3.body.paging.next).toBeUndefined();
		expect(g3.body.paging.previous).toBeDefined();

		const j1 = await callJson('GET', `${WA}/${ID.groupId}/join_requests?limit=2`);
		expect(j1.body.data.map((j: { join_request_id: string }) => j.join_request_id)).toEqual([
			ID.joinRequestId,
			ID.joinRequestId2,
		]);
		const j2 = await callJson(
			'GET',
			`${WA}/${ID.groupId}/join_requests?limit=2&after=${encodeURIComponent(j1.body.paging.cursors.after)}`,
		);
		expect(j2.body.paging.cursors.before).toBe(j2.body.paging.cursors.after);
		expect(j2.body.paging.cursors.after).not.toBe(j1.body.paging.cursors.after);
		expect(j2.body).toEqual({
			data: [
				{
					join_request_id: ID.joinRequestId3,
					wa_id: '919900000003',
					creation_timestamp: '1750857600',
				},
			],
			paging: {
				cursors: { before: expect.any(String), after: expect.any(String) },
				previous: expect.any(String),
			},
		});
	});

	test('C42 skip/limit and where DSL', async () => {
		const list = async (body: unknown): Promise<any> =>
			(await callJson('POST', '/v1/ext/procedure/lead/process/list', body)).body;
		const ids = (r: any): string[] => r._data.map((p: any) => p.data.lead_id);
		expect(ids(await list({ limit: 2 }))).toEqual(['LEAD-001', 'LEAD-002']);
		expect((await list({ limit: 2 }))._meta).toEqual({ hasMore: true });
		const last = await list({ skip: 4, limit: 2 });
		expect(ids(last)).toEqual(['LEAD/005 A']);
		expect(last._meta).toEqual({ hasMore: false });
		expect(ids(await list({ where: { status: 'OPEN', state: 'NEW' } }))).toEqual([
			'LEAD-001',
			'LEAD/005 A',
		]);
		expect(ids(await list({ where: { city: ['Pune', 'Goa'] } }))).toEqual([
			'LEAD-001',
			'LEAD-003',
			'LEAD-004',
		]);
		expect(ids(await list({ where: { score: { '>=': 8, '<': 20 } } }))).toEqual([
			'LEAD-002',
			'LEAD/005 A',
		]);
		expect(ids(await list({ where: { city: { '!=': 'Pune' } } }))).toEqual([
			'LEAD-002',
			'LEAD-004',
			'LEAD/005 A',
		]);
		expect(
			ids(
				await list({
					where: {
						createdAt: { '>': '2023-09-01T06:27:30+05:30', '<': '2023-09-10T06:27:30+05:30' },
					},
				}),
			),
		).toEqual(['LEAD-001', 'LEAD-002', 'LEAD-003']);
		expect(
			ids(
				await list({
					where: { or: [{ email: 'test@example.com' }, { phone_number: '7701214822' }] },
				}),
			),
		).toEqual(['LEAD-003', 'LEAD-004']);
		expect(
			ids(await list({ where: { and: [{ status: 'OPEN' }, { assignedTo: 'johndoe' }] } })),
		).toEqual(['LEAD-001']);
		expect(ids(await list({ where: { assignedTo: ID.userId2 } }))).toEqual(['LEAD-002']);
		expect(
			(await callJson('POST', '/v1/ext/procedure/lead/process/list', { limit: 101 })).body,
		).toEqual({ _errors: ['limit must be less than or equal to 100'] });
		expect(
			(
				await callJson('POST', '/v1/ext/procedure/lead/process/list', {
					where: { score: { '~': 1 } },
				})
			).status,
		).toBe(400);
		expect(
			(
				await callJson('POST', '/v1/ext/procedure/lead/process/list', {
					where: { createdAt: { '>': 5 } },
				})
			).status,
		).toBe(400);
	});

	test('C28 page/limit with _meta.total, search and order', async () => {
		const p = await callJson('POST', '/v1/ext/chat', {
			page: 2,
			limit: 5,
			orderField: 'createdAt',
			orderDirection: 'asc',
		});
		expect(p.body._meta).toEqual({ total: 12 });
		expect(p.body._data.map((c: { contactName: string }) => c.contactName)).toEqual([
			'Omar Aziz',
			'Lena Fischer',
			'Ravi Kumar',
			'Sara Costa',
			'Tom Berg',
		]);
		const last = await callJson('POST', '/v1/ext/chat', {
			page: 3,
			limit: 5,
			orderDirection: 'asc',
		});
		expect(last.body._data).toHaveLength(2);
		const s = await callJson('POST', '/v1/ext/chat', { search: ID.customerPhone });
		expect(s.body).toMatchObject({
			_data: [{ id: ID.chatId, contactName: 'Asha Rao' }],
			_meta: { total: 1 },
		});
		const desc = await callJson('POST', '/v1/ext/chat', { limit: 1 });
		expect(desc.body._data[0].contactName).toBe('Ivan Petrov');
	});
});

describe('processes and bulk jobs', () => {
	test('create, get, update by id, delete', async () => {
		const c = await callJson('POST', '/v1/ext/procedure/lead/process', {
			data: { lead_id: 'L-9', name: 'Ted' },
			state: 'IN_PROGRESS',
			assignedTo: 'shane.warne',
			nextActionAt: 1618558867539,
		});
		expect(c.body._data).toMatchObject({
			status: 'OPEN',
			state: 'IN_PROGRESS',
			assignedTo: ID.userId2,
			data: { lead_id: 'L-9', name: 'Ted' },
			nextActionAt: 1618558867539,
		});
		const id = c.body._data.id;
		expect(
			(await callJson('GET', `/v1/ext/procedure/lead/process/${id}`)).body._data.data.name,
		).toBe('Ted');
		expect(
			(await callJson('PUT', `/v1/ext/procedure/lead/process/${id}`, { data: { city: 'Goa' } }))
				.body._data.data,
		).toEqual({ lead_id: 'L-9', name: 'Ted', city: 'Goa' });
		expect(
			(await callJson('POST', '/v1/ext/procedure/lead/process', { data: { lead_id: 'L-9' } }))
				.status,
		).toBe(400);
		expect(
			(await callJson('POST', '/v1/ext/procedure/lead/process', { state: 'BOGUS' })).body,
		).toEqual({ _errors: ['Invalid state for procedure lead: BOGUS'] });
		expect((await callJson('DELETE', `/v1/ext/procedure/lead/process/${id}`)).body._data.id).toBe(
			id,
		);
		expect((await callJson('GET', `/v1/ext/procedure/lead/process/${id}`)).status).toBe(404);
	});

	test('C48 bulk create: IN_PROGRESS for one poll, then entries with SUCCESS/ERROR and next paths', async () => {
		fake.state.settings.jobEntriesPageSize = 2;
		const items = [
			{ data: { lead_id: 'B-1' } },
			{ data: { lead_id: 'B-2', city: '__error__' } },
			7,
			{ data: { lead_id: 'B-3' }, state: 'IN_PROGRESS' },
			{ data: { lead_id: 'LEAD-001' } },
		];
		const job = await callJson('POST', '/v1/ext/procedure/lead/process/bulk-create', items);
		expect(job.body._data).toMatchObject({
			completionStatus: 'IN_PROGRESS',
			completedAt: 0,
			statusMessage: null,
			type: '3ae1c371-9a3b-4c06-8090-42fea6c4df36',
		});
		const id = job.body._data.id;
		const poll1 = await callJson('GET', `/v1/ext/background-job/${id}`);
		expect(poll1.body._data).toMatchObject({
			completionStatus: 'IN_PROGRESS',
			completedAt: 0,
			type: 'bulk_api_job',
		});
		expect(poll1.body._meta).toEqual({
			bjEntryCompletionStatusVsCount: { INVALID: 1, NOT_STARTED: 4, SUCCESS: 0, ERROR: 0 },
		});
		const poll2 = await callJson('GET', `/v1/ext/background-job/${id}`);
		expect(poll2.body._data.completionStatus).toBe('COMPLETED');
		expect(poll2.body._data.completedAt).toBeGreaterThan(0);
		expect(poll2.body._meta).toEqual({
			bjEntryCompletionStatusVsCount: { INVALID: 1, NOT_STARTED: 0, SUCCESS: 2, ERROR: 2 },
		});

		const statuses: string[] = [];
		const errors: (string | null)[] = [];
		let path: string | undefined = `/v1/ext/background-job/${id}/entries`;
		const nexts: string[] = [];
		while (path) {
			const page = await callJson('GET', path);
			expect(page.body._meta.total).toBe(5);
			for (const e of page.body._data) {
				statuses.push(e.completionStatus);
				errors.push(e.errorMessage);
			}
			path = page.body._meta.next;
			if (path) nexts.push(path);
		}
		expect(nexts).toEqual([
			`/v1/ext/background-job/${id}/entries?page=2`,
			`/v1/ext/background-job/${id}/entries?page=3`,
		]);
		expect(statuses).toEqual(['SUCCESS', 'ERROR', 'INVALID', 'SUCCESS', 'ERROR']);
		expect(errors).toEqual([
			null,
			'Invalid value for attribute city',
			'Entry must be a JSON object',
			null,
			'A process with lead_id LEAD-001 already exists',
		]);
		const created = await callJson('POST', '/v1/ext/procedure/lead/process/list', {
			where: { lead_id: ['B-1', 'B-3'] },
		});
		expect(created.body._data.map((p: any) => p.state)).toEqual(['NEW', 'IN_PROGRESS']);
	});

	test('C49 bulk update applies updates, deletes, and reports bad entries', async () => {
		fake.state.settings.bulkJobInProgressPolls = 0;
		const job = await callJson('PATCH', '/v1/ext/procedure/lead/process', {
			processes: [
				{ lead_id: 'LEAD-001', update: { data: { score: '105' } } },
				{ id: ID.processId, update: { state: 'IN_PROGRESS', assignedTo: 'shane.warne' } },
				{ lead_id: 'LEAD-004', update: { isDeleted: true } },
				{ update: { status: 'OPEN' } },
				{ id: '00000000-0000-4000-8000-000000000000', update: {} },
			],
		});
		const done = await callJson('GET', `/v1/ext/background-job/${job.body._data.id}`);
		expect(done.body._meta.bjEntryCompletionStatusVsCount).toEqual({
			INVALID: 0,
			NOT_STARTED: 0,
			SUCCESS: 3,
			ERROR: 2,
		});
		const entries = await callJson('GET', `/v1/ext/background-job/${job.body._data.id}/entries`);
		expect(entries.body._meta).toEqual({ total: 5 });
		expect(entries.body._data.map((e: any) => e.errorMessage)).toEqual([
			null,
			null,
			null,
			'Missing identifier: send id or lead_id',
			'Process not found: 00000000-0000-4000-8000-000000000000',
		]);
		const p = (await callJson('GET', `/v1/ext/procedure/lead/process/${ID.processId}`)).body._data;
		expect(p).toMatchObject({
			state: 'IN_PROGRESS',
			assignedTo: ID.userId2,
			data: { score: '105' },
		});
		expect(
			(
				await callJson('POST', '/v1/ext/procedure/lead/process/list', {
					where: { lead_id: 'LEAD-004' },
				})
			).body._data,
		).toEqual([]);
		expect((await callJson('PATCH', '/v1/ext/procedure/lead/process', [{}])).status).toBe(400);
		expect(
			(await callJson('POST', '/v1/ext/procedure/lead/process/bulk-create', { processes: [] }))
				.body,
		).toEqual({ _errors: ['Body must be a JSON array of processes'] });
	});
});

describe('partner, calling, misc', () => {
	test('C38 merges keys and keeps unknown keys (read-modify-write)', async () => {
		const before = (await callJson('GET', `${PW}/${ID.pluginId}/config`)).body._data;
		expect(before.someOtherSetting).toBe('keep-me');
		expect(
			(
				await callJson('POST', `${PW}/${ID.pluginId}/update-config`, {
					chakraWebhookUrl: 'https://n8n/hook',
					enableChakraWebhook: true,
					whichChakraWebhookEventsToSend: ['message'],
				})
			).body,
		).toEqual({ _data: { success: true } });
		const after = (await callJson('GET', `${PW}/${ID.pluginId}/config`)).body._data;
		expect(after).toEqual({
			...before,
			chakraWebhookUrl: 'https://n8n/hook',
			enableChakraWebhook: true,
			whichChakraWebhookEventsToSend: ['message'],
		});
		expect(
			(
				await callJson('POST', `${PW}/${ID.pluginId}/update-config`, {
					whichChakraWebhookEventsToSend: ['nope'],
				})
			).status,
		).toBe(400);
	});

	test('C33 lowercase values and SIP credentials only on request; C34 merge', async () => {
		const s = await callJson('GET', `${WA}/${ID.phoneNumberId}/settings`);
		expect(s.body).toEqual({
			calling: {
				status: 'enabled',
				call_icon_visibility: 'visible',
				callback_permission_status: 'enabled',
				sip: { status: 'enabled', servers: [{ hostname: 'sip.example.com', port: 5060 }] },
			},
			storage_configuration: { status: 'default' },
		});
		const withSip = await callJson(
			'GET',
			`${WA}/${ID.phoneNumberId}/settings?include_sip_credentials=true`,
		);
		expect(withSip.body.calling.sip.servers[0].sip_user_password).toBe('fake-sip-secret');
		await callJson('POST', `${WA}/${ID.phoneNumberId}/settings`, {
			calling: {
				status: 'DISABLED',
				call_hours: {
					status: 'ENABLED',
					timezone_id: 'UTC',
					weekly_operating_hours: [
						{ day_of_week: 'MONDAY', open_time: '0400', close_time: '1020' },
					],
				},
			},
		});
		const s2 = await callJson('GET', `${WA}/${ID.phoneNumberId}/settings`);
		expect(s2.body.calling.status).toBe('disabled');
		expect(s2.body.calling.callback_permission_status).toBe('enabled');
		expect(s2.body.calling.call_hours.weekly_operating_hours).toEqual([
			{ day_of_week: 'MONDAY', open_time: '0400', close_time: '1020' },
		]);
		expect(
			(await callJson('POST', `${WA}/${ID.phoneNumberId}/settings`, { calling: { status: 'ON' } }))
				.body.error.message,
		).toBe('(#100) Param calling.status must be one of ENABLED, DISABLED');
	});

	test('C36 connect returns a wacid; no permission -> 138006; unknown call -> Meta error', async () => {
		const ok = await callJson('POST', `${WA}/${ID.phoneNumberId}/calls`, {
			messaging_product: 'whatsapp',
			action: 'connect',
			to: ID.customerPhone,
			session: { sdp_type: 'offer', sdp: 'v=0' },
		});
		expect(ok.body.messaging_product).toBe('whatsapp');
		expect(ok.body.calls[0].id).toMatch(/^wacid\./);
		const term = await callJson('POST', `${WA}/${ID.phoneNumberId}/calls`, {
			messaging_product: 'whatsapp',
			action: 'terminate',
			call_id: ok.body.calls[0].id,
		});
		expect(term.body).toEqual({ messaging_product: 'whatsapp', success: true });
		const noPerm = await callJson('POST', `${WA}/${ID.phoneNumberId}/calls`, {
			messaging_product: 'whatsapp',
			action: 'connect',
			to: '15550001111',
			session: { sdp_type: 'offer', sdp: 'v=0' },
		});
		expect(noPerm.body.error.code).toBe(138006);
		const unknown = await callJson('POST', `${WA}/${ID.phoneNumberId}/calls`, {
			messaging_product: 'whatsapp',
			action: 'reject',
			call_id: 'wacid.nope',
		});
		expect(unknown.status).toBe(400);
		expect(unknown.body.error.message).toBe('Call not found: wacid.nope');
	});

	test('C35 permission, C37 token, C40 disconnect, C64 pluginId required, C31 unknown campaign', async () => {
		const perm = await callJson(
			'GET',
			`${WA}/${ID.phoneNumberId}/call_permissions?user_wa_id=${ID.customerPhone}`,
		);
		expect(perm.body.permission).toEqual({ status: 'temporary', expiration_time: 1745343479 });
		expect((await callJson('GET', `${WA}/${ID.phoneNumberId}/call_permissions`)).status).toBe(400);
		const tok = await callJson('POST', '/v1/ext/whatsapp-partner/create-connect-token', {
			pluginId: ID.pluginId,
		});
		expect(tok.body._data.connectToken).toMatch(/^ct_[0-9a-f]{48}$/);
		expect(
			(await callJson('POST', '/v1/ext/whatsapp-partner/create-connect-token', {})).body,
		).toEqual({ _errors: ['One of pluginId or newPluginName is required'] });
		expect(
			(await callJson('GET', `/v1/ext/whatsapp-business-account?pluginId=${ID.pluginId}`)).body,
		).toEqual({ _data: [{ id: ID.wabaId, name: 'Acme Retail', chakraStatus: 'CONNECTED' }] });
		expect(
			(await callJson('POST', `${PW}/${ID.pluginId}/disconnect-waba`, { wabaId: ID.wabaId })).body,
		).toEqual({ _data: { success: true } });
		expect(
			(await callJson('GET', `/v1/ext/whatsapp-business-account?pluginId=${ID.pluginId}`)).body
				._data[0].chakraStatus,
		).toBe('DISCONNECTED');
		expect((await callJson('GET', '/v1/ext/whatsapp-business-account')).body).toEqual({
			_errors: ['pluginId query parameter is required'],
		});
		expect(
			(await callJson('POST', '/v1/ext/campaign/nope/add-phone-number', { phoneNumber: '1' })).body,
		).toEqual({ _errors: ['Campaign not found: nope'] });
	});

	test('C61 config exposes procedures with primaryKeyShortId and states, C51/C52 users', async () => {
		const cfg = (await callJson('GET', '/v1/ext/config')).body._data;
		expect(cfg.procedures.map((p: any) => [p.shortId, p.primaryKeyShortId])).toEqual([
			['lead', 'lead_id'],
			['ticket', 'ticket_id'],
		]);
		expect(cfg.procedures[0].states.map((s: any) => s.shortId)).toEqual([
			'NEW',
			'IN_PROGRESS',
			'CONVERTED',
			'NOT_INTERESTED',
		]);
		expect(
			cfg.states.filter((s: any) => s.procedureShortId === 'ticket').map((s: any) => s.shortId),
		).toEqual(['NEW', 'IN_PROGRESS', 'RESOLVED']);
		expect(cfg.stateTasks.map((s: any) => s.shortId)).toEqual(['call', 'meeting', 'follow_up']);
		expect(cfg.attributes.find((a: any) => a.shortId === 'score')).toMatchObject({
			type: 'number',
			procedureShortId: 'lead',
		});
		const users = (await callJson('GET', '/v1/ext/users')).body._data;
		expect(users.map((u: any) => u.username)).toEqual(['johndoe', 'shane.warne', 'asha.rao']);
		const v2 = (await callJson('GET', `/v2/ext/user/${ID.userId}`)).body._data;
		expect(v2).toMatchObject({
			username: 'johndoe',
			role: 'Admin',
			team: 'Acme Retail',
			pods: ['Sales'],
		});
		expect((await callJson('PUT', `/v1/ext/user/${ID.userId}`, {})).status).toBe(400);
	});

	test('latencyMs delays responses; reset restores the seed', async () => {
		fake.latencyMs = 100;
		const t0 = Date.now();
		await call('GET', '/v1/health');
		expect(Date.now() - t0).toBeGreaterThanOrEqual(95);
		fake.latencyMs = 0;
		await call('DELETE', `${WA}/${ID.groupId}`);
		expect(fake.state.groups.has(ID.groupId)).toBe(false);
		fake.reset();
		expect(fake.state.groups.has(ID.groupId)).toBe(true);
		expect(fake.requests).toEqual([]);
	});

	test('handles 40 concurrent keep-alive requests and 500 sequential ones', async () => {
		const results = await Promise.all(
			Array.from({ length: 40 }, () => call('GET', '/v1/ext/users').then((r) => r.status)),
		);
		expect(new Set(results)).toEqual(new Set([200]));
		// Throughput is measured by the benchmark (npm run bench), not asserted here.
		for (let i = 0; i < 500; i++) {
			const response = await call('GET', '/v1/health');
			expect(response.status).toBe(200);
			await response.arrayBuffer();
		}
		expect(fake.requests).toHaveLength(540);
	});
});

describe('control API', () => {
	test('/__fake/* reset, faults, requests (not recorded, no auth)', async () => {
		await call('DELETE', `${WA}/${ID.groupId}`);
		const inj = await fetch(`${fake.baseUrl}/__fake/faults`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ cid: 'C62', fault: { status: 503 }, times: null }),
		});
		expect(inj.status).toBe(200);
		expect((await call('GET', '/v1/health')).status).toBe(503);
		expect((await call('GET', '/v1/health')).status).toBe(503);
		const reqs = await (await fetch(`${fake.baseUrl}/__fake/requests?cid=C62`)).json();
		expect(reqs.map((r: { cid: string; status: number }) => [r.cid, r.status])).toEqual([
			['C62', 503],
			['C62', 503],
		]);
		await fetch(`${fake.baseUrl}/__fake/faults`, { method: 'DELETE' });
		expect((await call('GET', '/v1/health')).status).toBe(200);
		expect(fake.requests).toHaveLength(4);
		await fetch(`${fake.baseUrl}/__fake/reset`, { method: 'POST' });
		expect(fake.requests).toHaveLength(0);
		expect(fake.state.groups.has(ID.groupId)).toBe(true);
	});
});

describe('webhooks', () => {
	test('signBody matches a known HMAC-SHA256 vector', () => {
		// RFC 4231 test case 2
		expect(signBody('what do ya want for nothing?', 'Jefe')).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
		expect(signBody(Buffer.from('what do ya want for nothing?'), 'Jefe')).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
	});

	test('samples follow section 4', () => {
		const t = webhookSamples.passThroughText();
		expect(t.object).toBe('whatsapp_business_account');
		expect(t.entry[0].id).toBe(ID.wabaId);
		expect(t.entry[0].changes[0].value.messages).toEqual([
			{
				from: '919911223344',
				id: 'wamid.HBgMOTEST3AxMjU4NDMzFQIAEhgUM0VCMDM3RjlEQTNDQTBEMjQ2Q275',
				timestamp: '1756322278',
				text: { body: 'Hi, can you please help me out with an issue' },
				type: 'text',
			},
		]);
		const failed = webhookSamples.passThroughStatus('failed', { wamid: 'wamid.F' });
		expect((failed.entry[0].changes[0].value.statuses as any[])[0]).toMatchObject({
			id: 'wamid.F',
			status: 'failed',
			errors: [{ code: 130429 }],
		});
		expect(webhookSamples.passThroughCall().entry[0].changes[0].field).toBe('calls');
		expect(webhookSamples.passThroughGroup().entry[0].changes[0].field).toBe(
			'group_lifecycle_update',
		);
		expect(
			webhookSamples.passThroughBatch(t, webhookSamples.passThroughImage()).entry,
		).toHaveLength(2);
		expect(webhookSamples.chakraStatus()).toEqual({
			event: 'status',
			payload: {
				id: 'wamid.ABC',
				deliveryStatus: 'DELIVERED',
				timestamp: 1788259052000,
				wabaId: ID.wabaId,
			},
		});
		expect(webhookSamples.chakraEcho('smb_message_echo').event).toBe('smb_message_echo');
		expect(webhookSamples.deliveryStatus({ deliveryStatus: 'READ' }).payload).toMatchObject({
			deliveryStatus: 'READ',
			id: '39718a7c-b747-446c-a2ee-ce977e608b49',
		});
		expect(webhookSamples.chakraMessage({ text: 'yo' }).payload.message).toEqual({
			from: '5492611234567',
			id: 'wamid.ABC',
			type: 'text',
			text: { body: 'yo' },
		});
	});

	test('deliverWebhook posts the raw JSON with a valid signature, or none, or a given one', async () => {
		const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
		const server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				got.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
				res.writeHead(200, { 'content-type': 'text/plain', 'x-test': 'yes' });
				res.end('firstEntryJson');
			});
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
		try {
			const payload = webhookSamples.chakraMessage();
			const r1 = await deliverWebhook(url, payload, {
				secret: 's3cret',
				headers: { 'X-Extra': '1' },
			});
			expect(r1).toEqual({
				status: 200,
				body: 'firstEntryJson',
				headers: expect.objectContaining({ 'x-test': 'yes' }),
			});
			expect(got[0].body).toBe(JSON.stringify(payload));
			expect(got[0].headers['x-chakra-signature-256']).toBe(
				signBody(JSON.stringify(payload), 's3cret'),
			);
			expect(got[0].headers['content-type']).toBe('application/json');
			expect(got[0].headers['x-extra']).toBe('1');
			await deliverWebhook(url, '{"event":"status"}', { secret: 's3cret', signature: null });
			expect(got[1].headers['x-chakra-signature-256']).toBeUndefined();
			expect(got[1].body).toBe('{"event":"status"}');
			await deliverWebhook(url, {}, { signature: 'deadbeef' });
			expect(got[2].headers['x-chakra-signature-256']).toBe('deadbeef');
			const sugar = await fake.deliverWebhook(url, 'deliveryStatus');
			expect(sugar.status).toBe(200);
			expect(JSON.parse(got[3].body).event).toBe('deliveryStatus');
		} finally {
			await new Promise<void>((r) => server.close(() => r()));
		}
	});
});

describe('throughput limits (Meta 130429 per sender, 131056 per pair)', () => {
	const c2 = (to: string, sender: string = ID.phoneNumberId) =>
		callJson('POST', `${PW}/${ID.pluginId}/phoneNumber/${to}/send-template-message`, {
			whatsappPhoneNumberId: sender,
			templateName: 'login_otp',
			otpCode: '1',
		});
	const c4 = (to: string) =>
		callJson('POST', `${PW}/${ID.pluginId}/api/${V}/${ID.phoneNumberId}/messages`, {
			messaging_product: 'whatsapp',
			to,
			type: 'text',
			text: { body: 'Hi' },
		});

	test('a burst beyond the bucket is refused with 429 and Meta 130429, with Retry-After when configured; nothing is recorded as sent', async () => {
		fake.setThroughput({ perSecond: 2, burst: 3, retryAfter: '1' });
		const answers = [
			await c2('911111111101'),
			await c2('911111111102'),
			await c4('911111111103'),
			await c2('911111111104'),
		];
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
		expect(answers[3].body.error).toMatchObject({
			message: THROUGHPUT_MESSAGE,
			code: 130429,
			type: 'OAuthException',
		});
		const res = await call(
			'POST',
			`${PW}/${ID.pluginId}/phoneNumber/911111111105/send-template-message`,
			{ whatsappPhoneNumberId: ID.phoneNumberId, templateName: 'login_otp' },
		);
		expect(res.headers.get('retry-after')).toBe('1');
		expect(fake.state.sentMessages.map((m) => m.to)).toEqual([
			'911111111101',
			'911111111102',
			'911111111103',
		]);
		expect(fake.throughput!.stats).toEqual({ passed: 3, throughputRefusals: 2, pairRefusals: 0 });
	});

	test('the bucket is per sender and refills at the rate', async () => {
		fake.setThroughput({ perSecond: 4, burst: 1 });
		expect((await c2('911111111101')).status).toBe(200);
		expect((await c2('911111111102')).status).toBe(429);
		expect((await c2('911111111102', ID.phoneNumberId2)).status).not.toBe(429);
		await new Promise((resolve) => setTimeout(resolve, 260));
		expect((await c2('911111111102')).status).toBe(200);
	});

	test('a second send to the same recipient inside the pair limit is refused with 131056; other recipients go', async () => {
		fake.setThroughput({ perSecond: 100, pairPerSecond: 1 });
		expect((await c2('911111111101')).status).toBe(200);
		const again = await c2('911111111101');
		expect(again.status).toBe(400);
		expect(again.body.error).toMatchObject({ message: PAIR_MESSAGE, code: 131056 });
		expect((await c2('911111111102')).status).toBe(200);
		expect(Object.fromEntries(fake.acceptedPerRecipient())).toEqual({
			'911111111101': 1,
			'911111111102': 1,
		});
	});

	test('reset restores the start option (none) and the control API sets and reports the limits', async () => {
		fake.setThroughput({ perSecond: 1 });
		fake.reset();
		expect(fake.throughput).toBeUndefined();
		expect((await callJson('POST', '/__fake/throughput', { perSecond: 1, burst: 1 })).status).toBe(
			200,
		);
		await c2('911111111101');
		await c2('911111111101');
		const report = await callJson('GET', '/__fake/throughput');
		expect(report.body).toEqual({
			options: { perSecond: 1, burst: 1 },
			stats: { passed: 1, throughputRefusals: 1, pairRefusals: 0 },
			acceptedPerRecipient: { '911111111101': 1 },
		});
		expect((await callJson('POST', '/__fake/throughput', null)).status).toBe(200);
		expect(fake.throughput).toBeUndefined();
	});

	test('maxInWindow counts the busiest window', () => {
		expect(maxInWindow([1998, 0, 100, 999, 1000, 1500], 1000)).toBe(4);
		expect(maxInWindow([], 1000)).toBe(0);
	});
});
