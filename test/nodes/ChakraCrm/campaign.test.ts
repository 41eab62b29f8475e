import type { INodeParameters } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { runNode } from '../../harness';

describe('Chakra CRM: campaign (C31, C32)', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const campaign = (parameters: INodeParameters, continueOnFail = false) =>
		runNode({
			type: 'chakraCrm',
			credentials: credentials(),
			parameters: { resource: 'campaign', ...parameters },
			continueOnFail,
		});
	const campaignNumbers = () => fake.state.campaigns.get(FAKE_IDS.campaignId)!.phoneNumbers;

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C31 addPhoneNumber posts the normalised phoneNumber to the campaign path', async () => {
		const before = [...campaignNumbers()];
		const { items, error } = await campaign({
			operation: 'addPhoneNumber',
			campaignId: FAKE_IDS.campaignId,
			phoneNumber: '+1 (332) 345-9999',
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C31');
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/v1/ext/campaign/${FAKE_IDS.campaignId}/add-phone-number`);
		expect(request.query).toEqual({});
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({ phoneNumber: '13323459999' });
		expect(items.map((item) => item.json)).toEqual([
			{ success: true, campaignId: FAKE_IDS.campaignId, phoneNumber: '13323459999', added: true },
		]);
		expect(campaignNumbers()).toEqual([...before, '13323459999']);
	});

	it('C32 removePhoneNumber posts the normalised phoneNumber to the remove path', async () => {
		await campaign({
			operation: 'addPhoneNumber',
			campaignId: FAKE_IDS.campaignId,
			phoneNumber: '919811112222',
		});
		fake.clearRequests();
		const { items, error } = await campaign({
			operation: 'removePhoneNumber',
			campaignId: FAKE_IDS.campaignId,
			phoneNumber: '91 98111 12222',
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C32');
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/v1/ext/campaign/${FAKE_IDS.campaignId}/remove-phone-number`);
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({ phoneNumber: '919811112222' });
		expect(items.map((item) => item.json)).toEqual([
			{
				success: true,
				campaignId: FAKE_IDS.campaignId,
				phoneNumber: '919811112222',
				removed: true,
			},
		]);
		expect(campaignNumbers()).not.toContain('919811112222');
	});

	it('C31 rejects a phone number that is not one and an empty campaign ID before any request', async () => {
		const badPhone = await campaign({
			operation: 'addPhoneNumber',
			campaignId: FAKE_IDS.campaignId,
			phoneNumber: '+91 12',
		});
		expect(badPhone.error?.message).toBe('Phone Number: "+91 12" is not a phone number');
		// An expression that gives nothing (the editor already flags a literal empty required field).
		const noCampaign = await campaign({
			operation: 'addPhoneNumber',
			campaignId: '={{ $json.campaign }}',
			phoneNumber: '919811112222',
		});
		expect(noCampaign.error?.message).toBe('Campaign ID: is required but empty');
		expect(fake.requests).toHaveLength(0);
	});

	it("C32 surfaces ChakraHQ's message for an unknown campaign, and continueOnFail keeps it on the item", async () => {
		const { items, error } = await campaign(
			{
				operation: 'removePhoneNumber',
				campaignId: 'no-such-campaign',
				phoneNumber: '919811112222',
			},
			true,
		);
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.path])).toEqual([
			['C32', '/v1/ext/campaign/no-such-campaign/remove-phone-number'],
		]);
		expect(items.map((item) => item.json)).toEqual([
			{ error: 'Campaign not found: no-such-campaign' },
		]);
	});

	it('C31 surfaces a ChakraHQ _errors body on HTTP 200 as the error', async () => {
		fake.inject('C31', { chakraErrors: ['Campaign is archived'] });
		const { error } = await campaign({
			operation: 'addPhoneNumber',
			campaignId: FAKE_IDS.campaignId,
			phoneNumber: '919811112222',
		});
		expect(error?.message).toBe('Campaign is archived');
	});
});
