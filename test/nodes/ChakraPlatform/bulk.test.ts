import type { INodeExecutionData } from 'n8n-workflow';

import { FAKE_IDS } from '../../fake-chakra';
import type { BackgroundJobRecord } from '../../fake-chakra';
import { jsonOf, mapperValue, usePlatformNode } from './helpers';

const LEAD_PATH = '/v1/ext/procedure/lead/process';
const BULK_JOB_TYPE = '3ae1c371-9a3b-4c06-8090-42fea6c4df36';

const leadIdSchema = [{ id: 'lead_id', type: 'string' }];

/** Input items whose `lead_id` and `city` the mapper reads by expression. */
function leadItems(count: number, city = (index: number) => `City ${index}`): INodeExecutionData[] {
	return Array.from({ length: count }, (_, index) => ({
		json: { leadId: `BULK-${index}`, city: city(index) },
	}));
}

const createFromItems = {
	resource: 'process',
	operation: 'bulkCreate',
	procedureShortId: 'lead',
	processData: mapperValue({ lead_id: '={{ $json.leadId }}', city: '={{ $json.city }}' }, [
		...leadIdSchema,
		{ id: 'city', type: 'string' },
	]),
};

function jobAsReturned(job: BackgroundJobRecord) {
	return {
		id: job.id,
		createdAt: job.createdAt,
		updatedAt: job.updatedAt,
		completionStatus: job.completionStatus,
		statusMessage: job.statusMessage,
		startedAt: job.startedAt,
		completedAt: job.completedAt,
		team: job.team,
		type: BULK_JOB_TYPE,
	};
}

function entryAsReturned(job: BackgroundJobRecord, index: number) {
	return { ...job.entries[index] };
}

describe('Chakra Platform: bulk process operations (C48, C49 with C59, C60)', () => {
	const t = usePlatformNode();
	const jobs = () => [...t.fake.state.backgroundJobs.values()];
	const auth = () => `Bearer ${t.fake.token}`;

	it('C48 bulkCreate batches 250 items by 100 into 3 requests (100/100/50) and returns one background job per batch', async () => {
		const { items, error } = await t.run(
			{ ...createFromItems, batchSize: 100 },
			{ input: leadItems(250) },
		);
		expect(error).toBeUndefined();
		expect(t.fake.requests.map((request) => [request.cid, request.method, request.path])).toEqual([
			['C48', 'POST', `${LEAD_PATH}/bulk-create`],
			['C48', 'POST', `${LEAD_PATH}/bulk-create`],
			['C48', 'POST', `${LEAD_PATH}/bulk-create`],
		]);
		for (const request of t.fake.requests) expect(request.headers.authorization).toBe(auth());
		const bodies = t.fake.requests.map((request) => request.body as unknown[]);
		expect(bodies.map((body) => body.length)).toEqual([100, 100, 50]);
		expect(bodies[0][0]).toEqual({ data: { lead_id: 'BULK-0', city: 'City 0' } });
		expect(bodies[2][49]).toEqual({ data: { lead_id: 'BULK-249', city: 'City 249' } });
		expect(bodies.flat()).toEqual(
			leadItems(250).map(({ json }) => ({ data: { lead_id: json.leadId, city: json.city } })),
		);

		expect(jsonOf(items)).toEqual(jobs().map(jobAsReturned));
		expect(items.map((item) => item.json.completionStatus)).toEqual([
			'IN_PROGRESS',
			'IN_PROGRESS',
			'IN_PROGRESS',
		]);
		expect(
			items.map((item) =>
				(item.pairedItem as Array<{ item: number }>).map((paired) => paired.item),
			),
		).toEqual([
			Array.from({ length: 100 }, (_, index) => index),
			Array.from({ length: 100 }, (_, index) => index + 100),
			Array.from({ length: 50 }, (_, index) => index + 200),
		]);
	});

	it('C48 bulkCreate with Wait for Completion polls C59 through IN_PROGRESS, follows C60 pages and pairs each entry with its item (SUCCESS and ERROR)', async () => {
		t.fake.state.settings.bulkJobInProgressPolls = 2;
		t.fake.state.settings.jobEntriesPageSize = 2;
		const input = [
			{ json: { leadId: 'W-1', city: 'Goa' } },
			{ json: { leadId: 'W-2', city: '__error__' } },
			{ json: { leadId: 'LEAD-001', city: 'Pune' } },
		];
		const { items, error } = await t.run(
			{ ...createFromItems, waitForCompletion: true, waitTimeout: 60 },
			{ input },
		);
		expect(error).toBeUndefined();
		const [job] = jobs();
		expect(
			t.fake.requests.map((request) => [request.cid, request.method, request.path, request.query]),
		).toEqual([
			['C48', 'POST', `${LEAD_PATH}/bulk-create`, {}],
			['C59', 'GET', `/v1/ext/background-job/${job.id}`, {}],
			['C59', 'GET', `/v1/ext/background-job/${job.id}`, {}],
			['C59', 'GET', `/v1/ext/background-job/${job.id}`, {}],
			['C60', 'GET', `/v1/ext/background-job/${job.id}/entries`, {}],
			['C60', 'GET', `/v1/ext/background-job/${job.id}/entries`, { page: '2' }],
		]);
		for (const request of t.fake.requests) expect(request.headers.authorization).toBe(auth());
		expect(job.completionStatus).toBe('COMPLETED');
		expect(jsonOf(items)).toEqual([
			entryAsReturned(job, 0),
			entryAsReturned(job, 1),
			entryAsReturned(job, 2),
		]);
		expect(
			items.map((item) => [item.json.completionStatus, item.json.errorMessage, item.pairedItem]),
		).toEqual([
			['SUCCESS', null, { item: 0 }],
			['ERROR', 'Invalid value for attribute city', { item: 1 }],
			['ERROR', 'A process with lead_id LEAD-001 already exists', { item: 2 }],
		]);
	});

	it('C49 bulkUpdate sends { processes: [{ <primaryKey>: value, update }] } with the primary key from C61, waits, and returns each outcome', async () => {
		const input = [
			{ json: { leadId: 'LEAD-001', city: 'Goa' } },
			{ json: { leadId: 'LEAD-404', city: 'Delhi' } },
			{ json: { leadId: 'LEAD-002', city: 'Agra' } },
		];
		const { items, error } = await t.run(
			{
				resource: 'process',
				operation: 'bulkUpdate',
				procedureShortId: 'lead',
				identifyBy: 'primaryKey',
				primaryKeyShortId: '',
				primaryKeyValue: '={{ $json.leadId }}',
				processData: mapperValue({ city: '={{ $json.city }}' }, [{ id: 'city', type: 'string' }]),
				processFields: { assignedTo: 'asha.rao' },
				waitForCompletion: true,
			},
			{ input },
		);
		expect(error).toBeUndefined();
		const [job] = jobs();
		expect(t.fake.requests.map((request) => request.cid)).toEqual([
			'C61',
			'C49',
			'C59',
			'C59',
			'C60',
		]);
		const request = t.fake.requests[1];
		expect(request).toMatchObject({ method: 'PATCH', path: LEAD_PATH, query: {} });
		expect(request.headers.authorization).toBe(auth());
		expect(request.body).toEqual({
			processes: [
				{ lead_id: 'LEAD-001', update: { data: { city: 'Goa' }, assignedTo: 'asha.rao' } },
				{ lead_id: 'LEAD-404', update: { data: { city: 'Delhi' }, assignedTo: 'asha.rao' } },
				{ lead_id: 'LEAD-002', update: { data: { city: 'Agra' }, assignedTo: 'asha.rao' } },
			],
		});
		expect(jsonOf(items)).toEqual([0, 1, 2].map((index) => entryAsReturned(job, index)));
		expect(
			items.map((item) => [item.json.completionStatus, item.json.errorMessage, item.pairedItem]),
		).toEqual([
			['SUCCESS', null, { item: 0 }],
			['ERROR', 'Process not found: LEAD-404', { item: 1 }],
			['SUCCESS', null, { item: 2 }],
		]);
		expect(t.fake.state.processes.get('lead')!.get(FAKE_IDS.processId)!.data.city).toBe('Goa');
	});

	it('C49 bulkUpdate by process ID with Delete Process sends isDeleted and returns the job without waiting', async () => {
		const { items, error } = await t.run({
			resource: 'process',
			operation: 'bulkUpdate',
			procedureShortId: 'lead',
			identifyBy: 'id',
			processId: FAKE_IDS.processId,
			processFields: { isDeleted: true },
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests.map((request) => [request.cid, request.body])).toEqual([
			['C49', { processes: [{ id: FAKE_IDS.processId, update: { isDeleted: true } }] }],
		]);
		expect(jsonOf(items)).toEqual(jobs().map(jobAsReturned));
		expect(items[0].pairedItem).toEqual([{ item: 0 }]);
	});

	it('C49 bulkUpdate refuses an item without an update before any request, naming the item; Continue On Fail sends the others', async () => {
		const parameters = {
			resource: 'process',
			operation: 'bulkUpdate',
			procedureShortId: 'lead',
			identifyBy: 'id',
			processId: '={{ $json.id }}',
			processFields: { status: '={{ $json.status }}' },
		};
		const input = [
			{ json: { id: FAKE_IDS.processId, status: 'COMPLETED' } },
			{ json: { id: FAKE_IDS.processId } },
			{ json: { id: '', status: 'OPEN' } },
		];
		const failed = await t.run(parameters, { input });
		expect(failed.error?.message).toBe('Process Data: nothing to update');
		expect(failed.error?.description).toBe(
			'Set at least one attribute in Process Data or Additional Attributes, or a field under Update Fields.',
		);
		expect(t.fake.requests).toHaveLength(0);

		const continued = await t.run(parameters, { input, continueOnFail: true });
		expect(continued.error).toBeUndefined();
		expect(t.fake.requests.map((request) => [request.cid, request.body])).toEqual([
			['C49', { processes: [{ id: FAKE_IDS.processId, update: { status: 'COMPLETED' } }] }],
		]);
		expect(continued.items.map((item) => [item.json, item.pairedItem])).toEqual([
			[jobAsReturned(jobs()[0]), [{ item: 0 }]],
			[{ error: 'Process Data: nothing to update' }, { item: 1 }],
			[{ error: 'Process ID: is required but empty' }, { item: 2 }],
		]);
	});

	it('C48 bulkCreate sends one batch per procedure when items name different procedures', async () => {
		const { items, error } = await t.run(
			{
				resource: 'process',
				operation: 'bulkCreate',
				procedureShortId: '={{ $json.procedure }}',
				additionalAttributes: {
					attribute: [{ shortId: '={{ $json.key }}', value: '={{ $json.value }}' }],
				},
			},
			{
				input: [
					{ json: { procedure: 'lead', key: 'lead_id', value: 'P-1' } },
					{ json: { procedure: 'ticket', key: 'ticket_id', value: 'T-9' } },
					{ json: { procedure: 'lead', key: 'lead_id', value: 'P-2' } },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(t.fake.requests.map((request) => [request.cid, request.path, request.body])).toEqual([
			[
				'C48',
				`${LEAD_PATH}/bulk-create`,
				[{ data: { lead_id: 'P-1' } }, { data: { lead_id: 'P-2' } }],
			],
			['C48', '/v1/ext/procedure/ticket/process/bulk-create', [{ data: { ticket_id: 'T-9' } }]],
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([
			[{ item: 0 }, { item: 2 }],
			[{ item: 1 }],
		]);
	});

	it('C59 wait timeout fails with the job ID to check later; Continue On Fail returns it on the items of that job', async () => {
		t.fake.state.settings.bulkJobInProgressPolls = 1000;
		const parameters = { ...createFromItems, waitForCompletion: true, waitTimeout: 1 };
		const failed = await t.run(parameters, { input: leadItems(2) });
		const [job] = jobs();
		expect(failed.error?.message).toBe(`Background job ${job.id} did not finish within 1 seconds`);
		expect(failed.error?.description).toBe(
			`ChakraHQ is still processing it. Check it later with the Background Job resource: Get (ID ${job.id}) for its counts and Get Entries for the outcome of each entry.`,
		);
		const polls = t.fake.requests.filter((request) => request.cid === 'C59');
		expect(polls.length).toBeGreaterThanOrEqual(2);
		expect(t.fake.requestsFor('C60')).toHaveLength(0);

		t.fake.reset();
		t.fake.state.settings.bulkJobInProgressPolls = 1000;
		const continued = await t.run(parameters, { input: leadItems(2), continueOnFail: true });
		const [pending] = jobs();
		expect(continued.error).toBeUndefined();
		expect(continued.items.map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					error: `Background job ${pending.id} did not finish within 1 seconds`,
					backgroundJobId: pending.id,
				},
				{ item: 0 },
			],
			[
				{
					error: `Background job ${pending.id} did not finish within 1 seconds`,
					backgroundJobId: pending.id,
				},
				{ item: 1 },
			],
		]);
	});

	it('C48 bulkCreate failing on the third batch names the jobs already submitted', async () => {
		t.fake.injectWhen(
			'C48',
			(request) => Array.isArray(request.body) && request.body.length === 50,
			{ chakraErrors: ['Bulk limit reached'] },
		);
		const { error } = await t.run(
			{ ...createFromItems, batchSize: 100 },
			{ input: leadItems(250) },
		);
		const [first, second] = jobs();
		expect(t.fake.requestsFor('C48')).toHaveLength(3);
		expect(error?.message).toBe('Bulk limit reached');
		expect(error?.description).toBe(
			`ChakraHQ answered with HTTP 200\nBatches submitted before this one are processed by ChakraHQ: background jobs ${first.id} (items 0-99), ${second.id} (items 100-199).`,
		);
	});

	it('C48 bulkCreate refuses a batch size of 0 before any request', async () => {
		const { error } = await t.run({ ...createFromItems, batchSize: 0 }, { input: leadItems(1) });
		expect(error?.message).toBe('Batch Size: "0" is not a number greater than 0');
		expect(t.fake.requests).toHaveLength(0);
	});
});
