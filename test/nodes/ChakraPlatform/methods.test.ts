import type { ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';

import { ChakraPlatform } from '../../../nodes/ChakraPlatform/ChakraPlatform.node';
import { FAKE_IDS } from '../../fake-chakra';
import { loadOptionsContext } from '../../harness/load-options';
import { usePlatformNode } from './helpers';

// Dropdowns, the user list and the process data mapper, run with n8n-core's real LoadOptionsContext.
describe('Chakra Platform: dropdowns and resource mapper (C61, C51)', () => {
	const t = usePlatformNode();
	const node = new ChakraPlatform();
	const context = (parameters: INodeParameters = {}, token?: string) =>
		loadOptionsContext('chakraPlatform', parameters, {
			accessToken: token ?? t.fake.token,
			baseUrl: t.fake.baseUrl,
		}) as unknown as ILoadOptionsFunctions;

	it('C61 getProcedures lists the procedures by short ID, sending the Bearer token', async () => {
		const options = await node.methods.loadOptions.getProcedures.call(context());
		expect(options).toEqual([
			{ name: 'Lead', value: 'lead' },
			{ name: 'Ticket', value: 'ticket' },
		]);
		expect(
			t.fake.requests.map((request) => [
				request.cid,
				request.method,
				request.path,
				request.headers.authorization,
			]),
		).toEqual([['C61', 'GET', '/v1/ext/config', `Bearer ${t.fake.token}`]]);
	});

	it('C61 getProcedureStates, getProcedureAttributes and getStateTasks follow the chosen procedure', async () => {
		const lead = context({ resource: 'process', operation: 'create', procedureShortId: 'lead' });
		expect(await node.methods.loadOptions.getProcedureStates.call(lead)).toEqual([
			{ name: 'Converted', value: 'CONVERTED' },
			{ name: 'In progress', value: 'IN_PROGRESS' },
			{ name: 'New', value: 'NEW' },
			{ name: 'Not interested', value: 'NOT_INTERESTED' },
		]);
		expect(await node.methods.loadOptions.getStateTasks.call(lead)).toEqual([
			{ name: 'Call', value: 'call' },
			{ name: 'Meeting', value: 'meeting' },
		]);
		const ticket = context({
			resource: 'process',
			operation: 'getAll',
			procedureShortId: 'ticket',
		});
		expect(await node.methods.loadOptions.getProcedureAttributes.call(ticket)).toEqual([
			{ name: 'Description', value: 'description' },
			{ name: 'Priority', value: 'priority' },
			{ name: 'Subject', value: 'subject' },
			{ name: 'Ticket ID', value: 'ticket_id' },
		]);
		expect(t.fake.requests.map((request) => request.cid)).toEqual(['C61', 'C61', 'C61']);
	});

	it('C61 getProcessDataFields offers the procedure attributes with their n8n types', async () => {
		const { fields } = await node.methods.resourceMapping.getProcessDataFields.call(
			context({ procedureShortId: 'lead' }),
		);
		expect(fields.map((field) => [field.id, field.type])).toEqual([
			['lead_id', 'string'],
			['name', 'string'],
			['phone_number', 'string'],
			['email', 'string'],
			['city', 'string'],
			['score', 'number'],
			['follow_up_at', 'dateTime'],
			['is_hot', 'boolean'],
			['photo', 'string'],
			['source', 'options'],
		]);
		expect(fields.find((field) => field.id === 'source')).toEqual({
			id: 'source',
			displayName: 'Source (source)',
			type: 'options',
			options: [
				{ name: 'Website', value: 'website' },
				{ name: 'WhatsApp', value: 'whatsapp' },
				{ name: 'Referral', value: 'referral' },
			],
			required: false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
		});
	});

	it('C61 dependent dropdowns ask for a procedure first instead of listing nothing', async () => {
		await expect(
			node.methods.loadOptions.getProcedureStates.call(context({ procedureShortId: '' })),
		).rejects.toThrow('Choose a procedure first: the list depends on it');
	});

	it('C51 getUsernames and the searchUsers list show names with usernames / IDs', async () => {
		expect(await node.methods.loadOptions.getUsernames.call(context())).toEqual([
			{ name: 'Asha Rao (asha.rao)', value: 'asha.rao' },
			{ name: 'John Doe (johndoe)', value: 'johndoe' },
			{ name: 'Shane Warne (shane.warne)', value: 'shane.warne' },
		]);
		expect(await node.methods.listSearch.searchUsers.call(context(), 'WARNE')).toEqual({
			results: [{ name: 'Shane Warne (shane.warne)', value: FAKE_IDS.userId2 }],
		});
		expect(t.fake.requests.map((request) => [request.cid, request.path])).toEqual([
			['C51', '/v1/ext/users'],
			['C51', '/v1/ext/users'],
		]);
	});

	it('C61 a failing dropdown shows the API error, never an empty list', async () => {
		await expect(
			node.methods.loadOptions.getProcedures.call(context({}, 'wrong-token')),
		).rejects.toThrow('Unauthorized: invalid or missing access token');
	});
});
