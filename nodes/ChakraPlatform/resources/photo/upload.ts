import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import type { InputFile } from '../../../shared/binary';
import { buildPath } from '../../../shared/endpoints';
import { inputBinaryField } from '../../../shared/fields';
import { isUuid, itemError } from '../../../shared/validation';
import type { ItemFunctions } from '../../../shared/itemFunctions';

const showOnlyForPhotoUpload = { resource: ['photo'], operation: ['upload'] };

function uploadOptions(context: ItemFunctions): IDataObject {
	return context.getNodeParameter('uploadOptions', {}) as IDataObject;
}

/** preSend of C57: with a client-generated photo ID the upload goes to C58 instead. */
export async function useClientPhotoId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const raw = uploadOptions(this).photoId;
	const photoId =
		typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : String(raw);
	if (photoId === '') return requestOptions;
	if (!isUuid(photoId)) {
		throw itemError(
			this,
			'Photo ID',
			`"${photoId}" is not a valid UUID`,
			'Use a UUID such as 3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f, e.g. from {{ $uuid }} or crypto.randomUUID().',
		);
	}
	requestOptions.url = buildPath('C58', { photoId });
	return requestOptions;
}

function extensionOf(fileName: string): string | undefined {
	const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
	return match ? match[1].toLowerCase() : undefined;
}

/** Multipart text parts: `filename` and `filetype`, from the options or else from the file itself. */
export function photoParts(
	context: ItemFunctions,
	file: InputFile,
): Record<string, string | undefined> {
	const options = uploadOptions(context);
	const given = (name: string) =>
		typeof options[name] === 'string' ? (options[name] as string).trim() : '';
	const filetype =
		given('filetype') ||
		file.binary.fileExtension?.toLowerCase() ||
		extensionOf(file.fileName) ||
		file.mimeType.split('/')[1]?.split('+')[0]?.toLowerCase();
	const filename = given('filename') || file.fileName.replace(/\.[A-Za-z0-9]+$/, '');
	return { filename, filetype };
}

export const photoUploadDescription: INodeProperties[] = [
	inputBinaryField(
		showOnlyForPhotoUpload,
		'Name of the binary property of the input item that holds the image',
	),
	{
		displayName: 'Options',
		name: 'uploadOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForPhotoUpload },
		options: [
			{
				displayName: 'File Name',
				name: 'filename',
				type: 'string',
				default: '',
				placeholder: 'mobile_screenshot',
				description: 'Name to store the photo under. Default: the file name without its extension.',
			},
			{
				displayName: 'File Type',
				name: 'filetype',
				type: 'string',
				default: '',
				placeholder: 'png',
				description:
					'File extension to store, e.g. png. Default: the extension of the file, else its MIME type.',
			},
			{
				displayName: 'Photo ID',
				name: 'photoId',
				type: 'string',
				default: '',
				placeholder: '3f2b8c1e-6d4a-4b8e-9c2f-1a2b3c4d5e6f',
				description:
					'A UUID you generate, so the photo ID can be written into a process before or while uploading and a retry cannot create a second photo',
			},
		],
	},
];
