import { FAKE_IDS } from '../../fake-chakra';
import { byId, jsonOf, requestSummary, runAgainst, useFakeChakra } from './common';

const path = `/v1/whatsapp/v24.0/${FAKE_IDS.groupId}/join_requests`;
const seededRequests = [
	{
		join_request_id: FAKE_IDS.joinRequestId,
		wa_id: '919900000001',
		creation_timestamp: '1750857400',
	},
	{
		join_request_id: FAKE_IDS.joinRequestId2,
		wa_id: '919900000002',
		creation_timestamp: '1750857500',
	},
	{
		join_request_id: FAKE_IDS.joinRequestId3,
		wa_id: '919900000003',
		creation_timestamp: '1750857600',
	},
];
const notPending = (id: string) => ({
	joinRequestId: id,
	code: 131009,
	title: 'Parameter value is not valid',
	message: 'Parameter value is not valid',
	details: `No pending join request with id ${id}`,
});
const failedEntry = (id: string) => ({
	join_request_id: id,
	errors: [
		{
			code: 131009,
			message: 'Parameter value is not valid',
			title: 'Parameter value is not valid',
			error_data: { details: `No pending join request with id ${id}` },
		},
	],
});

describe('Chakra WhatsApp Group: join request (C22-C24)', () => {
	const handle = useFakeChakra();
	const run = (parameters: Record<string, unknown>, options?: { continueOnFail?: boolean }) =>
		runAgainst(
			handle,
			'chakraWhatsAppGroup',
			{ resource: 'joinRequest', groupId: byId(FAKE_IDS.groupId), ...parameters } as never,
			options,
		);
	const bearer = () => `Bearer ${handle.fake.token}`;

	it('C22 getAll with a limit returns that many join requests, one item each', async () => {
		const result = await run({ operation: 'getAll', returnAll: false, limit: 2 });
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C22',
				method: 'GET',
				path,
				query: { limit: '2' },
				body: undefined,
				authorization: bearer(),
			},
		]);
		expect(jsonOf(result)).toEqual(seededRequests.slice(0, 2));
	});

	it('C22 getAll with Return All follows the cursor across pages of 100', async () => {
		const group = handle.fake.state.groups.get(FAKE_IDS.groupId)!;
		const extra = Array.from({ length: 150 }, (_, index) => ({
			join_request_id: `EXTRA${index}`,
			wa_id: `91980000${String(index).padStart(4, '0')}`,
			creation_timestamp: String(1750860000 + index),
		}));
		group.joinRequests.push(...extra);
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(handle.fake.requestsFor('C22').map((request) => request.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', after: Buffer.from('cursor:99').toString('base64') },
		]);
		expect(jsonOf(result)).toEqual([...seededRequests, ...extra]);
	});

	it("C23 approve sends the ids and lists approved and failed ones with Meta's reason", async () => {
		const result = await run({
			operation: 'approve',
			joinRequestIds: [
				FAKE_IDS.joinRequestId,
				'UNKNOWN1',
				FAKE_IDS.joinRequestId2,
				FAKE_IDS.joinRequestId,
			],
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C23',
				method: 'POST',
				path,
				query: {},
				body: {
					messaging_product: 'whatsapp',
					join_requests: [FAKE_IDS.joinRequestId, 'UNKNOWN1', FAKE_IDS.joinRequestId2],
				},
				authorization: bearer(),
			},
		]);
		expect(jsonOf(result)).toEqual([
			{
				groupId: FAKE_IDS.groupId,
				requested: [FAKE_IDS.joinRequestId, 'UNKNOWN1', FAKE_IDS.joinRequestId2],
				approved: [FAKE_IDS.joinRequestId, FAKE_IDS.joinRequestId2],
				failed: [notPending('UNKNOWN1')],
				response: {
					messaging_product: 'whatsapp',
					approved_join_requests: [FAKE_IDS.joinRequestId, FAKE_IDS.joinRequestId2],
					failed_join_requests: [failedEntry('UNKNOWN1')],
				},
			},
		]);
		expect(
			handle.fake.state.groups
				.get(FAKE_IDS.groupId)
				?.participants.map((participant) => participant.wa_id),
		).toEqual([FAKE_IDS.customerPhone, FAKE_IDS.customerPhone2, '919900000001', '919900000002']);
	});

	it('C24 reject sends DELETE with a JSON body built from a comma-separated expression', async () => {
		const result = await run({
			operation: 'reject',
			joinRequestIds: `={{ "${FAKE_IDS.joinRequestId3} , UNKNOWN2," }}`,
		});
		expect(result.error).toBeUndefined();
		const [request] = handle.fake.requests;
		expect(requestSummary(request)).toEqual({
			cid: 'C24',
			method: 'DELETE',
			path,
			query: {},
			body: { messaging_product: 'whatsapp', join_requests: [FAKE_IDS.joinRequestId3, 'UNKNOWN2'] },
			authorization: bearer(),
		});
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(request.rawBody.toString('utf8'))).toEqual({
			messaging_product: 'whatsapp',
			join_requests: [FAKE_IDS.joinRequestId3, 'UNKNOWN2'],
		});
		expect(jsonOf(result)).toEqual([
			{
				groupId: FAKE_IDS.groupId,
				requested: [FAKE_IDS.joinRequestId3, 'UNKNOWN2'],
				rejected: [FAKE_IDS.joinRequestId3],
				failed: [notPending('UNKNOWN2')],
				response: {
					messaging_product: 'whatsapp',
					rejected_join_requests: [FAKE_IDS.joinRequestId3],
					failed_join_requests: [failedEntry('UNKNOWN2')],
				},
			},
		]);
		expect(
			handle.fake.state.groups
				.get(FAKE_IDS.groupId)
				?.joinRequests.map((entry) => entry.join_request_id),
		).toEqual([FAKE_IDS.joinRequestId, FAKE_IDS.joinRequestId2]);
	});

	it('C24 reject without a list of rejected ids in the answer counts every id not failed as rejected', async () => {
		handle.fake.inject('C24', { status: 200, body: { success: true } });
		const result = await run({
			operation: 'reject',
			joinRequestIds: [FAKE_IDS.joinRequestId, FAKE_IDS.joinRequestId2],
		});
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			join_requests: [FAKE_IDS.joinRequestId, FAKE_IDS.joinRequestId2],
		});
		expect(jsonOf(result)).toEqual([
			{
				groupId: FAKE_IDS.groupId,
				requested: [FAKE_IDS.joinRequestId, FAKE_IDS.joinRequestId2],
				rejected: [FAKE_IDS.joinRequestId, FAKE_IDS.joinRequestId2],
				failed: [],
				response: { success: true },
			},
		]);
	});

	it('C23 approve with no ids is refused before any request; continueOnFail keeps going per item', async () => {
		const failed = await run({ operation: 'approve', joinRequestIds: '={{ " , " }}' });
		expect(failed.error?.message).toBe('Join Requests: is required but empty');
		expect(handle.fake.requests).toHaveLength(0);
		const continued = await runAgainst(
			handle,
			'chakraWhatsAppGroup',
			{
				resource: 'joinRequest',
				operation: 'approve',
				groupId: byId(FAKE_IDS.groupId),
				joinRequestIds: '={{ $json.ids }}',
			},
			{
				input: [{ json: { ids: [] } }, { json: { ids: [FAKE_IDS.joinRequestId] } }],
				continueOnFail: true,
			},
		);
		expect(continued.error).toBeUndefined();
		expect(handle.fake.requests).toHaveLength(1);
		expect(jsonOf(continued)).toEqual([
			{ error: 'Join Requests: is required but empty' },
			{
				groupId: FAKE_IDS.groupId,
				requested: [FAKE_IDS.joinRequestId],
				approved: [FAKE_IDS.joinRequestId],
				failed: [],
				response: {
					messaging_product: 'whatsapp',
					approved_join_requests: [FAKE_IDS.joinRequestId],
					failed_join_requests: [],
				},
			},
		]);
	});
});
