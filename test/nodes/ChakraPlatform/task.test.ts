import { FAKE_IDS } from '../../fake-chakra';
import { jsonOf, usePlatformNode } from './helpers';

describe('Chakra Platform: task (C50)', () => {
	const t = usePlatformNode();
	const tasks = () =>
		t.fake.state.tasks.map((task) => JSON.parse(JSON.stringify(task)) as Record<string, unknown>);

	it('C50 create posts the task data, status and assignee to the process found by primary key value', async () => {
		const { items, error } = await t.run({
			resource: 'task',
			operation: 'create',
			procedureShortId: 'lead',
			processIdOrPrimaryKey: 'LEAD-001',
			stateTaskShortId: 'call',
			taskData: {
				attribute: [
					{ shortId: 'call_disposition', value: 'RNR' },
					{ shortId: 'next_call_time', value: '2023-11-15T09:30:00' },
					{ shortId: 'remarks', value: 'Could not reach customer' },
				],
			},
			taskFields: { status: 'COMPLETED', assignedTo: 'asha.rao' },
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests).toHaveLength(1);
		const [request] = t.fake.requests;
		expect(request).toMatchObject({
			cid: 'C50',
			method: 'POST',
			path: '/v1/ext/p/lead/LEAD-001/task/call',
			query: {},
		});
		expect(request.headers.authorization).toBe(`Bearer ${t.fake.token}`);
		expect(request.body).toEqual({
			data: {
				call_disposition: 'RNR',
				next_call_time: '2023-11-15T09:30:00',
				remarks: 'Could not reach customer',
			},
			status: 'COMPLETED',
			assignedTo: 'asha.rao',
		});
		expect(jsonOf(items)).toEqual(tasks());
		expect(items[0].json).toMatchObject({
			process: FAKE_IDS.processId,
			status: 'COMPLETED',
			assignedTo: FAKE_IDS.userId3,
		});
	});

	it('C50 create by process ID with nothing else sends no body', async () => {
		const { items, error } = await t.run({
			resource: 'task',
			operation: 'create',
			procedureShortId: 'ticket',
			processIdOrPrimaryKey: FAKE_IDS.ticketProcessId,
			stateTaskShortId: 'follow_up',
		});
		expect(error).toBeUndefined();
		expect(t.fake.requests.map((request) => [request.cid, request.path, request.body])).toEqual([
			['C50', `/v1/ext/p/ticket/${FAKE_IDS.ticketProcessId}/task/follow_up`, undefined],
		]);
		expect(jsonOf(items)).toEqual(tasks());
	});

	it('C50 create refuses a task attribute given twice before any request', async () => {
		const { error } = await t.run({
			resource: 'task',
			operation: 'create',
			procedureShortId: 'lead',
			processIdOrPrimaryKey: 'LEAD-001',
			stateTaskShortId: 'call',
			taskData: {
				attribute: [
					{ shortId: 'remarks', value: 'a' },
					{ shortId: 'remarks', value: 'b' },
				],
			},
		});
		expect(error?.message).toBe('Task Data: attribute "remarks" is given twice');
		expect(t.fake.requests).toHaveLength(0);
	});

	it("C50 create with a task type of another procedure shows ChakraHQ's message; Continue On Fail returns an error item", async () => {
		const parameters = {
			resource: 'task',
			operation: 'create',
			procedureShortId: 'lead',
			processIdOrPrimaryKey: 'LEAD-001',
			stateTaskShortId: 'follow_up',
		};
		const failed = await t.run(parameters);
		expect(failed.error?.message).toBe('Unknown task follow_up for procedure lead');
		const continued = await t.run(parameters, { continueOnFail: true });
		expect(jsonOf(continued.items)).toEqual([
			{ error: 'Unknown task follow_up for procedure lead' },
		]);
	});
});
