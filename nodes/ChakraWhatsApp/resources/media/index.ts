import type { INodeProperties } from 'n8n-workflow';

import {
	BINARY_DOWNLOAD_REQUEST,
	binaryFromResponse,
	multipartFromBinary,
} from '../../../shared/binary';
import { pluginIdField, whatsappApiVersionField } from '../../../shared/fields';
import { operationRouting } from '../../../shared/request';
import { downloadDescription, optionFileName } from './download';
import { downloadAttachmentDescription, setAttachmentQuery } from './downloadAttachment';
import { uploadDescription, uploadFileName, uploadFormFields } from './upload';

const showOnlyForMedia = { resource: ['media'] };

export const mediaDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForMedia },
		options: [
			{
				name: 'Download',
				value: 'download',
				action: 'Download media',
				description: 'Download the file of a received message by its media ID, as binary data',
				routing: operationRouting('C10', {
					raw: true,
					request: BINARY_DOWNLOAD_REQUEST,
					postReceive: [binaryFromResponse({ fallbackFileName: optionFileName })],
				}),
			},
			{
				name: 'Download Attachment',
				value: 'downloadAttachment',
				action: 'Download a media attachment',
				description: 'Download a file by its lookaside URL (or its mid), as binary data',
				routing: operationRouting('C12', {
					raw: true,
					request: BINARY_DOWNLOAD_REQUEST,
					preSend: [setAttachmentQuery],
					postReceive: [binaryFromResponse({ fallbackFileName: optionFileName })],
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get media metadata',
				description: 'Get the URL, MIME type, size and SHA-256 of a received media file',
				routing: operationRouting('C11'),
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload public media',
				description:
					'Upload a file from a binary field and get a public URL to send in messages and templates',
				routing: operationRouting('C9', {
					preSend: [
						multipartFromBinary({
							filePart: 'file',
							fileName: uploadFileName,
							fields: uploadFormFields,
						}),
					],
				}),
			},
		],
		default: 'upload',
	},
	pluginIdField({ ...showOnlyForMedia, operation: ['upload'] }),
	whatsappApiVersionField({
		...showOnlyForMedia,
		operation: ['download', 'get', 'downloadAttachment'],
	}),
	...uploadDescription,
	...downloadDescription,
	// C11 takes the Media ID field defined with the download operation (shown for both) and the version.
	...downloadAttachmentDescription,
];
