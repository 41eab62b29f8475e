/**
 * A template send read from its fields (templateMessageFields.ts) and checked before any request:
 * the template and its language, the placeholders' values, the header (a link, an n8n binary field
 * uploaded with C9 first, or a location) and the one-time password code. The request bodies built
 * from it are in templateMessageBody.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseTemplateValue } from '../../../shared/methods/templates';
import type { TemplateVariableValue } from '../../../shared/methods/templateVariables';
import {
	readMediaHeaderNeed,
	readTemplateVariableValues,
} from '../../../shared/methods/templateVariables';
import { itemError } from '../../../shared/validation';
import type { LocationValue } from '../../../shared/checks';
import { locationFrom, optionalText } from '../../../shared/checks';
import type { MediaKind } from '../media/publicMedia';
import { requireHttpUrl, uploadBinaryForMessage } from '../media/publicMedia';
import type { ItemFunctions } from '../../../shared/itemFunctions';

export interface TemplateHeader {
	kind: 'none' | 'location' | Exclude<MediaKind, 'audio' | 'sticker'>;
	link?: string;
	filename?: string;
	location?: LocationValue;
}

export interface TemplateSend {
	name: string;
	language?: string;
	variables: TemplateVariableValue[];
	header: TemplateHeader;
	otpCode?: string;
}

/** The header of a template send: a media link (binary uploaded through C9 first) or a location. */
export async function readTemplateHeader(context: ItemFunctions): Promise<TemplateHeader> {
	const kind = context.getNodeParameter('headerType', 'none') as TemplateHeader['kind'];
	if (kind === 'none') return { kind };
	if (kind === 'location') {
		return {
			kind,
			location: locationFrom(context, {
				latitude: 'headerLatitude',
				longitude: 'headerLongitude',
				name: 'headerLocationName',
				address: 'headerLocationAddress',
			}),
		};
	}
	let filename =
		kind === 'document'
			? optionalText(
					context,
					'Document File Name',
					context.getNodeParameter('headerDocumentFilename', ''),
				)
			: undefined;
	let link: string;
	if (context.getNodeParameter('headerMediaSource', 'url') === 'binary') {
		const uploaded = await uploadBinaryForMessage(
			context,
			'headerBinaryPropertyName',
			kind,
			'Header Input Binary Field',
		);
		link = uploaded.url;
		if (kind === 'document' && filename === undefined) filename = uploaded.fileName;
	} else {
		link = requireHttpUrl(
			context,
			'Header Media URL',
			context.getNodeParameter('headerMediaUrl', ''),
		);
	}
	return { kind, link, ...(filename ? { filename } : {}) };
}

/**
 * The header of a template whose saved Template Variables say it has an IMAGE, VIDEO or DOCUMENT
 * header: Header Parameter of that kind (link or file), else the URL given in Template Variables;
 * neither, or another kind, is refused before any request (WhatsApp would refuse the send).
 */
async function headerForTemplate(
	context: ItemFunctions,
	templateName: string,
): Promise<TemplateHeader> {
	const need = readMediaHeaderNeed(context);
	const chosen = context.getNodeParameter('headerType', 'none') as TemplateHeader['kind'];
	if (!need || chosen === need.kind) return await readTemplateHeader(context);
	const format = need.kind.toUpperCase();
	const label = need.kind.charAt(0).toUpperCase() + need.kind.slice(1);
	if (chosen !== 'none') {
		throw itemError(
			context,
			'Header Parameter',
			`is ${chosen}, but the template "${templateName}" has an ${format} header`,
			`Choose ${label} under Header Parameter, or None and give the ${need.kind}'s link in Template Variables.`,
		);
	}
	if (need.url === '') {
		throw itemError(
			context,
			'Header Parameter',
			`the template "${templateName}" has an ${format} header, but no ${need.kind} is given`,
			`Give its public URL in Template Variables > Header ${label} URL, or choose ${label} under Header Parameter to send a link or a file.`,
		);
	}
	return { kind: need.kind, link: requireHttpUrl(context, `Header ${label} URL`, need.url) };
}

/** Everything a template send needs, checked before any request. */
export async function readTemplateSend(
	context: ItemFunctions,
	filledByNode?: Parameters<typeof readTemplateVariableValues>[3],
): Promise<TemplateSend> {
	const ref = parseTemplateValue(
		context.getNodeParameter('templateName', '', { extractValue: true }),
	);
	if (ref.name === '') throw itemError(context, 'templateName', 'is required but empty');
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const language =
		ref.language ??
		(typeof options.language === 'string' && options.language.trim() !== ''
			? options.language.trim()
			: undefined);
	const otpCode =
		typeof options.otpCode === 'string' && options.otpCode.trim() !== ''
			? options.otpCode.trim()
			: undefined;
	const variables = readTemplateVariableValues(context, undefined, undefined, filledByNode);
	if (otpCode !== undefined && variables.some((variable) => variable.component === 'body')) {
		throw itemError(
			context,
			'One-Time Password Code',
			'an authentication template takes the code only, but Body variables are set too',
			'Remove the Body variables, or clear the One-Time Password Code.',
		);
	}
	const header = await headerForTemplate(context, ref.name);
	return {
		name: ref.name,
		...(language ? { language } : {}),
		variables,
		header,
		...(otpCode ? { otpCode } : {}),
	};
}
