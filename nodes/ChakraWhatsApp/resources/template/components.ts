/**
 * Template components built from the editor fields (componentFields.ts) or given as JSON, for
 * create (C6) and update (C8). Meta's rules are checked first, so a template that Meta would refuse
 * is reported on the field that is wrong.
 */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { placeholdersOf } from '../../../shared/methods/templateVariables';
import { limitedText, trimmedText } from '../../../shared/checks';
import { itemError, parseJsonField } from '../../../shared/validation';

const LIMITS = {
	headerText: 60,
	bodyText: 1024,
	footerText: 60,
	buttonText: 25,
	buttons: 10,
	copyCodeExample: 15,
};

export type ParameterFormat = 'POSITIONAL' | 'NAMED';

/** Checks the variables of one text against the template's parameter format. */
function checkVariables(
	context: IExecuteSingleFunctions,
	field: string,
	names: string[],
	format: ParameterFormat | undefined,
): ParameterFormat | undefined {
	if (names.length === 0) return format;
	const positional = names.every((name) => /^[0-9]+$/.test(name));
	const named = names.every((name) => /^[a-z_][a-z0-9_]*$/.test(name));
	if (!positional && !named) {
		throw itemError(
			context,
			field,
			`mixes or misspells variables (${names.map((name) => `{{${name}}}`).join(', ')})`,
			'Use either {{1}}, {{2}} … or lowercase names such as {{first_name}}.',
		);
	}
	const found: ParameterFormat = positional ? 'POSITIONAL' : 'NAMED';
	if (format && format !== found) {
		throw itemError(
			context,
			field,
			`uses ${found.toLowerCase()} variables but the Parameter Format is ${format.toLowerCase()}`,
		);
	}
	if (found === 'POSITIONAL') {
		const numbers = names.map(Number).sort((a, b) => a - b);
		if (numbers.some((number, index) => number !== index + 1)) {
			throw itemError(
				context,
				field,
				`variables must be numbered {{1}}, {{2}} … without gaps, got ${names.map((name) => `{{${name}}}`).join(', ')}`,
			);
		}
	}
	return found;
}

function examplesByVariable(context: IExecuteSingleFunctions): Map<string, string> {
	const examples = ((context.getNodeParameter('bodyExamples', {}) as IDataObject).example ??
		[]) as IDataObject[];
	const map = new Map<string, string>();
	for (const example of examples) {
		const variable = trimmedText(example.variable).replace(/^\{\{\s*|\s*\}\}$/g, '');
		if (variable !== '') map.set(variable, trimmedText(example.value));
	}
	return map;
}

function headerComponent(
	context: IExecuteSingleFunctions,
	format: ParameterFormat | undefined,
): { component?: IDataObject; format?: ParameterFormat } {
	const headerFormat = context.getNodeParameter('headerFormat', 'none') as string;
	if (headerFormat === 'none') return { format };
	if (headerFormat === 'TEXT') {
		const headerText = limitedText(
			context,
			'Header Text',
			context.getNodeParameter('headerText', ''),
			LIMITS.headerText,
		);
		if (headerText === '') throw itemError(context, 'Header Text', 'is required but empty');
		const names = placeholdersOf(headerText);
		if (names.length > 1)
			throw itemError(context, 'Header Text', `has ${names.length} variables, WhatsApp allows one`);
		const found = checkVariables(context, 'Header Text', names, format);
		const component: IDataObject = { type: 'HEADER', format: 'TEXT', text: headerText };
		if (names.length === 1) {
			const example = trimmedText(context.getNodeParameter('headerTextExample', ''));
			if (example === '')
				throw itemError(
					context,
					'Header Variable Example',
					'is required because the header has a variable',
				);
			component.example =
				found === 'NAMED'
					? { header_text_named_params: [{ param_name: names[0], example }] }
					: { header_text: [example] };
		}
		return { component, format: found };
	}
	const component: IDataObject = { type: 'HEADER', format: headerFormat };
	const handle = trimmedText(context.getNodeParameter('headerHandle', ''));
	if (handle !== '' && headerFormat !== 'LOCATION') component.example = { header_handle: [handle] };
	return { component, format };
}

function bodyComponent(
	context: IExecuteSingleFunctions,
	format: ParameterFormat | undefined,
): { component: IDataObject; format?: ParameterFormat } {
	const bodyText = limitedText(
		context,
		'Body Text',
		context.getNodeParameter('bodyText', ''),
		LIMITS.bodyText,
	);
	if (bodyText === '') throw itemError(context, 'Body Text', 'is required but empty');
	const names = placeholdersOf(bodyText);
	const found = checkVariables(context, 'Body Text', names, format);
	const component: IDataObject = { type: 'BODY', text: bodyText };
	if (names.length === 0) return { component, format: found };
	const examples = examplesByVariable(context);
	const missing = names.filter((name) => !examples.get(name));
	if (missing.length > 0) {
		throw itemError(
			context,
			'Body Variable Examples',
			`no example for ${missing.map((name) => `{{${name}}}`).join(', ')}`,
			'Add an example value for every variable of the body.',
		);
	}
	const unknown = [...examples.keys()].filter((name) => !names.includes(name));
	if (unknown.length > 0)
		throw itemError(
			context,
			'Body Variable Examples',
			`the body has no variable {{${unknown[0]}}}`,
		);
	component.example =
		found === 'NAMED'
			? {
					body_text_named_params: names.map((name) => ({
						param_name: name,
						example: examples.get(name)!,
					})),
				}
			: {
					body_text: [
						[...names].sort((a, b) => Number(a) - Number(b)).map((name) => examples.get(name)!),
					],
				};
	return { component, format: found };
}

function buttonsComponent(context: IExecuteSingleFunctions): IDataObject | undefined {
	const buttons = ((context.getNodeParameter('templateButtons', {}) as IDataObject).button ??
		[]) as IDataObject[];
	if (buttons.length === 0) return undefined;
	if (buttons.length > LIMITS.buttons)
		throw itemError(
			context,
			'Buttons',
			`has ${buttons.length} buttons, WhatsApp allows at most ${LIMITS.buttons}`,
		);
	return {
		type: 'BUTTONS',
		buttons: buttons.map((button, index) => {
			const label = `Button ${index + 1}`;
			const type = trimmedText(button.type) || 'QUICK_REPLY';
			const buttonText = limitedText(context, `${label} Text`, button.text, LIMITS.buttonText);
			if (buttonText === '' && type !== 'COPY_CODE')
				throw itemError(context, `${label} Text`, 'is required but empty');
			const example = trimmedText(button.example);
			switch (type) {
				case 'URL': {
					const url = trimmedText(button.url);
					if (!/^https?:\/\/\S+$/.test(url))
						throw itemError(
							context,
							`${label} URL`,
							url === '' ? 'is required but empty' : `"${url}" is not an http(s) URL`,
						);
					const variables = placeholdersOf(url);
					if (
						variables.length > 1 ||
						(variables.length === 1 && !url.endsWith(`{{${variables[0]}}}`))
					) {
						throw itemError(context, `${label} URL`, 'may hold one variable, at its end');
					}
					if (variables.length === 1 && example === '')
						throw itemError(
							context,
							`${label} Example`,
							'is required because the URL has a variable',
						);
					return {
						type,
						text: buttonText,
						url,
						...(variables.length === 1 ? { example: [example] } : {}),
					};
				}
				case 'PHONE_NUMBER': {
					const phone = trimmedText(button.phoneNumber);
					if (!/^\+?[0-9][0-9 ()-]{6,20}$/.test(phone))
						throw itemError(
							context,
							`${label} Phone Number`,
							phone === '' ? 'is required but empty' : `"${phone}" is not a phone number`,
						);
					return { type, text: buttonText, phone_number: phone };
				}
				case 'COPY_CODE': {
					if (example === '')
						throw itemError(context, `${label} Example`, 'is required for a copy code button');
					limitedText(context, `${label} Example`, example, LIMITS.copyCodeExample);
					return { type, example };
				}
				default:
					return { type: 'QUICK_REPLY', text: buttonText };
			}
		}),
	};
}

/** Components from the editor fields; the format is checked against `declared` when given. */
export function componentsFromFields(
	context: IExecuteSingleFunctions,
	declared: ParameterFormat | undefined,
): IDataObject[] {
	const header = headerComponent(context, declared);
	const body = bodyComponent(context, header.format);
	const components: IDataObject[] = [];
	if (header.component) components.push(header.component);
	components.push(body.component);
	const footer = limitedText(
		context,
		'Footer Text',
		context.getNodeParameter('footerText', ''),
		LIMITS.footerText,
	);
	if (footer !== '') {
		if (placeholdersOf(footer).length > 0)
			throw itemError(context, 'Footer Text', 'cannot hold variables');
		components.push({ type: 'FOOTER', text: footer });
	}
	const buttons = buttonsComponent(context);
	if (buttons) components.push(buttons);
	return components;
}

/** Components from the JSON field: an array of objects each with a `type`. */
export function componentsFromJson(context: IExecuteSingleFunctions): IDataObject[] {
	const parsed = parseJsonField(
		context,
		'Components (JSON)',
		context.getNodeParameter('componentsJson', ''),
	);
	const list = Array.isArray(parsed) ? parsed : [parsed];
	list.forEach((component, index) => {
		if (
			typeof component !== 'object' ||
			component === null ||
			typeof (component as IDataObject).type !== 'string'
		) {
			throw itemError(
				context,
				'Components (JSON)',
				`entry ${index} must be an object with a "type" (HEADER, BODY, FOOTER or BUTTONS)`,
			);
		}
	});
	return list as IDataObject[];
}
