/** Send (C4/C5), media messages (image, video, audio, document, sticker). */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { limitedText, trimmedText } from '../../../../shared/checks';
import type { ItemFunctions } from '../../../../shared/itemFunctions';
import { normalizeParameter } from '../../../../shared/validation';
import type { MediaKind } from '../../media/publicMedia';
import { requireHttpUrl, uploadBinaryForMessage } from '../../media/publicMedia';
import { CAPTION_MAX, MEDIA_TYPES, show } from './common';

export const mediaFields: INodeProperties[] = [
	{
		displayName: 'Media Source',
		name: 'mediaSource',
		type: 'options',
		default: 'link',
		options: [
			{
				name: 'Binary Field',
				value: 'binary',
				description: 'A file of the input item, uploaded to ChakraHQ public media first',
			},
			{ name: 'Link', value: 'link', description: 'A public URL WhatsApp downloads' },
			{ name: 'Media ID', value: 'id', description: 'The ID of media already on WhatsApp' },
		],
		displayOptions: show({ messageType: MEDIA_TYPES }),
	},
	{
		displayName: 'Media Link',
		name: 'mediaLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://chakra-public-media.chakrahq.com/…/photo.jpg',
		displayOptions: show({ messageType: MEDIA_TYPES, mediaSource: ['link'] }),
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1037543291543636',
		displayOptions: show({ messageType: MEDIA_TYPES, mediaSource: ['id'] }),
	},
	{
		displayName: 'Input Binary Field',
		name: 'mediaBinaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to send',
		description:
			"The file is checked against WhatsApp's types and sizes for the message type, uploaded through ChakraHQ, then sent by its public link",
		displayOptions: show({ messageType: MEDIA_TYPES, mediaSource: ['binary'] }),
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Text shown under the media, up to 1024 characters',
		displayOptions: show({ messageType: ['image', 'video', 'document'] }),
	},
	{
		displayName: 'File Name',
		name: 'documentFilename',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		description: 'File name shown to the recipient. Empty: the binary file name, if any.',
		displayOptions: show({ messageType: ['document'] }),
	},
];

/** The media object of a media message: by ID, link or uploaded binary; caption and file name where allowed. */
export async function mediaObject(context: ItemFunctions, kind: MediaKind): Promise<IDataObject> {
	const source = context.getNodeParameter('mediaSource', 'link');
	const result: IDataObject = {};
	let fileName: string | undefined;
	if (source === 'id') {
		result.id = normalizeParameter(
			context,
			'whatsappMediaId',
			context.getNodeParameter('mediaId', ''),
		);
	} else if (source === 'binary') {
		const uploaded = await uploadBinaryForMessage(
			context,
			'mediaBinaryPropertyName',
			kind,
			'Input Binary Field',
		);
		result.link = uploaded.url;
		fileName = uploaded.fileName;
	} else {
		result.link = requireHttpUrl(context, 'Media Link', context.getNodeParameter('mediaLink', ''));
	}
	if (kind === 'image' || kind === 'video' || kind === 'document') {
		const caption = limitedText(
			context,
			'Caption',
			context.getNodeParameter('caption', ''),
			CAPTION_MAX,
		);
		if (caption !== '') result.caption = caption;
	}
	if (kind === 'document') {
		const filename = trimmedText(context.getNodeParameter('documentFilename', '')) || fileName;
		if (filename) result.filename = filename;
	}
	return result;
}
