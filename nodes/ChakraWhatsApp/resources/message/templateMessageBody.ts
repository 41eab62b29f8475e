/**
 * The request bodies of the template sends, built from a checked template send (templateMessage.ts):
 * Chakra's template body (C1, C2) and Meta's template message (C3).
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { TemplateVariableValue } from '../../../shared/methods/templateVariables';
import { itemError, requirePhoneNumber } from '../../../shared/validation';
import type { ItemFunctions } from '../../../shared/itemFunctions';
import type { TemplateSend } from './templateMessage';
import { readTemplateSend } from './templateMessage';

type Mapping = Array<{ schemaPropertyName: string; schemaPropertyValue: string }>;

function mappingOf(
	variables: TemplateVariableValue[],
	component: TemplateVariableValue['component'],
): Mapping {
	return variables
		.filter((variable) => variable.component === component)
		.map((variable) => ({
			schemaPropertyName: variable.name,
			schemaPropertyValue: variable.value,
		}));
}

/** The sending phone number id, from the resource locator. */
export function sendingPhoneNumberId(context: ItemFunctions): string {
	const value = String(
		context.getNodeParameter('whatsappPhoneNumberId', '', { extractValue: true }) ?? '',
	).trim();
	if (value === '') throw itemError(context, 'whatsappPhoneNumberId', 'is required but empty');
	if (!/^[0-9]+$/.test(value))
		throw itemError(
			context,
			'whatsappPhoneNumberId',
			`"${value}" is not a phone number ID (digits only)`,
		);
	return value;
}

/** preSend of C1/C2: the Chakra template body (`mapping` arrays, header URLs, location, OTP). */
export async function buildChakraTemplateBody(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const whatsappPhoneNumberId = sendingPhoneNumberId(this);
	const send = await readTemplateSend(this);
	const body: IDataObject = { whatsappPhoneNumberId, templateName: send.name };
	if (send.language) body.language = send.language;
	const mappings: Array<[string, TemplateVariableValue['component']]> = [
		['mapping', 'body'],
		['headerMapping', 'header'],
		['buttonMapping', 'button'],
	];
	for (const [key, component] of mappings) {
		const mapping = mappingOf(send.variables, component);
		if (mapping.length > 0) body[key] = mapping;
	}
	const { header } = send;
	if (header.link) body[`${header.kind}Url`] = header.link;
	if (header.filename) body.filename = header.filename;
	if (header.location) {
		body.locationLatitude = header.location.latitude;
		body.locationLongitude = header.location.longitude;
		if (header.location.name) body.locationName = header.location.name;
		if (header.location.address) body.locationAddress = header.location.address;
	}
	if (send.otpCode) body.otpCode = send.otpCode;
	requestOptions.body = body;
	return requestOptions;
}

function textParameter(variable: TemplateVariableValue): IDataObject {
	// Named templates ({{first_name}}) name each parameter; positional ones go by order.
	return /^[0-9]+$/.test(variable.name)
		? { type: 'text', text: variable.value }
		: { type: 'text', parameter_name: variable.name, text: variable.value };
}

/** Meta's `template.components` for a send (C3). */
export function metaTemplateComponents(send: TemplateSend): IDataObject[] {
	const components: IDataObject[] = [];
	const headerParameters: IDataObject[] = send.variables
		.filter((variable) => variable.component === 'header')
		.map(textParameter);
	const { header } = send;
	if (header.kind === 'location' && header.location) {
		headerParameters.push({ type: 'location', location: { ...header.location } });
	} else if (header.link) {
		headerParameters.push({
			type: header.kind,
			[header.kind]: {
				link: header.link,
				...(header.filename ? { filename: header.filename } : {}),
			},
		});
	}
	if (headerParameters.length > 0)
		components.push({ type: 'header', parameters: headerParameters });
	const bodyParameters = send.variables
		.filter((variable) => variable.component === 'body')
		.map(textParameter);
	if (send.otpCode) bodyParameters.push({ type: 'text', text: send.otpCode });
	if (bodyParameters.length > 0) components.push({ type: 'body', parameters: bodyParameters });
	const buttonIndexes = [
		...new Set(
			send.variables
				.filter((variable) => variable.component === 'button')
				.map((variable) => variable.buttonIndex ?? 0),
		),
	];
	for (const index of buttonIndexes.sort((a, b) => a - b)) {
		components.push({
			type: 'button',
			sub_type: 'url',
			index: String(index),
			parameters: send.variables
				.filter(
					(variable) => variable.component === 'button' && (variable.buttonIndex ?? 0) === index,
				)
				.map((variable) => ({ type: 'text', text: variable.value })),
		});
	}
	// Authentication templates repeat the code in their copy-code / one-tap button (Meta's format).
	if (send.otpCode && !buttonIndexes.includes(0)) {
		components.push({
			type: 'button',
			sub_type: 'url',
			index: '0',
			parameters: [{ type: 'text', text: send.otpCode }],
		});
	}
	return components;
}

/** preSend of C3: Meta's template message body. */
export async function buildMetaTemplateBody(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const to = requirePhoneNumber(this, 'phoneNumber', this.getNodeParameter('phoneNumber', ''));
	const send = await readTemplateSend(this);
	if (!send.language) {
		throw itemError(
			this,
			'Language',
			'is required for a template entered by name',
			'Choose the template from the list (it carries its language), or set Options > Language, for example en_US.',
		);
	}
	const components = metaTemplateComponents(send);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const policy =
		typeof options.languagePolicy === 'string' && options.languagePolicy !== ''
			? options.languagePolicy
			: undefined;
	const sendComponents = components.length > 0 || options.sendEmptyComponents === true;
	requestOptions.body = metaTemplateMessage(
		to,
		send.name,
		// Key order as ChakraHQ's SDK and Meta's examples write it: policy, then code.
		{ ...(policy ? { policy } : {}), code: send.language },
		sendComponents ? components : undefined,
	);
	return requestOptions;
}

/** Meta's template message to `to` (C3): the envelope of every template send in Meta's format. */
export function metaTemplateMessage(
	to: string,
	name: string,
	language: IDataObject,
	components?: IDataObject[],
): IDataObject {
	return {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to,
		type: 'template',
		template: { name, language, ...(components ? { components } : {}) },
	};
}
