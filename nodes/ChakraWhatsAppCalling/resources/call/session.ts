/**
 * Pieces the call actions of C36 share: the call id, the SDP session (offer for connect, answer for
 * pre_accept / accept), and the optional callback data, recording and transcription.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import { itemError } from '../../../shared/validation';

type Show = IDisplayOptions['show'];
export type SdpType = 'offer' | 'answer';

const CALL_ID_LABEL = 'Call ID';
const SDP_LABEL: Record<SdpType, string> = { offer: 'SDP Offer', answer: 'SDP Answer' };
const SDP_PARAMETER: Record<SdpType, string> = { offer: 'sdpOffer', answer: 'sdpAnswer' };

function bodyOf(requestOptions: IHttpRequestOptions): IDataObject {
	return { ...((requestOptions.body ?? {}) as IDataObject) };
}

/**
 * The session object of an SDP field. The field holds the SDP text itself, or the JSON object
 * `{ "sdp_type": ..., "sdp": ... }` (as text or from an expression), whose type must fit the action.
 */
export function sdpSession(
	context: IExecuteSingleFunctions,
	expected: SdpType,
	raw: unknown,
): IDataObject {
	const label = SDP_LABEL[expected];
	let value = raw;
	if (typeof value === 'string' && value.trim().startsWith('{')) {
		try {
			value = JSON.parse(value) as unknown;
		} catch (error) {
			throw itemError(
				context,
				label,
				`looks like JSON but is not valid JSON (${(error as Error).message})`,
			);
		}
	}
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const session = value as IDataObject;
		if (session.sdp_type !== expected) {
			throw itemError(
				context,
				label,
				`has sdp_type ${JSON.stringify(session.sdp_type ?? null)}, but this action needs an SDP ${expected} (sdp_type "${expected}")`,
			);
		}
		value = session.sdp;
	}
	if (typeof value !== 'string') {
		throw itemError(
			context,
			label,
			`must be the SDP ${expected} as text, not ${value === undefined || value === null ? 'an empty value' : typeof value}`,
		);
	}
	const sdp = value.replace(/^\s+/, '');
	if (sdp === '') throw itemError(context, label, 'is required but empty');
	if (!sdp.startsWith('v=0')) {
		throw itemError(
			context,
			label,
			`is not an SDP ${expected}: it must start with "v=0"`,
			`Paste the ${expected} created by your WebRTC stack (RFC 8866 text that starts with v=0), or the JSON object {"sdp_type": "${expected}", "sdp": "v=0..."}.`,
		);
	}
	return { sdp_type: expected, sdp };
}

/** preSend: `session` from the SDP field of the action. */
export function sessionBody(expected: SdpType): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const session = sdpSession(this, expected, this.getNodeParameter(SDP_PARAMETER[expected], ''));
		requestOptions.body = { ...bodyOf(requestOptions), session };
		return requestOptions;
	};
}

/** preSend: the `call_id` of the call to act on; an empty one is an error. */
export async function callIdBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const callId = String(this.getNodeParameter('callId', '') ?? '').trim();
	if (callId === '') throw itemError(this, CALL_ID_LABEL, 'is required but empty');
	requestOptions.body = { ...bodyOf(requestOptions), call_id: callId };
	return requestOptions;
}

function mediaOption(entry: IDataObject | undefined): IDataObject | undefined {
	if (!entry) return undefined;
	const option: IDataObject = { status: entry.status ?? 'ENABLED' };
	const purpose = String(entry.purpose ?? '').trim();
	const language = String(entry.announcementLanguage ?? '').trim();
	if (purpose !== '') option.purpose = purpose;
	if (language !== '') option.announcement_language = language;
	return option;
}

/** preSend: `biz_opaque_callback_data`, `recording` and `transcription` from the Options collection. */
export async function callOptionsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const options = (this.getNodeParameter('callOptions', {}) ?? {}) as IDataObject;
	const body = bodyOf(requestOptions);
	const callbackData = String(options.bizOpaqueCallbackData ?? '');
	if (callbackData !== '') body.biz_opaque_callback_data = callbackData;
	const recording = mediaOption(
		(options.recording as IDataObject | undefined)?.settings as IDataObject | undefined,
	);
	if (recording) body.recording = recording;
	const transcription = mediaOption(
		(options.transcription as IDataObject | undefined)?.settings as IDataObject | undefined,
	);
	if (transcription) body.transcription = transcription;
	requestOptions.body = body;
	return requestOptions;
}

export function callIdField(show: Show): INodeProperties {
	return {
		displayName: CALL_ID_LABEL,
		name: 'callId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wacid.HBgLMTIxODU1NTI4MjgVAgARGCAyODRQIAFRoA',
		description:
			'ID of the call (wacid.…): from the calls webhook (Chakra Trigger) or the output of Connect',
		displayOptions: { show },
	};
}

export function sdpField(expected: SdpType, show: Show): INodeProperties {
	return {
		displayName: SDP_LABEL[expected],
		name: SDP_PARAMETER[expected],
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		placeholder: 'v=0\no=- 4611731400430051336 2 IN IP4 127.0.0.1\n...',
		description: `The SDP ${expected} from your WebRTC stack (text starting with v=0), or the JSON object {"sdp_type": "${expected}", "sdp": "v=0..."}`,
		displayOptions: { show },
	};
}

function mediaOptionField(displayName: string, name: string, what: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		default: {},
		placeholder: `Add ${displayName}`,
		description: `Whether and how the call is ${what}`,
		options: [
			{
				displayName: 'Settings',
				name: 'settings',
				values: [
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						options: [
							{ name: 'Enabled', value: 'ENABLED' },
							{ name: 'Disabled', value: 'DISABLED' },
						],
						default: 'ENABLED',
					},
					{
						displayName: 'Purpose',
						name: 'purpose',
						type: 'string',
						default: '',
						description: 'Why the call is ' + what,
					},
					{
						displayName: 'Announcement Language',
						name: 'announcementLanguage',
						type: 'string',
						default: '',
						placeholder: 'en_US',
						description: 'Language of the announcement played to the user',
					},
				],
			},
		],
	};
}

/** Options of an action: callback data always; recording and transcription for connect / pre-accept / accept. */
export function callOptionsField(show: Show, withMedia: boolean): INodeProperties {
	return {
		displayName: 'Options',
		name: 'callOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Business Callback Data',
				name: 'bizOpaqueCallbackData',
				type: 'string',
				default: '',
				placeholder: 'order-1042',
				description:
					'Your own tracking text (biz_opaque_callback_data); WhatsApp returns it in the call webhooks',
			},
			...(withMedia
				? [
						mediaOptionField('Recording', 'recording', 'recorded'),
						mediaOptionField('Transcription', 'transcription', 'transcribed'),
					]
				: []),
		],
	};
}
