/**
 * The placeholders of a WhatsApp template (`{{1}}` or `{{first_name}}` in header, body and URL
 * buttons) and its media header, as resource mapper fields (docs/api-reference.md 5, C7), and their
 * values read back at execution time, which the send operations turn into C1/C2 mappings or Meta
 * components.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeNonText, itemError } from '../validation';
import { currentParameter } from './currentParameter';
import { fetchTemplate, parseTemplateValue } from './templates';
import type { ItemFunctions } from '../itemFunctions';

export type TemplateComponentKind = 'header' | 'body' | 'button';

/** One placeholder of a template, as a resource mapper field. */
export interface TemplateVariable {
	/** Field id: `body:1`, `header:first_name`, `button:0:1` (button index in the template). */
	id: string;
	component: TemplateComponentKind;
	/** Placeholder name: `1` (positional) or `first_name` (named). */
	name: string;
	buttonIndex?: number;
	displayName: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export function placeholdersOf(text: unknown): string[] {
	if (typeof text !== 'string') return [];
	const names: string[] = [];
	for (const match of text.matchAll(PLACEHOLDER))
		if (!names.includes(match[1])) names.push(match[1]);
	return names;
}

/** Positional placeholders sort by number, named ones keep their order in the text. */
function ordered(names: string[]): string[] {
	const positional = names.every((name) => /^[0-9]+$/.test(name));
	return positional ? [...names].sort((a, b) => Number(a) - Number(b)) : names;
}

/** The placeholders of a template object from C7 (header text, body text, URL buttons). */
export function templateVariables(template: IDataObject): TemplateVariable[] {
	const components = Array.isArray(template.components)
		? (template.components as IDataObject[])
		: [];
	const variables: TemplateVariable[] = [];
	const byType = (type: string) =>
		components.find((component) => String(component.type).toUpperCase() === type);
	const header = byType('HEADER');
	if (header && String(header.format ?? 'TEXT').toUpperCase() === 'TEXT') {
		for (const name of ordered(placeholdersOf(header.text))) {
			variables.push({
				id: `header:${name}`,
				component: 'header',
				name,
				displayName: `Header {{${name}}}`,
			});
		}
	}
	for (const name of ordered(placeholdersOf(byType('BODY')?.text))) {
		variables.push({
			id: `body:${name}`,
			component: 'body',
			name,
			displayName: `Body {{${name}}}`,
		});
	}
	const buttons = Array.isArray(byType('BUTTONS')?.buttons)
		? (byType('BUTTONS')!.buttons as IDataObject[])
		: [];
	buttons.forEach((button, index) => {
		if (String(button.type).toUpperCase() !== 'URL') return;
		for (const name of ordered(placeholdersOf(button.url))) {
			variables.push({
				id: `button:${index}:${name}`,
				component: 'button',
				name,
				buttonIndex: index,
				displayName: `Button "${String(button.text ?? index + 1)}" URL {{${name}}}`,
			});
		}
	});
	return variables;
}

/** Header formats that need a file sent with every message (WhatsApp refuses the send without it). */
export type MediaHeaderKind = 'image' | 'video' | 'document';
const MEDIA_HEADER_FORMATS: Record<string, MediaHeaderKind> = {
	IMAGE: 'image',
	VIDEO: 'video',
	DOCUMENT: 'document',
};
const MEDIA_HEADER_FIELD = /^headerMedia:(image|video|document)$/;
const MEDIA_HEADER_LABEL: Record<MediaHeaderKind, string> = {
	image: 'Image',
	video: 'Video',
	document: 'Document',
};

/** The media header a template needs, from its HEADER component (C7). */
export function templateMediaHeader(template: IDataObject): MediaHeaderKind | undefined {
	const components = Array.isArray(template.components)
		? (template.components as IDataObject[])
		: [];
	const header = components.find((component) => String(component.type).toUpperCase() === 'HEADER');
	return header ? MEDIA_HEADER_FORMATS[String(header.format ?? '').toUpperCase()] : undefined;
}

/**
 * The mapper field of a media header: its public URL, or empty when Header Parameter sends a file.
 * Its presence in the saved schema tells the send, without a request, that the template needs one.
 */
export function mediaHeaderField(kind: MediaHeaderKind): ResourceMapperField {
	return {
		id: `headerMedia:${kind}`,
		displayName: `Header ${MEDIA_HEADER_LABEL[kind]} URL (or a file: Header Parameter > ${MEDIA_HEADER_LABEL[kind]})`,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: 'string',
	};
}

/** The media header the mapper's schema says the chosen template needs, with the URL given there. */
export function readMediaHeaderNeed(
	context: ItemFunctions,
	parameterName = 'templateVariables',
): { kind: MediaHeaderKind; url: string } | undefined {
	const mapper = context.getNodeParameter(parameterName, null) as IDataObject | null;
	const schema = mapper && Array.isArray(mapper.schema) ? (mapper.schema as IDataObject[]) : [];
	const field = schema.find(
		(entry) => entry.removed !== true && MEDIA_HEADER_FIELD.test(String(entry.id)),
	);
	if (!field) return undefined;
	const raw = ((mapper?.value ?? {}) as IDataObject)[String(field.id)];
	return {
		kind: MEDIA_HEADER_FIELD.exec(String(field.id))![1] as MediaHeaderKind,
		url: raw === undefined || raw === null ? '' : String(raw).trim(),
	};
}

/** resourceMapperMethod: the placeholders of the template chosen in `templateName`. */
export async function getTemplateVariables(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const ref = parseTemplateValue(currentParameter(this, 'templateName'));
	if (ref.name === '') return { fields: [], emptyFieldsNotice: 'Choose a template first' };
	if (!ref.language) {
		const language = currentParameter(this, 'options.language');
		if (language !== '') ref.language = language;
	}
	const template = await fetchTemplate(this, ref);
	if (!template) {
		throw new NodeOperationError(
			this.getNode(),
			`Template "${ref.name}"${ref.language ? ` (${ref.language})` : ''} was not found`,
			{
				description:
					'Check the template name and language, and that it belongs to the business account of the chosen phone number.',
			},
		);
	}
	if (String(template.category).toUpperCase() === 'AUTHENTICATION') {
		return {
			fields: [],
			emptyFieldsNotice:
				'Authentication template: enter the code in Options > One-Time Password Code',
		};
	}
	const fields: ResourceMapperField[] = templateVariables(template).map((variable) => ({
		id: variable.id,
		displayName: variable.displayName,
		required: true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: 'string',
	}));
	const mediaHeader = templateMediaHeader(template);
	if (mediaHeader) fields.unshift(mediaHeaderField(mediaHeader));
	return {
		fields,
		...(fields.length === 0
			? { emptyFieldsNotice: 'This template has no variables in its header, body or buttons' }
			: {}),
	};
}

/** A variable value read from the mapper at execution time. */
export interface TemplateVariableValue {
	component: TemplateComponentKind;
	name: string;
	buttonIndex?: number;
	value: string;
}

function parseVariableId(id: string): Omit<TemplateVariableValue, 'value'> | undefined {
	const button = /^button:([0-9]+):([A-Za-z0-9_]+)$/.exec(id);
	if (button) return { component: 'button', buttonIndex: Number(button[1]), name: button[2] };
	const other = /^(header|body):([A-Za-z0-9_]+)$/.exec(id);
	if (other) return { component: other[1] as 'header' | 'body', name: other[2] };
	return undefined;
}

/**
 * The values of the template variables mapper (`parameterName`) of the current item, in template
 * order. Every variable shown must have a value: WhatsApp rejects a template with an empty one.
 */
export function readTemplateVariableValues(
	context: ItemFunctions,
	parameterName = 'templateVariables',
	fieldLabel = 'Template Variables',
	filledByNode?: (variable: Omit<TemplateVariableValue, 'value'>) => boolean,
): TemplateVariableValue[] {
	const mapper = context.getNodeParameter(parameterName, null) as IDataObject | null;
	if (!mapper || typeof mapper !== 'object') return [];
	const values = (mapper.value ?? {}) as IDataObject;
	const schema = Array.isArray(mapper.schema) ? (mapper.schema as IDataObject[]) : undefined;
	const ids = schema
		? schema.filter((field) => field.removed !== true).map((field) => String(field.id))
		: Object.keys(values);
	const result: TemplateVariableValue[] = [];
	for (const id of ids.filter((entry) => !MEDIA_HEADER_FIELD.test(entry))) {
		const parsed = parseVariableId(id);
		if (!parsed) {
			throw itemError(
				context,
				fieldLabel,
				`"${id}" is not a template variable`,
				'Reload the variables of the chosen template.',
			);
		}
		// A variable the node fills itself (Send and Wait's resume link) is not asked of the user.
		if (filledByNode?.(parsed)) continue;
		const raw = Object.prototype.hasOwnProperty.call(values, id) ? values[id] : undefined;
		const shownName = String(schema?.find((field) => field.id === id)?.displayName ?? id);
		const nonText = describeNonText(raw);
		// Text sent to a person is text: an object from an expression would arrive as JSON or "[object Object]".
		if (nonText !== undefined)
			throw itemError(
				context,
				fieldLabel,
				`${shownName} is ${nonText}, not text`,
				'Map a text value to each variable, not a whole object or list.',
			);
		const value = raw === undefined || raw === null ? '' : String(raw);
		if (value.trim() === '') {
			const shown = schema?.find((field) => field.id === id)?.displayName ?? id;
			throw itemError(
				context,
				fieldLabel,
				`${String(shown)} is empty`,
				'Every variable of a template needs a value: WhatsApp rejects a template message with an empty one.',
			);
		}
		result.push({ ...parsed, value });
	}
	return result;
}
