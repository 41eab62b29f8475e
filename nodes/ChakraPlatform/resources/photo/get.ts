import type { INodeProperties } from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/fields';

const showOnlyForPhotoGet = { resource: ['photo'], operation: ['get'] };

export const photoGetDescription: INodeProperties[] = [
	{
		displayName: 'Photo ID',
		name: 'photoId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'f03ee609-cd2d-4e61-821d-9b0531e4ad8c',
		description:
			'UUID of the photo, e.g. the value of a photo attribute or the ID returned by Upload',
		displayOptions: { show: showOnlyForPhotoGet },
	},
	outputBinaryField(showOnlyForPhotoGet),
];
