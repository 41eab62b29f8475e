import { FAKE_IDS } from '../../fake-chakra';
import { jsonOf, usePlatformNode } from './helpers';

describe('Chakra Platform: user (C51-C55)', () => {
	const t = usePlatformNode();
	const users = () =>
		[...t.fake.state.users.values()].map(
			(user) => JSON.parse(JSON.stringify(user)) as Record<string, unknown>,
		);
	const user = (id: string) => users().find((entry) => entry.id === id)!;
	const humanized = (entry: Record<string, unknown>) => ({
		...entry,
		role: 'Admin',
		team: 'Acme Retail',
		pods: ['Sales'],
		profile: null,
	});
	const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

	it('C51 getAll returns every user of the team', async () => {
		const { items, error } = await t.run({
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests).toHaveLength(1);
		const [request] = t.fake.requests;
		expect(request).toMatchObject({ cid: 'C51', method: 'GET', path: '/v1/ext/users', query: {} });
		expect(request.headers.authorization).toBe(`Bearer ${t.fake.token}`);
		expect(jsonOf(items)).toEqual(users());
		expect(items.map((item) => item.json.username)).toEqual(['johndoe', 'shane.warne', 'asha.rao']);
	});

	it('C51 getAll with Limit keeps the first users of the one response', async () => {
		const { items, error } = await t.run({
			resource: 'user',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests).toHaveLength(1);
		expect(jsonOf(items)).toEqual(users().slice(0, 2));
	});

	it('C52 getAll with Humanized switches to the v2 endpoint', async () => {
		const { items, error } = await t.run({
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
			humanized: true,
		});
		expect(error).toBeUndefined();
		expect(
			t.fake.requests.map((request) => [
				request.cid,
				request.method,
				request.path,
				request.headers.authorization,
			]),
		).toEqual([['C52', 'GET', '/v2/ext/users', `Bearer ${t.fake.token}`]]);
		expect(jsonOf(items)).toEqual(users().map(humanized));
	});

	it('C53 get fetches one user by ID', async () => {
		const { items, error } = await t.run({
			resource: 'user',
			operation: 'get',
			userId: byId(FAKE_IDS.userId2),
		});
		expect(error).toBeUndefined();
		expect(
			t.fake.requests.map((request) => [
				request.cid,
				request.method,
				request.path,
				request.headers.authorization,
			]),
		).toEqual([['C53', 'GET', `/v1/ext/user/${FAKE_IDS.userId2}`, `Bearer ${t.fake.token}`]]);
		expect(jsonOf(items)).toEqual([user(FAKE_IDS.userId2)]);
	});

	it('C54 get with Humanized switches to the v2 endpoint, with the user from the list', async () => {
		const { items, error } = await t.run({
			resource: 'user',
			operation: 'get',
			userId: {
				__rl: true,
				mode: 'list',
				value: FAKE_IDS.userId3,
				cachedResultName: 'Asha Rao (asha.rao)',
			},
			humanized: true,
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests.map((request) => [request.cid, request.method, request.path])).toEqual([
			['C54', 'GET', `/v2/ext/user/${FAKE_IDS.userId3}`],
		]);
		expect(jsonOf(items)).toEqual([humanized(user(FAKE_IDS.userId3))]);
	});

	it("C53 get of an unknown user shows ChakraHQ's message; Continue On Fail returns an error item", async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		const failed = await t.run({ resource: 'user', operation: 'get', userId: byId(missing) });
		expect(failed.error?.message).toMatch(/not found/i);
		const continued = await t.run(
			{ resource: 'user', operation: 'get', userId: byId(missing) },
			{ continueOnFail: true },
		);
		expect(jsonOf(continued.items)).toEqual([{ error: failed.error?.message }]);
	});

	it('C55 update sends only the names given and returns the updated user', async () => {
		const { items, error } = await t.run({
			resource: 'user',
			operation: 'update',
			userId: byId(FAKE_IDS.userId),
			updateFields: { firstName: 'Jonathan' },
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests).toHaveLength(1);
		const [request] = t.fake.requests;
		expect(request).toMatchObject({
			cid: 'C55',
			method: 'PUT',
			path: `/v1/ext/user/${FAKE_IDS.userId}`,
			query: {},
		});
		expect(request.headers.authorization).toBe(`Bearer ${t.fake.token}`);
		expect(request.body).toEqual({ firstName: 'Jonathan' });
		expect(jsonOf(items)).toEqual([user(FAKE_IDS.userId)]);
		expect(items[0].json).toMatchObject({ firstName: 'Jonathan', lastName: 'Doe' });
	});

	it('C55 update without a name to change fails before any request', async () => {
		const { error } = await t.run({
			resource: 'user',
			operation: 'update',
			userId: byId(FAKE_IDS.userId),
			updateFields: {},
		});
		expect(error?.message).toBe('Update Fields: add First Name or Last Name');
		expect(t.fake.requests).toHaveLength(0);
	});
});
