import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/fields';

const showOnlyForMediaDownload = { resource: ['media'], operation: ['download'] };

export const downloadDescription: INodeProperties[] = [
	{
		displayName: 'Media ID',
		name: 'whatsappMediaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1037543291543636',
		description:
			'Media ID of a received image, video, audio, document or sticker message, as given by the Chakra Trigger',
		displayOptions: { show: { resource: ['media'], operation: ['download', 'get'] } },
	},
	outputBinaryField(showOnlyForMediaDownload),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: {
			show: { resource: ['media'], operation: ['download', 'downloadAttachment'] },
		},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'invoice.pdf',
				description:
					'File name for the output when the server sends none (e.g. the filename of an inbound document)',
			},
		],
	},
];

/** The File Name option, used when the download names no file. */
export function optionFileName(context: IExecuteSingleFunctions): string | undefined {
	const options = context.getNodeParameter('options', {}) as { fileName?: string };
	return typeof options.fileName === 'string' && options.fileName.trim() !== ''
		? options.fileName.trim()
		: undefined;
}
