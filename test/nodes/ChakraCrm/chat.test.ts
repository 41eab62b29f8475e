import type { INodeParameters } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import type { ChatRecord } from '../../fake-chakra';
import { runNode } from '../../harness';

const T0 = Date.UTC(2025, 0, 1);

describe('Chakra CRM: chat (C28, C29, C30)', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const chat = (parameters: INodeParameters, continueOnFail = false) =>
		runNode({
			type: 'chakraCrm',
			credentials: credentials(),
			parameters: { resource: 'chat', ...parameters },
			continueOnFail,
		});
	const json = (value: unknown) => JSON.parse(JSON.stringify(value));

	/** Adds `count` chats to the fake, so that lists span several pages of 100. */
	function seedChats(count: number): void {
		for (let i = 0; i < count; i++) {
			fake.state.chats.push({
				id: `seed-chat-${String(i).padStart(4, '0')}`,
				createdAt: T0 + i * 1000,
				updatedAt: T0 + i * 1000 + 1,
				contactName: `Seed Contact ${i}`,
				contactPhoneNumber: `4930${String(1000000 + i)}`,
				plugin: FAKE_IDS.pluginId,
				whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
				lastMessageAt: T0 + i * 1000,
				unreadCount: 0,
				status: 'OPEN',
			});
		}
	}

	/** Adds `count` messages of the seeded chat with customerPhone. */
	function seedMessages(count: number): void {
		for (let i = 0; i < count; i++) {
			fake.state.chatMessages.push({
				chatId: FAKE_IDS.chatId,
				customerPhoneNumber: FAKE_IDS.customerPhone,
				message: {
					id: `seed-message-${String(i).padStart(4, '0')}`,
					createdAt: T0 + i * 1000,
					text: `Message ${i}`,
					chat: FAKE_IDS.chatId,
				},
			});
		}
	}

	const chatsByCreatedAt = (direction: 'asc' | 'desc'): ChatRecord[] =>
		[...fake.state.chats].sort((a, b) =>
			direction === 'asc' ? a.createdAt - b.createdAt : b.createdAt - a.createdAt,
		);
	const messagesOf = (
		filter: (entry: { chatId: string | null; customerPhoneNumber: string }) => boolean,
	) =>
		fake.state.chatMessages
			.filter(filter)
			.map((entry) => entry.message)
			.sort((a, b) => (b.createdAt as number) - (a.createdAt as number));

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C28 getAll sends search and order with page 1 and the limit, and returns one item per chat', async () => {
		const { items, error } = await chat({
			operation: 'getAll',
			limit: 5,
			options: { search: 'Asha', orderField: 'updatedAt', orderDirection: 'asc' },
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C28');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/ext/chat');
		expect(request.query).toEqual({});
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({
			search: 'Asha',
			orderField: 'updatedAt',
			orderDirection: 'asc',
			page: 1,
			limit: 5,
		});
		expect(items.map((item) => item.json)).toEqual(
			json(fake.state.chats.filter((entry) => entry.contactName === 'Asha Rao')),
		);
	});

	it('C28 getAll with Return All follows the pages (page/limit) until the total, keeping the filters on every page', async () => {
		seedChats(140);
		const { items, error } = await chat({
			operation: 'getAll',
			returnAll: true,
			options: { orderDirection: 'asc' },
		});
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.body])).toEqual([
			['C28', { orderDirection: 'asc', page: 1, limit: 100 }],
			['C28', { orderDirection: 'asc', page: 2, limit: 100 }],
		]);
		expect(items).toHaveLength(152);
		expect(items.map((item) => item.json)).toEqual(json(chatsByCreatedAt('asc')));
	});

	it('C28 getAll with a Limit above one page stops at the limit', async () => {
		seedChats(140);
		const { items, error } = await chat({ operation: 'getAll', returnAll: false, limit: 120 });
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => request.body)).toEqual([
			{ page: 1, limit: 100 },
			{ page: 2, limit: 100 },
		]);
		expect(items.map((item) => item.json)).toEqual(json(chatsByCreatedAt('desc').slice(0, 120)));
	});

	it('C28 getAll refuses a limit that is not a whole number before any request', async () => {
		const { error } = await chat({ operation: 'getAll', limit: 2.5 });
		expect(error?.message).toBe('Limit: "2.5" is not a whole number of 1 or more');
		expect(fake.requests).toHaveLength(0);
	});

	it('C29 getMessages posts page/limit to the chat path and returns the messages newest first', async () => {
		const { items, error } = await chat({
			operation: 'getMessages',
			chatId: FAKE_IDS.chatId,
			limit: 3,
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C29');
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/v1/ext/chat/${FAKE_IDS.chatId}/message`);
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({ page: 1, limit: 3 });
		expect(items.map((item) => item.json)).toEqual(
			json(messagesOf((entry) => entry.chatId === FAKE_IDS.chatId).slice(0, 3)),
		);
		expect(items.map((item) => item.json.text)).toEqual([
			'Thanks!',
			'Let me check that for you',
			'My order A123 has not arrived',
		]);
	});

	it('C29 getMessages with Return All reads every page', async () => {
		seedMessages(130);
		const { items, error } = await chat({
			operation: 'getMessages',
			chatId: FAKE_IDS.chatId,
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => [request.cid, request.body])).toEqual([
			['C29', { page: 1, limit: 100 }],
			['C29', { page: 2, limit: 100 }],
		]);
		expect(items).toHaveLength(135);
		expect(items.map((item) => item.json)).toEqual(
			json(messagesOf((entry) => entry.chatId === FAKE_IDS.chatId)),
		);
	});

	it("C29 getMessages shows ChakraHQ's message for an unknown chat, and an empty chat ID is refused before any request", async () => {
		const unknown = await chat({ operation: 'getMessages', chatId: 'no-such-chat', limit: 10 });
		expect(unknown.error?.message).toBe('Chat not found: no-such-chat');
		const empty = await chat({ operation: 'getMessages', chatId: ' ', limit: 10 });
		expect(empty.error?.message).toBe('Chat ID: is required but empty');
		expect(fake.requests).toHaveLength(1);
	});

	it('C30 getMessagesByPhoneNumber sends the normalised customerPhoneNumber with page/limit', async () => {
		const { items, error } = await chat({
			operation: 'getMessagesByPhoneNumber',
			customerPhoneNumber: '+91 99112-23344',
			limit: 2,
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request.cid).toBe('C30');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/ext/plugin/whatsapp/list-chat-messages-for-phone-number');
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({
			customerPhoneNumber: FAKE_IDS.customerPhone,
			page: 1,
			limit: 2,
		});
		expect(items.map((item) => item.json)).toEqual(
			json(messagesOf((entry) => entry.customerPhoneNumber === FAKE_IDS.customerPhone).slice(0, 2)),
		);
	});

	it('C30 getMessagesByPhoneNumber with Return All and with a Limit across pages keeps the phone number on every page', async () => {
		seedMessages(130);
		const all = await chat({
			operation: 'getMessagesByPhoneNumber',
			customerPhoneNumber: FAKE_IDS.customerPhone,
			returnAll: true,
		});
		expect(all.error).toBeUndefined();
		const expected = json(
			messagesOf((entry) => entry.customerPhoneNumber === FAKE_IDS.customerPhone),
		);
		expect(all.items.map((item) => item.json)).toEqual(expected);
		expect(expected).toHaveLength(135);
		fake.clearRequests();
		const limited = await chat({
			operation: 'getMessagesByPhoneNumber',
			customerPhoneNumber: FAKE_IDS.customerPhone,
			limit: 101,
		});
		expect(fake.requests.map((request) => request.body)).toEqual([
			{ customerPhoneNumber: FAKE_IDS.customerPhone, page: 1, limit: 100 },
			{ customerPhoneNumber: FAKE_IDS.customerPhone, page: 2, limit: 100 },
		]);
		expect(limited.items.map((item) => item.json)).toEqual(expected.slice(0, 101));
	});

	it('C30 getMessagesByPhoneNumber rejects a phone number that is not one (continueOnFail gives an error item, no request)', async () => {
		const { items, error } = await chat(
			{ operation: 'getMessagesByPhoneNumber', customerPhoneNumber: 'call me', limit: 2 },
			true,
		);
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(0);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ error: 'Phone Number: "call me" is not a phone number' });
	});
});
