import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import {
	BINARY_DOWNLOAD_REQUEST,
	binaryFromResponse,
	multipartFromBinary,
} from '../../../shared/binary';
import { operationRouting } from '../../../shared/request';
import { photoGetDescription } from './get';
import { photoParts, photoUploadDescription, useClientPhotoId } from './upload';

const showOnlyForPhotos = { resource: ['photo'] };

function photoFileName(context: IExecuteSingleFunctions): string {
	return `photo-${String(context.getNodeParameter('photoId', ''))}`;
}

export const photoDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPhotos },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Download a photo',
				description: 'Download a photo as binary data',
				routing: operationRouting('C56', {
					raw: true,
					request: BINARY_DOWNLOAD_REQUEST,
					postReceive: [binaryFromResponse({ fallbackFileName: photoFileName })],
				}),
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a photo',
				description:
					'Upload an image from binary data; use the returned ID as the value of a photo attribute',
				routing: operationRouting('C57', {
					preSend: [
						useClientPhotoId,
						multipartFromBinary({ filePart: 'photo', fields: photoParts }),
					],
				}),
			},
		],
		default: 'get',
	},
	...photoGetDescription,
	...photoUploadDescription,
];
