import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/fields';
import { itemError } from '../../../shared/validation';

const showOnlyForMediaDownloadAttachment = {
	resource: ['media'],
	operation: ['downloadAttachment'],
};

export const downloadAttachmentDescription: INodeProperties[] = [
	{
		displayName: 'Attachment',
		name: 'attachmentSource',
		type: 'options',
		default: 'url',
		options: [
			{
				name: 'Lookaside URL',
				value: 'url',
				description:
					'The whole https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=… link',
			},
			{ name: 'Mid', value: 'mid', description: 'Only the mid value of such a link' },
		],
		displayOptions: { show: showOnlyForMediaDownloadAttachment },
	},
	{
		displayName: 'Lookaside URL',
		name: 'lookasideUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder:
			'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1037543291543636&ext=1729230548&hash=ATu…',
		description:
			'The media URL of a received message or of Media > Get; its mid and other parameters are forwarded',
		displayOptions: { show: { ...showOnlyForMediaDownloadAttachment, attachmentSource: ['url'] } },
	},
	{
		displayName: 'Mid',
		name: 'mid',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1037543291543636',
		displayOptions: { show: { ...showOnlyForMediaDownloadAttachment, attachmentSource: ['mid'] } },
	},
	outputBinaryField(showOnlyForMediaDownloadAttachment),
];

/** preSend of C12: `mid` (typed, or read from a lookaside URL with its other parameters). */
export async function setAttachmentQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs: IDataObject = {};
	if (this.getNodeParameter('attachmentSource', 'url') === 'mid') {
		const mid = String(this.getNodeParameter('mid', '') ?? '').trim();
		if (mid === '') throw itemError(this, 'Mid', 'is required but empty');
		qs.mid = mid;
	} else {
		const text = String(this.getNodeParameter('lookasideUrl', '') ?? '').trim();
		let url: URL;
		try {
			url = new URL(text);
		} catch {
			throw itemError(
				this,
				'Lookaside URL',
				text === '' ? 'is required but empty' : `"${text}" is not a URL`,
			);
		}
		const mid = url.searchParams.get('mid');
		if (!mid) {
			throw itemError(
				this,
				'Lookaside URL',
				'has no mid parameter',
				'Use the media URL of a received message, which looks like https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…',
			);
		}
		for (const [key, value] of url.searchParams) qs[key] = value;
	}
	requestOptions.qs = { ...(requestOptions.qs ?? {}), ...qs };
	return requestOptions;
}
