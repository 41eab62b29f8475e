/**
 * Chakra Trigger: what the sender sees and whether an execution starts, through n8n-core's
 * WebhookContext, in production and in "listen for test event" mode, and the event filters.
 */
import { webhookSamples } from '../../fake-chakra';
import { packageNodeTypes, PACKAGE } from '../../harness';
import { deliverToTrigger } from '../../harness/trigger';
import { deliverSigned, signingCredentials } from './deliveries';
import { jsonOf } from './expected';

type Item = Record<string, unknown>;

function events(items: unknown[] | undefined): Array<[unknown, unknown]> | undefined {
	return (items as Item[] | undefined)?.map((item) => [item.event, item.status]);
}

describe('Chakra Trigger: answer', () => {
	it('declares one POST webhook answering on receipt, never with n8n\'s "firstEntryJson" default', () => {
		const { webhooks } = packageNodeTypes().getByNameAndVersion(
			`${PACKAGE}.chakraTrigger`,
		).description;
		expect(webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'chakra',
			},
		]);
	});

	it.each([
		['production', false],
		['listen-for-test-event', true],
	])('answers an empty 200 itself in %s mode before the workflow runs', async (_mode, isTest) => {
		const result = await deliverToTrigger({
			parameters: { acceptUnsignedDeliveries: true },
			credentials: signingCredentials(),
			body: webhookSamples.passThroughText(),
			isTest,
		});
		expect(result.answeredByNode).toBe(true);
		expect(result.status).toBe(200);
		expect(result.responseBody).toBe('');
		expect(result.noWebhookResponse).toBe(true);
		expect(events(jsonOf(result.items))).toEqual([['message', null]]);
	});

	it('answers 200 and starts no execution when every event is filtered out', async () => {
		const result = await deliverSigned(webhookSamples.passThroughText(), {
			options: { events: ['call'] },
		});
		expect(result.status).toBe(200);
		expect(result.responseBody).toBe('');
		expect(result.result).toEqual({ noWebhookResponse: true });
		expect(result.items).toBeUndefined();
	});
});

describe('Chakra Trigger: filters', () => {
	const batch = webhookSamples.passThroughBatch(
		webhookSamples.passThroughText(),
		webhookSamples.passThroughStatus('sent'),
		webhookSamples.passThroughStatus('read'),
		webhookSamples.passThroughStatus('failed'),
		webhookSamples.passThroughCall(),
		webhookSamples.passThroughGroup('group_participants_update'),
		{
			object: 'whatsapp_business_account',
			entry: [
				{
					id: '1',
					changes: [
						{
							field: 'message_template_status_update',
							value: { event: 'REJECTED', message_template_name: 'promo' },
						},
					],
				},
			],
		} as ReturnType<typeof webhookSamples.passThroughText>,
	);

	it('keeps every event without options', async () => {
		const result = await deliverSigned(batch);
		expect(events(jsonOf(result.items))).toEqual([
			['message', null],
			['status', 'sent'],
			['status', 'read'],
			['status', 'failed'],
			['call', 'connect'],
			['group_participants_update', null],
			['message_template_status_update', 'rejected'],
		]);
	});

	it.each([
		[['message'], [['message', null]]],
		[
			['call', 'group'],
			[
				['call', 'connect'],
				['group_participants_update', null],
			],
		],
		[['update'], [['message_template_status_update', 'rejected']]],
		[
			['status'],
			[
				['status', 'sent'],
				['status', 'read'],
				['status', 'failed'],
			],
		],
	])('keeps only the events of the kinds %j', async (kinds, expected) => {
		const result = await deliverSigned(batch, { options: { events: kinds } });
		expect(events(jsonOf(result.items))).toEqual(expected);
	});

	it('keeps only the chosen delivery statuses, leaving other events alone', async () => {
		const result = await deliverSigned(batch, { options: { statuses: ['read', 'failed'] } });
		expect(events(jsonOf(result.items))).toEqual([
			['message', null],
			['status', 'read'],
			['status', 'failed'],
			['call', 'connect'],
			['group_participants_update', null],
			['message_template_status_update', 'rejected'],
		]);
	});

	it('applies the status filter to the delivery-status format too', async () => {
		const read = await deliverSigned(webhookSamples.deliveryStatus({ deliveryStatus: 'READ' }), {
			options: { statuses: ['read'] },
		});
		expect(events(jsonOf(read.items))).toEqual([['deliveryStatus', 'read']]);
		const sent = await deliverSigned(webhookSamples.deliveryStatus({ deliveryStatus: 'SENT' }), {
			options: { statuses: ['read'] },
		});
		expect(sent.items).toBeUndefined();
	});

	it.each(['message_echo', 'smb_message_echo'] as const)(
		'drops %s events with "Ignore Echoes", keeps them otherwise',
		async (kind) => {
			const ignored = await deliverSigned(webhookSamples.chakraEcho(kind), {
				options: { ignoreEchoes: true },
			});
			expect(ignored.status).toBe(200);
			expect(ignored.items).toBeUndefined();
			const kept = await deliverSigned(webhookSamples.chakraEcho(kind), {
				options: { events: ['echo'] },
			});
			expect(events(jsonOf(kept.items))).toEqual([[kind, null]]);
		},
	);

	it('keeps unknown shapes only when "Unknown" is among the chosen kinds', async () => {
		const dropped = await deliverSigned({ hello: 'world' }, { options: { events: ['message'] } });
		expect(dropped.items).toBeUndefined();
		const kept = await deliverSigned({ hello: 'world' }, { options: { events: ['unknown'] } });
		expect(events(jsonOf(kept.items))).toEqual([['unknown', null]]);
	});
});
