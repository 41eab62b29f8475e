import { FAKE_IDS } from '../../fake-chakra';
import type { ProcessRecord } from '../../fake-chakra';
import { jsonOf, mapperValue, usePlatformNode } from './helpers';

const LEAD_PATH = '/v1/ext/procedure/lead/process';
const LEAD_002 = '2cd21392-6993-44b4-a5c7-39d638446b8f';
const LEAD_003 = '3de324a3-7aa4-45c5-b6d8-4ae749557c90';
const LEAD_004 = '4ef435b4-8bb5-46d6-87e9-5bf85a668da1';
const LEAD_005 = '5f0546c5-9cc6-47e7-98fa-6c0a97779eb2';

describe('Chakra Platform: process (C41-C47)', () => {
	const t = usePlatformNode();
	const leads = () => t.fake.state.processes.get('lead')!;
	const snapshot = (id: string) => JSON.parse(JSON.stringify(leads().get(id))) as ProcessRecord;
	const auth = () => `Bearer ${t.fake.token}`;

	describe('C41 get', () => {
		it('C41 get fetches the process by ID and returns it unwrapped', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'get',
				procedureShortId: 'lead',
				processId: FAKE_IDS.processId,
			});
			expect(error).toBeUndefined();
			expect(t.fake.requests).toHaveLength(1);
			const [request] = t.fake.requests;
			expect(request).toMatchObject({
				cid: 'C41',
				method: 'GET',
				path: `${LEAD_PATH}/${FAKE_IDS.processId}`,
				query: {},
			});
			expect(request.headers.authorization).toBe(auth());
			expect(request.rawBody.length).toBe(0);
			expect(jsonOf(items)).toEqual([snapshot(FAKE_IDS.processId)]);
			expect(items[0].json.data).toEqual({
				lead_id: 'LEAD-001',
				name: 'Asha Rao',
				phone_number: FAKE_IDS.customerPhone,
				email: 'asha@example.com',
				city: 'Pune',
				score: 5,
				source: 'website',
			});
		});

		it("C41 get of an unknown process fails with ChakraHQ's message, or returns an error item with Continue On Fail", async () => {
			const parameters = {
				resource: 'process',
				operation: 'get',
				procedureShortId: 'lead',
				processId: '00000000-0000-4000-8000-000000000000',
			};
			const failed = await t.run(parameters);
			expect(failed.error?.message).toBe('Process not found: 00000000-0000-4000-8000-000000000000');
			const continued = await t.run(parameters, { continueOnFail: true });
			expect(continued.error).toBeUndefined();
			expect(jsonOf(continued.items)).toEqual([
				{ error: 'Process not found: 00000000-0000-4000-8000-000000000000' },
			]);
		});

		it('C41 get refuses an empty procedure before any request', async () => {
			const { error } = await t.run({
				resource: 'process',
				operation: 'get',
				procedureShortId: '={{ "" }}',
				processId: FAKE_IDS.processId,
			});
			expect(error?.message).toBe('Procedure: is required but empty');
			expect(t.fake.requests).toHaveLength(0);
		});
	});

	describe('C42 getAll', () => {
		it('C42 getAll builds one where object from all conditions (AND) with ISO dates in the workflow time zone', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'getAll',
				procedureShortId: 'lead',
				returnAll: true,
				filterType: 'conditions',
				combineConditions: 'all',
				filters: {
					status: ['OPEN'],
					state: ['NEW', 'IN_PROGRESS'],
					assignedTo: ['johndoe', 'shane.warne'],
				},
				conditions: {
					createdAt: [
						{ operator: '>', value: '2023-09-01T00:00:00' },
						{ operator: '<', value: '2023-09-10T00:00:00' },
					],
					attribute: [{ attribute: 'city', operator: 'anyOf', value: 'Pune, Mumbai' }],
				},
			});
			expect(error).toBeUndefined();
			expect(t.fake.requests).toHaveLength(1);
			const [request] = t.fake.requests;
			expect(request).toMatchObject({
				cid: 'C42',
				method: 'POST',
				path: `${LEAD_PATH}/list`,
				query: {},
			});
			expect(request.headers.authorization).toBe(auth());
			expect(request.body).toEqual({
				where: {
					status: 'OPEN',
					state: ['NEW', 'IN_PROGRESS'],
					assignedTo: ['johndoe', 'shane.warne'],
					createdAt: { '>': '2023-09-01T00:00:00-04:00', '<': '2023-09-10T00:00:00-04:00' },
					city: ['Pune', 'Mumbai'],
				},
				skip: 0,
				limit: 100,
			});
			expect(jsonOf(items)).toEqual([snapshot(FAKE_IDS.processId), snapshot(LEAD_002)]);
		});

		it('C42 getAll with Any (OR) sends an or array of single-key queries', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'getAll',
				procedureShortId: 'lead',
				returnAll: true,
				combineConditions: 'any',
				filters: { status: ['CANCELLED'] },
				conditions: { attribute: [{ attribute: 'score', operator: '>=', value: '={{ 20 }}' }] },
			});
			expect(error).toBeUndefined();
			expect(t.fake.requests[0].body).toEqual({
				where: { or: [{ status: 'CANCELLED' }, { score: { '>=': 20 } }] },
				skip: 0,
				limit: 100,
			});
			expect(jsonOf(items)).toEqual([snapshot(LEAD_003), snapshot(LEAD_004)]);
		});

		it('C42 getAll with All puts a condition that cannot merge into a nested and array', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'getAll',
				procedureShortId: 'lead',
				returnAll: true,
				conditions: {
					attribute: [
						{ attribute: 'city', operator: '!=', value: 'Pune' },
						{ attribute: 'city', operator: '!=', value: 'Goa' },
						{ attribute: 'score', operator: '>', value: '={{ 7 }}' },
						{ attribute: 'score', operator: '<', value: '={{ 13 }}' },
					],
				},
			});
			expect(error).toBeUndefined();
			expect(t.fake.requests[0].body).toEqual({
				where: {
					city: { '!=': 'Pune' },
					score: { '>': 7, '<': 13 },
					and: [{ city: { '!=': 'Goa' } }],
				},
				skip: 0,
				limit: 100,
			});
			expect(jsonOf(items)).toEqual([snapshot(LEAD_002), snapshot(LEAD_005)]);
		});

		it('C42 getAll sends a raw JSON where unchanged', async () => {
			const where = {
				state: 'NEW',
				or: [{ email: 'test@example.com' }, { phone_number: '919800000004' }],
			};
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'getAll',
				procedureShortId: 'lead',
				returnAll: false,
				limit: 10,
				filterType: 'json',
				whereJson: JSON.stringify(where),
			});
			expect(error).toBeUndefined();
			expect(t.fake.requests[0].body).toEqual({ where, skip: 0, limit: 10 });
			expect(jsonOf(items)).toEqual([snapshot(LEAD_005)]);
		});

		it('C42 getAll refuses JSON that is not an object before any request', async () => {
			const base = {
				resource: 'process',
				operation: 'getAll',
				procedureShortId: 'lead',
				filterType: 'json',
			};
			const broken = await t.run({ ...base, whereJson: '{"status": ' });
			expect(broken.error?.message).toMatch(/^JSON Where: is not valid JSON \(/);
			const array = await t.run({ ...base, whereJson: '[{"status": "OPEN"}]' });
			expect(array.error?.message).toBe('JSON Where: must be a JSON object, not an array');
			expect(t.fake.requests).toHaveLength(0);
		});

		it('C42 getAll refuses a created-at condition that is not a date before any request', async () => {
			const { error } = await t.run({
				resource: 'process',
				operation: 'getAll',
				procedureShortId: 'lead',
				conditions: { createdAt: [{ operator: '>', value: 'yesterday' }] },
			});
			expect(error?.message).toBe('Created At: condition 1: "yesterday" is not a date');
			expect(t.fake.requests).toHaveLength(0);
		});

		describe('pages', () => {
			beforeEach(() => {
				const template = leads().get(LEAD_002)!;
				for (let index = 0; index < 245; index++) {
					const id = `9a000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
					leads().set(id, {
						...template,
						id,
						status: 'OPEN',
						data: { lead_id: `BULK-${index}`, city: 'Pune' },
					});
				}
			});

			it('C42 getAll Return All follows skip/limit pages of 100 while _meta.hasMore, keeping the filter', async () => {
				const { items, error } = await t.run({
					resource: 'process',
					operation: 'getAll',
					procedureShortId: 'lead',
					returnAll: true,
					filters: { status: ['OPEN'] },
				});
				expect(error).toBeUndefined();
				expect(t.fake.requests.map((request) => request.body)).toEqual([
					{ where: { status: 'OPEN' }, skip: 0, limit: 100 },
					{ where: { status: 'OPEN' }, skip: 100, limit: 100 },
					{ where: { status: 'OPEN' }, skip: 200, limit: 100 },
				]);
				// 3 OPEN seeded leads + 245 added.
				expect(items).toHaveLength(248);
				expect(items[247].json.data).toEqual({ lead_id: 'BULK-244', city: 'Pune' });
			});

			it('C42 getAll Limit asks only for what is missing and stops there', async () => {
				const { items, error } = await t.run({
					resource: 'process',
					operation: 'getAll',
					procedureShortId: 'lead',
					returnAll: false,
					limit: 150,
				});
				expect(error).toBeUndefined();
				expect(t.fake.requests.map((request) => request.body)).toEqual([
					{ skip: 0, limit: 100 },
					{ skip: 100, limit: 50 },
				]);
				expect(items).toHaveLength(150);
				expect(items[149].json.data).toEqual({ lead_id: 'BULK-144', city: 'Pune' });
			});
		});
	});

	describe('C43 create', () => {
		it('C43 create sends mapper values, additional attributes, record data and fields; datetime attributes as epoch ms (types from C61)', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'create',
				procedureShortId: 'lead',
				processData: mapperValue(
					{
						lead_id: 'LEAD-100',
						name: 'Ted Mosby',
						score: 5,
						follow_up_at: '2024-01-02T03:04:05.000Z',
						city: null,
					},
					[
						{ id: 'lead_id', type: 'string' },
						{ id: 'name', type: 'string' },
						{ id: 'score', type: 'number' },
						{ id: 'follow_up_at', type: 'dateTime' },
						{ id: 'city', type: 'string' },
					],
				),
				additionalAttributes: { attribute: [{ shortId: 'nickname', value: 'Ted' }] },
				recordData: {
					attribute: [
						{ shortId: 'phone_number', value: '7701214822' },
						{ shortId: 'email', value: 'ted@example.com' },
					],
				},
				processFields: {
					status: 'OPEN',
					state: 'NEW',
					nextActionAt: '2021-04-16T07:41:07.539Z',
					assignedTo: 'shane.warne',
				},
			});
			expect(error).toBeUndefined();
			// The fake records POST /procedure/lead/process as C26 (the same endpoint), also matching C43.
			expect(t.fake.requests.map((request) => request.cid)).toEqual(['C61', 'C26']);
			const request = t.fake.requests[1];
			expect(t.fake.requestsFor('C43')).toEqual([request]);
			expect(request).toMatchObject({ method: 'POST', path: LEAD_PATH, query: {} });
			expect(request.headers.authorization).toBe(auth());
			expect(request.body).toEqual({
				data: {
					lead_id: 'LEAD-100',
					name: 'Ted Mosby',
					score: 5,
					follow_up_at: 1704164645000,
					nickname: 'Ted',
				},
				record: { data: { phone_number: '7701214822', email: 'ted@example.com' } },
				status: 'OPEN',
				state: 'NEW',
				nextActionAt: 1618558867539,
				assignedTo: 'shane.warne',
			});
			expect(items).toHaveLength(1);
			const created = items[0].json;
			expect(jsonOf(items)).toEqual([snapshot(created.id as string)]);
			expect(created).toMatchObject({
				status: 'OPEN',
				state: 'NEW',
				assignedTo: FAKE_IDS.userId2,
				nextActionAt: 1618558867539,
				data: {
					lead_id: 'LEAD-100',
					name: 'Ted Mosby',
					score: 5,
					follow_up_at: 1704164645000,
					nickname: 'Ted',
				},
			});
		});

		it('C43 create without date attributes makes no C61 request and sends only what was given', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'create',
				procedureShortId: 'lead',
				processData: mapperValue({ lead_id: 'LEAD-101' }, [{ id: 'lead_id', type: 'string' }]),
			});
			expect(error).toBeUndefined();
			expect(t.fake.requestsFor('C43').map((request) => request.body)).toEqual([
				{ data: { lead_id: 'LEAD-101' } },
			]);
			expect(t.fake.requests).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				status: 'OPEN',
				state: 'NEW',
				data: { lead_id: 'LEAD-101' },
			});
		});

		it('C43 create auto-maps the input item onto the procedure attributes', async () => {
			const { error } = await t.run(
				{
					resource: 'process',
					operation: 'create',
					procedureShortId: 'lead',
					processData: {
						mappingMode: 'autoMapInputData',
						value: null,
						matchingColumns: [],
						schema: [
							{
								id: 'lead_id',
								displayName: 'Lead ID',
								type: 'string',
								required: false,
								defaultMatch: false,
								display: true,
							},
							{
								id: 'city',
								displayName: 'City',
								type: 'string',
								required: false,
								defaultMatch: false,
								display: true,
							},
						],
					},
				},
				{ input: [{ json: { lead_id: 'LEAD-102', city: 'Goa', unrelated: 'not sent' } }] },
			);
			expect(error).toBeUndefined();
			expect(t.fake.requests[0].body).toEqual({ data: { lead_id: 'LEAD-102', city: 'Goa' } });
		});

		it('C43 create refuses an attribute given both in the mapper and as additional attribute, naming the item', async () => {
			const { error } = await t.run(
				{
					resource: 'process',
					operation: 'create',
					procedureShortId: 'lead',
					processData: mapperValue({ city: 'Goa' }, [{ id: 'city', type: 'string' }]),
					additionalAttributes: { attribute: [{ shortId: 'city', value: 'Pune' }] },
				},
				{ input: [{ json: {} }] },
			);
			expect(error?.message).toBe(
				'Additional Attributes: attribute "city" is already set in Process Data',
			);
			expect(error?.description).toBe('Fix the "Additional Attributes" field for item 0.');
			expect(t.fake.requests).toHaveLength(0);
		});

		it("C43 create reports ChakraHQ's validation error", async () => {
			const { error } = await t.run({
				resource: 'process',
				operation: 'create',
				procedureShortId: 'lead',
				processData: mapperValue({ lead_id: 'LEAD-001' }, [{ id: 'lead_id', type: 'string' }]),
			});
			expect(error?.message).toBe('A process with lead_id LEAD-001 already exists');
			expect(t.fake.requests).toHaveLength(1);
		});
	});

	describe('C44 update', () => {
		it('C44 update sends only the attributes and fields given', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'update',
				procedureShortId: 'lead',
				processId: FAKE_IDS.processId,
				processData: mapperValue({ city: 'Memphis', name: '' }, [
					{ id: 'city', type: 'string' },
					{ id: 'name', type: 'string' },
				]),
				processFields: { state: 'NOT_INTERESTED' },
			});
			expect(error).toBeUndefined();
			expect(t.fake.requests).toHaveLength(1);
			const [request] = t.fake.requests;
			expect(request).toMatchObject({
				cid: 'C44',
				method: 'PUT',
				path: `${LEAD_PATH}/${FAKE_IDS.processId}`,
				query: {},
			});
			expect(request.headers.authorization).toBe(auth());
			expect(request.body).toEqual({ data: { city: 'Memphis' }, state: 'NOT_INTERESTED' });
			expect(jsonOf(items)).toEqual([snapshot(FAKE_IDS.processId)]);
			expect(items[0].json).toMatchObject({
				state: 'NOT_INTERESTED',
				data: { city: 'Memphis', name: 'Asha Rao' },
			});
		});

		it('C44 update with nothing to change fails before any request', async () => {
			const { error } = await t.run({
				resource: 'process',
				operation: 'update',
				procedureShortId: 'lead',
				processId: FAKE_IDS.processId,
				processData: mapperValue({}, []),
			});
			expect(error?.message).toBe('Process Data: nothing to update');
			expect(t.fake.requests).toHaveLength(0);
		});

		it('C44 update refuses a Next Action At that is not a date before any request', async () => {
			const { error } = await t.run({
				resource: 'process',
				operation: 'update',
				procedureShortId: 'lead',
				processId: FAKE_IDS.processId,
				processFields: { nextActionAt: 'soon' },
			});
			expect(error?.message).toBe('Next Action At: "soon" is not a date');
			expect(t.fake.requests).toHaveLength(0);
		});
	});

	describe('C45 updateByPrimaryKey', () => {
		it('C45 updateByPrimaryKey takes the primary key from C61 when left empty and URL-encodes the value', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'updateByPrimaryKey',
				procedureShortId: 'lead',
				primaryKeyShortId: '',
				primaryKeyValue: 'LEAD/005 A',
				processFields: { status: 'CANCELLED' },
			});
			expect(error).toBeUndefined();
			expect(t.fake.requests.map((request) => request.cid)).toEqual(['C61', 'C45']);
			const request = t.fake.requests[1];
			expect(request).toMatchObject({
				method: 'PUT',
				path: `${LEAD_PATH}/lead_id/LEAD%2F005%20A`,
				query: {},
			});
			expect(request.headers.authorization).toBe(auth());
			expect(request.body).toEqual({ status: 'CANCELLED' });
			expect(jsonOf(items)).toEqual([snapshot(LEAD_005)]);
			expect(items[0].json.status).toBe('CANCELLED');
		});

		it('C45 updateByPrimaryKey with a chosen primary key attribute makes no C61 request', async () => {
			const { error } = await t.run({
				resource: 'process',
				operation: 'updateByPrimaryKey',
				procedureShortId: 'ticket',
				primaryKeyShortId: 'ticket_id',
				primaryKeyValue: 'TCK-001',
				additionalAttributes: { attribute: [{ shortId: 'priority', value: 'low' }] },
			});
			expect(error).toBeUndefined();
			expect(
				t.fake.requests.map((request) => [request.cid, request.method, request.path, request.body]),
			).toEqual([
				[
					'C45',
					'PUT',
					'/v1/ext/procedure/ticket/process/ticket_id/TCK-001',
					{ data: { priority: 'low' } },
				],
			]);
		});

		it('C45 updateByPrimaryKey refuses an empty primary key value before the update', async () => {
			const { error } = await t.run({
				resource: 'process',
				operation: 'updateByPrimaryKey',
				procedureShortId: 'lead',
				primaryKeyShortId: 'lead_id',
				primaryKeyValue: ' ',
				processFields: { status: 'CANCELLED' },
			});
			expect(error?.message).toBe('Primary Key Value: is required but empty');
			expect(t.fake.requests).toHaveLength(0);
		});
	});

	describe('C46 delete and C47 deleteByPrimaryKey', () => {
		it('C46 delete deletes by ID and returns { deleted: true }', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'delete',
				procedureShortId: 'lead',
				processId: LEAD_002,
			});
			expect(error).toBeUndefined();
			expect(t.fake.requests).toHaveLength(1);
			const [request] = t.fake.requests;
			expect(request).toMatchObject({
				cid: 'C46',
				method: 'DELETE',
				path: `${LEAD_PATH}/${LEAD_002}`,
				query: {},
			});
			expect(request.headers.authorization).toBe(auth());
			expect(jsonOf(items)).toEqual([{ deleted: true }]);
			expect(leads().has(LEAD_002)).toBe(false);
		});

		it('C47 deleteByPrimaryKey deletes by primary key value (both path segments sent) and returns { deleted: true }', async () => {
			const { items, error } = await t.run({
				resource: 'process',
				operation: 'deleteByPrimaryKey',
				procedureShortId: 'lead',
				primaryKeyShortId: 'lead_id',
				primaryKeyValue: 'LEAD-003',
			});
			expect(error).toBeUndefined();
			expect(t.fake.requests).toHaveLength(1);
			const [request] = t.fake.requests;
			expect(request).toMatchObject({
				cid: 'C47',
				method: 'DELETE',
				path: `${LEAD_PATH}/lead_id/LEAD-003`,
				query: {},
			});
			expect(request.headers.authorization).toBe(auth());
			expect(jsonOf(items)).toEqual([{ deleted: true }]);
			expect(leads().has(LEAD_003)).toBe(false);
		});

		it("C47 deleteByPrimaryKey with a wrong primary key attribute shows ChakraHQ's error; Continue On Fail keeps going", async () => {
			const { items, error } = await t.run(
				{
					resource: 'process',
					operation: 'deleteByPrimaryKey',
					procedureShortId: 'lead',
					primaryKeyShortId: 'email',
					primaryKeyValue: 'x@example.com',
				},
				{ continueOnFail: true },
			);
			expect(error).toBeUndefined();
			expect(jsonOf(items)).toEqual([
				{ error: "'email' is not the primary key of procedure 'lead' (primary key: lead_id)" },
			]);
		});
	});
});
