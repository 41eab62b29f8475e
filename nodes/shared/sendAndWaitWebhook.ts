/**
 * The waiting webhook of Send and Wait for Response: its descriptions, the node's `webhook()` that
 * records the answer, and the pages it shows (the choice, the form, "response recorded").
 */
import type {
	IDataObject,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { FormField, ResponseType } from './sendAndWait';
import { formFieldsOf, labelOr } from './sendAndWait';

/** The waiting webhooks: GET opens a link or a form, POST submits the form (as n8n's own nodes). */
export const sendAndWaitWebhooks: IWebhookDescription[] = (['GET', 'POST'] as const).map(
	(httpMethod) => ({
		name: 'default',
		httpMethod,
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	}),
);

// Pages ------------------------------------------------------------------------------------------

/** Our pages need no script: forms post back to the same (signed) URL. */
const PAGE_CSP =
	"sandbox allow-forms; default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937}h1{font-size:1.4rem}p{white-space:pre-wrap}label{display:block;margin:1rem 0 .3rem;font-weight:600}input,select,textarea{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}button{margin-top:1.2rem;padding:.7rem 1.4rem;font-size:1rem;border:0;border-radius:.4rem;background:#128c7e;color:#fff}button.secondary{background:#6b7280;margin-left:.5rem}</style></head><body>${body}</body></html>`;
}

/** The page shown after an answer was recorded. */
export const ANSWER_RECORDED_PAGE = page(
	'Response recorded',
	'<h1>Thank you, your response was recorded</h1><p>You can close this page.</p>',
);

function fieldInput(field: FormField, index: number): string {
	const name = `field-${index}`;
	const required = field.required ? ' required' : '';
	const label = `<label for="${name}">${escapeHtml(field.label)}${field.required ? ' *' : ''}</label>`;
	if (field.type === 'textarea')
		return `${label}<textarea id="${name}" name="${name}" rows="4"${required}></textarea>`;
	if (field.type === 'dropdown') {
		const choices = field.choices
			.map((choice) => `<option>${escapeHtml(choice)}</option>`)
			.join('');
		return `${label}<select id="${name}" name="${name}"${required}><option value=""></option>${choices}</select>`;
	}
	return `${label}<input id="${name}" name="${name}" type="${field.type}"${field.type === 'number' ? ' step="any"' : ''}${required}>`;
}

function formPage(title: string, inner: string, submitLabel: string): string {
	return page(
		title,
		`<h1>${escapeHtml(title)}</h1><form method="post" enctype="multipart/form-data">${inner}<button type="submit">${escapeHtml(submitLabel)}</button></form>`,
	);
}

// Webhook ----------------------------------------------------------------------------------------

/** A parameter for a page; the page still opens when an expression cannot be resolved here. */
function pageText(context: IWebhookFunctions, name: string, fallback: string): string {
	try {
		return labelOr(context.getNodeParameter(name, fallback), fallback);
	} catch {
		return fallback;
	}
}

function firstValue(value: unknown): string {
	const first = Array.isArray(value) ? (value[0] as unknown) : value;
	return first === undefined || first === null ? '' : String(first).trim();
}

function answered(context: IWebhookFunctions, data: IDataObject): IWebhookResponseData {
	const recipient = firstValue((context.getQueryData() as IDataObject).recipient);
	return {
		webhookResponse: ANSWER_RECORDED_PAGE,
		workflowData: [
			[
				{
					json: {
						data: { ...data, respondedAt: new Date().toISOString() },
						...(recipient ? { respondent: { phoneNumber: recipient } } : {}),
					},
				},
			],
		],
	};
}

function showPage(context: IWebhookFunctions, html: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.setHeader('Content-Security-Policy', PAGE_CSP);
	response.setHeader('Content-Type', 'text/html; charset=utf-8');
	response.status(200).send(html);
	return { noWebhookResponse: true };
}

/**
 * The node's `webhook()`: the link of the message opens here. n8n has checked the signature and
 * that the execution still waits. GET with `approved` records an approval; GET without it shows
 * the choice or the form; POST records the choice or the form.
 */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const method = this.getRequestObject().method;
	const query = this.getQueryData() as IDataObject;
	const received = (this.getBodyData() ?? {}) as IDataObject;
	// n8n parses a multipart form into `{ data: fields, files }`; a url-encoded one into the fields.
	const body = (
		received.data && typeof received.data === 'object' && !Array.isArray(received.data)
			? received.data
			: received
	) as IDataObject;
	const responseType = this.getNodeParameter('responseType', 'approval') as ResponseType;
	const title = pageText(
		this,
		'options.responseFormTitle',
		pageText(this, 'message', 'Your response'),
	);
	const submitLabel = pageText(this, 'options.responseFormButtonLabel', 'Submit');

	if (responseType === 'approval') {
		const choice = firstValue(method === 'POST' ? body.approved : query.approved);
		if (choice === 'true' || choice === 'false')
			return answered(this, { approved: choice === 'true' });
		const approveLabel = pageText(this, 'approvalOptions.values.approveLabel', 'Approve');
		const declineLabel = pageText(this, 'approvalOptions.values.disapproveLabel', 'Decline');
		return showPage(
			this,
			page(
				title,
				`<h1>${escapeHtml(title)}</h1><form method="post" enctype="multipart/form-data"><button type="submit" name="approved" value="true">${escapeHtml(approveLabel)}</button><button class="secondary" type="submit" name="approved" value="false">${escapeHtml(declineLabel)}</button></form>`,
			),
		);
	}

	const fields: FormField[] =
		responseType === 'freeText'
			? [{ label: 'Response', type: 'textarea', required: true, choices: [] }]
			: formFieldsOf(this, 'webhook');
	if (method !== 'POST')
		return showPage(this, formPage(title, fields.map(fieldInput).join(''), submitLabel));
	if (responseType === 'freeText') return answered(this, { text: firstValue(body['field-0']) });
	const answers: IDataObject = {};
	fields.forEach((field, index) => {
		const value = firstValue(body[`field-${index}`]);
		answers[field.label] =
			field.type === 'number' && value !== '' && Number.isFinite(Number(value))
				? Number(value)
				: value;
	});
	return answered(this, answers);
}
