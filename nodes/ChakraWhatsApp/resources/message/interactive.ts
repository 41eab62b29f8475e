/**
 * Interactive session messages (reply buttons, list, CTA URL button) checked against Meta's limits
 * before sending, so a message WhatsApp would refuse never leaves n8n.
 */
import type { IDataObject } from 'n8n-workflow';

import { itemError } from '../../../shared/validation';
import { optionalText, requiredText } from '../../../shared/checks';
import { requireHttpUrl } from '../media/publicMedia';
import type { ItemFunctions } from '../../../shared/itemFunctions';

/** Meta's limits for interactive messages (characters). */
export const INTERACTIVE_LIMITS = {
	bodyText: 1024,
	listBodyText: 4096,
	headerText: 60,
	footerText: 60,
	replyButtons: 3,
	replyButtonTitle: 20,
	replyButtonId: 256,
	listButtonText: 20,
	listSections: 10,
	listRows: 10,
	sectionTitle: 24,
	rowTitle: 24,
	rowId: 200,
	rowDescription: 72,
	ctaDisplayText: 20,
};

function entries(value: unknown, key: string): IDataObject[] {
	const list = (value as IDataObject | undefined)?.[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function unique(context: ItemFunctions, field: string, values: string[], what: string): void {
	const seen = new Set<string>();
	for (const value of values) {
		if (seen.has(value))
			throw itemError(context, field, `${what} "${value}" is used twice; each must be unique`);
		seen.add(value);
	}
}

/** Header text, body and footer of an interactive message. */
function frame(context: ItemFunctions, bodyMax: number): IDataObject {
	const header = optionalText(
		context,
		'Header Text',
		context.getNodeParameter('interactiveHeader', ''),
		INTERACTIVE_LIMITS.headerText,
	);
	const footer = optionalText(
		context,
		'Footer Text',
		context.getNodeParameter('interactiveFooter', ''),
		INTERACTIVE_LIMITS.footerText,
	);
	return {
		...(header ? { header: { type: 'text', text: header } } : {}),
		body: {
			text: requiredText(
				context,
				'Body Text',
				context.getNodeParameter('interactiveBody', ''),
				bodyMax,
			),
		},
		...(footer ? { footer: { text: footer } } : {}),
	};
}

/** `interactive` object with up to three reply buttons. */
export function replyButtonsInteractive(context: ItemFunctions): IDataObject {
	const field = 'Buttons';
	const buttons = entries(context.getNodeParameter('replyButtons', {}), 'button');
	if (buttons.length === 0) throw itemError(context, field, 'add at least one button');
	if (buttons.length > INTERACTIVE_LIMITS.replyButtons) {
		throw itemError(
			context,
			field,
			`has ${buttons.length} buttons, WhatsApp allows at most ${INTERACTIVE_LIMITS.replyButtons}`,
			'Use a list message for more choices.',
		);
	}
	const built = buttons.map((button, index) => ({
		type: 'reply',
		reply: {
			id: requiredText(
				context,
				`Button ${index + 1} ID`,
				button.id,
				INTERACTIVE_LIMITS.replyButtonId,
			),
			title: requiredText(
				context,
				`Button ${index + 1} Title`,
				button.title,
				INTERACTIVE_LIMITS.replyButtonTitle,
			),
		},
	}));
	unique(
		context,
		field,
		built.map((button) => button.reply.id),
		'Button ID',
	);
	unique(
		context,
		field,
		built.map((button) => button.reply.title),
		'Button title',
	);
	return {
		type: 'button',
		...frame(context, INTERACTIVE_LIMITS.bodyText),
		action: { buttons: built },
	};
}

/** `interactive` object of a list message (sections of rows). */
export function listInteractive(context: ItemFunctions): IDataObject {
	const field = 'Sections';
	const sections = entries(context.getNodeParameter('listSections', {}), 'section');
	if (sections.length === 0)
		throw itemError(context, field, 'add at least one section with one row');
	if (sections.length > INTERACTIVE_LIMITS.listSections) {
		throw itemError(
			context,
			field,
			`has ${sections.length} sections, WhatsApp allows at most ${INTERACTIVE_LIMITS.listSections}`,
		);
	}
	const builtSections = sections.map((section, sectionIndex) => {
		const label = `Section ${sectionIndex + 1}`;
		const title =
			sections.length > 1
				? requiredText(context, `${label} Title`, section.title, INTERACTIVE_LIMITS.sectionTitle)
				: optionalText(context, `${label} Title`, section.title, INTERACTIVE_LIMITS.sectionTitle);
		const rows = entries(section.rows, 'row');
		if (rows.length === 0) throw itemError(context, field, `${label} has no rows`);
		return {
			...(title ? { title } : {}),
			rows: rows.map((row, rowIndex) => {
				const rowLabel = `${label} Row ${rowIndex + 1}`;
				const description = optionalText(
					context,
					`${rowLabel} Description`,
					row.description,
					INTERACTIVE_LIMITS.rowDescription,
				);
				return {
					id: requiredText(context, `${rowLabel} ID`, row.id, INTERACTIVE_LIMITS.rowId),
					title: requiredText(context, `${rowLabel} Title`, row.title, INTERACTIVE_LIMITS.rowTitle),
					...(description ? { description } : {}),
				};
			}),
		};
	});
	const allRows = builtSections.flatMap((section) => section.rows);
	if (allRows.length > INTERACTIVE_LIMITS.listRows) {
		throw itemError(
			context,
			field,
			`have ${allRows.length} rows in all, WhatsApp allows at most ${INTERACTIVE_LIMITS.listRows}`,
		);
	}
	unique(
		context,
		field,
		allRows.map((row) => row.id),
		'Row ID',
	);
	const button = requiredText(
		context,
		'List Button Text',
		context.getNodeParameter('listButtonText', ''),
		INTERACTIVE_LIMITS.listButtonText,
	);
	return {
		type: 'list',
		...frame(context, INTERACTIVE_LIMITS.listBodyText),
		action: { button, sections: builtSections },
	};
}

/** `interactive` object with one call-to-action URL button. */
export function ctaUrlInteractive(context: ItemFunctions): IDataObject {
	const displayText = requiredText(
		context,
		'Button Text',
		context.getNodeParameter('ctaDisplayText', ''),
		INTERACTIVE_LIMITS.ctaDisplayText,
	);
	const url = requireHttpUrl(
		context,
		'Button URL',
		context.getNodeParameter('ctaUrl', ''),
		'Use the full address of the page, for example https://shop.example.com/orders/A123.',
	);
	return {
		type: 'cta_url',
		...frame(context, INTERACTIVE_LIMITS.bodyText),
		action: { name: 'cta_url', parameters: { display_text: displayText, url } },
	};
}
