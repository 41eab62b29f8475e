import { jsonOf, usePlatformNode } from './helpers';

describe('Chakra Platform: config (C61)', () => {
	const t = usePlatformNode();
	const config = () => JSON.parse(JSON.stringify(t.fake.state.config)) as Record<string, unknown>;

	it('C61 get returns the whole configuration as one item', async () => {
		const { items, error } = await t.run({
			resource: 'config',
			operation: 'get',
			configKey: 'all',
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests).toHaveLength(1);
		const [request] = t.fake.requests;
		expect(request).toMatchObject({ cid: 'C61', method: 'GET', path: '/v1/ext/config', query: {} });
		expect(request.headers.authorization).toBe(`Bearer ${t.fake.token}`);
		expect(jsonOf(items)).toEqual([config()]);
	});

	it('C61 get of one key returns one item per element (procedures)', async () => {
		const { items, error } = await t.run({
			resource: 'config',
			operation: 'get',
			configKey: 'procedures',
		});
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual(config().procedures);
		expect(items.map((item) => item.json.shortId)).toEqual(['lead', 'ticket']);
	});

	it('C61 get of an object key (team) returns it as one item', async () => {
		const { items, error } = await t.run({
			resource: 'config',
			operation: 'get',
			configKey: 'team',
		});
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([config().team]);
	});

	it('C61 get of a key the configuration lacks fails naming the key', async () => {
		delete (t.fake.state.config as Record<string, unknown>).skillTypes;
		const { error } = await t.run({
			resource: 'config',
			operation: 'get',
			configKey: 'skillTypes',
		});
		expect(error?.message).toBe('Return: the configuration has no key "skillTypes"');
	});

	it('C61 get failing on the server shows the error; Continue On Fail returns an error item', async () => {
		t.fake.inject('C61', { status: 500 }, 2);
		const failed = await t.run({ resource: 'config', operation: 'get', configKey: 'all' });
		expect(failed.error?.message).toBe('Injected fault: HTTP 500');
		const continued = await t.run(
			{ resource: 'config', operation: 'get', configKey: 'all' },
			{ continueOnFail: true },
		);
		expect(jsonOf(continued.items)).toEqual([{ error: 'Injected fault: HTTP 500' }]);
	});
});
