/**
 * Simplify (nodes/shared/simplify.ts) on every output with more than 10 fields: exact outputs with
 * Simplify off (the full record) and on, and its default: off on the canvas, on for the AI tool
 * variant n8n generates (`<node>Tool`, where the `@tool` display condition holds).
 */
import type { IDataObject } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../fake-chakra';
import { runNode } from '../harness';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Simplify: the fields a person or an agent needs, the full record without it', () => {
	let fake: FakeChakra;
	const run = async (type: string, parameters: IDataObject) => {
		const result = await runNode({
			type,
			credentials: { accessToken: fake.token, baseUrl: fake.baseUrl },
			parameters: parameters as never,
		});
		expect(result.error).toBeUndefined();
		return result.items.map((item) => item.json);
	};
	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());

	const chatMessage = {
		resource: 'chat',
		operation: 'getMessages',
		chatId: FAKE_IDS.chatId,
		limit: 1,
	};
	const fullMessage = {
		id: '8a9b0c1d-0000-4000-8000-000000000005',
		createdAt: 1729230788000,
		updatedAt: 1729230788000,
		externalId: 'wamid.c2VlZC04YTliMGMxZC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDU=',
		provider: 'WHATSAPP',
		dataType: 'TEXT',
		body: { body: 'Thanks!' },
		text: 'Thanks!',
		attachments: null,
		deliveryStatus: 'RECEIVED',
		direction: 'INBOUND',
		timestamp: 1729230788000,
		context: null,
		adhocAgent: null,
		source: { sourceId: FAKE_IDS.pluginId, sourceType: 'PLUGIN' },
		team: FAKE_IDS.teamId,
		chat: FAKE_IDS.chatId,
		plugin: FAKE_IDS.pluginId,
		contact: null,
		user: null,
		procedure: null,
		process: null,
		campaign: null,
		inReplyTo: null,
	};
	const simpleMessage = {
		id: '8a9b0c1d-0000-4000-8000-000000000005',
		chat: FAKE_IDS.chatId,
		direction: 'INBOUND',
		dataType: 'TEXT',
		text: 'Thanks!',
		deliveryStatus: 'RECEIVED',
		timestamp: 1729230788000,
		externalId: 'wamid.c2VlZC04YTliMGMxZC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDU=',
	};

	it('C29 chat messages: off by default on the canvas, on by default for the Chakra CRM Tool', async () => {
		expect(await run('chakraCrm', chatMessage)).toEqual([fullMessage]);
		expect(await run('chakraCrm', { ...chatMessage, simplify: true })).toEqual([simpleMessage]);
		expect(await run('chakraCrmTool', chatMessage)).toEqual([simpleMessage]);
		expect(await run('chakraCrmTool', { ...chatMessage, simplify: false })).toEqual([fullMessage]);
	});

	it('C30 chat messages by phone number and C28 chats', async () => {
		const byPhone = await run('chakraCrm', {
			resource: 'chat',
			operation: 'getMessagesByPhoneNumber',
			customerPhoneNumber: FAKE_IDS.customerPhone,
			limit: 1,
			simplify: true,
		});
		expect(Object.keys(byPhone[0]).sort()).toEqual([
			'chat',
			'dataType',
			'deliveryStatus',
			'direction',
			'externalId',
			'id',
			'text',
			'timestamp',
		]);
		const chats = { resource: 'chat', operation: 'getAll', limit: 1 };
		const chat = {
			id: 'c1a7e0b2-3f4d-4e5a-9b6c-000000000011',
			contactName: 'Ivan Petrov',
			contactPhoneNumber: '919800000011',
			status: 'CLOSED',
			unreadCount: 2,
			lastMessageAt: 1730180949000,
			whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
		};
		expect(await run('chakraCrm', { ...chats, simplify: true })).toEqual([chat]);
		expect(await run('chakraCrm', chats)).toEqual([
			{ ...chat, createdAt: 1730180948000, updatedAt: 1730180949000, plugin: FAKE_IDS.pluginId },
		]);
	});

	it('C41 process: the attributes in data, without team, entity, record and the other ids', async () => {
		const get = {
			resource: 'process',
			operation: 'get',
			procedureShortId: 'lead',
			processId: FAKE_IDS.processId,
		};
		const data = {
			lead_id: 'LEAD-001',
			name: 'Asha Rao',
			phone_number: '919911223344',
			email: 'asha@example.com',
			city: 'Pune',
			score: 5,
			source: 'website',
		};
		const simple = {
			id: FAKE_IDS.processId,
			procedure: FAKE_IDS.procedureLeadId,
			state: 'NEW',
			status: 'OPEN',
			assignedTo: FAKE_IDS.userId,
			data,
			createdAt: 1693648800000,
			updatedAt: 1693648800000,
		};
		expect(await run('chakraPlatform', { ...get, simplify: true })).toEqual([simple]);
		expect(await run('chakraPlatformTool', get)).toEqual([simple]);
		expect(await run('chakraPlatform', get)).toEqual([
			{
				...simple,
				team: FAKE_IDS.teamId,
				entity: FAKE_IDS.entityId,
				record: '1bc10281-aaaa-4bbb-8ccc-28c527335e7a',
				createdBy: FAKE_IDS.userId,
				belongsTo: FAKE_IDS.podId,
				derivedData: {},
				nextActionAt: null,
			},
		]);
	});

	it('C53 user: names, primary e-mail, role and availability', async () => {
		const get = { resource: 'user', operation: 'get', userId: byId(FAKE_IDS.userId) };
		expect(await run('chakraPlatform', { ...get, simplify: true })).toEqual([
			{
				id: FAKE_IDS.userId,
				username: 'johndoe',
				firstName: 'John',
				lastName: 'Doe',
				email: 'john@acme.com',
				role: FAKE_IDS.roleId,
				isActive: true,
				availabilityStatus: 'AVAILABLE',
				timezone: '+0530',
			},
		]);
		expect(Object.keys((await run('chakraPlatform', get))[0])).toHaveLength(28);
	});

	it('C7 templates: name, language, status, category and the body text', async () => {
		const getAll = {
			resource: 'template',
			operation: 'getAll',
			wabaId: byId(FAKE_IDS.wabaId),
			limit: 1,
		};
		expect(await run('chakraWhatsApp', { ...getAll, simplify: true })).toEqual([
			{
				id: FAKE_IDS.templateIdOrderUpdate,
				name: 'order_update',
				language: 'en_US',
				status: 'APPROVED',
				category: 'UTILITY',
				bodyText: 'Hi {{1}}, your order {{2}} has shipped.',
			},
		]);
		expect((await run('chakraWhatsApp', getAll))[0].components).toHaveLength(4);
	});

	it('C17 group info: participants as phone numbers, without messaging_product', async () => {
		const get = {
			resource: 'group',
			operation: 'get',
			groupId: byId(FAKE_IDS.groupId),
			fields: ['subject', 'participants', 'total_participant_count'],
		};
		const full = await run('chakraWhatsAppGroup', get);
		const participants = (full[0].participants as Array<{ wa_id: string }>).map(
			(participant) => participant.wa_id,
		);
		expect(participants.length).toBeGreaterThan(0);
		expect(await run('chakraWhatsAppGroup', { ...get, simplify: true })).toEqual([
			{
				id: FAKE_IDS.groupId,
				subject: 'Order 1042 support',
				total_participant_count: participants.length,
				participants,
			},
		]);
		expect(full[0].messaging_product).toBe('whatsapp');
	});
});
