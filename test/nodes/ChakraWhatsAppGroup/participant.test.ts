import { FAKE_IDS } from '../../fake-chakra';
import { byId, jsonOf, requestSummary, runAgainst, useFakeChakra } from './common';

const path = `/v1/whatsapp/v24.0/${FAKE_IDS.groupId}/participants`;
const member = (index: number) => `9198765${String(index).padStart(5, '0')}`;
const notInGroup = (user: string) => ({
	user,
	code: 131009,
	title: 'Participant not in group',
	message: 'Parameter value is not valid',
	details: `${user} is not a participant of group ${FAKE_IDS.groupId}`,
});
const failedEntry = (user: string) => ({
	user,
	errors: [
		{
			code: 131009,
			message: 'Parameter value is not valid',
			title: 'Participant not in group',
			error_data: { details: `${user} is not a participant of group ${FAKE_IDS.groupId}` },
		},
	],
});

describe('Chakra WhatsApp Group: participant (C25)', () => {
	const handle = useFakeChakra();
	const run = (participants: unknown, options?: { continueOnFail?: boolean }) =>
		runAgainst(
			handle,
			'chakraWhatsAppGroup',
			{
				resource: 'participant',
				operation: 'remove',
				groupId: byId(FAKE_IDS.groupId),
				participants,
			} as never,
			options,
		);
	const bearer = () => `Bearer ${handle.fake.token}`;
	const sentUsers = () =>
		handle.fake
			.requestsFor('C25')
			.map((request) =>
				(request.body as { participants: Array<{ user: string }> }).participants.map((p) => p.user),
			);

	/** 17 more members, so the group has 19. */
	function seedMembers(): string[] {
		const group = handle.fake.state.groups.get(FAKE_IDS.groupId)!;
		const added = Array.from({ length: 17 }, (_, index) => member(index));
		group.participants.push(...added.map((wa_id) => ({ wa_id })));
		return added;
	}

	it('C25 remove sends DELETE with a JSON body, phone numbers normalised, and merges the answer', async () => {
		const result = await run([
			'+1 332-345-8424',
			'919911223344',
			'(91) 99112-23344',
			'447700900123',
		]);
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C25',
				method: 'DELETE',
				path,
				query: {},
				body: {
					messaging_product: 'whatsapp',
					participants: [
						{ user: '13323458424' },
						{ user: '919911223344' },
						{ user: '447700900123' },
					],
				},
				authorization: bearer(),
			},
		]);
		const answer = {
			messaging_product: 'whatsapp',
			removed_participants: ['13323458424', '919911223344'],
			failed_participants: [failedEntry('447700900123')],
		};
		expect(jsonOf(result)).toEqual([
			{
				groupId: FAKE_IDS.groupId,
				requested: ['13323458424', '919911223344', '447700900123'],
				removed: ['13323458424', '919911223344'],
				failed: [notInGroup('447700900123')],
				calls: 1,
				responses: [answer],
			},
		]);
		expect(handle.fake.state.groups.get(FAKE_IDS.groupId)?.participants).toEqual([]);
	});

	it('C25 remove splits 19 participants into calls of 8, 8 and 3 and merges partial failures', async () => {
		const added = seedMembers();
		const strangers = ['15550000001', '15550000002'];
		// 19 participants: 17 seeded members and 2 strangers, given as a comma-separated expression.
		const users = [
			FAKE_IDS.customerPhone,
			...added.slice(0, 9),
			strangers[0],
			...added.slice(9, 16),
			strangers[1],
		];
		expect(users).toHaveLength(19);
		const result = await run(`={{ "${users.join(', ')}" }}`);
		expect(result.error).toBeUndefined();
		expect(sentUsers()).toEqual([users.slice(0, 8), users.slice(8, 16), users.slice(16)]);
		expect(
			handle.fake
				.requestsFor('C25')
				.every((request) => request.method === 'DELETE' && request.path === path),
		).toBe(true);
		expect(
			handle.fake
				.requestsFor('C25')
				.every(
					(request) =>
						(request.body as { messaging_product: string }).messaging_product === 'whatsapp',
				),
		).toBe(true);
		const answerFor = (chunk: string[]) => ({
			messaging_product: 'whatsapp',
			removed_participants: chunk.filter((user) => !strangers.includes(user)),
			failed_participants: chunk.filter((user) => strangers.includes(user)).map(failedEntry),
		});
		expect(jsonOf(result)).toEqual([
			{
				groupId: FAKE_IDS.groupId,
				requested: users,
				removed: users.filter((user) => !strangers.includes(user)),
				failed: strangers.map(notInGroup),
				calls: 3,
				responses: [
					answerFor(users.slice(0, 8)),
					answerFor(users.slice(8, 16)),
					answerFor(users.slice(16)),
				],
			},
		]);
		expect(handle.fake.state.groups.get(FAKE_IDS.groupId)?.participants).toEqual([
			{ wa_id: FAKE_IDS.customerPhone2 },
			{ wa_id: added[16] },
		]);
	});

	it('C25 remove reports the participants of a failed call and still removes the others', async () => {
		const added = seedMembers();
		const users = added.slice(0, 17);
		let call = 0;
		handle.fake.injectWhen('C25', () => ++call === 2, {
			metaError: {
				message: 'Service temporarily unavailable',
				code: 2,
				details: 'Try again later',
			},
			status: 400,
		});
		const result = await run(users);
		expect(result.error).toBeUndefined();
		expect(sentUsers()).toEqual([users.slice(0, 8), users.slice(8, 16), users.slice(16)]);
		const [output] = jsonOf(result);
		expect(output).toEqual({
			groupId: FAKE_IDS.groupId,
			requested: users,
			removed: [...users.slice(0, 8), ...users.slice(16)],
			failed: users
				.slice(8, 16)
				.map((user) => ({ user, message: 'Service temporarily unavailable (#2)', code: 2 })),
			calls: 3,
			responses: [
				{
					messaging_product: 'whatsapp',
					removed_participants: users.slice(0, 8),
					failed_participants: [],
				},
				{
					messaging_product: 'whatsapp',
					removed_participants: users.slice(16),
					failed_participants: [],
				},
			],
		});
	});

	it("C25 remove fails with Meta's message when every call fails; continueOnFail gives an error item", async () => {
		handle.fake.inject('C25', { metaError: { message: 'Group is suspended', code: 131052 } }, 2);
		const failed = await run([FAKE_IDS.customerPhone]);
		expect(failed.error?.message).toBe('Group is suspended (#131052)');
		const continued = await run([FAKE_IDS.customerPhone], { continueOnFail: true });
		expect(jsonOf(continued)).toEqual([{ error: 'Group is suspended (#131052)' }]);
		expect(handle.fake.requestsFor('C25')).toHaveLength(2);
	});

	it('C25 remove sends a chunk again only when it was refused for rate limiting', async () => {
		const added = seedMembers();
		let call = 0;
		handle.fake.injectWhen('C25', () => ++call === 2, { status: 429, retryAfter: '0' });
		const result = await run(added.slice(0, 12));
		expect(result.error).toBeUndefined();
		expect(sentUsers()).toEqual([added.slice(0, 8), added.slice(8, 12), added.slice(8, 12)]);
		expect(handle.fake.requestsFor('C25').map((request) => request.status)).toEqual([
			200, 429, 200,
		]);
		expect(jsonOf(result)[0]).toMatchObject({ removed: added.slice(0, 12), failed: [], calls: 2 });
	});

	it.each([
		['a short number', ['12345'], 'Participants: "12345" is not a phone number'],
		[
			'text that is not an ID',
			['919911223344', 'john doe'],
			'Participants: "john doe" is neither a phone number nor a WhatsApp user ID',
		],
		['an empty list', '={{ [] }}', 'Participants: is required but empty'],
	])('C25 remove refuses %s before any request', async (_case, participants, message) => {
		const result = await run(participants);
		expect(result.error?.message).toBe(message);
		expect(handle.fake.requests).toHaveLength(0);
	});

	it('C25 remove keeps a WhatsApp user ID that is not a phone number as given', async () => {
		handle.fake.state.groups
			.get(FAKE_IDS.groupId)!
			.participants.push({ wa_id: 'US.13491208655302741918' });
		const result = await run('US.13491208655302741918');
		expect(handle.fake.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			participants: [{ user: 'US.13491208655302741918' }],
		});
		expect(jsonOf(result)[0]).toMatchObject({ requested: ['US.13491208655302741918'], calls: 1 });
	});
});
