import type { FieldType, INodeParameters, ResourceMapperValue } from 'n8n-workflow';

import { ChakraCrm } from '../../../nodes/ChakraCrm/ChakraCrm.node';
import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { runNode } from '../../harness';
import { loadOptionsContext } from '../../harness/load-options';

/** A resource mapper value as the n8n editor stores it. */
function mapped(
	value: Record<string, string | number | boolean | null>,
	schema: Array<{ id: string; type: FieldType; options?: Array<{ name: string; value: string }> }>,
): ResourceMapperValue {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: schema.map((field) => ({
			...field,
			displayName: field.id,
			required: false,
			defaultMatch: false,
			display: true,
		})),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

describe('Chakra CRM: lead (C26, C27)', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const lead = (
		parameters: INodeParameters,
		extra: { continueOnFail?: boolean; input?: Array<{ json: Record<string, never> }> } = {},
	) =>
		runNode({
			type: 'chakraCrm',
			credentials: credentials(),
			parameters: { resource: 'lead', ...parameters },
			...extra,
		});
	/** The lead the fake stored under `id`, as JSON (what C26/C27 answered). */
	const storedLead = (id: string) =>
		JSON.parse(JSON.stringify(fake.state.processes.get('lead')!.get(id)));

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C26 create sends name, normalised phone number, email, mapped and other attributes in data, with status, state, assignee, epoch-ms next action and record data', async () => {
		const { items, error } = await lead({
			operation: 'create',
			name: 'Meera Iyer',
			phoneNumber: '+91 98450-12345',
			email: 'meera@example.com',
			leadAttributes: mapped({ city: 'Chennai', score: 7, is_hot: true, source: 'whatsapp' }, [
				{ id: 'city', type: 'string' },
				{ id: 'score', type: 'number' },
				{ id: 'is_hot', type: 'boolean' },
				{
					id: 'source',
					type: 'options',
					options: [
						{ name: 'Website', value: 'website' },
						{ name: 'WhatsApp', value: 'whatsapp' },
					],
				},
			]),
			otherAttributes: { attribute: [{ key: 'campaign_code', value: 'DIWALI-24' }] },
			additionalFields: {
				status: 'OPEN',
				state: 'IN_PROGRESS',
				assignedTo: FAKE_IDS.username2,
				nextActionAt: '2025-03-01T10:30:00+05:30',
			},
			recordAttributes: { attribute: [{ key: 'company', value: 'Iyer Textiles' }] },
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C26');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/ext/procedure/lead/process');
		expect(request.query).toEqual({});
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({
			data: {
				name: 'Meera Iyer',
				phone_number: '919845012345',
				email: 'meera@example.com',
				city: 'Chennai',
				score: 7,
				is_hot: true,
				source: 'whatsapp',
				campaign_code: 'DIWALI-24',
			},
			record: { data: { company: 'Iyer Textiles' } },
			status: 'OPEN',
			state: 'IN_PROGRESS',
			assignedTo: 'shane.warne',
			nextActionAt: Date.UTC(2025, 2, 1, 5, 0, 0),
		});
		expect(items).toHaveLength(1);
		const id = items[0].json.id as string;
		expect(items.map((item) => item.json)).toEqual([storedLead(id)]);
		expect(items[0].json).toMatchObject({
			status: 'OPEN',
			state: 'IN_PROGRESS',
			assignedTo: FAKE_IDS.userId2,
			nextActionAt: 1740805200000,
		});
	});

	it('C26 create reads a date without offset in the workflow time zone and sends it as epoch ms; datetime attributes too (type from C61)', async () => {
		const { error } = await lead({
			operation: 'create',
			name: 'Tz Lead',
			leadAttributes: mapped({ follow_up_at: '2025-06-15T09:00:00' }, [
				{ id: 'follow_up_at', type: 'dateTime' },
			]),
			additionalFields: { nextActionAt: '2025-06-15T09:00:00' },
		});
		expect(error).toBeUndefined();
		// The harness workflow has no time zone setting: n8n's default zone, America/New_York (EDT, UTC-4, in June).
		const expected = Date.UTC(2025, 5, 15, 13, 0, 0);
		expect(fake.requestsFor('C61')).toHaveLength(1);
		const create = fake.requestsFor('C26')[0];
		expect(create.body).toEqual({
			data: { name: 'Tz Lead', follow_up_at: expected },
			nextActionAt: expected,
		});
	});

	it('C26 create with only a phone number sends just data.phone_number and returns the created lead', async () => {
		const { items, error } = await lead({ operation: 'create', phoneNumber: '(91) 9000 111 222' });
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => request.body)).toEqual([
			{ data: { phone_number: '919000111222' } },
		]);
		expect(items.map((item) => item.json)).toEqual([storedLead(items[0].json.id as string)]);
		expect(items[0].json).toMatchObject({
			status: 'OPEN',
			state: 'NEW',
			data: { phone_number: '919000111222' },
		});
	});

	it('C26 create rejects a phone number that is not one, before any request, naming field and item', async () => {
		const { error } = await lead({ operation: 'create', name: 'X', phoneNumber: '12-34' });
		expect(error?.message).toBe('Phone Number: "12-34" is not a phone number');
		expect(error?.description).toContain('international format');
		expect(fake.requests).toHaveLength(0);
	});

	it('C26 create rejects an invalid email and an attribute given twice, before any request', async () => {
		const badEmail = await lead({ operation: 'create', name: 'X', email: 'meera@' });
		expect(badEmail.error?.message).toBe('Email: "meera@" is not an email address');
		const twice = await lead({
			operation: 'create',
			name: 'X',
			otherAttributes: { attribute: [{ key: 'name', value: 'Y' }] },
		});
		expect(twice.error?.message).toBe(
			'Other Attributes: sets attribute "name", which Name already sets',
		);
		const empty = await lead({ operation: 'create' });
		expect(empty.error?.message).toBe('Lead: has no values');
		const badDate = await lead({
			operation: 'create',
			name: 'X',
			additionalFields: { nextActionAt: 'next tuesday' },
		});
		expect(badDate.error?.message).toBe('Next Action At: "next tuesday" is not a date');
		expect(fake.requests).toHaveLength(0);
	});

	it('C26 create with continueOnFail: a bad item gives an error item, the good item is still created (one request)', async () => {
		const { items, error } = await runNode({
			type: 'chakraCrm',
			credentials: credentials(),
			continueOnFail: true,
			input: [{ json: { phone: 'not-a-phone' } }, { json: { phone: '919876543210' } }],
			parameters: {
				resource: 'lead',
				operation: 'create',
				name: 'Batch',
				phoneNumber: '={{ $json.phone }}',
			},
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0].body).toEqual({
			data: { name: 'Batch', phone_number: '919876543210' },
		});
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({ error: 'Phone Number: "not-a-phone" is not a phone number' });
		expect(items[0].error?.message).toBe('Phone Number: "not-a-phone" is not a phone number');
		expect(items[1].json).toEqual(storedLead(items[1].json.id as string));
	});

	it('C26 create surfaces a ChakraHQ _errors body (HTTP 200) as the error message', async () => {
		fake.inject('C26', { chakraErrors: ['Lead module is not enabled for this team'] });
		const { items, error } = await lead({ operation: 'create', name: 'X' });
		expect(error?.message).toBe('Lead module is not enabled for this team');
		expect(items).toEqual([]);
		fake.inject('C26', {
			chakraErrors: ['Lead module is not enabled for this team', 'Contact your admin'],
		});
		const tolerant = await lead({ operation: 'create', name: 'X' }, { continueOnFail: true });
		expect(tolerant.error).toBeUndefined();
		expect(tolerant.items[0].error?.message).toBe(
			'Lead module is not enabled for this team; Contact your admin',
		);
	});

	it('C26 create is sent again after a 429 (refused, so nothing was created) but never after a 500', async () => {
		const leadsBefore = fake.state.processes.get('lead')!.size;
		fake.inject('C26', { status: 429, retryAfter: '0' });
		const retried = await lead({ operation: 'create', name: 'Rate Limited' });
		expect(retried.error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.status])).toEqual([
			['C26', 429],
			['C26', 200],
		]);
		expect(retried.items.map((item) => item.json)).toEqual([
			storedLead(retried.items[0].json.id as string),
		]);
		expect(fake.state.processes.get('lead')!.size).toBe(leadsBefore + 1);
		fake.clearRequests();
		fake.inject('C26', { status: 500 });
		const failed = await lead({ operation: 'create', name: 'Server Error' });
		expect(fake.requests).toHaveLength(1);
		expect(failed.error?.message).toBe('Injected fault: HTTP 500');
		expect(failed.error?.description).toContain('may or may not have been processed');
	});

	it('C27 updateByPhoneNumber PUTs only the given fields to the normalised phone number path', async () => {
		const { items, error } = await lead({
			operation: 'updateByPhoneNumber',
			phoneNumber: '+91 99112 23344',
			updateFields: {
				state: 'CONVERTED',
				email: 'asha.rao@example.com',
				nextActionAt: 1767225600000,
			},
			leadAttributes: mapped({ city: 'Mumbai', score: null }, [
				{ id: 'city', type: 'string' },
				{ id: 'score', type: 'number' },
			]),
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C27');
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(
			`/v1/ext/procedure/lead/process/phone_number/${FAKE_IDS.customerPhone}`,
		);
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({
			data: { email: 'asha.rao@example.com', city: 'Mumbai' },
			state: 'CONVERTED',
			nextActionAt: 1767225600000,
		});
		expect(items.map((item) => item.json)).toEqual([storedLead(FAKE_IDS.processId)]);
		expect(items[0].json).toMatchObject({
			id: FAKE_IDS.processId,
			state: 'CONVERTED',
			nextActionAt: 1767225600000,
			data: {
				lead_id: 'LEAD-001',
				name: 'Asha Rao',
				email: 'asha.rao@example.com',
				city: 'Mumbai',
				score: 5,
			},
		});
	});

	it('C27 updateByPhoneNumber refuses an update with nothing to change, and a bad phone number, before any request', async () => {
		const nothing = await lead({
			operation: 'updateByPhoneNumber',
			phoneNumber: FAKE_IDS.customerPhone,
		});
		expect(nothing.error?.message).toBe('Update Fields: nothing to update');
		const badPhone = await lead({
			operation: 'updateByPhoneNumber',
			phoneNumber: 'abc',
			updateFields: { status: 'COMPLETED' },
		});
		expect(badPhone.error?.message).toBe('Phone Number: "abc" is not a phone number');
		const emptyState = await lead({
			operation: 'updateByPhoneNumber',
			phoneNumber: FAKE_IDS.customerPhone,
			updateFields: { state: '' },
		});
		expect(emptyState.error?.message).toBe('State: is empty: choose a value or remove the field');
		expect(fake.requests).toHaveLength(0);
	});

	it("C27 updateByPhoneNumber shows ChakraHQ's 404 message for an unknown lead", async () => {
		const { error } = await lead({
			operation: 'updateByPhoneNumber',
			phoneNumber: '919000000999',
			updateFields: { status: 'COMPLETED' },
		});
		expect(fake.requests[0].cid).toBe('C27');
		expect(error?.message).toBe('Lead not found with phone_number 919000000999');
	});

	describe('dropdowns and attribute mapper from the lead procedure (C61, C51)', () => {
		const context = () =>
			loadOptionsContext('chakraCrm', { resource: 'lead', operation: 'create' }, credentials());
		const methods = new ChakraCrm().methods;

		it('C26 Lead Attributes mapper offers the lead attributes of C61 except name, phone number and email', async () => {
			const { fields } = await methods.resourceMapping.getLeadAttributeFields.call(context());
			const common = {
				required: false,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
			};
			expect(fields).toEqual([
				{ id: 'lead_id', displayName: 'Lead ID (lead_id)', type: 'string', ...common },
				{ id: 'city', displayName: 'City (city)', type: 'string', ...common },
				{ id: 'score', displayName: 'Score (score)', type: 'number', ...common },
				{
					id: 'follow_up_at',
					displayName: 'Follow-up at (follow_up_at)',
					type: 'dateTime',
					...common,
				},
				{ id: 'is_hot', displayName: 'Hot lead (is_hot)', type: 'boolean', ...common },
				{ id: 'photo', displayName: 'Photo (photo)', type: 'string', ...common },
				{
					id: 'source',
					displayName: 'Source (source)',
					type: 'options',
					options: [
						{ name: 'Website', value: 'website' },
						{ name: 'WhatsApp', value: 'whatsapp' },
						{ name: 'Referral', value: 'referral' },
					],
					...common,
				},
			]);
			expect(fake.requests.map((request) => [request.cid, request.headers.authorization])).toEqual([
				['C61', `Bearer ${fake.token}`],
			]);
		});

		it('C26 State dropdown lists the lead states of C61; Assigned To lists usernames of C51', async () => {
			const states = await methods.loadOptions.getProcedureStates.call(context());
			expect(states).toEqual([
				{ name: 'Converted', value: 'CONVERTED' },
				{ name: 'In progress', value: 'IN_PROGRESS' },
				{ name: 'New', value: 'NEW' },
				{ name: 'Not interested', value: 'NOT_INTERESTED' },
			]);
			const users = await methods.loadOptions.getUsernames.call(context());
			expect(users).toEqual(
				[...fake.state.users.values()]
					.map((user) => ({
						name: `${user.firstName} ${user.lastName} (${user.username})`,
						value: user.username,
					}))
					.sort((a, b) => a.name.localeCompare(b.name)),
			);
			expect(users.map((user) => user.value)).toEqual(
				expect.arrayContaining([FAKE_IDS.username, FAKE_IDS.username2, FAKE_IDS.username3]),
			);
			expect(fake.requests.map((request) => request.cid)).toEqual(['C61', 'C51']);
		});

		it("C26 a failing dropdown shows ChakraHQ's error instead of an empty list", async () => {
			fake.inject('C61', { chakraErrors: ['Your role cannot read the configuration'] });
			await expect(methods.loadOptions.getProcedureStates.call(context())).rejects.toThrow(
				'Your role cannot read the configuration',
			);
		});
	});
});
