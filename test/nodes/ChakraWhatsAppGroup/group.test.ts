import { FAKE_IDS } from '../../fake-chakra';
import type { GroupRecord } from '../../fake-chakra';
import {
	byId,
	jsonOf,
	phoneNumberParameter,
	requestSummary,
	runAgainst,
	useFakeChakra,
} from './common';

const NOTE =
	'WhatsApp creates the group asynchronously: its ID and invite link arrive in a group_lifecycle_update webhook carrying this request_id (use the Chakra Trigger).';

describe('Chakra WhatsApp Group: group (C15-C19)', () => {
	const handle = useFakeChakra();
	const run = (parameters: Record<string, unknown>, options?: { continueOnFail?: boolean }) =>
		runAgainst(
			handle,
			'chakraWhatsAppGroup',
			{ resource: 'group', ...parameters } as never,
			options,
		);
	const bearer = () => `Bearer ${handle.fake.token}`;
	const groupsPath = `/v1/whatsapp/v24.0/${FAKE_IDS.phoneNumberId}/groups`;

	function seedGroups(count: number): GroupRecord[] {
		const added: GroupRecord[] = [];
		for (let index = 0; index < count; index++) {
			const group: GroupRecord = {
				id: `SEEDGROUP${String(index).padStart(4, '0')}`,
				phoneNumberId: FAKE_IDS.phoneNumberId,
				requestId: `seed-${index}`,
				subject: `Group ${index}`,
				description: '',
				join_approval_mode: 'auto_approve',
				suspended: false,
				creation_timestamp: 1750900000 + index,
				participants: [],
				invite_link: `https://chat.whatsapp.com/SEED${index}`,
				joinRequests: [],
			};
			handle.fake.state.groups.set(group.id, group);
			added.push(group);
		}
		return added;
	}

	it('C15 create posts subject, description and join approval mode and says the group ID comes by webhook', async () => {
		const before = new Set(handle.fake.state.groups.keys());
		const result = await run({
			operation: 'create',
			whatsappPhoneNumberId: phoneNumberParameter,
			subject: 'Order 1042 support',
			description: 'Delivery coordination',
			joinApprovalMode: 'approval_required',
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C15',
				method: 'POST',
				path: groupsPath,
				query: {},
				body: {
					messaging_product: 'whatsapp',
					subject: 'Order 1042 support',
					description: 'Delivery coordination',
					join_approval_mode: 'approval_required',
				},
				authorization: bearer(),
			},
		]);
		const created = [...handle.fake.state.groups.values()].find((group) => !before.has(group.id));
		expect(created?.subject).toBe('Order 1042 support');
		expect(jsonOf(result)).toEqual([
			{ messaging_product: 'whatsapp', request_id: created?.requestId, note: NOTE },
		]);
	});

	it('C15 create leaves an empty description out and defaults to auto approve', async () => {
		const result = await run({
			operation: 'create',
			whatsappPhoneNumberId: phoneNumberParameter,
			subject: 'VIP',
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			subject: 'VIP',
			join_approval_mode: 'auto_approve',
		});
	});

	it.each([
		[
			'a 129-character subject',
			{ subject: 'x'.repeat(129) },
			'Subject: has 129 characters; WhatsApp allows at most 128',
		],
		['a blank subject', { subject: '   ' }, 'Subject: is required but empty'],
		[
			'a 2049-character description',
			{ subject: 'ok', description: 'd'.repeat(2049) },
			'Description: has 2049 characters; WhatsApp allows at most 2048',
		],
	])('C15 create rejects %s before any request', async (_case, fields, message) => {
		const result = await run({
			operation: 'create',
			whatsappPhoneNumberId: phoneNumberParameter,
			...fields,
		});
		expect(result.error?.message).toBe(message);
		expect(handle.fake.requests).toHaveLength(0);
	});

	it('C15 create counts the subject in characters as WhatsApp does: 128 emoji pass, 129 are refused', async () => {
		const subject = '\u{1F600}'.repeat(128);
		const result = await run({
			operation: 'create',
			whatsappPhoneNumberId: phoneNumberParameter,
			subject,
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			subject,
			join_approval_mode: 'auto_approve',
		});
		const tooLong = await run({
			operation: 'create',
			whatsappPhoneNumberId: phoneNumberParameter,
			subject: `${subject}\u{1F600}`,
		});
		expect(tooLong.error?.message).toBe('Subject: has 129 characters; WhatsApp allows at most 128');
	});

	it('C16 getAll with a limit asks for that many and returns one item per group', async () => {
		const result = await run({
			operation: 'getAll',
			whatsappPhoneNumberId: phoneNumberParameter,
			returnAll: false,
			limit: 1,
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C16',
				method: 'GET',
				path: groupsPath,
				query: { limit: '1' },
				body: undefined,
				authorization: bearer(),
			},
		]);
		expect(jsonOf(result)).toEqual([
			{ id: FAKE_IDS.groupId, subject: 'Order 1042 support', created_at: '1750857384' },
		]);
	});

	it('C16 getAll with Return All follows the Meta cursor across pages of 1024', async () => {
		const seeded = seedGroups(1030);
		const result = await run({
			operation: 'getAll',
			whatsappPhoneNumberId: phoneNumberParameter,
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const requests = handle.fake.requestsFor('C16');
		expect(requests).toHaveLength(2);
		expect(requests[0].query).toEqual({ limit: '1024' });
		expect(requests[1].query).toEqual({
			limit: '1024',
			after: Buffer.from('cursor:1023').toString('base64'),
		});
		expect(jsonOf(result)).toEqual([
			{ id: FAKE_IDS.groupId, subject: 'Order 1042 support', created_at: '1750857384' },
			{ id: FAKE_IDS.groupId2, subject: 'VIP customers', created_at: '1750858000' },
			...seeded.map((group) => ({
				id: group.id,
				subject: group.subject,
				created_at: String(group.creation_timestamp),
			})),
		]);
	});

	it('C16 getAll with a limit above one page stops at the limit', async () => {
		seedGroups(1030);
		const result = await run({
			operation: 'getAll',
			whatsappPhoneNumberId: phoneNumberParameter,
			returnAll: false,
			limit: 1030,
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requestsFor('C16').map((request) => request.query.limit)).toEqual([
			'1024',
			'6',
		]);
		expect(result.items).toHaveLength(1030);
	});

	it('C17 get sends the chosen fields as a comma list', async () => {
		const result = await run({
			operation: 'get',
			groupId: byId(FAKE_IDS.groupId),
			fields: ['subject', 'participants', 'total_participant_count'],
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C17',
				method: 'GET',
				path: `/v1/whatsapp/v24.0/${FAKE_IDS.groupId}`,
				query: { fields: 'subject,participants,total_participant_count' },
				body: undefined,
				authorization: bearer(),
			},
		]);
		expect(jsonOf(result)).toEqual([
			{
				id: FAKE_IDS.groupId,
				messaging_product: 'whatsapp',
				subject: 'Order 1042 support',
				participants: [{ wa_id: FAKE_IDS.customerPhone }, { wa_id: FAKE_IDS.customerPhone2 }],
				total_participant_count: 2,
			},
		]);
	});

	it('C17 get takes the fields from an expression as a comma-separated string', async () => {
		const result = await run({
			operation: 'get',
			groupId: byId(FAKE_IDS.groupId2),
			fields: '={{ "subject, suspended" }}',
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests[0].query).toEqual({ fields: 'subject,suspended' });
		expect(jsonOf(result)).toEqual([
			{
				id: FAKE_IDS.groupId2,
				messaging_product: 'whatsapp',
				subject: 'VIP customers',
				suspended: false,
			},
		]);
	});

	it('C17 get without fields sends no fields query and uses the chosen API version', async () => {
		const result = await run({
			operation: 'get',
			groupId: byId(FAKE_IDS.groupId2),
			fields: [],
			whatsappApiVersion: 'v23.0',
		});
		expect(result.error).toBeUndefined();
		expect(requestSummary(handle.fake.requests[0])).toMatchObject({
			path: `/v1/whatsapp/v23.0/${FAKE_IDS.groupId2}`,
			query: {},
		});
		expect(jsonOf(result)).toEqual([
			{
				id: FAKE_IDS.groupId2,
				messaging_product: 'whatsapp',
				join_approval_mode: 'auto_approve',
				subject: 'VIP customers',
				description: '',
				suspended: false,
				creation_timestamp: 1750858000,
				total_participant_count: 1,
			},
		]);
	});

	it("C17 get of an unknown group shows Meta's message and code; continueOnFail gives an error item", async () => {
		const parameters = { operation: 'get', groupId: byId('NOSUCHGROUP'), fields: [] };
		const failed = await run(parameters);
		expect(failed.error?.message).toBe(
			"Unsupported get request. Object with ID 'NOSUCHGROUP' does not exist, cannot be loaded due to missing permissions, or does not support this operation. (#100)",
		);
		expect(failed.error?.description).toContain('Meta error code 100 (subcode 33)');
		const continued = await run(parameters, { continueOnFail: true });
		expect(continued.error).toBeUndefined();
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].json).toEqual({ error: failed.error?.message });
	});

	it('C18 update posts only the chosen settings', async () => {
		const result = await run({
			operation: 'update',
			groupId: byId(FAKE_IDS.groupId),
			updateFields: { subject: 'Order 1042 support (closed)', description: '' },
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C18',
				method: 'POST',
				path: `/v1/whatsapp/v24.0/${FAKE_IDS.groupId}`,
				query: {},
				body: {
					messaging_product: 'whatsapp',
					subject: 'Order 1042 support (closed)',
					description: '',
				},
				authorization: bearer(),
			},
		]);
		expect(jsonOf(result)).toEqual([{ success: true }]);
		expect(handle.fake.state.groups.get(FAKE_IDS.groupId)).toMatchObject({
			subject: 'Order 1042 support (closed)',
			description: '',
		});
	});

	it('C18 update without any field, or with a too long subject, is refused before any request', async () => {
		const empty = await run({
			operation: 'update',
			groupId: byId(FAKE_IDS.groupId),
			updateFields: {},
		});
		expect(empty.error?.message).toBe(
			'Update Fields: add the Subject or the Description to change',
		);
		const long = await run({
			operation: 'update',
			groupId: byId(FAKE_IDS.groupId),
			updateFields: { subject: 's'.repeat(200) },
		});
		expect(long.error?.message).toBe('Subject: has 200 characters; WhatsApp allows at most 128');
		expect(handle.fake.requests).toHaveLength(0);
	});

	it('C19 delete sends DELETE without a body and returns { deleted: true }', async () => {
		const result = await run({ operation: 'delete', groupId: byId(FAKE_IDS.groupId2) });
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C19',
				method: 'DELETE',
				path: `/v1/whatsapp/v24.0/${FAKE_IDS.groupId2}`,
				query: {},
				body: undefined,
				authorization: bearer(),
			},
		]);
		expect(handle.fake.requests[0].rawBody).toHaveLength(0);
		expect(jsonOf(result)).toEqual([{ deleted: true }]);
		expect(handle.fake.state.groups.has(FAKE_IDS.groupId2)).toBe(false);
	});

	it('C19 delete with an empty group ID names the field and sends nothing', async () => {
		const result = await run({ operation: 'delete', groupId: byId('={{ "  " }}') });
		expect(result.error?.message).toBe('Group ID: is required but empty');
		expect(handle.fake.requests).toHaveLength(0);
	});
});
