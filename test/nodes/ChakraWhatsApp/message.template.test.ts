import { FakeChakra, FAKE_IDS, deterministicBytes } from '../../fake-chakra';
import { binaryProperty, runNode } from '../../harness';
import { templateVariablesValue } from '../../harness/templateVariables';

const phone = { __rl: true, mode: 'list', value: FAKE_IDS.phoneNumberId };
const template = (value: string, mode = 'list') => ({ __rl: true, mode, value });

describe('Chakra WhatsApp: template messages (C1, C2, C3)', () => {
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
				pluginId: FAKE_IDS.pluginId,
				whatsappPhoneNumberId: phone,
				...parameters,
			} as never,
			input,
			continueOnFail,
		});

	/** A request as the fake received it: endpoint, method, path, no query, the token, and exactly `body`. */
	const expectSent = (
		request: (typeof fake.requests)[number],
		cid: string,
		path: string,
		body: unknown,
	) => {
		expect(request).toMatchObject({ cid, method: 'POST', path, query: {} });
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual(body);
	};

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C2 sendTemplate posts mapping, headerMapping and language from the chosen template and returns the chat message', async () => {
		const { items, error } = await run({
			operation: 'sendTemplate',
			phoneNumber: '+91 99112-23344',
			templateName: template('christmas_promo_23|en_US'),
			templateVariables: templateVariablesValue({
				'header:1': '2024',
				'body:1': 'John',
				'body:2': '20%',
			}),
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expectSent(
			request,
			'C2',
			`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/phoneNumber/${FAKE_IDS.customerPhone}/send-template-message`,
			{
				whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
				templateName: 'christmas_promo_23',
				language: 'en_US',
				mapping: [
					{ schemaPropertyName: '1', schemaPropertyValue: 'John' },
					{ schemaPropertyName: '2', schemaPropertyValue: '20%' },
				],
				headerMapping: [{ schemaPropertyName: '1', schemaPropertyValue: '2024' }],
			},
		);
		const sent = fake.state.chatMessages[fake.state.chatMessages.length - 1].message;
		expect(sent.text).toBe('Hi John, enjoy 20% off this Christmas.');
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('C2 sendTemplate with named variables, a button variable and an image header by URL (By Name template, language option)', async () => {
		const { error } = await run({
			operation: 'sendTemplate',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('order_update', 'name'),
			templateVariables: templateVariablesValue({
				'body:1': 'Asha',
				'body:2': 'A123',
				'button:0:1': 'A123',
			}),
			headerType: 'image',
			headerMediaSource: 'url',
			headerMediaUrl: 'https://cdn.example.com/banner.jpg',
			options: { language: 'pt_BR' },
		});
		expect(error).toBeUndefined();
		expect(fake.requests[0].body).toEqual({
			whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
			templateName: 'order_update',
			language: 'pt_BR',
			mapping: [
				{ schemaPropertyName: '1', schemaPropertyValue: 'Asha' },
				{ schemaPropertyName: '2', schemaPropertyValue: 'A123' },
			],
			buttonMapping: [{ schemaPropertyName: '1', schemaPropertyValue: 'A123' }],
			imageUrl: 'https://cdn.example.com/banner.jpg',
		});
	});

	it('C2 sendTemplate with a named-parameter template maps {{first_name}} by name', async () => {
		const { items, error } = await run({
			operation: 'sendTemplate',
			phoneNumber: FAKE_IDS.customerPhone2,
			templateName: template('reservation_confirmation|en_US'),
			templateVariables: templateVariablesValue(
				{ 'body:first_name': 'Asha', 'body:order_id': 'A-9' },
				['body:unused'],
			),
		});
		expect(error).toBeUndefined();
		expect(fake.requests[0].body).toEqual({
			whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
			templateName: 'reservation_confirmation',
			language: 'en_US',
			mapping: [
				{ schemaPropertyName: 'first_name', schemaPropertyValue: 'Asha' },
				{ schemaPropertyName: 'order_id', schemaPropertyValue: 'A-9' },
			],
		});
		expect(items[0].json.text).toBe('Hi Asha, order A-9');
	});

	it('C2 sendTemplate of a template without variables works with the mapper left at its default (no mapping sent)', async () => {
		const { items, error } = await run({
			operation: 'sendTemplate',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('hello_world|en_US'),
		});
		expect(error).toBeUndefined();
		expect(fake.requests[0].body).toEqual({
			whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
			templateName: 'hello_world',
			language: 'en_US',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json.text).toBe(
			'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API.',
		);
	});

	it('C9 then C2: a document header from a binary field is uploaded first and its public URL and file name are sent', async () => {
		const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), deterministicBytes(4000, 2)]);
		const { error } = await run(
			{
				operation: 'sendTemplate',
				phoneNumber: FAKE_IDS.customerPhone,
				templateName: template('hello_world|en_US'),
				templateVariables: templateVariablesValue({}),
				headerType: 'document',
				headerMediaSource: 'binary',
				headerBinaryPropertyName: 'invoice',
			},
			[{ json: {}, binary: { invoice: binaryProperty(pdf, 'application/pdf', 'invoice-42.pdf') } }],
		);
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => request.cid)).toEqual(['C9', 'C2']);
		const upload = fake.requests[0];
		expect(upload.path).toBe(`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/upload-public-media`);
		expect(upload.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(upload.multipart?.fields).toEqual({ filename: 'invoice-42.pdf' });
		expect(upload.multipart?.files.file.data.equals(pdf)).toBe(true);
		const [stored] = [...fake.state.publicMedia.values()];
		expect(stored.data.equals(pdf)).toBe(true);
		expect(fake.requests[1].body).toEqual({
			whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
			templateName: 'hello_world',
			language: 'en_US',
			documentUrl: `${fake.baseUrl}/public-media/${stored.key.split('/')[0]}/invoice-42.pdf`,
			filename: 'invoice-42.pdf',
		});
	});

	it('C2 rejects a PDF as image header before any request, naming the field and the accepted types', async () => {
		const { error } = await run(
			{
				operation: 'sendTemplate',
				phoneNumber: FAKE_IDS.customerPhone,
				templateName: template('order_update|en_US'),
				templateVariables: templateVariablesValue({
					'body:1': 'Asha',
					'body:2': 'A1',
					'button:0:1': 'A1',
				}),
				headerType: 'image',
				headerMediaSource: 'binary',
				headerBinaryPropertyName: 'data',
			},
			[{ json: {}, binary: { data: binaryProperty('%PDF-1.4', 'application/pdf', 'a.pdf') } }],
		);
		expect(error?.message).toBe(
			'Header Input Binary Field: the file "a.pdf" is application/pdf, which WhatsApp does not accept for image messages',
		);
		expect((error as { description?: string }).description).toBe(
			'Accepted types for image: image/jpeg, image/png.',
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('C2 sends location header fields and the OTP code of an authentication template', async () => {
		await run({
			operation: 'sendTemplate',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('login_otp|en_US'),
			templateVariables: templateVariablesValue({}),
			options: { otpCode: '496093' },
		});
		expect(fake.requests[0].body).toEqual({
			whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
			templateName: 'login_otp',
			language: 'en_US',
			otpCode: '496093',
		});
		expect(fake.state.chatMessages[fake.state.chatMessages.length - 1].message.text).toBe(
			'*496093* is your verification code.',
		);
		fake.clearRequests();
		const { error } = await run({
			operation: 'sendTemplate',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('hello_world|en_US'),
			templateVariables: templateVariablesValue({}),
			headerType: 'location',
			headerLatitude: 12.9716,
			headerLongitude: 77.5946,
			headerLocationName: 'Store',
			headerLocationAddress: 'MG Road',
		});
		expect(error).toBeUndefined();
		expect(fake.requests[0].body).toEqual({
			whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
			templateName: 'hello_world',
			language: 'en_US',
			locationLatitude: 12.9716,
			locationLongitude: 77.5946,
			locationName: 'Store',
			locationAddress: 'MG Road',
		});
	});

	it.each([
		['123', '"123" is not a phone number'],
		['+91 99 11 abc', '"+91 99 11 abc" is not a phone number'],
		['1234567890123456', '"1234567890123456" is not a phone number'],
		['={{ "" }}', '"" is not a phone number'],
	])('C2 rejects the phone number %p before any request', async (phoneNumber, message) => {
		const { error } = await run({
			operation: 'sendTemplate',
			phoneNumber,
			templateName: template('hello_world|en_US'),
			templateVariables: templateVariablesValue({}),
		});
		expect(error?.message).toBe(`Phone Number: ${message}`);
		expect(fake.requests).toHaveLength(0);
	});

	it.each([
		['(+91) 99112.23344', FAKE_IDS.customerPhone],
		['+1 332-345-8424', FAKE_IDS.customerPhone2],
		['13323458424', FAKE_IDS.customerPhone2],
	])('C2 normalises the phone number %p to digits', async (phoneNumber, digits) => {
		const { error } = await run({
			operation: 'sendTemplate',
			phoneNumber,
			templateName: template('hello_world|en_US'),
			templateVariables: templateVariablesValue({}),
		});
		expect(error).toBeUndefined();
		expect(fake.requests[0].params.phoneNumber).toBe(digits);
	});

	it('C2 rejects an empty template variable before any request', async () => {
		const { error } = await run({
			operation: 'sendTemplate',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('christmas_promo_23|en_US'),
			templateVariables: templateVariablesValue({ 'body:1': 'John', 'body:2': '  ' }),
		});
		expect(error?.message).toBe('Template Variables: body:2 is empty');
		expect(fake.requests).toHaveLength(0);
	});

	it("C2 shows ChakraHQ's _errors message; continueOnFail gives one error item per failing item, in order", async () => {
		fake.injectWhen('C2', (request) => request.params.phoneNumber === FAKE_IDS.customerPhone2, {
			chakraErrors: ['Contact has opted out of marketing messages'],
		});
		const { items, error } = await run(
			{
				operation: 'sendTemplate',
				phoneNumber: '={{ $json.to }}',
				templateName: template('hello_world|en_US'),
				templateVariables: templateVariablesValue({}),
			},
			[
				{ json: { to: FAKE_IDS.customerPhone } },
				{ json: { to: FAKE_IDS.customerPhone2 } },
				{ json: { to: 'nope' } },
				{ json: { to: FAKE_IDS.customerPhone } },
			],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items[0].json.externalId).toMatch(/^wamid\./);
		expect(items[1].json).toEqual({ error: 'Contact has opted out of marketing messages' });
		expect(items[2].json).toEqual({ error: 'Phone Number: "nope" is not a phone number' });
		expect(items[3].json.externalId).toMatch(/^wamid\./);
		expect(fake.requestsFor('C2').map((request) => request.params.phoneNumber)).toEqual([
			FAKE_IDS.customerPhone,
			FAKE_IDS.customerPhone2,
			FAKE_IDS.customerPhone,
		]);
	});

	it("C2 without continueOnFail stops with ChakraHQ's message for an unknown template", async () => {
		const { error } = await run({
			operation: 'sendTemplate',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('no_such|en_US'),
			templateVariables: templateVariablesValue({}),
		});
		expect(error?.message).toBe('(#132001) Template name does not exist in the translation');
	});

	it('C1 sendTemplateForProcess posts to the process path and returns the chat message', async () => {
		const { items, error } = await run({
			operation: 'sendTemplateForProcess',
			procedureShortId: 'lead',
			primaryKeyOrId: FAKE_IDS.leadId,
			templateName: template('christmas_promo_23|en_US'),
			templateVariables: templateVariablesValue({
				'header:1': '2024',
				'body:1': 'Asha',
				'body:2': '30%',
			}),
		});
		expect(error).toBeUndefined();
		const [request] = fake.requests;
		expectSent(
			request,
			'C1',
			`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/process/lead/${FAKE_IDS.leadId}/send-template-message`,
			{
				whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
				templateName: 'christmas_promo_23',
				language: 'en_US',
				mapping: [
					{ schemaPropertyName: '1', schemaPropertyValue: 'Asha' },
					{ schemaPropertyName: '2', schemaPropertyValue: '30%' },
				],
				headerMapping: [{ schemaPropertyName: '1', schemaPropertyValue: '2024' }],
			},
		);
		const sent = fake.state.chatMessages[fake.state.chatMessages.length - 1].message;
		expect(sent.process).toBe(FAKE_IDS.processId);
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it("C1 sendTemplateForProcess shows ChakraHQ's 404 message for an unknown process", async () => {
		const { error } = await run({
			operation: 'sendTemplateForProcess',
			procedureShortId: 'lead',
			primaryKeyOrId: 'LEAD-404',
			templateName: template('hello_world|en_US'),
			templateVariables: templateVariablesValue({}),
		});
		expect(error?.message).toBe('Process not found: LEAD-404');
		expect(fake.requests[0].path).toBe(
			`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/process/lead/LEAD-404/send-template-message`,
		);
	});

	it('C3 sendTemplateMeta builds Meta components (header, body, URL button) and returns the WhatsApp message ID', async () => {
		const { items, error } = await run({
			operation: 'sendTemplateMeta',
			whatsappApiVersion: 'v24.0',
			phoneNumber: '+91 99112 23344',
			templateName: template('order_update|en_US'),
			templateVariables: templateVariablesValue({
				'body:1': 'Asha',
				'body:2': 'A123',
				'button:0:1': 'A123',
			}),
			headerType: 'image',
			headerMediaSource: 'url',
			headerMediaUrl: 'https://cdn.example.com/banner.jpg',
		});
		expect(error).toBeUndefined();
		const [request] = fake.requests;
		expectSent(
			request,
			'C3',
			`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/api/v24.0/${FAKE_IDS.phoneNumberId}/messages`,
			{
				messaging_product: 'whatsapp',
				recipient_type: 'individual',
				to: FAKE_IDS.customerPhone,
				type: 'template',
				template: {
					name: 'order_update',
					language: { code: 'en_US' },
					components: [
						{
							type: 'header',
							parameters: [
								{ type: 'image', image: { link: 'https://cdn.example.com/banner.jpg' } },
							],
						},
						{
							type: 'body',
							parameters: [
								{ type: 'text', text: 'Asha' },
								{ type: 'text', text: 'A123' },
							],
						},
						{
							type: 'button',
							sub_type: 'url',
							index: '0',
							parameters: [{ type: 'text', text: 'A123' }],
						},
					],
				},
			},
		);
		const sent = fake.state.sentMessages[fake.state.sentMessages.length - 1];
		expect(items.map((item) => item.json)).toEqual([{ whatsappMessageId: sent.whatsappMessageId }]);
	});

	it('C3 sendTemplateMeta names the parameters of a named template, sends OTP and location the Meta way', async () => {
		await run({
			operation: 'sendTemplateMeta',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('reservation_confirmation|en_US'),
			templateVariables: templateVariablesValue({
				'body:first_name': 'Asha',
				'body:order_id': 'A-9',
			}),
			headerType: 'location',
			headerLatitude: 12.97,
			headerLongitude: 77.59,
		});
		expect((fake.requests[0].body as { template: unknown }).template).toEqual({
			name: 'reservation_confirmation',
			language: { code: 'en_US' },
			components: [
				{
					type: 'header',
					parameters: [{ type: 'location', location: { latitude: 12.97, longitude: 77.59 } }],
				},
				{
					type: 'body',
					parameters: [
						{ type: 'text', parameter_name: 'first_name', text: 'Asha' },
						{ type: 'text', parameter_name: 'order_id', text: 'A-9' },
					],
				},
			],
		});
		fake.clearRequests();
		await run({
			operation: 'sendTemplateMeta',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('login_otp|en_US'),
			templateVariables: templateVariablesValue({}),
			options: { otpCode: '4242' },
		});
		expect((fake.requests[0].body as { template: unknown }).template).toEqual({
			name: 'login_otp',
			language: { code: 'en_US' },
			components: [
				{ type: 'body', parameters: [{ type: 'text', text: '4242' }] },
				{
					type: 'button',
					sub_type: 'url',
					index: '0',
					parameters: [{ type: 'text', text: '4242' }],
				},
			],
		});
	});

	it("C3 sendTemplateMeta needs a language for a template entered by name; Meta's 132001 error is shown with its code", async () => {
		const noLanguage = await run({
			operation: 'sendTemplateMeta',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('hello_world', 'name'),
			templateVariables: templateVariablesValue({}),
		});
		expect(noLanguage.error?.message).toBe('Language: is required for a template entered by name');
		expect(fake.requests).toHaveLength(0);
		const unknown = await run({
			operation: 'sendTemplateMeta',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('hello_world|de'),
			templateVariables: templateVariablesValue({}),
		});
		expect(unknown.error?.message).toBe(
			'(#132001) Template name does not exist in the translation',
		);
		expect((unknown.error as { description?: string }).description).toContain(
			'template name (hello_world) does not exist in de',
		);
		expect((unknown.error as { description?: string }).description).toContain(
			'Meta error code 132001: The template does not exist in this language, or it is not approved yet.',
		);
	});

	it("C3 sendTemplateMeta sends template.language.policy and an empty components list when asked, as ChakraHQ's SDK does", async () => {
		const parameters = {
			operation: 'sendTemplateMeta',
			phoneNumber: FAKE_IDS.customerPhone,
			templateName: template('hello_world|en_US'),
			templateVariables: templateVariablesValue({}),
		};
		const asked = await run({
			...parameters,
			options: { languagePolicy: 'deterministic', sendEmptyComponents: true },
		});
		expect(asked.error).toBeUndefined();
		const plain = await run(parameters);
		expect(plain.error).toBeUndefined();
		expect(fake.requestsFor('C3').map((request) => [request.path, request.body])).toEqual([
			[
				`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/api/v24.0/${FAKE_IDS.phoneNumberId}/messages`,
				{
					messaging_product: 'whatsapp',
					recipient_type: 'individual',
					to: FAKE_IDS.customerPhone,
					type: 'template',
					template: {
						name: 'hello_world',
						language: { policy: 'deterministic', code: 'en_US' },
						components: [],
					},
				},
			],
			[
				`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/api/v24.0/${FAKE_IDS.phoneNumberId}/messages`,
				{
					messaging_product: 'whatsapp',
					recipient_type: 'individual',
					to: FAKE_IDS.customerPhone,
					type: 'template',
					template: { name: 'hello_world', language: { code: 'en_US' } },
				},
			],
		]);
		expect(
			JSON.stringify(
				(fake.requestsFor('C3')[0].body as { template: { language: object } }).template.language,
			),
		).toBe('{"policy":"deterministic","code":"en_US"}');
	});

	describe('C2 the header follows the template: order_update has an IMAGE header (its Template Variables ask for it)', () => {
		const imageHeaderField = {
			id: 'headerMedia:image',
			displayName: 'Header Image URL (or a file: Header Parameter > Image)',
			required: false,
			defaultMatch: false,
			display: true,
			type: 'string',
			canBeUsedToMatch: false,
			removed: false,
		};
		/** Template Variables as the editor saves them for order_update, the image URL given or not. */
		const orderUpdateVariables = (imageUrl: string) => {
			const variables = templateVariablesValue({
				'body:1': 'Asha',
				'body:2': 'A123',
				'button:0:1': 'A123',
			});
			return {
				...variables,
				value: { ...variables.value, 'headerMedia:image': imageUrl },
				schema: [imageHeaderField, ...variables.schema],
			};
		};
		const send = (imageUrl: string, extra: Record<string, unknown> = {}) =>
			run({
				operation: 'sendTemplate',
				phoneNumber: FAKE_IDS.customerPhone,
				templateName: template('order_update|en_US'),
				templateVariables: orderUpdateVariables(imageUrl),
				...extra,
			});

		it('no image at all is refused before any request, naming both places to give it', async () => {
			const { items, error } = await send('');
			expect(items).toEqual([]);
			expect(error).toMatchObject({
				message:
					'Header Parameter: the template "order_update" has an IMAGE header, but no image is given',
				description:
					'Give its public URL in Template Variables > Header Image URL, or choose Image under Header Parameter to send a link or a file.',
			});
			expect(fake.requests).toEqual([]);
		});

		it('another header kind is refused before any request (no upload either)', async () => {
			const { error } = await send('', {
				headerType: 'video',
				headerMediaSource: 'binary',
				headerBinaryPropertyName: 'data',
			});
			expect(error?.message).toBe(
				'Header Parameter: is video, but the template "order_update" has an IMAGE header',
			);
			expect(fake.requests).toEqual([]);
		});

		it('the URL given in Template Variables is sent as imageUrl, and is not a template variable', async () => {
			const { error } = await send('https://cdn.example.com/banner.jpg');
			expect(error).toBeUndefined();
			expect(fake.requestsFor('C2').map((request) => request.body)).toEqual([
				{
					whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
					templateName: 'order_update',
					language: 'en_US',
					mapping: [
						{ schemaPropertyName: '1', schemaPropertyValue: 'Asha' },
						{ schemaPropertyName: '2', schemaPropertyValue: 'A123' },
					],
					buttonMapping: [{ schemaPropertyName: '1', schemaPropertyValue: 'A123' }],
					imageUrl: 'https://cdn.example.com/banner.jpg',
				},
			]);
		});

		it('Header Parameter > Image (a link here) is used when set, as before', async () => {
			const { error } = await send('', {
				headerType: 'image',
				headerMediaSource: 'url',
				headerMediaUrl: 'https://cdn.example.com/other.jpg',
			});
			expect(error).toBeUndefined();
			expect((fake.requestsFor('C2')[0].body as { imageUrl?: string }).imageUrl).toBe(
				'https://cdn.example.com/other.jpg',
			);
		});

		it('a URL in Template Variables that is not a link is refused before any request', async () => {
			const { error } = await send('banner.jpg');
			expect(error?.message).toMatch(/^Header Image URL: "banner.jpg" is not /);
			expect(fake.requests).toEqual([]);
		});
	});
});
