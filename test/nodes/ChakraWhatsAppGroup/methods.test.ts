import type { ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';

import { ChakraWhatsAppGroup } from '../../../nodes/ChakraWhatsAppGroup/ChakraWhatsAppGroup.node';
import { FAKE_IDS } from '../../fake-chakra';
import { loadOptionsContext } from '../../harness/load-options';
import { byId, useFakeChakra } from './common';

// Dropdowns of the Group node (C63 + C16, C22, C17), run with n8n-core's real LoadOptionsContext.
describe('Chakra WhatsApp Group: dropdowns (C16, C17, C22, C63)', () => {
	const handle = useFakeChakra();
	const node = new ChakraWhatsAppGroup();
	const context = (parameters: INodeParameters) =>
		loadOptionsContext('chakraWhatsAppGroup', parameters, {
			accessToken: handle.fake.token,
			baseUrl: handle.fake.baseUrl,
		}) as unknown as ILoadOptionsFunctions;

	it('C16 searchGroups lists the groups of every phone number of the team (C63) with the number in the label', async () => {
		handle.fake.state.groups.set('OTHERNUMBERGROUP', {
			...handle.fake.state.groups.get(FAKE_IDS.groupId2)!,
			id: 'OTHERNUMBERGROUP',
			phoneNumberId: FAKE_IDS.phoneNumberId2,
			subject: 'US support',
		});
		const result = await node.methods.listSearch.searchGroups.call(
			context({ resource: 'group', operation: 'get' }),
		);
		expect(result).toEqual({
			results: [
				{ name: `Order 1042 support (${FAKE_IDS.displayPhoneNumber})`, value: FAKE_IDS.groupId },
				{ name: `VIP customers (${FAKE_IDS.displayPhoneNumber})`, value: FAKE_IDS.groupId2 },
				{ name: `US support (${FAKE_IDS.displayPhoneNumber2})`, value: 'OTHERNUMBERGROUP' },
			],
		});
		expect(
			handle.fake.requests.map((request) => [request.cid, request.path, request.query]),
		).toEqual([
			['C63', '/v1/ext/whatsapp-phone-number', {}],
			['C16', `/v1/whatsapp/v24.0/${FAKE_IDS.phoneNumberId}/groups`, { limit: '1024' }],
			['C16', `/v1/whatsapp/v24.0/${FAKE_IDS.phoneNumberId2}/groups`, { limit: '1024' }],
		]);
		expect(
			handle.fake.requests.every(
				(request) => request.headers.authorization === `Bearer ${handle.fake.token}`,
			),
		).toBe(true);
	});

	it('C16 searchGroups uses the chosen phone number and filters by subject', async () => {
		const result = await node.methods.listSearch.searchGroups.call(
			context({
				resource: 'group',
				operation: 'getAll',
				whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
			}),
			'vip',
		);
		expect(result).toEqual({ results: [{ name: 'VIP customers', value: FAKE_IDS.groupId2 }] });
		expect(handle.fake.requests.map((request) => request.cid)).toEqual(['C16']);
	});

	it('C22 getJoinRequests lists the pending requests of the chosen group by phone number', async () => {
		const options = await node.methods.loadOptions.getJoinRequests.call(
			context({ resource: 'joinRequest', operation: 'approve', groupId: byId(FAKE_IDS.groupId) }),
		);
		expect(options).toEqual([
			{
				name: '919900000001',
				value: FAKE_IDS.joinRequestId,
				description: `Join request ${FAKE_IDS.joinRequestId}`,
			},
			{
				name: '919900000002',
				value: FAKE_IDS.joinRequestId2,
				description: `Join request ${FAKE_IDS.joinRequestId2}`,
			},
			{
				name: '919900000003',
				value: FAKE_IDS.joinRequestId3,
				description: `Join request ${FAKE_IDS.joinRequestId3}`,
			},
		]);
		expect(handle.fake.requests.map((request) => [request.cid, request.query])).toEqual([
			['C22', { limit: '100' }],
		]);
	});

	it('C17 getParticipants lists the current participants; without a group it asks for one', async () => {
		const options = await node.methods.loadOptions.getParticipants.call(
			context({ resource: 'participant', operation: 'remove', groupId: byId(FAKE_IDS.groupId) }),
		);
		expect(options).toEqual([
			{ name: FAKE_IDS.customerPhone, value: FAKE_IDS.customerPhone },
			{ name: FAKE_IDS.customerPhone2, value: FAKE_IDS.customerPhone2 },
		]);
		expect(handle.fake.requests.map((request) => [request.cid, request.query])).toEqual([
			['C17', { fields: 'participants' }],
		]);
		await expect(
			node.methods.loadOptions.getParticipants.call(
				context({ resource: 'participant', operation: 'remove', groupId: byId('') }),
			),
		).rejects.toThrow('Choose the Group first: this list belongs to a group');
	});

	it('C16 searchGroups shows the API error instead of an empty list', async () => {
		handle.fake.inject('C16', { metaError: { message: 'Invalid OAuth access token', code: 190 } });
		await expect(
			node.methods.listSearch.searchGroups.call(
				context({
					resource: 'group',
					operation: 'getAll',
					whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
				}),
			),
		).rejects.toThrow('Invalid OAuth access token (#190)');
	});
});
