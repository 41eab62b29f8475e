import { FakeChakra, FAKE_IDS, deterministicBytes } from '../../fake-chakra';
import { binaryProperty, runNode } from '../../harness';

const phone = { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId };
const WAMID = 'wamid.HBgMOTE5OTAxMjU4NDMzFQIAEhgUM0VCMDM3RjlEQTNDQTBEMjQ2Q275';

describe('Chakra WhatsApp: session messages and read receipts (C4, C5)', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const run = (
		parameters: Record<string, unknown>,
		input?: Parameters<typeof runNode>[0]['input'],
		continueOnFail = false,
	) =>
		runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: {
				resource: 'message',
				operation: 'send',
				pluginId: FAKE_IDS.pluginId,
				whatsappPhoneNumberId: phone,
				whatsappApiVersion: 'v24.0',
				phoneNumber: FAKE_IDS.customerPhone,
				...parameters,
			} as never,
			input,
			continueOnFail,
		});
	const messagesPath = () =>
		`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/api/v24.0/${FAKE_IDS.phoneNumberId}/messages`;

	/** Runs one send and checks the request line, auth and the output item; returns the body sent. */
	async function sendOne(
		parameters: Record<string, unknown>,
		input?: Parameters<typeof runNode>[0]['input'],
	): Promise<unknown> {
		const { items, error } = await run(parameters, input);
		expect(error).toBeUndefined();
		const request = fake.requests[fake.requests.length - 1];
		expect(request).toMatchObject({ cid: 'C4', method: 'POST', path: messagesPath(), query: {} });
		expect(fake.requestsFor('C5')).toContain(request);
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		const sent = fake.state.sentMessages[fake.state.sentMessages.length - 1];
		expect(items.map((item) => item.json)).toEqual([{ whatsappMessageId: sent.whatsappMessageId }]);
		return request.body;
	}

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C4/C5 text with link preview, normalised recipient, reply context and callback data', async () => {
		const body = await sendOne({
			phoneNumber: '+91 99112 23344',
			messageType: 'text',
			textBody: 'Your order shipped: https://shop.example.com/t/A1',
			previewUrl: true,
			additionalFields: { replyToMessageId: WAMID, bizOpaqueCallbackData: 'order-A1' },
		});
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: 'text',
			text: { body: 'Your order shipped: https://shop.example.com/t/A1', preview_url: true },
			context: { message_id: WAMID },
			biz_opaque_callback_data: 'order-A1',
		});
	});

	it('C4 text to a group sends recipient_type group and the group id', async () => {
		const body = await sendOne({
			recipientType: 'group',
			groupId: FAKE_IDS.groupId,
			messageType: 'text',
			textBody: 'Hello group',
		});
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'group',
			to: FAKE_IDS.groupId,
			type: 'text',
			text: { body: 'Hello group', preview_url: false },
		});
	});

	it.each([
		[
			'image',
			{ mediaSource: 'link', mediaLink: 'https://cdn.example.com/a.jpg', caption: 'Look' },
			{ link: 'https://cdn.example.com/a.jpg', caption: 'Look' },
		],
		[
			'video',
			{ mediaSource: 'id', mediaId: '555', caption: 'Clip' },
			{ id: '555', caption: 'Clip' },
		],
		[
			'audio',
			{ mediaSource: 'link', mediaLink: 'https://cdn.example.com/a.ogg' },
			{ link: 'https://cdn.example.com/a.ogg' },
		],
		[
			'document',
			{
				mediaSource: 'link',
				mediaLink: 'https://cdn.example.com/i.pdf',
				documentFilename: 'invoice.pdf',
				caption: 'Invoice',
			},
			{ link: 'https://cdn.example.com/i.pdf', filename: 'invoice.pdf', caption: 'Invoice' },
		],
		['sticker', { mediaSource: 'id', mediaId: '777' }, { id: '777' }],
	])('C4 %s by link or media id', async (messageType, fields, object) => {
		const body = await sendOne({ messageType, ...fields });
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: messageType,
			[messageType]: object,
		});
	});

	it.each([
		['image', 'image/png', 'photo.png'],
		['video', 'video/mp4', 'clip.mp4'],
		['audio', 'audio/ogg; codecs=opus', 'voice.ogg'],
		['document', 'application/pdf', 'report.pdf'],
		['sticker', 'image/webp', 'smile.webp'],
	])(
		'C9 then C4: %s from a binary field is uploaded first and sent by its public link with identical bytes',
		async (messageType, mimeType, fileName) => {
			const bytes = deterministicBytes(20_000, 5);
			const body = await sendOne(
				{ messageType, mediaSource: 'binary', mediaBinaryPropertyName: 'file' },
				[{ json: {}, binary: { file: binaryProperty(bytes, mimeType, fileName) } }],
			);
			expect(fake.requests.map((request) => request.cid)).toEqual(['C9', 'C4']);
			expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.token}`);
			expect(fake.requests[0].multipart?.fields).toEqual({ filename: fileName });
			const [stored] = [...fake.state.publicMedia.values()];
			expect(stored.data.equals(bytes)).toBe(true);
			const link = `${fake.baseUrl}/public-media/${stored.key.split('/')[0]}/${fileName}`;
			expect(body).toEqual({
				messaging_product: 'whatsapp',
				to: FAKE_IDS.customerPhone,
				type: messageType,
				[messageType]: messageType === 'document' ? { link, filename: fileName } : { link },
			});
			const back = Buffer.from(await (await fetch(link)).arrayBuffer());
			expect(back.equals(bytes)).toBe(true);
		},
	);

	it.each([
		[
			'image',
			'application/pdf',
			'a.pdf',
			'Input Binary Field: the file "a.pdf" is application/pdf, which WhatsApp does not accept for image messages',
		],
		[
			'sticker',
			'image/png',
			'a.png',
			'Input Binary Field: the file "a.png" is image/png, which WhatsApp does not accept for sticker messages',
		],
		[
			'audio',
			'video/mp4',
			'a.mp4',
			'Input Binary Field: the file "a.mp4" is video/mp4, which WhatsApp does not accept for audio messages',
		],
	])(
		'C4 rejects a %s binary of the wrong MIME type before any request',
		async (messageType, mimeType, fileName, message) => {
			const { error } = await run(
				{ messageType, mediaSource: 'binary', mediaBinaryPropertyName: 'data' },
				[{ json: {}, binary: { data: binaryProperty('x', mimeType, fileName) } }],
			);
			expect(error?.message).toBe(message);
			expect(fake.requests).toHaveLength(0);
		},
	);

	it('C4 rejects an image larger than 5 MB before any request', async () => {
		const { error } = await run(
			{ messageType: 'image', mediaSource: 'binary', mediaBinaryPropertyName: 'data' },
			[
				{
					json: {},
					binary: {
						data: binaryProperty(Buffer.alloc(5 * 1024 * 1024 + 1), 'image/jpeg', 'big.jpg'),
					},
				},
			],
		);
		expect(error?.message).toBe(
			'Input Binary Field: the file "big.jpg" is 5.0 MB, more than the 5.0 MB WhatsApp allows for image messages',
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('C4 location', async () => {
		const body = await sendOne({
			messageType: 'location',
			latitude: 12.9716,
			longitude: 77.5946,
			locationName: 'Office',
			locationAddress: 'MG Road',
		});
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: 'location',
			location: { latitude: 12.9716, longitude: 77.5946, name: 'Office', address: 'MG Road' },
		});
	});

	it('C4 contacts builds Meta contact cards', async () => {
		const body = await sendOne({
			messageType: 'contacts',
			contacts: {
				contact: [
					{
						formattedName: 'Asha Rao',
						firstName: 'Asha',
						lastName: 'Rao',
						phone: '+91 99112 23344',
						phoneType: 'WORK',
						waId: '919911223344',
						email: 'asha@acme.com',
						company: 'Acme',
					},
					{ formattedName: 'Front desk' },
				],
			},
		});
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: 'contacts',
			contacts: [
				{
					name: { formatted_name: 'Asha Rao', first_name: 'Asha', last_name: 'Rao' },
					phones: [{ phone: '+91 99112 23344', type: 'WORK', wa_id: '919911223344' }],
					emails: [{ email: 'asha@acme.com', type: 'WORK' }],
					org: { company: 'Acme' },
				},
				{ name: { formatted_name: 'Front desk' } },
			],
		});
	});

	it('C4 reaction', async () => {
		const body = await sendOne({ messageType: 'reaction', reactionMessageId: WAMID, emoji: '🎉' });
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: 'reaction',
			reaction: { message_id: WAMID, emoji: '🎉' },
		});
	});

	it('C4 interactive reply buttons with header and footer', async () => {
		const body = await sendOne({
			messageType: 'interactiveButtons',
			interactiveHeader: 'Order A1',
			interactiveBody: 'Confirm delivery tomorrow?',
			interactiveFooter: 'Acme Retail',
			replyButtons: {
				button: [
					{ id: 'yes', title: 'Yes' },
					{ id: 'no', title: 'No' },
				],
			},
		});
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: 'interactive',
			interactive: {
				type: 'button',
				header: { type: 'text', text: 'Order A1' },
				body: { text: 'Confirm delivery tomorrow?' },
				footer: { text: 'Acme Retail' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'yes', title: 'Yes' } },
						{ type: 'reply', reply: { id: 'no', title: 'No' } },
					],
				},
			},
		});
	});

	it('C4 interactive list with sections and rows', async () => {
		const body = await sendOne({
			messageType: 'interactiveList',
			interactiveBody: 'Pick a plan',
			listButtonText: 'Plans',
			listSections: {
				section: [
					{
						title: 'Monthly',
						rows: {
							row: [
								{ id: 'basic', title: 'Basic', description: '₹199 a month' },
								{ id: 'pro', title: 'Pro' },
							],
						},
					},
					{ title: 'Yearly', rows: { row: [{ id: 'pro_y', title: 'Pro yearly' }] } },
				],
			},
		});
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: 'interactive',
			interactive: {
				type: 'list',
				body: { text: 'Pick a plan' },
				action: {
					button: 'Plans',
					sections: [
						{
							title: 'Monthly',
							rows: [
								{ id: 'basic', title: 'Basic', description: '₹199 a month' },
								{ id: 'pro', title: 'Pro' },
							],
						},
						{ title: 'Yearly', rows: [{ id: 'pro_y', title: 'Pro yearly' }] },
					],
				},
			},
		});
	});

	it('C4 interactive CTA URL button', async () => {
		const body = await sendOne({
			messageType: 'interactiveCtaUrl',
			interactiveBody: 'Track your order',
			ctaDisplayText: 'Track',
			ctaUrl: 'https://shop.example.com/track/A1',
		});
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: 'interactive',
			interactive: {
				type: 'cta_url',
				body: { text: 'Track your order' },
				action: {
					name: 'cta_url',
					parameters: { display_text: 'Track', url: 'https://shop.example.com/track/A1' },
				},
			},
		});
	});

	const fourButtons = {
		button: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase() })),
	};
	it('C4 reply buttons are limited to three in the editor: the engine refuses a node with four, nothing is sent', async () => {
		await expect(
			run({
				messageType: 'interactiveButtons',
				interactiveBody: 'Pick',
				replyButtons: fourButtons,
			}),
		).rejects.toBeInstanceOf(Error);
		expect(fake.requests).toHaveLength(0);
	});
	const elevenRows = {
		section: [
			{
				title: 'All',
				rows: { row: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` })) },
			},
		],
	};
	it.each([
		[
			'a button title over 20 characters',
			{
				messageType: 'interactiveButtons',
				interactiveBody: 'Pick',
				replyButtons: { button: [{ id: 'a', title: 'This title is far too long' }] },
			},
			'Button 1 Title: has 26 characters, WhatsApp allows at most 20',
		],
		[
			'duplicate button ids',
			{
				messageType: 'interactiveButtons',
				interactiveBody: 'Pick',
				replyButtons: {
					button: [
						{ id: 'a', title: 'A' },
						{ id: 'a', title: 'B' },
					],
				},
			},
			'Buttons: Button ID "a" is used twice; each must be unique',
		],
		[
			'no buttons',
			{ messageType: 'interactiveButtons', interactiveBody: 'Pick', replyButtons: {} },
			'Buttons: add at least one button',
		],
		[
			'eleven list rows',
			{
				messageType: 'interactiveList',
				interactiveBody: 'Pick',
				listButtonText: 'Open',
				listSections: elevenRows,
			},
			'Sections: have 11 rows in all, WhatsApp allows at most 10',
		],
		[
			'two sections without titles',
			{
				messageType: 'interactiveList',
				interactiveBody: 'Pick',
				listButtonText: 'Open',
				listSections: {
					section: [
						{ rows: { row: [{ id: 'a', title: 'A' }] } },
						{ title: 'B', rows: { row: [{ id: 'b', title: 'B' }] } },
					],
				},
			},
			'Section 1 Title: is required but empty',
		],
		[
			'a row title over 24 characters',
			{
				messageType: 'interactiveList',
				interactiveBody: 'Pick',
				listButtonText: 'Open',
				listSections: {
					section: [{ rows: { row: [{ id: 'a', title: 'A row title that is too long' }] } }],
				},
			},
			'Section 1 Row 1 Title: has 28 characters, WhatsApp allows at most 24',
		],
		[
			'a list button text over 20 characters',
			{
				messageType: 'interactiveList',
				interactiveBody: 'Pick',
				listButtonText: 'Open the list of plans',
				listSections: { section: [{ rows: { row: [{ id: 'a', title: 'A' }] } }] },
			},
			'List Button Text: has 22 characters, WhatsApp allows at most 20',
		],
		[
			'a CTA URL that is not a URL',
			{
				messageType: 'interactiveCtaUrl',
				interactiveBody: 'Go',
				ctaDisplayText: 'Open',
				ctaUrl: 'shop.example.com',
			},
			'Button URL: "shop.example.com" is not a URL',
		],
		[
			'a text over 4096 characters',
			{ messageType: 'text', textBody: 'x'.repeat(4097) },
			'Text: has 4097 characters, WhatsApp allows at most 4096',
		],
		[
			'a media link that is not http',
			{ messageType: 'image', mediaSource: 'link', mediaLink: 'ftp://cdn.example.com/a.jpg' },
			'Media Link: "ftp://cdn.example.com/a.jpg" must start with https:// or http://',
		],
		[
			'a latitude out of range',
			{ messageType: 'location', latitude: '={{ 91 }}', longitude: 1 },
			'Latitude: "91" is not a number between -90 and 90',
		],
		[
			'a reaction without message id',
			{ messageType: 'reaction', reactionMessageId: '={{ "" }}' },
			'Message ID: is required but empty',
		],
		[
			'a bad recipient phone number',
			{ messageType: 'text', textBody: 'Hi', phoneNumber: '12-34' },
			'Phone Number: "12-34" is not a phone number',
		],
	])('C4 rejects %s before any request', async (_case, parameters, message) => {
		const { error } = await run(parameters);
		expect(error?.message).toBe(message);
		expect(fake.requests).toHaveLength(0);
	});

	it('C4 raw JSON: messaging_product and to are filled in when missing, given values are kept', async () => {
		const body = await sendOne({
			messageType: 'rawJson',
			rawJson: '{ "type": "text", "text": { "body": "raw" } }',
			phoneNumber: '+91 99112 23344',
		});
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: 'text',
			text: { body: 'raw' },
		});
		const kept = await sendOne({
			messageType: 'rawJson',
			rawJson: {
				messaging_product: 'whatsapp',
				to: FAKE_IDS.customerPhone2,
				type: 'location',
				location: { latitude: 1, longitude: 2 },
			},
			phoneNumber: '',
		});
		expect(kept).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone2,
			type: 'location',
			location: { latitude: 1, longitude: 2 },
		});
		const group = await sendOne({
			messageType: 'rawJson',
			recipientType: 'group',
			groupId: FAKE_IDS.groupId,
			rawJson: '{"type":"text","text":{"body":"g"}}',
		});
		expect(group).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'group',
			to: FAKE_IDS.groupId,
			type: 'text',
			text: { body: 'g' },
		});
	});

	it('C4 raw JSON that is not valid JSON, or lacks a recipient, is rejected before any request', async () => {
		const invalid = await run({ messageType: 'rawJson', rawJson: '{ "type": "text", ' });
		expect(invalid.error?.message).toMatch(/^JSON Body: is not valid JSON \(/);
		const noRecipient = await run({
			messageType: 'rawJson',
			rawJson: '{ "type": "text", "text": { "body": "x" } }',
			phoneNumber: '',
		});
		expect(noRecipient.error?.message).toBe('Phone Number: is required when the JSON has no "to"');
		expect(fake.requests).toHaveLength(0);
	});

	it("C4 shows Meta's error (131047 outside the 24-hour window) with its code; continueOnFail keeps the other items", async () => {
		fake.injectWhen(
			'C4',
			(request) => (request.body as { to?: string }).to === FAKE_IDS.customerPhone2,
			{
				metaError: {
					message: 'Re-engagement message',
					code: 131047,
					details:
						'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
				},
			},
		);
		const { items, error } = await run(
			{ messageType: 'text', textBody: 'Hi', phoneNumber: '={{ $json.to }}' },
			[
				{ json: { to: FAKE_IDS.customerPhone } },
				{ json: { to: FAKE_IDS.customerPhone2 } },
				{ json: { to: FAKE_IDS.customerPhone } },
			],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		const sent = fake.state.sentMessages;
		expect(items[0].json).toEqual({ whatsappMessageId: sent[0].whatsappMessageId });
		expect(items[1].json).toEqual({ error: 'Re-engagement message (#131047)' });
		const description = String((items[1].error as { description?: string }).description);
		expect(description).toContain('Message failed to send because more than 24 hours have passed');
		expect(description).toContain(
			'Meta error code 131047: More than 24 hours have passed since the customer last wrote: send a template message instead.',
		);
		expect(items[2].json).toEqual({ whatsappMessageId: sent[1].whatsappMessageId });
		expect(fake.requestsFor('C4')).toHaveLength(3);
	});

	it("C4 without continueOnFail fails with Meta's own message (132001 on a bad template in raw JSON)", async () => {
		const { error } = await run({
			messageType: 'rawJson',
			rawJson: '{"type":"template","template":{"name":"nope","language":{"code":"en_US"}}}',
		});
		expect(error?.message).toBe('(#132001) Template name does not exist in the translation');
		expect(fake.requests[0].cid).toBe('C3');
	});

	it('C4 rate limit (131056) is retried after backoff and the message is sent once', async () => {
		fake.inject('C4', { metaError: { message: '(#131056) Pair rate limit hit', code: 131056 } });
		const body = await sendOne({ messageType: 'text', textBody: 'Hi', maxRetriesOnRateLimit: 1 });
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			to: FAKE_IDS.customerPhone,
			type: 'text',
			text: { body: 'Hi', preview_url: false },
		});
		expect(fake.requestsFor('C4')).toHaveLength(2);
		expect(fake.state.sentMessages).toHaveLength(1);
	});

	it('C4 markAsRead sends the read receipt with the typing indicator', async () => {
		const { items, error } = await run({
			operation: 'markAsRead',
			messageId: WAMID,
			typingIndicator: true,
		});
		expect(error).toBeUndefined();
		const [request] = fake.requests;
		expect(request).toMatchObject({ cid: 'C4', method: 'POST', path: messagesPath(), query: {} });
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: WAMID,
			typing_indicator: { type: 'text' },
		});
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('C4 markAsRead without typing indicator; an empty message id is rejected before any request', async () => {
		await run({ operation: 'markAsRead', messageId: WAMID });
		expect(fake.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: WAMID,
		});
		fake.clearRequests();
		const { error } = await run({ operation: 'markAsRead', messageId: '={{ "" }}' });
		expect(error?.message).toBe('Message ID: is required but empty');
		expect(fake.requests).toHaveLength(0);
	});

	it("C4 shows ChakraHQ's _errors for a phone number that is not connected to the plugin", async () => {
		const { error } = await run({
			whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId2 },
			messageType: 'text',
			textBody: 'Hi',
		});
		expect(error?.message).toBe(
			`WhatsApp phone number ${FAKE_IDS.phoneNumberId2} is not connected to plugin ${FAKE_IDS.pluginId}`,
		);
	});
});
