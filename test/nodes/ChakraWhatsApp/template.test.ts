import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { INode, INodeParameters, IWorkflowBase, ResourceMapperFields } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ChakraWhatsApp } from '../../../nodes/ChakraWhatsApp/ChakraWhatsApp.node';
import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import type { TemplateRecord } from '../../fake-chakra';
import { additionalDataFor, packageNodeTypes, runNode } from '../../harness';

const waba = { __rl: true, mode: 'id', value: FAKE_IDS.wabaId };

describe('Chakra WhatsApp: templates (C6, C7, C8) and the template dropdown and variables (C7, C63)', () => {
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
			parameters: { resource: 'template', whatsappApiVersion: 'v24.0', ...parameters } as never,
			input,
			continueOnFail,
		});
	const templatesPath = `/v1/ext/plugin/whatsapp/api/v24.0/${FAKE_IDS.wabaId}/message_templates`;

	/** n8n-core's real LoadOptionsContext for the node with `parameters` (what the editor calls). */
	function loadOptionsContext(parameters: INodeParameters): LoadOptionsContext {
		const node: INode = {
			id: 'node-under-test',
			name: 'Chakra',
			type: 'n8n-nodes-chakrahq.chakraWhatsApp',
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { chakraApi: { id: '1', name: 'Chakra API' } },
		};
		const workflow = new Workflow({
			id: 'wf',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: packageNodeTypes(),
			settings: {},
		});
		const hooks = new ExecutionLifecycleHooks('internal', 'load-options', {
			id: 'wf',
			nodes: [node],
			connections: {},
		} as unknown as IWorkflowBase);
		const additionalData = additionalDataFor(credentials(), hooks);
		additionalData.currentNodeParameters = parameters;
		return new LoadOptionsContext(workflow, node, additionalData, 'parameters.templateName');
	}
	const methods = new ChakraWhatsApp().methods;

	function seedTemplates(count: number): void {
		for (let i = 0; i < count; i++) {
			const id = `77${String(i).padStart(4, '0')}`;
			const record: TemplateRecord = {
				id,
				wabaId: FAKE_IDS.wabaId,
				name: `bulk_${String(i).padStart(3, '0')}`,
				language: i % 2 === 0 ? 'en_US' : 'pt_BR',
				status: 'APPROVED',
				category: 'MARKETING',
				components: [{ type: 'BODY', text: 'Hello' }],
			};
			fake.state.templates.set(id, record);
		}
	}

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C7 + C63 template dropdown (listSearch through LoadOptionsContext) reads every page and shows name (language)', async () => {
		seedTemplates(130);
		const context = loadOptionsContext({
			resource: 'message',
			operation: 'sendTemplate',
			whatsappPhoneNumberId: { __rl: true, mode: 'list', value: FAKE_IDS.phoneNumberId },
		});
		const { results } = await methods.listSearch.searchTemplates.call(context);
		expect(fake.requests.map((request) => request.cid)).toEqual(['C63', 'C7', 'C7']);
		for (const request of fake.requests)
			expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(fake.requests[1]).toMatchObject({
			method: 'GET',
			path: templatesPath,
			query: { status: 'APPROVED', fields: 'name,language,status,category', limit: '100' },
		});
		expect(fake.requests[2].query).toEqual({
			status: 'APPROVED',
			fields: 'name,language,status,category',
			limit: '100',
			after: expect.any(String),
		});
		const approved = [...fake.state.templates.values()].filter(
			(t) => t.wabaId === FAKE_IDS.wabaId && t.status === 'APPROVED',
		);
		expect(results).toHaveLength(approved.length);
		expect(approved.length).toBe(136);
		expect(results).toContainEqual({ name: 'bulk_129 (pt_BR)', value: 'bulk_129|pt_BR' });
		expect(results).toContainEqual({ name: 'order_update (pt_BR)', value: 'order_update|pt_BR' });
		expect(results).toContainEqual({ name: 'order_update (en_US)', value: 'order_update|en_US' });
		expect(results).not.toContainEqual(expect.objectContaining({ value: 'summer_sale|en_US' }));
		expect(results.map((result) => result.name)).toEqual(
			[...results.map((result) => result.name)].sort((a, b) => a.localeCompare(b)),
		);
	});

	it("C7 template dropdown filters by the search text and uses the node's own WABA when it has one", async () => {
		const context = loadOptionsContext({ resource: 'template', operation: 'update', wabaId: waba });
		const { results } = await methods.listSearch.searchTemplates.call(context, 'ORDER');
		expect(fake.requests.map((request) => request.cid)).toEqual(['C7']);
		expect(results).toEqual([
			{ name: 'order_update (en_US)', value: 'order_update|en_US' },
			{ name: 'order_update (pt_BR)', value: 'order_update|pt_BR' },
		]);
	});

	it('C7 template dropdown shows the API error instead of an empty list', async () => {
		fake.inject('C7', {
			metaError: { message: 'Invalid OAuth access token', code: 190 },
			status: 401,
		});
		const context = loadOptionsContext({ resource: 'template', wabaId: waba });
		await expect(methods.listSearch.searchTemplates.call(context)).rejects.toThrow(
			'Invalid OAuth access token (#190)',
		);
	});

	it('C7 template dropdown without a business account or phone number asks for one and sends nothing', async () => {
		const context = loadOptionsContext({ resource: 'template', operation: 'update' });
		await expect(methods.listSearch.searchTemplateIds.call(context)).rejects.toThrow(
			'Choose the WhatsApp Business Account (or, when sending, the WhatsApp Phone Number) first',
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('C7 template ids dropdown for update lists templates of any status by id', async () => {
		const context = loadOptionsContext({ resource: 'template', operation: 'update', wabaId: waba });
		const { results } = await methods.listSearch.searchTemplateIds.call(context, 'summer');
		expect(fake.requests[0].query).toEqual({
			fields: 'name,language,status,category',
			limit: '100',
		});
		expect(results).toEqual([
			{ name: 'summer_sale (en_US, PENDING)', value: FAKE_IDS.templateIdPending },
		]);
	});

	const mapperContext = (templateName: unknown, extra: INodeParameters = {}) =>
		loadOptionsContext({
			resource: 'message',
			operation: 'sendTemplate',
			whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
			templateName: templateName as INodeParameters[string],
			...extra,
		});
	const field = (id: string, displayName: string) => ({
		id,
		displayName,
		required: true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: 'string',
	});

	it('C7 template variables (resource mapper) of a positional template: header, body and URL button placeholders', async () => {
		const context = mapperContext({ __rl: true, mode: 'list', value: 'christmas_promo_23|en_US' });
		const result = (await methods.resourceMapping.getTemplateVariables.call(
			context,
		)) as ResourceMapperFields;
		expect(result).toEqual({
			fields: [
				field('header:1', 'Header {{1}}'),
				field('body:1', 'Body {{1}}'),
				field('body:2', 'Body {{2}}'),
			],
		});
		const c7 = fake.requests.find((request) => request.cid === 'C7')!;
		expect(c7.query).toEqual({
			name: 'christmas_promo_23',
			language: 'en_US',
			fields: 'name,language,status,category,components,parameter_format',
			limit: '100',
		});
		fake.clearRequests();
		const withButton = (await methods.resourceMapping.getTemplateVariables.call(
			mapperContext({ __rl: true, mode: 'list', value: 'order_update|en_US' }),
		)) as ResourceMapperFields;
		// order_update has an IMAGE header: the mapper asks for its link first (optional: a file can come from Header Parameter).
		expect(withButton.fields).toEqual([
			{
				...field('headerMedia:image', 'Header Image URL (or a file: Header Parameter > Image)'),
				required: false,
			},
			field('body:1', 'Body {{1}}'),
			field('body:2', 'Body {{2}}'),
			field('button:0:1', 'Button "Track order" URL {{1}}'),
		]);
	});

	it('C7 template variables of a named template, of a template entered by name with the Language option, and of an OTP template', async () => {
		const named = (await methods.resourceMapping.getTemplateVariables.call(
			mapperContext({ __rl: true, mode: 'name', value: 'reservation_confirmation' }),
		)) as ResourceMapperFields;
		expect(named.fields).toEqual([
			field('body:first_name', 'Body {{first_name}}'),
			field('body:order_id', 'Body {{order_id}}'),
		]);
		fake.clearRequests();
		await methods.resourceMapping.getTemplateVariables.call(
			mapperContext(
				{ __rl: true, mode: 'name', value: 'order_update' },
				{ options: { language: 'pt_BR' } },
			),
		);
		expect(fake.requests.find((request) => request.cid === 'C7')!.query.language).toBe('pt_BR');
		const otp = (await methods.resourceMapping.getTemplateVariables.call(
			mapperContext({ __rl: true, mode: 'list', value: 'login_otp|en_US' }),
		)) as ResourceMapperFields;
		expect(otp).toEqual({
			fields: [],
			emptyFieldsNotice:
				'Authentication template: enter the code in Options > One-Time Password Code',
		});
		await expect(
			methods.resourceMapping.getTemplateVariables.call(
				mapperContext({ __rl: true, mode: 'name', value: 'no_such_template' }),
			),
		).rejects.toThrow('Template "no_such_template" was not found');
	});

	it("C6 create builds header, body with examples, footer and buttons from the editor fields and returns Meta's answer", async () => {
		const { items, error } = await run({
			operation: 'create',
			wabaId: waba,
			name: 'order_shipped',
			category: 'UTILITY',
			language: 'en_US',
			parameterFormat: 'POSITIONAL',
			componentsSource: 'ui',
			headerFormat: 'TEXT',
			headerText: 'Order {{1}}',
			headerTextExample: 'A123',
			bodyText: 'Hi {{1}}, your order {{2}} has shipped.',
			bodyExamples: {
				example: [
					{ variable: '2', value: 'A123' },
					{ variable: '{{1}}', value: 'Asha' },
				],
			},
			footerText: 'Acme Retail',
			templateButtons: {
				button: [
					{
						type: 'URL',
						text: 'Track',
						url: 'https://shop.example.com/track/{{1}}',
						example: 'https://shop.example.com/track/A123',
					},
					{ type: 'QUICK_REPLY', text: 'Stop updates' },
					{ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+919911223344' },
				],
			},
			createOptions: { messageSendTtlSeconds: 3600 },
		});
		expect(error).toBeUndefined();
		const [request] = fake.requests;
		expect(request).toMatchObject({ cid: 'C6', method: 'POST', path: templatesPath, query: {} });
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({
			name: 'order_shipped',
			category: 'UTILITY',
			language: 'en_US',
			parameter_format: 'POSITIONAL',
			message_send_ttl_seconds: 3600,
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A123'] } },
				{
					type: 'BODY',
					text: 'Hi {{1}}, your order {{2}} has shipped.',
					example: { body_text: [['Asha', 'A123']] },
				},
				{ type: 'FOOTER', text: 'Acme Retail' },
				{
					type: 'BUTTONS',
					buttons: [
						{
							type: 'URL',
							text: 'Track',
							url: 'https://shop.example.com/track/{{1}}',
							example: ['https://shop.example.com/track/A123'],
						},
						{ type: 'QUICK_REPLY', text: 'Stop updates' },
						{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+919911223344' },
					],
				},
			],
		});
		const created = [...fake.state.templates.values()].find((t) => t.name === 'order_shipped')!;
		expect(items.map((item) => item.json)).toEqual([
			{ id: created.id, status: 'PENDING', category: 'UTILITY' },
		]);
	});

	it('C6 create of a named template with an image header, and from raw JSON components', async () => {
		await run({
			operation: 'create',
			wabaId: waba,
			name: 'welcome_named',
			category: 'MARKETING',
			language: 'pt_BR',
			parameterFormat: 'NAMED',
			componentsSource: 'ui',
			headerFormat: 'IMAGE',
			headerHandle: '4::aW1hZ2UvcG5n:ARb',
			bodyText: 'Olá {{first_name}}, código {{code}}',
			bodyExamples: {
				example: [
					{ variable: 'first_name', value: 'Ana' },
					{ variable: 'code', value: 'X1' },
				],
			},
			templateButtons: { button: [{ type: 'COPY_CODE', example: 'X1' }] },
		});
		expect(fake.requests[0].body).toEqual({
			name: 'welcome_named',
			category: 'MARKETING',
			language: 'pt_BR',
			parameter_format: 'NAMED',
			components: [
				{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2UvcG5n:ARb'] } },
				{
					type: 'BODY',
					text: 'Olá {{first_name}}, código {{code}}',
					example: {
						body_text_named_params: [
							{ param_name: 'first_name', example: 'Ana' },
							{ param_name: 'code', example: 'X1' },
						],
					},
				},
				{ type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'X1' }] },
			],
		});
		fake.clearRequests();
		const components = [{ type: 'BODY', text: 'Plain body' }];
		const { error } = await run({
			operation: 'create',
			wabaId: waba,
			name: 'plain_json',
			category: 'UTILITY',
			language: 'en',
			componentsSource: 'json',
			componentsJson: JSON.stringify(components),
		});
		expect(error).toBeUndefined();
		expect(fake.requests[0].body).toEqual({
			name: 'plain_json',
			category: 'UTILITY',
			language: 'en',
			parameter_format: 'POSITIONAL',
			components,
		});
	});

	it.each([
		[
			'an upper-case name',
			{ name: 'Order-Update' },
			'Name: "Order-Update" is not a valid template name',
		],
		[
			'a missing body example',
			{
				bodyText: 'Hi {{1}} and {{2}}',
				bodyExamples: { example: [{ variable: '1', value: 'A' }] },
			},
			'Body Variable Examples: no example for {{2}}',
		],
		[
			'a gap in positional variables',
			{
				bodyText: 'Hi {{1}} {{3}}',
				bodyExamples: {
					example: [
						{ variable: '1', value: 'A' },
						{ variable: '3', value: 'B' },
					],
				},
			},
			'Body Text: variables must be numbered {{1}}, {{2}} … without gaps, got {{1}}, {{3}}',
		],
		[
			'named variables in a positional template',
			{ bodyText: 'Hi {{name}}', bodyExamples: { example: [{ variable: 'name', value: 'A' }] } },
			'Body Text: uses named variables but the Parameter Format is positional',
		],
		[
			'a URL button variable without example',
			{
				templateButtons: {
					button: [{ type: 'URL', text: 'Go', url: 'https://x.example.com/{{1}}' }],
				},
			},
			'Button 1 Example: is required because the URL has a variable',
		],
		[
			'a footer over 60 characters',
			{ footerText: 'f'.repeat(61) },
			'Footer Text: has 61 characters, WhatsApp allows at most 60',
		],
		[
			'components JSON that is not JSON',
			{ componentsSource: 'json', componentsJson: '[{"type":' },
			/^Components \(JSON\): is not valid JSON/,
		],
	])('C6 create rejects %s before any request', async (_case, overrides, message) => {
		const { error } = await run({
			operation: 'create',
			wabaId: waba,
			name: 'valid_name',
			category: 'UTILITY',
			language: 'en_US',
			parameterFormat: 'POSITIONAL',
			componentsSource: 'ui',
			bodyText: 'Hello',
			...overrides,
		});
		if (typeof message === 'string') expect(error?.message).toBe(message);
		else expect(error?.message).toMatch(message);
		expect(fake.requests).toHaveLength(0);
	});

	it("C6 create of a duplicate shows Meta's error with its code and subcode", async () => {
		const { error } = await run({
			operation: 'create',
			wabaId: waba,
			name: 'hello_world',
			category: 'MARKETING',
			language: 'en_US',
			componentsSource: 'ui',
			bodyText: 'Hi',
		});
		expect(error?.message).toBe('Message template "hello_world" already exists in en_US (#100)');
		expect((error as { description?: string }).description).toContain(
			'Meta error code 100 (subcode 2388024)',
		);
	});

	it('C7 getAll with filters and Return All reads every cursor page and keeps the filters on each page', async () => {
		seedTemplates(130);
		const { items, error } = await run({
			operation: 'getAll',
			wabaId: waba,
			returnAll: true,
			filters: { status: 'APPROVED', category: 'MARKETING' },
		});
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => request.cid)).toEqual(['C7', 'C7']);
		expect(fake.requests[0]).toMatchObject({
			method: 'GET',
			path: templatesPath,
			query: { status: 'APPROVED', category: 'MARKETING', limit: '100' },
		});
		expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(fake.requests[1].query).toEqual({
			status: 'APPROVED',
			category: 'MARKETING',
			limit: '100',
			after: expect.any(String),
		});
		const expected = [...fake.state.templates.values()]
			.filter(
				(t) =>
					t.wabaId === FAKE_IDS.wabaId && t.status === 'APPROVED' && t.category === 'MARKETING',
			)
			.map((t) => t.id);
		expect(expected).toHaveLength(132);
		expect(items.map((item) => item.json.id)).toEqual(expected);
		expect(items.find((item) => item.json.id === FAKE_IDS.templateIdHello)?.json).toEqual({
			name: 'hello_world',
			parameter_format: 'POSITIONAL',
			components: fake.state.templates.get(FAKE_IDS.templateIdHello)!.components,
			language: 'en_US',
			status: 'APPROVED',
			category: 'MARKETING',
			id: FAKE_IDS.templateIdHello,
		});
	});

	it('C7 getAll with a Limit asks for no more than needed and stops', async () => {
		seedTemplates(130);
		const { items } = await run({
			operation: 'getAll',
			wabaId: waba,
			returnAll: false,
			limit: 3,
			filters: { name: 'bulk_', language: 'pt_BR' },
		});
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0].query).toEqual({ name: 'bulk_', language: 'pt_BR', limit: '3' });
		expect(items.map((item) => item.json.name)).toEqual(['bulk_001', 'bulk_003', 'bulk_005']);
	});

	it('C8 update sends new components built in the editor with category and TTL', async () => {
		const { items, error } = await run({
			operation: 'update',
			whatsappMessageTemplateId: { __rl: true, mode: 'id', value: FAKE_IDS.templateIdPromo },
			componentsSource: 'ui',
			bodyText: 'Hi {{1}}, enjoy {{2}} off.',
			bodyExamples: {
				example: [
					{ variable: '1', value: 'John' },
					{ variable: '2', value: '20%' },
				],
			},
			updateFields: { category: 'MARKETING', messageSendTtlSeconds: 7200 },
		});
		expect(error).toBeUndefined();
		const [request] = fake.requests;
		expect(request).toMatchObject({
			cid: 'C8',
			method: 'POST',
			path: `/v1/ext/plugin/whatsapp/api/v24.0/${FAKE_IDS.templateIdPromo}`,
			query: {},
		});
		expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(request.body).toEqual({
			category: 'MARKETING',
			message_send_ttl_seconds: 7200,
			components: [
				{
					type: 'BODY',
					text: 'Hi {{1}}, enjoy {{2}} off.',
					example: { body_text: [['John', '20%']] },
				},
			],
		});
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		expect(fake.state.templates.get(FAKE_IDS.templateIdPromo)!.message_send_ttl_seconds).toBe(7200);
	});

	it("C8 update with only a field; with nothing to change it fails before any request; unknown ids show Meta's error per item", async () => {
		await run({
			operation: 'update',
			whatsappMessageTemplateId: { __rl: true, mode: 'id', value: FAKE_IDS.templateIdPromo },
			updateFields: { parameterFormat: 'NAMED' },
		});
		expect(fake.requests[0].body).toEqual({ parameter_format: 'NAMED' });
		fake.clearRequests();
		const nothing = await run({
			operation: 'update',
			whatsappMessageTemplateId: { __rl: true, mode: 'id', value: FAKE_IDS.templateIdPromo },
		});
		expect(nothing.error?.message).toBe('Update Fields: nothing to update');
		expect(fake.requests).toHaveLength(0);
		const { items } = await run(
			{
				operation: 'update',
				whatsappMessageTemplateId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				updateFields: { category: 'UTILITY' },
			},
			[{ json: { id: '42' } }, { json: { id: FAKE_IDS.templateIdHello } }],
			true,
		);
		expect(items.map((item) => item.json)).toEqual([
			{
				error:
					"Unsupported get request. Object with ID '42' does not exist, cannot be loaded due to missing permissions, or does not support this operation. (#100)",
			},
			{ success: true },
		]);
	});
});
