/**
 * Send and Wait for Response: the parts that do not depend on how the message is sent. The node
 * sends a link to the execution's signed resume URL, puts the execution to wait
 * (`putExecutionToWait`, n8n's own waiting mechanism) and answers the link in its `webhook()`.
 *
 * n8n's waiting webhooks resume an execution once: after it resumed, the same link shows n8n's
 * "no action required" page, so a second click never runs the workflow twice. n8n recognises this
 * operation by its value (`sendAndWait`) and then checks the URL signature itself.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import {
	NodeOperationError,
	SEND_AND_WAIT_OPERATION,
	WAIT_INDEFINITELY,
	tryToParseDateTime,
} from 'n8n-workflow';

export { SEND_AND_WAIT_OPERATION };

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

export const SEND_AND_WAIT_TOOLTIP =
	"={{ $parameter.operation === 'sendAndWait' ? 'Execution will continue after the response' : '' }}";

type Show = NonNullable<IDisplayOptions['show']>;

export type ResponseType = 'approval' | 'freeText' | 'customForm';

const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'email', 'date', 'dropdown'] as const;
type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

interface FormField {
	label: string;
	type: FormFieldType;
	required: boolean;
	choices: string[];
}

/** The response fields of the operation, shown for `show` (resource + operation). */
export function sendAndWaitResponseFields(show: Show): INodeProperties[] {
	const shownFor = (extra: Show = {}) => ({ show: { ...show, ...extra } });
	return [
		{
			displayName: 'Response Type',
			name: 'responseType',
			type: 'options',
			default: 'approval',
			options: [
				{
					name: 'Approval',
					value: 'approval',
					description: 'The recipient approves (or declines) with a button',
				},
				{
					name: 'Free Text',
					value: 'freeText',
					description: 'The recipient answers in a text box on a web page',
				},
				{
					name: 'Custom Form',
					value: 'customForm',
					description: 'The recipient fills in a form defined below',
				},
			],
			displayOptions: shownFor(),
		},
		{
			displayName: 'Approval Options',
			name: 'approvalOptions',
			type: 'fixedCollection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Type of Approval',
							name: 'approvalType',
							type: 'options',
							default: 'single',
							options: [
								{ name: 'Approve Only', value: 'single' },
								{ name: 'Approve and Decline', value: 'double' },
							],
						},
						{
							displayName: 'Approve Button Label',
							name: 'approveLabel',
							type: 'string',
							default: 'Approve',
						},
						{
							displayName: 'Decline Button Label',
							name: 'disapproveLabel',
							type: 'string',
							default: 'Decline',
							displayOptions: { show: { approvalType: ['double'] } },
						},
					],
				},
			],
			displayOptions: shownFor({ responseType: ['approval'] }),
		},
		{
			displayName: 'Form Fields',
			name: 'formFields',
			type: 'fixedCollection',
			placeholder: 'Add Form Field',
			typeOptions: { multipleValues: true, sortable: true },
			required: true,
			default: {},
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Field Label',
							name: 'fieldLabel',
							type: 'string',
							default: '',
							required: true,
							placeholder: 'e.g. Delivery date',
							description: 'Shown above the field; also the key of the answer in the output',
						},
						{
							displayName: 'Field Type',
							name: 'fieldType',
							type: 'options',
							default: 'text',
							options: [
								{ name: 'Date', value: 'date' },
								{ name: 'Dropdown List', value: 'dropdown' },
								{ name: 'Email', value: 'email' },
								{ name: 'Number', value: 'number' },
								{ name: 'Text', value: 'text' },
								{ name: 'Textarea', value: 'textarea' },
							],
						},
						{
							displayName: 'Choices',
							name: 'fieldOptions',
							type: 'string',
							default: '',
							placeholder: 'e.g. Morning, Afternoon, Evening',
							description: 'The choices of the dropdown list, separated by commas',
							displayOptions: { show: { fieldType: ['dropdown'] } },
						},
						{
							displayName: 'Required Field',
							name: 'requiredField',
							type: 'boolean',
							default: false,
							description: 'Whether the form can be sent only with this field filled in',
						},
					],
				},
			],
			displayOptions: shownFor({ responseType: ['customForm'] }),
		},
	];
}

const limitWaitTimeOption: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	description:
		'Whether to stop waiting for a response after a time; the node then outputs its input item without an answer',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					options: [
						{
							name: 'After Time Interval',
							value: 'afterTimeInterval',
							description: 'Waits for a certain amount of time',
						},
						{
							name: 'At Specified Time',
							value: 'atSpecifiedTime',
							description: 'Waits until a date and time',
						},
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 1,
					description: 'The time to wait',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					default: 'hours',
					options: [
						{ name: 'Seconds', value: 'seconds' },
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					default: '',
					description: 'Stop waiting at this date and time',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
				},
			],
		},
	],
};

/** The Options collection of the operation: wait limit and the texts of the page and the button. */
export function sendAndWaitOptions(show: Show): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			limitWaitTimeOption,
			{
				displayName: 'Message Button Label',
				name: 'messageButtonLabel',
				type: 'string',
				default: 'Respond',
				description:
					'Label of the button that opens the response page (Free Text, Custom Form, and Approve and Decline); up to 20 characters',
			},
			{
				displayName: 'Response Page Title',
				name: 'responseFormTitle',
				type: 'string',
				default: '',
				description: 'Title of the page the button opens. Empty: the message text.',
			},
			{
				displayName: 'Response Form Button Label',
				name: 'responseFormButtonLabel',
				type: 'string',
				default: 'Submit',
			},
		],
	};
}

const UNIT_MS: Record<string, number> = {
	seconds: 1_000,
	minutes: 60_000,
	hours: 3_600_000,
	days: 86_400_000,
};

/** When the execution stops waiting: Options > Limit Wait Time, or never. */
export function waitTillFrom(context: IExecuteFunctions): Date {
	const limit = context.getNodeParameter('options.limitWaitTime.values', 0, {}) as IDataObject;
	if (Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	const fail = (message: string) =>
		new NodeOperationError(context.getNode(), `Options > Limit Wait Time: ${message}`, {
			itemIndex: 0,
		});
	if (limit.limitType === 'atSpecifiedTime') {
		let date: Date | undefined;
		try {
			const parsed = tryToParseDateTime(limit.maxDateAndTime, context.getTimezone());
			if (parsed.isValid) date = parsed.toJSDate();
		} catch {
			date = undefined;
		}
		if (!date)
			throw fail(`Max Date and Time "${String(limit.maxDateAndTime ?? '')}" is not a date`);
		return date;
	}
	const amount = Number(limit.resumeAmount ?? 1);
	const unit = UNIT_MS[String(limit.resumeUnit ?? 'hours')];
	if (!Number.isFinite(amount) || amount < 0 || unit === undefined)
		throw fail(
			`Amount "${String(limit.resumeAmount)}" is not a number of ${String(limit.resumeUnit)}`,
		);
	return new Date(Date.now() + amount * unit);
}

export interface ResumeLink {
	/** The button label. */
	label: string;
	/** The signed resume URL. */
	url: string;
}

function text(value: unknown, fallback: string): string {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

/**
 * The one link the message carries. WhatsApp's CTA URL message and a template's URL button hold
 * one URL each, so: Approve Only links straight to "approved"; Approve and Decline, Free Text and
 * Custom Form link to a page of this node that offers the choice or the form.
 */
export function resumeLinkFor(context: IExecuteFunctions, recipient: string): ResumeLink {
	const responseType = context.getNodeParameter('responseType', 0, 'approval') as ResponseType;
	// The recipient rides in the signed URL: the answer names who it was sent to.
	const signed = (parameters: Record<string, string>) =>
		context.getSignedResumeUrl({ ...parameters, recipient });
	const buttonLabel = text(
		context.getNodeParameter('options.messageButtonLabel', 0, 'Respond'),
		'Respond',
	);
	if (responseType === 'approval') {
		const approval = context.getNodeParameter('approvalOptions.values', 0, {}) as IDataObject;
		if (approval.approvalType !== 'double') {
			return { label: text(approval.approveLabel, 'Approve'), url: signed({ approved: 'true' }) };
		}
		return { label: buttonLabel, url: signed({}) };
	}
	if (responseType === 'customForm') formFieldsOf(context, 'execute');
	return { label: buttonLabel, url: signed({}) };
}

/** The part of a resume URL after `/webhook-waiting/`, for a template button whose URL ends in `{{1}}`. */
export function resumeUrlSuffix(context: IExecuteFunctions, url: string): string {
	const marker = `/${context.getExecutionId()}/${context.getNode().id}`;
	const at = url.indexOf(marker);
	return at === -1 ? url : url.slice(at + 1);
}

function formFieldsOf(
	context: IExecuteFunctions | IWebhookFunctions,
	phase: 'execute' | 'webhook',
): FormField[] {
	const raw = (
		phase === 'execute'
			? (context as IExecuteFunctions).getNodeParameter('formFields.values', 0, [])
			: (context as IWebhookFunctions).getNodeParameter('formFields.values', [])
	) as IDataObject[];
	const fields = (Array.isArray(raw) ? raw : []).map((field, index): FormField => {
		const label = text(field.fieldLabel, '');
		if (label === '') {
			throw new NodeOperationError(
				context.getNode(),
				`Form Fields: field ${index + 1} has no Field Label`,
				{ itemIndex: 0 },
			);
		}
		const type = (FORM_FIELD_TYPES as readonly string[]).includes(String(field.fieldType))
			? (field.fieldType as FormFieldType)
			: 'text';
		const choices = String(field.fieldOptions ?? '')
			.split(',')
			.map((choice) => choice.trim())
			.filter((choice) => choice !== '');
		if (type === 'dropdown' && choices.length === 0) {
			throw new NodeOperationError(
				context.getNode(),
				`Form Fields: "${label}" is a dropdown list without Choices`,
				{ itemIndex: 0 },
			);
		}
		return { label, type, required: field.requiredField === true, choices };
	});
	if (fields.length === 0)
		throw new NodeOperationError(context.getNode(), 'Form Fields: add at least one field', {
			itemIndex: 0,
		});
	return fields;
}

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
		return text(context.getNodeParameter(name, fallback), fallback);
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
