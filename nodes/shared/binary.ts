/**
 * n8n binary data in and out: multipart bodies from an item's binary property (global FormData and
 * Blob), and downloads turned into binary items with MIME type and file name.
 */
import type {
	IBinaryData,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import {
	isJsonContentType,
	isStreamBody,
	parseBody,
	readStreamBody,
	responseHeader,
	toItems,
	unwrapChakraData,
} from './envelope';
import { itemError } from './validation';
import type { ItemFunctions } from './itemFunctions';

export interface InputFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
	binary: IBinaryData;
}

/** Reads the binary property named by parameter `parameterName` of the current item; `label` names the field in errors. */
export async function readInputFile(
	context: ItemFunctions,
	parameterName = 'binaryPropertyName',
	label = 'Input Binary Field',
): Promise<InputFile> {
	const propertyName = String(context.getNodeParameter(parameterName, 'data') ?? '').trim();
	if (propertyName === '') throw itemError(context, label, 'is required but empty');
	const item = context.getInputData();
	const binaries = item?.binary ?? {};
	// Own keys only: a property named "constructor" or "__proto__" is not a file.
	const binary = Object.prototype.hasOwnProperty.call(binaries, propertyName)
		? binaries[propertyName]
		: undefined;
	if (!binary || typeof binary !== 'object') {
		const available = Object.keys(binaries);
		throw itemError(
			context,
			label,
			`item ${context.getItemIndex()} has no binary property "${propertyName}"`,
			available.length
				? `Binary properties on this item: ${available.join(', ')}.`
				: 'This item has no binary data. Add a node that reads or downloads a file before this one.',
		);
	}
	const data = await context.helpers.getBinaryDataBuffer(propertyName);
	if (data.length === 0) {
		throw itemError(
			context,
			label,
			`the file in binary property "${propertyName}" of item ${context.getItemIndex()} is empty (0 bytes)`,
			'WhatsApp and ChakraHQ refuse empty files: check the node that produced it.',
		);
	}
	const mimeType = binary.mimeType || 'application/octet-stream';
	const extension = binary.fileExtension ? `.${binary.fileExtension}` : '';
	return {
		data,
		fileName: safeFileName(binary.fileName) ?? `${propertyName}${extension}`,
		mimeType,
		binary,
	};
}

/** A file name without control characters (CR, LF, NUL ...); undefined when nothing is left. */
export function safeFileName(name: unknown): string | undefined {
	if (typeof name !== 'string') return undefined;
	const cleaned = name.replace(/\p{Cc}/gu, '').trim();
	return cleaned === '' || cleaned === '.' || cleaned === '..' ? undefined : cleaned;
}

export interface MultipartSpec {
	/** Name of the file part (`file` for C9, `photo` for C57/C58). */
	filePart: string;
	/** Text parts computed from the item and the file. Empty values are left out. */
	fields?: (context: ItemFunctions, file: InputFile) => Record<string, string | undefined>;
	/** Check the file before anything is sent (for example its MIME type). */
	check?: (context: ItemFunctions, file: InputFile) => void;
	/** The file part's file name when it is not the binary's own (C9's File Name option). */
	fileName?: (context: ItemFunctions, file: InputFile) => string;
}

export function buildMultipart(
	spec: MultipartSpec,
	context: ItemFunctions,
	file: InputFile,
): FormData {
	spec.check?.(context, file);
	const form = new FormData();
	form.append(
		spec.filePart,
		new Blob(
			[
				new Uint8Array(
					file.data.buffer,
					file.data.byteOffset,
					file.data.byteLength,
				) as Uint8Array<ArrayBuffer>,
			],
			{ type: file.mimeType },
		),
		file.fileName,
	);
	for (const [name, value] of Object.entries(spec.fields?.(context, file) ?? {})) {
		if (value !== undefined && value !== '') form.append(name, value);
	}
	return form;
}

/** preSend: the request body becomes a multipart form holding the item's file. */
export function multipartFromBinary(spec: MultipartSpec): PreSendAction {
	return async function (this: ItemFunctions, requestOptions: IHttpRequestOptions) {
		const file = await readInputFile(this);
		requestOptions.body = buildMultipart(
			spec,
			this,
			spec.fileName ? { ...file, fileName: spec.fileName(this, file) } : file,
		);
		requestOptions.json = false;
		// The client sets multipart/form-data with its boundary itself.
		if (requestOptions.headers) delete requestOptions.headers['Content-Type'];
		return requestOptions;
	};
}

/** File name from `Content-Disposition` (plain or RFC 5987 `filename*`). */
export function fileNameFromDisposition(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return safeFileName(decodeURIComponent(extended[1].trim().replace(/^"|"$/g, '')));
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
	return plain ? safeFileName(plain[1]) : undefined;
}

export interface BinaryOutputSpec {
	/** Parameter holding the output binary property name (default `binaryPropertyName`). */
	propertyParameter?: string;
	/** File name when the response names none. */
	fallbackFileName?: (context: IExecuteSingleFunctions) => string | undefined;
}

/**
 * postReceive: the response bytes become binary property `<propertyParameter>` of the item, with the
 * server's MIME type and file name; `json` describes the file. A JSON answer on a binary endpoint is
 * returned as JSON (C56 may answer a photo object).
 */
export function binaryFromResponse(spec: BinaryOutputSpec = {}): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const contentType = responseHeader(response.headers, 'content-type');
		if (isJsonContentType(contentType)) {
			const body = isStreamBody(response.body)
				? await readStreamBody(response.body)
				: response.body;
			return toItems(unwrapChakraData(parseBody(body)));
		}
		const body = response.body as unknown;
		// A stream goes to n8n's binary store without being held in memory as a whole first.
		const data = isStreamBody(body)
			? (body as unknown as Parameters<IExecuteSingleFunctions['helpers']['prepareBinaryData']>[0])
			: Buffer.isBuffer(body)
				? body
				: body instanceof ArrayBuffer
					? Buffer.from(body)
					: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
		const fileName =
			fileNameFromDisposition(responseHeader(response.headers, 'content-disposition')) ??
			spec.fallbackFileName?.(this);
		const mimeType = contentType?.split(';')[0].trim() || undefined;
		const propertyName = String(
			this.getNodeParameter(spec.propertyParameter ?? 'binaryPropertyName', 'data'),
		);
		const binary = await this.helpers.prepareBinaryData(data, fileName, mimeType);
		return [
			{
				json: {
					fileName: binary.fileName ?? null,
					mimeType: binary.mimeType,
					fileSize: binary.bytes ?? (Buffer.isBuffer(data) ? data.length : null),
					binaryProperty: propertyName,
				},
				binary: { [propertyName]: binary },
			},
		];
	};
}

/** Request options every binary download needs. */
export const BINARY_DOWNLOAD_REQUEST = {
	// Streamed, so a large file is not held in memory whole before n8n stores it (errors and JSON
	// answers are read in full by the failure check).
	encoding: 'stream' as const,
	json: false,
	headers: { Accept: '*/*' },
	// Contract 1.4: follow redirects, but never carry the token to another host.
	sendCredentialsOnCrossOriginRedirect: false,
};
