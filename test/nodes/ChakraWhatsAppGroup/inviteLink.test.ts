import { FAKE_IDS } from '../../fake-chakra';
import { byId, jsonOf, requestSummary, runAgainst, useFakeChakra } from './common';

describe('Chakra WhatsApp Group: invite link (C20, C21)', () => {
	const handle = useFakeChakra();
	const run = (operation: string) =>
		runAgainst(handle, 'chakraWhatsAppGroup', {
			resource: 'inviteLink',
			operation,
			groupId: byId(FAKE_IDS.groupId),
		});
	const path = `/v1/whatsapp/v24.0/${FAKE_IDS.groupId}/invite_link`;

	it('C20 get returns the current invite link', async () => {
		const result = await run('get');
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C20',
				method: 'GET',
				path,
				query: {},
				body: undefined,
				authorization: `Bearer ${handle.fake.token}`,
			},
		]);
		expect(jsonOf(result)).toEqual([
			{ messaging_product: 'whatsapp', invite_link: 'https://chat.whatsapp.com/SEEDLINK0001' },
		]);
	});

	it('C21 reset posts messaging_product and returns the new link', async () => {
		const result = await run('reset');
		expect(result.error).toBeUndefined();
		expect(handle.fake.requests.map(requestSummary)).toEqual([
			{
				cid: 'C21',
				method: 'POST',
				path,
				query: {},
				body: { messaging_product: 'whatsapp' },
				authorization: `Bearer ${handle.fake.token}`,
			},
		]);
		const newLink = handle.fake.state.groups.get(FAKE_IDS.groupId)?.invite_link;
		expect(newLink).not.toBe('https://chat.whatsapp.com/SEEDLINK0001');
		expect(jsonOf(result)).toEqual([{ messaging_product: 'whatsapp', invite_link: newLink }]);
	});

	it('C21 reset is not retried after a 500: the error says it may or may not have happened', async () => {
		handle.fake.inject('C21', { status: 500 });
		const result = await run('reset');
		expect(handle.fake.requestsFor('C21')).toHaveLength(1);
		expect(result.error?.message).toBe('Injected fault: HTTP 500 (#2)');
		expect(result.error?.description).toContain(
			'The request may or may not have been processed by ChakraHQ',
		);
	});
});
