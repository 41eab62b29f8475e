import { InstanceSettings, validateUrlSignature } from 'n8n-core';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { runNode, TEST_EXECUTION_ID, TEST_NODE_ID } from '../../harness';
import { templateVariablesValue } from '../../harness/templateVariables';
import { openResumeLink } from '../../harness/waitingWebhook';
import { sendAndWaitToolRouting } from '../../../nodes/ChakraWhatsApp/resources/message/sendAndWait';
import type { ItemFunctions } from '../../../nodes/shared/itemFunctions';

const phone = { __rl: true, mode: 'list', value: FAKE_IDS.phoneNumberId };
const template = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const WAITING = `http://localhost:5678/webhook-waiting/${TEST_EXECUTION_ID}/${TEST_NODE_ID}`;
const MESSAGES_PATH = `/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/api/v24.0/${FAKE_IDS.phoneNumberId}/messages`;

// n8n-core's own container (its nested @n8n/di), where it keeps the instance's HMAC secret.
const { Container } = require(
	require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }),
) as typeof import('@n8n/di');

/** The link's signature is n8n's own HMAC of its path and query, with this instance's secret. */
function expectSignedLink(url: string, query: Record<string, string>): void {
	const parsed = new URL(url);
	expect(`${parsed.origin}${parsed.pathname}`).toBe(WAITING);
	const { signature, ...rest } = Object.fromEntries(parsed.searchParams);
	expect(rest).toEqual(query);
	expect(
		validateUrlSignature(signature, parsed, Container.get(InstanceSettings).hmacSignatureSecret),
	).toBe(true);
}

describe('Chakra WhatsApp: Send and Wait for Response (C4 / C3, n8n waiting webhook)', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const base = {
		resource: 'message',
		operation: 'sendAndWait',
		pluginId: FAKE_IDS.pluginId,
		whatsappPhoneNumberId: phone,
		phoneNumber: '+91 99112 23344',
	};
	const run = (parameters: Record<string, unknown>, continueOnFail = false) =>
		runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: { ...base, ...parameters } as never,
			input: [{ json: { orderId: 'A123' } }, { json: { orderId: 'B456' } }],
			continueOnFail,
		});

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C4 Approve Only: one CTA URL message whose button opens the signed approve link; the execution waits without limit', async () => {
		const {
			items,
			error,
			run: execution,
		} = await run({
			message: 'Approve the refund of order A123?',
			approvalOptions: { values: { approveLabel: '✓ Approve' } },
		});
		expect(error).toBeUndefined();
		expect(fake.requests).toHaveLength(1);
		const request = fake.requests[0];
		expect(request).toMatchObject({ cid: 'C4', method: 'POST', path: MESSAGES_PATH });
		const body = request.body as { interactive: { action: { parameters: { url: string } } } };
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: FAKE_IDS.customerPhone,
			type: 'interactive',
			interactive: {
				type: 'cta_url',
				body: { text: 'Approve the refund of order A123?' },
				action: {
					name: 'cta_url',
					parameters: { display_text: '✓ Approve', url: body.interactive.action.parameters.url },
				},
			},
		});
		expectSignedLink(body.interactive.action.parameters.url, {
			approved: 'true',
			recipient: FAKE_IDS.customerPhone,
		});
		expect(execution.waitTill).toEqual(WAIT_INDEFINITELY);
		expect(execution.status).toBe('waiting');
		// Until the answer the node's output is its input (n8n replaces it with the answer on resume).
		expect(items.map((item) => item.json)).toEqual([{ orderId: 'A123' }, { orderId: 'B456' }]);
	});

	it('C4 Approve and Decline / Free Text / Custom Form: one button (Options > Message Button Label) opening the response page', async () => {
		for (const extra of [
			{ approvalOptions: { values: { approvalType: 'double' } } },
			{ responseType: 'freeText', options: { messageButtonLabel: 'Answer' } },
			{
				responseType: 'customForm',
				formFields: { values: [{ fieldLabel: 'Delivery date', fieldType: 'date' }] },
			},
		]) {
			fake.reset();
			const { error } = await run({
				message: 'Hello',
				interactiveHeader: 'Order A123',
				interactiveFooter: 'Acme',
				...extra,
			});
			expect(error).toBeUndefined();
			const interactive = (
				fake.requests[0].body as {
					interactive: Record<string, unknown> & {
						action: { parameters: { display_text: string; url: string } };
					};
				}
			).interactive;
			expect(interactive.header).toEqual({ type: 'text', text: 'Order A123' });
			expect(interactive.footer).toEqual({ text: 'Acme' });
			expect(interactive.action.parameters.display_text).toBe(
				extra.responseType === 'freeText' ? 'Answer' : 'Respond',
			);
			expectSignedLink(interactive.action.parameters.url, { recipient: FAKE_IDS.customerPhone });
		}
	});

	it('Limit Wait Time: an interval from now, or a date', async () => {
		const before = Date.now();
		const interval = await run({
			message: 'Hi',
			options: {
				limitWaitTime: {
					values: { limitType: 'afterTimeInterval', resumeAmount: 5, resumeUnit: 'seconds' },
				},
			},
		});
		const waitTill = interval.run.waitTill as Date;
		expect(waitTill.getTime()).toBeGreaterThanOrEqual(before + 5000);
		expect(waitTill.getTime()).toBeLessThanOrEqual(Date.now() + 5000);
		const dated = await run({
			message: 'Hi',
			options: {
				limitWaitTime: {
					values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2030-01-02T03:04:05Z' },
				},
			},
		});
		expect(dated.run.waitTill).toEqual(new Date('2030-01-02T03:04:05Z'));
	});

	it('C3 Template: the URL button variable carries the resume path (after /webhook-waiting/) or the whole URL; the other variables as mapped', async () => {
		const { error } = await run({
			sendAs: 'template',
			templateName: template('order_update|en_US'),
			// The button variable is filled by the node: an empty value there is not an error.
			templateVariables: templateVariablesValue({
				'body:1': 'Asha',
				'body:2': 'A123',
				'button:0:1': '',
			}),
			headerType: 'image',
			headerMediaUrl: 'https://cdn.example.com/a.png',
		});
		expect(error).toBeUndefined();
		expect(fake.requests[0]).toMatchObject({ cid: 'C3', method: 'POST', path: MESSAGES_PATH });
		const body = fake.requests[0].body as {
			template: { components: Array<{ parameters: Array<{ text: string }> }> };
		};
		const suffix = body.template.components[2].parameters[0].text;
		expect(body).toEqual({
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
						parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/a.png' } }],
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
						parameters: [{ type: 'text', text: suffix }],
					},
				],
			},
		});
		expect(suffix.startsWith(`${TEST_EXECUTION_ID}/${TEST_NODE_ID}?`)).toBe(true);
		expectSignedLink(`http://localhost:5678/webhook-waiting/${suffix}`, {
			approved: 'true',
			recipient: FAKE_IDS.customerPhone,
		});

		fake.reset();
		await run({
			sendAs: 'template',
			urlButtonValue: 'url',
			templateName: template('order_update|en_US'),
			templateVariables: templateVariablesValue({ 'body:1': 'Asha', 'body:2': 'A123' }),
		});
		const whole = (
			fake.requests[0].body as {
				template: { components: Array<{ type: string; parameters: Array<{ text: string }> }> };
			}
		).template.components.find((c) => c.type === 'button');
		expectSignedLink(whole?.parameters[0].text ?? '', {
			approved: 'true',
			recipient: FAKE_IDS.customerPhone,
		});
	});

	it('bad input is refused before any request, naming the field; a failed send does not wait', async () => {
		const long = await run({
			message: 'Hi',
			approvalOptions: { values: { approveLabel: 'Approve this refund request now' } },
		});
		expect(long.error?.message).toBe('Button Label: has 31 characters, WhatsApp allows at most 20');
		const form = await run({
			message: 'Hi',
			responseType: 'customForm',
			formFields: { values: [{ fieldLabel: 'Slot', fieldType: 'dropdown', fieldOptions: ' , ' }] },
		});
		expect(form.error?.message).toBe('Form Fields: "Slot" is a dropdown list without Choices');
		const byName = await run({
			sendAs: 'template',
			templateName: template('order_update', 'name'),
			templateVariables: templateVariablesValue({ 'body:1': 'A', 'body:2': 'B' }),
		});
		expect(byName.error?.message).toContain('Template Language');
		expect(fake.requests).toHaveLength(0);

		fake.inject('C4', { metaError: { message: 'Re-engagement message', code: 131047 } });
		const failed = await run({ message: 'Hi' }, true);
		expect(failed.run.waitTill).toBeUndefined();
		expect(failed.items).toHaveLength(1);
		expect(failed.items[0].error?.message).toContain('Re-engagement message');
	});

	it("as an AI Agent tool (n8n runs the routing, not the operation) Send and Wait is refused with the node's own message", async () => {
		const view = {
			getNode: () => ({ name: 'Chakra WhatsApp Tool' }),
			getItemIndex: () => 0,
		} as unknown as ItemFunctions;
		const [refuse] = sendAndWaitToolRouting.send.preSend;
		await expect(refuse.call(view)).rejects.toThrow(
			'Send and Wait for Response cannot run as an AI Agent tool',
		);
	});

	describe("the link (the node's waiting webhook, after n8n checked the signature)", () => {
		const query = (extra: Record<string, string> = {}) => ({
			recipient: FAKE_IDS.customerPhone,
			signature: 'checked-by-n8n',
			...extra,
		});
		const open = (
			parameters: Record<string, unknown>,
			method: 'GET' | 'POST',
			extraQuery?: Record<string, string>,
			form?: Record<string, unknown>,
		) =>
			openResumeLink({
				type: 'chakraWhatsApp',
				parameters: { ...base, message: 'Approve the refund?', ...parameters } as never,
				method,
				query: query(extraQuery),
				form,
			});

		it('Approve Only: opening the link resumes with approved: true and who it was sent to, and shows the confirmation page', async () => {
			const opened = await open({}, 'GET', { approved: 'true' });
			expect(opened.items).toHaveLength(1);
			const json = opened.items?.[0].json as { data: { respondedAt: string } };
			expect(json).toEqual({
				data: { approved: true, respondedAt: json.data.respondedAt },
				respondent: { phoneNumber: FAKE_IDS.customerPhone },
			});
			expect(Number.isNaN(Date.parse(json.data.respondedAt))).toBe(false);
			expect(opened.status).toBe(200);
			expect(opened.body).toContain('your response was recorded');
		});

		it('Approve and Decline: GET shows both labelled choices and keeps waiting; POST approved=false resumes with approved: false', async () => {
			const parameters = {
				approvalOptions: {
					values: { approvalType: 'double', approveLabel: 'Yes <refund>', disapproveLabel: 'No' },
				},
			};
			const page = await open(parameters, 'GET');
			expect(page.items).toBeUndefined();
			expect(page.result.noWebhookResponse).toBe(true);
			expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
			expect(page.headers['content-security-policy']).toContain('sandbox allow-forms');
			expect(page.body).toContain(
				'<button type="submit" name="approved" value="true">Yes &#60;refund&#62;</button>',
			);
			expect(page.body).toContain('name="approved" value="false">No</button>');
			expect(page.body).toContain('<h1>Approve the refund?</h1>');
			const declined = await open(parameters, 'POST', {}, { approved: ['false'] });
			expect((declined.items?.[0].json as { data: object }).data).toMatchObject({
				approved: false,
			});
		});

		it('Free Text: GET shows a text box, POST resumes with the text', async () => {
			const page = await open(
				{ responseType: 'freeText', options: { responseFormTitle: 'Why?' } },
				'GET',
			);
			expect(page.body).toContain('<h1>Why?</h1>');
			expect(page.body).toContain(
				'<textarea id="field-0" name="field-0" rows="4" required></textarea>',
			);
			const answer = await open(
				{ responseType: 'freeText' },
				'POST',
				{},
				{ 'field-0': '  Out of stock  ' },
			);
			expect((answer.items?.[0].json as { data: object }).data).toMatchObject({
				text: 'Out of stock',
			});
			expect(answer.items?.[0].json.respondent).toEqual({ phoneNumber: FAKE_IDS.customerPhone });
		});

		it('Custom Form: GET shows the fields, POST resumes with one key per field label (numbers as numbers)', async () => {
			const formFields = {
				values: [
					{
						fieldLabel: 'Slot',
						fieldType: 'dropdown',
						fieldOptions: 'Morning, Evening',
						requiredField: true,
					},
					{ fieldLabel: 'People', fieldType: 'number' },
					{ fieldLabel: 'Note', fieldType: 'text' },
				],
			};
			const page = await open({ responseType: 'customForm', formFields }, 'GET');
			expect(page.body).toContain(
				'<select id="field-0" name="field-0" required><option value=""></option><option>Morning</option><option>Evening</option></select>',
			);
			expect(page.body).toContain('<input id="field-1" name="field-1" type="number" step="any">');
			const answer = await open(
				{ responseType: 'customForm', formFields },
				'POST',
				{},
				{ 'field-0': 'Evening', 'field-1': '4', 'field-2': '' },
			);
			const data = (answer.items?.[0].json as { data: Record<string, unknown> }).data;
			expect(data).toEqual({ Slot: 'Evening', People: 4, Note: '', respondedAt: data.respondedAt });
		});
	});
});
