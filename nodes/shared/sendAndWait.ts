/**
 * Send and Wait for Response: the parts that do not depend on how the message is sent. The node
 * sends a link to the execution's signed resume URL, puts the execution to wait
 * (`putExecutionToWait`, n8n's own waiting mechanism) and answers the link in its `webhook()`.
 *
 * n8n's waiting webhooks resume an execution once: after it resumed, the same link shows n8n's
 * "no action required" page, so a second click never runs the workflow twice. n8n recognises this
 * operation by its value (`sendAndWait`) and then checks the URL signature itself.
 *
 * This file holds the execute side (wait limit, resume link, form fields); the parameters are in
 * sendAndWaitFields.ts, the webhook and its pages in sendAndWaitWebhook.ts.
 */
import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import {
	NodeOperationError,
	SEND_AND_WAIT_OPERATION,
	WAIT_INDEFINITELY,
	tryToParseDateTime,
} from 'n8n-workflow';

export { SEND_AND_WAIT_OPERATION };

export type ResponseType = 'approval' | 'freeText' | 'customForm';

const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'email', 'date', 'dropdown'] as const;
type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface FormField {
	label: string;
	type: FormFieldType;
	required: boolean;
	choices: string[];
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

/** A label: the trimmed text, or `fallback` when the value is not a string or is blank. */
export function labelOr(value: unknown, fallback: string): string {
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
	const buttonLabel = labelOr(
		context.getNodeParameter('options.messageButtonLabel', 0, 'Respond'),
		'Respond',
	);
	if (responseType === 'approval') {
		const approval = context.getNodeParameter('approvalOptions.values', 0, {}) as IDataObject;
		if (approval.approvalType !== 'double') {
			return {
				label: labelOr(approval.approveLabel, 'Approve'),
				url: signed({ approved: 'true' }),
			};
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

/** The Form Fields of a Custom Form, checked: each has a label, each dropdown its choices. */
export function formFieldsOf(
	context: IExecuteFunctions | IWebhookFunctions,
	phase: 'execute' | 'webhook',
): FormField[] {
	const raw = (
		phase === 'execute'
			? (context as IExecuteFunctions).getNodeParameter('formFields.values', 0, [])
			: (context as IWebhookFunctions).getNodeParameter('formFields.values', [])
	) as IDataObject[];
	const fields = (Array.isArray(raw) ? raw : []).map((field, index): FormField => {
		const label = labelOr(field.fieldLabel, '');
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
