/**
 * WhatsApp message templates for dropdowns (docs/api-reference.md 5, C7 and C63): the template list
 * across every C7 page, the template chosen in a node as `name` + `language`, and one template read
 * with its components. Its placeholders as mapper fields are in templateVariables.ts.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unwrapChakraData } from '../envelope';
import { WHATSAPP_API_VERSION } from '../fields';
import { chakraRequest } from '../transport';
import { currentParameter } from './currentParameter';

/** Separates name and language in the value of a template chosen from the list: `order_update|en_US`. */
export const TEMPLATE_VALUE_SEPARATOR = '|';

/** The C7 page size used for dropdowns (Meta's cursor pages). */
const TEMPLATE_PAGE_SIZE = 100;
/** Upper bound of pages read for one dropdown, so a cursor bug on the server cannot loop forever. */
const MAX_TEMPLATE_PAGES = 100;

export interface TemplateRef {
	name: string;
	language?: string;
}

/** `order_update|en_US` -> name and language; a plain name has no language. */
export function parseTemplateValue(value: unknown): TemplateRef {
	const text = typeof value === 'string' ? value.trim() : '';
	const at = text.lastIndexOf(TEMPLATE_VALUE_SEPARATOR);
	if (at <= 0) return { name: text };
	const language = text.slice(at + 1).trim();
	return { name: text.slice(0, at).trim(), ...(language ? { language } : {}) };
}

/**
 * The WABA whose templates to list: the node's own `wabaId` when it has one, otherwise the WABA of
 * the chosen sending phone number (C63 `_data[].waba`), so send operations need no extra field.
 */
export async function resolveTemplateWabaId(context: ILoadOptionsFunctions): Promise<string> {
	const wabaId = currentParameter(context, 'wabaId');
	if (wabaId !== '') return wabaId;
	const phoneNumberId = currentParameter(context, 'whatsappPhoneNumberId');
	if (phoneNumberId === '') {
		throw new NodeOperationError(
			context.getNode(),
			'Choose the WhatsApp Business Account (or, when sending, the WhatsApp Phone Number) first: the templates listed are those of that account',
		);
	}
	const { body } = await chakraRequest(context, 'C63');
	const data = unwrapChakraData(body);
	const entry = (Array.isArray(data) ? (data as IDataObject[]) : []).find(
		(record) => String(record.id) === phoneNumberId,
	);
	if (!entry || typeof entry.waba !== 'string' || entry.waba === '') {
		throw new NodeOperationError(
			context.getNode(),
			`The business account of phone number ${phoneNumberId} is not known to ChakraHQ`,
			{ description: 'Check the WhatsApp Phone Number, or enter the template By Name.' },
		);
	}
	return entry.waba;
}

/** Every template of the WABA matching `qs`, reading C7 page after page (cursor `after`). */
export async function fetchAllTemplates(
	context: ILoadOptionsFunctions,
	wabaId: string,
	qs: IDataObject,
): Promise<IDataObject[]> {
	const version = currentParameter(context, 'whatsappApiVersion') || WHATSAPP_API_VERSION;
	const templates: IDataObject[] = [];
	let after: string | undefined;
	for (let page = 0; page < MAX_TEMPLATE_PAGES; page++) {
		const query: IDataObject = { ...qs, limit: TEMPLATE_PAGE_SIZE };
		if (after !== undefined) query.after = after;
		const { body } = await chakraRequest(context, 'C7', {
			path: { whatsappApiVersion: version, wabaId },
			qs: query,
		});
		const result = (body ?? {}) as IDataObject;
		const records = Array.isArray(result.data) ? (result.data as IDataObject[]) : [];
		templates.push(...records);
		const paging = (result.paging ?? {}) as IDataObject;
		const cursor = ((paging.cursors ?? {}) as IDataObject).after;
		if (records.length === 0 || !paging.next || typeof cursor !== 'string' || cursor === after)
			break;
		after = cursor;
	}
	return templates;
}

/** listSearch: approved templates of the WABA, all pages, shown as `name (language)`. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const wabaId = await resolveTemplateWabaId(this);
	const templates = await fetchAllTemplates(this, wabaId, {
		status: 'APPROVED',
		fields: 'name,language,status,category',
	});
	const needle = (filter ?? '').trim().toLowerCase();
	const results = templates
		.filter((template) => typeof template.name === 'string')
		.filter(
			(template) =>
				needle === '' ||
				`${String(template.name)} ${String(template.language ?? '')}`
					.toLowerCase()
					.includes(needle),
		)
		.map((template) => ({
			name: template.language
				? `${String(template.name)} (${String(template.language)})`
				: String(template.name),
			value: template.language
				? `${String(template.name)}${TEMPLATE_VALUE_SEPARATOR}${String(template.language)}`
				: String(template.name),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** listSearch: templates of the WABA (any status) by template id, for the update operation (C8). */
export async function searchTemplateIds(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const wabaId = await resolveTemplateWabaId(this);
	const templates = await fetchAllTemplates(this, wabaId, {
		fields: 'name,language,status,category',
	});
	const needle = (filter ?? '').trim().toLowerCase();
	const results = templates
		.filter((template) => template.id !== undefined)
		.map((template) => ({
			name: `${String(template.name ?? template.id)} (${String(template.language ?? '?')}, ${String(template.status ?? '?')})`,
			value: String(template.id),
		}))
		.filter(
			(result) =>
				needle === '' ||
				result.name.toLowerCase().includes(needle) ||
				result.value.includes(needle),
		)
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** Reads one template (exact name, and language when known) with its components from C7. */
export async function fetchTemplate(
	context: ILoadOptionsFunctions,
	ref: TemplateRef,
): Promise<IDataObject | undefined> {
	const wabaId = await resolveTemplateWabaId(context);
	const qs: IDataObject = {
		name: ref.name,
		fields: 'name,language,status,category,components,parameter_format',
	};
	if (ref.language) qs.language = ref.language;
	const templates = await fetchAllTemplates(context, wabaId, qs);
	const exact = templates.filter(
		(template) =>
			template.name === ref.name && (!ref.language || template.language === ref.language),
	);
	return exact.find((template) => template.status === 'APPROVED') ?? exact[0];
}
