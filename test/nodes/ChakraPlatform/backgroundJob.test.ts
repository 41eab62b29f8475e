import { FAKE_IDS } from '../../fake-chakra';
import type { BackgroundJobRecord, EntryStatus } from '../../fake-chakra';
import { jsonOf, usePlatformNode } from './helpers';

const JOB_PATH = `/v1/ext/background-job/${FAKE_IDS.backgroundJobId}`;
const STATUSES: EntryStatus[] = ['SUCCESS', 'SUCCESS', 'ERROR', 'INVALID'];

/** A finished job of 120 entries seeded straight into the fake's state. */
function seededJob(completed: boolean): BackgroundJobRecord {
	const entries = Array.from({ length: 120 }, (_, index) => ({
		id: `e0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		backgroundJob: FAKE_IDS.backgroundJobId,
		index,
		createdAt: 1617966536211,
		updatedAt: 1617966536999,
		completionStatus: completed ? STATUSES[index % 4] : 'NOT_STARTED',
		input: { data: { lead_id: `J-${index}` } },
		errorMessage: completed && index % 4 === 2 ? 'Invalid value for attribute city' : null,
		process: null,
	}));
	return {
		id: FAKE_IDS.backgroundJobId,
		createdAt: 1617966536211,
		updatedAt: 1617966536999,
		completionStatus: completed ? 'COMPLETED' : 'IN_PROGRESS',
		statusMessage: null,
		startedAt: 1617966536210,
		completedAt: completed ? 1617966536999 : 0,
		team: FAKE_IDS.teamId,
		type: 'bulk_api_job',
		kind: 'bulk-create',
		procedureShortId: 'lead',
		pollsLeft: completed ? 0 : 1000,
		entries: entries as BackgroundJobRecord['entries'],
	};
}

describe('Chakra Platform: background job (C59, C60)', () => {
	const t = usePlatformNode();
	const seed = (completed = true) =>
		t.fake.state.backgroundJobs.set(FAKE_IDS.backgroundJobId, seededJob(completed));

	it('C59 get returns the job with its entry counts under entryCounts and whether it is finished', async () => {
		seed();
		const { items, error } = await t.run({
			resource: 'backgroundJob',
			operation: 'get',
			backgroundJobId: FAKE_IDS.backgroundJobId,
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests).toHaveLength(1);
		const [request] = t.fake.requests;
		expect(request).toMatchObject({ cid: 'C59', method: 'GET', path: JOB_PATH, query: {} });
		expect(request.headers.authorization).toBe(`Bearer ${t.fake.token}`);
		expect(jsonOf(items)).toEqual([
			{
				id: FAKE_IDS.backgroundJobId,
				createdAt: 1617966536211,
				updatedAt: 1617966536999,
				completionStatus: 'COMPLETED',
				statusMessage: null,
				startedAt: 1617966536210,
				completedAt: 1617966536999,
				team: FAKE_IDS.teamId,
				type: 'bulk_api_job',
				entryCounts: { INVALID: 30, NOT_STARTED: 0, SUCCESS: 60, ERROR: 30 },
				isFinished: true,
			},
		]);
	});

	it('C59 get of a running job says isFinished false', async () => {
		seed(false);
		const { items, error } = await t.run({
			resource: 'backgroundJob',
			operation: 'get',
			backgroundJobId: FAKE_IDS.backgroundJobId,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			completionStatus: 'IN_PROGRESS',
			completedAt: 0,
			entryCounts: { INVALID: 0, NOT_STARTED: 120, SUCCESS: 0, ERROR: 0 },
			isFinished: false,
		});
	});

	it("C59 get of an unknown job shows ChakraHQ's message", async () => {
		const { error } = await t.run({
			resource: 'backgroundJob',
			operation: 'get',
			backgroundJobId: FAKE_IDS.backgroundJobId,
		});
		expect(error?.message).toBe(`Background job not found: ${FAKE_IDS.backgroundJobId}`);
	});

	it('C60 getEntries Return All follows the next-page path of _meta until there is none', async () => {
		seed();
		const { items, error } = await t.run({
			resource: 'backgroundJob',
			operation: 'getEntries',
			backgroundJobId: FAKE_IDS.backgroundJobId,
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(
			t.fake.requests.map((request) => [request.cid, request.method, request.path, request.query]),
		).toEqual([
			['C60', 'GET', `${JOB_PATH}/entries`, {}],
			['C60', 'GET', `${JOB_PATH}/entries`, { page: '2' }],
			['C60', 'GET', `${JOB_PATH}/entries`, { page: '3' }],
		]);
		for (const request of t.fake.requests)
			expect(request.headers.authorization).toBe(`Bearer ${t.fake.token}`);
		const job = t.fake.state.backgroundJobs.get(FAKE_IDS.backgroundJobId)!;
		expect(jsonOf(items)).toEqual(job.entries.map((entry) => ({ ...entry })));
	});

	it('C60 getEntries Limit stops after the page that reaches it', async () => {
		seed();
		const { items, error } = await t.run({
			resource: 'backgroundJob',
			operation: 'getEntries',
			backgroundJobId: FAKE_IDS.backgroundJobId,
			returnAll: false,
			limit: 60,
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests.map((request) => request.query)).toEqual([{}, { page: '2' }]);
		expect(items).toHaveLength(60);
		expect(items[59].json).toMatchObject({
			index: 59,
			completionStatus: 'INVALID',
			input: { data: { lead_id: 'J-59' } },
		});
	});

	it('C60 getEntries of an unknown job fails; Continue On Fail returns an error item', async () => {
		const { items, error } = await t.run(
			{
				resource: 'backgroundJob',
				operation: 'getEntries',
				backgroundJobId: FAKE_IDS.backgroundJobId,
				returnAll: true,
			},
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([
			{ error: `Background job not found: ${FAKE_IDS.backgroundJobId}` },
		]);
	});
});
