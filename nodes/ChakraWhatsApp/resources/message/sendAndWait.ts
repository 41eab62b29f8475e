/**
 * Send and Wait for Response: a WhatsApp message with one button that opens the execution's
 * resume link, then the execution waits (nodes/shared/sendAndWait.ts) until the recipient answers
 * or Options > Limit Wait Time passes.
 *
 * Inside the 24-hour window the message is a CTA URL session message (C4). Outside it only a
 * template can be sent (C3): the user picks an approved template with a URL button whose URL ends
 * in a variable, and the node fills that variable with the resume link. Both requests run through
 * the coded message routing (shared/codedRouting.ts), like every other message send.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemRouting, runItemRouting } from '../../../shared/codedRouting';
import { recipientPhoneNumberField } from '../../../shared/fields';
import type { ItemFunctions, ItemPreSend } from '../../../shared/itemFunctions';
import type { ResumeLink } from '../../../shared/sendAndWait';
import { resumeLinkFor, resumeUrlSuffix, waitTillFrom } from '../../../shared/sendAndWait';
import { sendAndWaitOptions, sendAndWaitResponseFields } from '../../../shared/sendAndWaitFields';
import { itemError, normalizePhoneNumber, requirePhoneNumber } from '../../../shared/validation';
import { limitedText, requiredText } from '../../../shared/checks';
import { INTERACTIVE_LIMITS } from './interactive';
import { readTemplateSend } from './templateMessage';
import { metaTemplateComponents, metaTemplateMessage } from './templateMessageBody';
import { templateMessageFields } from './templateMessageFields';

const show = { resource: ['message'], operation: ['sendAndWait'] };

export const sendAndWaitDescription: INodeProperties[] = [
	recipientPhoneNumberField(show),
	{
		displayName: 'Send As',
		name: 'sendAs',
		type: 'options',
		default: 'session',
		options: [
			{
				name: 'Session Message',
				value: 'session',
				description: 'A message with a button, inside the 24-hour customer service window',
			},
			{
				name: 'Template',
				value: 'template',
				description: 'An approved template with a URL button; works outside the 24-hour window too',
			},
		],
		displayOptions: { show },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Approve the refund of order A123?',
		description: 'Message text, up to 1024 characters; also the title of the response page',
		displayOptions: { show: { ...show, sendAs: ['session'] } },
	},
	{
		displayName: 'Header Text',
		name: 'interactiveHeader',
		type: 'string',
		default: '',
		description: 'Optional bold line above the message, up to 60 characters',
		displayOptions: { show: { ...show, sendAs: ['session'] } },
	},
	{
		displayName: 'Footer Text',
		name: 'interactiveFooter',
		type: 'string',
		default: '',
		description: 'Optional grey line below the message, up to 60 characters',
		displayOptions: { show: { ...show, sendAs: ['session'] } },
	},
	{
		displayName: 'Resume Link Button',
		name: 'urlButtonIndex',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 9 },
		default: 0,
		description:
			'Position of the URL button that opens the response page, counting all buttons of the template from 0. Its URL must end in a variable.',
		displayOptions: { show: { ...show, sendAs: ['template'] } },
	},
	{
		displayName: 'Button Variable Holds',
		name: 'urlButtonValue',
		type: 'options',
		default: 'path',
		options: [
			{
				name: 'Resume Path',
				value: 'path',
				description:
					"For a button URL such as https://your-n8n.example.com/webhook-waiting/{{1}} (the part after 'webhook-waiting/')",
			},
			{
				name: 'Whole Resume URL',
				value: 'url',
				description:
					'For a button URL that is only a redirect, e.g. https://go.example.com/?to={{1}}',
			},
		],
		displayOptions: { show: { ...show, sendAs: ['template'] } },
	},
	// The template fields of the template sends, shown here for Send As: Template.
	...templateMessageFields
		.filter((field) => field.name !== 'options')
		.map((field) => ({
			...field,
			displayOptions: {
				show: { ...field.displayOptions?.show, operation: ['sendAndWait'], sendAs: ['template'] },
			},
		})),
	...sendAndWaitResponseFields(show),
	{
		...sendAndWaitOptions(show),
		options: [
			...(sendAndWaitOptions(show).options ?? []),
			{
				displayName: 'Template Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'en_US',
				description:
					'Language of a template entered by name (a template from the list carries its language)',
			},
		],
	},
];

/** The CTA URL session message (C4) carrying the link. */
function sessionMessageBody(context: ItemFunctions, to: string, link: ResumeLink): IDataObject {
	const header = limitedText(
		context,
		'Header Text',
		context.getNodeParameter('interactiveHeader', ''),
		INTERACTIVE_LIMITS.headerText,
	);
	const footer = limitedText(
		context,
		'Footer Text',
		context.getNodeParameter('interactiveFooter', ''),
		INTERACTIVE_LIMITS.footerText,
	);
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'interactive',
		interactive: {
			type: 'cta_url',
			...(header ? { header: { type: 'text', text: header } } : {}),
			body: {
				text: requiredText(
					context,
					'Message',
					context.getNodeParameter('message', ''),
					INTERACTIVE_LIMITS.bodyText,
				),
			},
			...(footer ? { footer: { text: footer } } : {}),
			action: {
				name: 'cta_url',
				parameters: {
					display_text: requiredText(
						context,
						'Button Label',
						link.label,
						INTERACTIVE_LIMITS.ctaDisplayText,
					),
					url: link.url,
				},
			},
		},
	};
}

/** The template message (C3) whose URL button `urlButtonIndex` carries the link. */
async function templateMessageBody(
	context: ItemFunctions,
	to: string,
	buttonValue: string,
): Promise<IDataObject> {
	const index = Number(context.getNodeParameter('urlButtonIndex', 0));
	if (!Number.isInteger(index) || index < 0)
		throw itemError(
			context,
			'Resume Link Button',
			`"${String(index)}" is not a button position (0, 1, 2 …)`,
		);
	const send = await readTemplateSend(
		context,
		(variable) => variable.component === 'button' && (variable.buttonIndex ?? 0) === index,
	);
	if (!send.language) {
		throw itemError(
			context,
			'Template Language',
			'is required for a template entered by name',
			'Choose the template from the list (it carries its language), or set Options > Template Language, for example en_US.',
		);
	}
	send.variables.push({ component: 'button', name: '1', buttonIndex: index, value: buttonValue });
	return metaTemplateMessage(to, send.name, { code: send.language }, metaTemplateComponents(send));
}

function messageBodyBuilder(link: ResumeLink, buttonValue: string): ItemPreSend {
	return async function (this: ItemFunctions, requestOptions: IHttpRequestOptions) {
		const to = requirePhoneNumber(this, 'phoneNumber', this.getNodeParameter('phoneNumber', ''));
		requestOptions.body =
			this.getNodeParameter('sendAs', 'session') === 'template'
				? await templateMessageBody(this, to, buttonValue)
				: sessionMessageBody(this, to, link);
		return requestOptions;
	};
}

/**
 * The routing n8n sees for Send and Wait. The node runs the operation itself (customOperations);
 * an AI Agent's tool runs the routing instead, and a tool cannot pause the agent's workflow: refuse.
 */
export const sendAndWaitToolRouting = {
	send: {
		preSend: [
			async function (this: ItemFunctions): Promise<IHttpRequestOptions> {
				throw new NodeOperationError(
					this.getNode(),
					'Send and Wait for Response cannot run as an AI Agent tool',
					{
						itemIndex: this.getItemIndex(),
						description:
							'Use the Chakra WhatsApp node (not the tool) in the workflow after the agent, or the Send operation in the tool.',
					},
				);
			},
		],
	},
};

export const sessionRouting = itemRouting('C4');
export const templateRouting = itemRouting('C3');

/**
 * The Send and Wait operation: one message per execution (the first item's values, as n8n's own
 * Send and Wait operations), then the execution waits. The node's output after the answer is the
 * webhook's item (shared/sendAndWait.ts); when the wait time passes, n8n outputs the input items.
 */
export function sendAndWaitOperation(properties: INodeProperties[]) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const recipient = normalizePhoneNumber(this.getNodeParameter('phoneNumber', 0, '')) ?? '';
		const waitTill = waitTillFrom(this);
		const link = resumeLinkFor(this, recipient);
		const buttonValue =
			this.getNodeParameter('urlButtonValue', 0, 'path') === 'url'
				? link.url
				: resumeUrlSuffix(this, link.url);
		const routing =
			this.getNodeParameter('sendAs', 0, 'session') === 'template'
				? templateRouting
				: sessionRouting;
		const [sent] = await runItemRouting(this, routing, properties, {
			preSend: [messageBodyBuilder(link, buttonValue)],
			firstItemOnly: true,
		});
		// continueOnFail: the send failed, there is nothing to wait for.
		if (sent.some((item) => item.error)) return [sent];
		await this.putExecutionToWait(waitTill);
		return [this.getInputData()];
	};
}
