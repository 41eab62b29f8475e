/**
 * Media from an n8n binary field for messages: the file is checked against WhatsApp's limits for its
 * media type, then uploaded through C9, and its public URL is what the message sends (the API has no
 * "upload to Meta" endpoint, docs/api-reference.md C4).
 */
import type { InputFile } from '../../../shared/binary';
import { buildMultipart, readInputFile } from '../../../shared/binary';
import { unwrapChakraData } from '../../../shared/envelope';
import { requirePluginId } from '../../../shared/pluginId';
import { chakraRequest } from '../../../shared/transport';
import { itemError } from '../../../shared/validation';
import type { ItemFunctions } from '../../../shared/itemFunctions';

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

interface MediaRule {
	/** MIME types WhatsApp accepts; undefined = any type (documents). */
	mimeTypes?: string[];
	maxBytes: number;
}

const MB = 1024 * 1024;

/** WhatsApp Cloud API media limits (Meta's "Supported media types"). */
export const MEDIA_RULES: Record<MediaKind, MediaRule> = {
	image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
	video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
	audio: {
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: 16 * MB,
	},
	document: { maxBytes: 100 * MB },
	sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
};

function sizeText(bytes: number): string {
	return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Rejects a file whose MIME type or size does not fit the media type, before anything is sent. */
export function checkMediaFile(
	context: ItemFunctions,
	field: string,
	kind: MediaKind,
	file: InputFile,
): void {
	const rule = MEDIA_RULES[kind];
	const mimeType = file.mimeType.split(';')[0].trim().toLowerCase();
	if (rule.mimeTypes && !rule.mimeTypes.includes(mimeType)) {
		throw itemError(
			context,
			field,
			`the file "${file.fileName}" is ${mimeType}, which WhatsApp does not accept for ${kind} messages`,
			`Accepted types for ${kind}: ${rule.mimeTypes.join(', ')}.`,
		);
	}
	if (file.data.length > rule.maxBytes) {
		throw itemError(
			context,
			field,
			`the file "${file.fileName}" is ${sizeText(file.data.length)}, more than the ${sizeText(rule.maxBytes)} WhatsApp allows for ${kind} messages`,
		);
	}
}

export interface UploadedMedia {
	url: string;
	fileName: string;
}

/**
 * Reads the binary field named by parameter `binaryParameter`, checks it for `kind` and uploads it
 * with C9 to the plugin of the node's `pluginId`. Returns the public URL.
 */
export async function uploadBinaryForMessage(
	context: ItemFunctions,
	binaryParameter: string,
	kind: MediaKind,
	field: string,
): Promise<UploadedMedia> {
	const file = await readInputFile(context, binaryParameter, field);
	checkMediaFile(context, field, kind, file);
	const pluginId = await requirePluginId(context);
	const form = buildMultipart(
		{ filePart: 'file', fields: () => ({ filename: file.fileName }) },
		context,
		file,
	);
	const { body } = await chakraRequest(context, 'C9', {
		path: { pluginId },
		body: form,
		itemIndex: context.getItemIndex(),
	});
	const data = unwrapChakraData(body) as { publicMediaUrl?: unknown } | undefined;
	if (typeof data?.publicMediaUrl !== 'string' || data.publicMediaUrl === '') {
		throw itemError(
			context,
			field,
			'ChakraHQ accepted the upload but returned no public media URL',
		);
	}
	return { url: data.publicMediaUrl, fileName: file.fileName };
}

/** A link WhatsApp opens or fetches: an absolute http(s) URL. */
export function requireHttpUrl(
	context: ItemFunctions,
	field: string,
	raw: unknown,
	hint = 'Use a public https:// link to the file, for example one returned by Media > Upload.',
): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (text === '') throw itemError(context, field, 'is required but empty');
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw itemError(context, field, `"${text}" is not a URL`, hint);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw itemError(context, field, `"${text}" must start with https:// or http://`, hint);
	}
	return text;
}
