/**
 * "Download Media": the file of an inbound image, video, audio, document or sticker is fetched
 * through C10 and attached to the event's item as binary data. A failed download never loses the
 * event: the item is emitted without the file and with an `error` field.
 */
import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { fileNameFromDisposition, safeFileName } from '../shared/binary';
import { isStreamBody, responseHeader } from '../shared/envelope';
import { chakraRequest } from '../shared/transport';
import type { ChakraEvent } from './eventItem';

export interface MediaDownload {
	whatsappApiVersion: string;
	binaryPropertyName: string;
}

function asObject(value: unknown): IDataObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/** The media object (`image`, `document`, ...) of the event's message, in either format. */
function mediaObject(event: ChakraEvent): IDataObject | undefined {
	const raw = asObject(event.raw);
	const message = asObject(asObject(raw?.payload)?.message) ?? raw;
	return event.messageType ? asObject(message?.[event.messageType]) : undefined;
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
}

async function downloadMedia(
	context: IWebhookFunctions,
	event: ChakraEvent,
	options: MediaDownload,
): Promise<INodeExecutionData> {
	const response = await chakraRequest(context, 'C10', {
		path: {
			whatsappApiVersion: options.whatsappApiVersion,
			whatsappMediaId: event.mediaId as string,
		},
		binary: true,
	});
	const media = mediaObject(event);
	const mimeType =
		responseHeader(response.headers, 'content-type')?.split(';')[0].trim() ||
		(typeof media?.mime_type === 'string' ? media.mime_type : undefined);
	const fileName =
		safeFileName(media?.filename) ??
		fileNameFromDisposition(responseHeader(response.headers, 'content-disposition'));
	// A file arrives as a stream (straight into n8n's binary store); a JSON answer was read already.
	const data = isStreamBody(response.body)
		? (response.body as unknown as Parameters<IWebhookFunctions['helpers']['prepareBinaryData']>[0])
		: toBuffer(response.body);
	const binary = await context.helpers.prepareBinaryData(data, fileName, mimeType);
	return { json: event, binary: { [options.binaryPropertyName]: binary } };
}

/** Downloads running at once for one delivery. */
export const MAX_PARALLEL_DOWNLOADS = 8;

/** Files downloaded at most for one delivery; the events past it get an `error` field instead. */
export const MAX_DOWNLOADS_PER_DELIVERY = 20;

/**
 * The items of one delivery's events, with their files: at most MAX_PARALLEL_DOWNLOADS at once and
 * MAX_DOWNLOADS_PER_DELIVERY in all, so a stranger's delivery of 300 images cannot make 300
 * authenticated downloads.
 */
export async function itemsWithMedia(
	context: IWebhookFunctions,
	events: ChakraEvent[],
	options: MediaDownload,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = events.map((event) => ({ json: event }));
	const downloads: number[] = [];
	events.forEach((event, index) => {
		if (event.mediaId === null || event.mediaId === '') return;
		if (downloads.length < MAX_DOWNLOADS_PER_DELIVERY) downloads.push(index);
		else
			items[index] = {
				json: {
					...event,
					error: `Media ${event.mediaId} was not downloaded: one delivery downloads at most ${MAX_DOWNLOADS_PER_DELIVERY} files`,
				},
			};
	});
	let next = 0;
	const worker = async () => {
		while (next < downloads.length) {
			const index = downloads[next++];
			items[index] = await itemWithMedia(context, events[index], options);
		}
	};
	await Promise.all(
		Array.from({ length: Math.min(MAX_PARALLEL_DOWNLOADS, downloads.length) }, worker),
	);
	return items;
}

/** The item of one event, with its media file when it has one. */
export async function itemWithMedia(
	context: IWebhookFunctions,
	event: ChakraEvent,
	options: MediaDownload,
): Promise<INodeExecutionData> {
	if (event.mediaId === null || event.mediaId === '') return { json: event };
	try {
		return await downloadMedia(context, event, options);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {
			json: { ...event, error: `Media ${event.mediaId} could not be downloaded: ${message}` },
		};
	}
}
