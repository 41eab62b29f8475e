/**
 * Chakra Trigger for teams with several numbers: the Receiving Phone Numbers filter (C63 list or
 * IDs), the receiving number and sender on every item, and the business-scoped user ID (BSUID)
 * when Meta's payload carries one.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { loadOptionsContext } from '../../harness/load-options';
import { ChakraTrigger } from '../../../nodes/ChakraTrigger/ChakraTrigger.node';
import { deliverSigned } from './deliveries';
import { jsonOf } from './expected';

const OTHER_NUMBER_ID = FAKE_IDS.phoneNumberId2;

function textMessageFor(
	phoneNumberId: string,
	displayPhoneNumber: string,
	text: string,
	extra: { contact?: object; message?: object } = {},
) {
	return {
		messaging_product: 'whatsapp',
		metadata: { display_phone_number: displayPhoneNumber, phone_number_id: phoneNumberId },
		contacts: [{ profile: { name: 'Asha' }, wa_id: '919911223344', ...extra.contact }],
		messages: [
			{
				from: '919911223344',
				id: `wamid.${text}`,
				timestamp: '1756322278',
				type: 'text',
				text: { body: text },
				...extra.message,
			},
		],
	};
}

/** One pass-through body with a message to each of two business numbers and one change naming no number. */
const TWO_NUMBERS = {
	object: 'whatsapp_business_account',
	entry: [
		{
			id: FAKE_IDS.wabaId,
			changes: [
				{
					field: 'messages',
					value: textMessageFor(FAKE_IDS.phoneNumberId, '917259775805', 'to-first'),
				},
				{ field: 'messages', value: textMessageFor(OTHER_NUMBER_ID, '13323458424', 'to-second') },
				{
					field: 'message_template_status_update',
					value: { event: 'APPROVED', message_template_name: 'order_update' },
				},
			],
		},
	],
};

const summary = (items: unknown[] | undefined) =>
	(items as Array<Record<string, unknown>> | undefined)?.map(
		({ event, phoneNumberId, from, text }) => ({ event, phoneNumberId, from, text }),
	);

describe('Chakra Trigger: receiving phone numbers and business-scoped user IDs', () => {
	it('without the option every event starts the workflow, each with its receiving number ID and sender', async () => {
		const { items } = await deliverSigned(TWO_NUMBERS);
		expect(summary(jsonOf(items))).toEqual([
			{
				event: 'message',
				phoneNumberId: FAKE_IDS.phoneNumberId,
				from: '919911223344',
				text: 'to-first',
			},
			{ event: 'message', phoneNumberId: OTHER_NUMBER_ID, from: '919911223344', text: 'to-second' },
			{ event: 'message_template_status_update', phoneNumberId: null, from: null, text: null },
		]);
	});

	it('Receiving Phone Numbers keeps the events for the chosen numbers only (list values, an array or comma-separated IDs)', async () => {
		const first = await deliverSigned(TWO_NUMBERS, {
			options: { dropDuplicates: false, phoneNumberIds: [FAKE_IDS.phoneNumberId] },
		});
		expect(summary(jsonOf(first.items))).toEqual([
			{
				event: 'message',
				phoneNumberId: FAKE_IDS.phoneNumberId,
				from: '919911223344',
				text: 'to-first',
			},
		]);
		const both = await deliverSigned(TWO_NUMBERS, {
			options: {
				dropDuplicates: false,
				phoneNumberIds: `=${OTHER_NUMBER_ID}, ${FAKE_IDS.phoneNumberId}`,
			},
		});
		expect(summary(jsonOf(both.items))?.map((item) => item.text)).toEqual([
			'to-first',
			'to-second',
		]);
		const none = await deliverSigned(TWO_NUMBERS, {
			options: { dropDuplicates: false, phoneNumberIds: ['100000000000001'] },
		});
		// Nothing for this number: the sender still gets its 200, no execution starts.
		expect(none.items).toBeUndefined();
		expect(none.status).toBe(200);
	});

	it('the Receiving Phone Numbers list comes from C63 (display number and verified name)', async () => {
		const fake = await FakeChakra.start();
		try {
			const context = loadOptionsContext(
				'chakraTrigger',
				{},
				{ accessToken: fake.token, baseUrl: fake.baseUrl },
			) as unknown as ILoadOptionsFunctions;
			const options = await new ChakraTrigger().methods.loadOptions.getPhoneNumbers.call(context);
			expect(options.map((option) => option.value)).toEqual([
				FAKE_IDS.phoneNumberId,
				FAKE_IDS.phoneNumberId2,
			]);
			expect(options[0].name).toContain(FAKE_IDS.displayPhoneNumber);
			expect(fake.requests.map((request) => request.cid)).toEqual(['C63']);
		} finally {
			await fake.stop();
		}
	});

	it('a payload with a BSUID exposes it (bsuid, parentBsuid, username); one without keeps the item as before', async () => {
		const withBsuid = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: FAKE_IDS.wabaId,
					changes: [
						{
							field: 'messages',
							value: textMessageFor(FAKE_IDS.phoneNumberId, '917259775805', 'hello', {
								contact: {
									user_id: 'IN.1648738043044942',
									parent_user_id: 'IN.ENT.11815799212886844830',
									profile: { name: 'Asha', username: '@asha' },
								},
							}),
						},
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata: {
									display_phone_number: '917259775805',
									phone_number_id: FAKE_IDS.phoneNumberId,
								},
								// A user who hides the phone number: only the BSUID identifies them.
								contacts: [{ profile: { name: 'Ravi' }, user_id: 'IN.2222' }],
								messages: [
									{
										from_user_id: 'IN.2222',
										id: 'wamid.x',
										timestamp: '1756322278',
										type: 'text',
										text: { body: 'no phone' },
									},
								],
								statuses: [
									{
										id: 'wamid.s',
										status: 'read',
										timestamp: '1756322278',
										recipient_user_id: 'IN.3333',
									},
								],
							},
						},
					],
				},
			],
		};
		const { items } = await deliverSigned(withBsuid);
		const json = jsonOf(items) as Array<Record<string, unknown>>;
		expect(
			json.map(({ from, contactName, bsuid, parentBsuid, username, status }) => ({
				from,
				contactName,
				bsuid,
				parentBsuid,
				username,
				status,
			})),
		).toEqual([
			{
				from: '919911223344',
				contactName: 'Asha',
				bsuid: 'IN.1648738043044942',
				parentBsuid: 'IN.ENT.11815799212886844830',
				username: '@asha',
				status: null,
			},
			{
				from: null,
				contactName: 'Ravi',
				bsuid: 'IN.2222',
				parentBsuid: undefined,
				username: undefined,
				status: null,
			},
			{
				from: null,
				contactName: null,
				bsuid: 'IN.3333',
				parentBsuid: undefined,
				username: undefined,
				status: 'read',
			},
		]);
		const plain = await deliverSigned(TWO_NUMBERS);
		expect(Object.keys((jsonOf(plain.items) as object[])[0])).not.toContain('bsuid');
	});
});
