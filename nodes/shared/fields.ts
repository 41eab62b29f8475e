/**
 * Parameters that appear in more than one node, defined once. Each factory takes the display
 * options of the operations that show it.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_RESPONSE_MB } from './pipeline';
import { PLUGIN_ID_FIELD_TEXT } from './pluginId';
import { DEFAULT_MAX_RETRIES } from './retry';
import { DEFAULT_MESSAGES_PER_SECOND } from './pacing';

type Show = IDisplayOptions['show'];

function shownFor(show?: Show): Pick<INodeProperties, 'displayOptions'> {
	return show ? { displayOptions: { show } } : {};
}

export function pluginIdField(show?: Show): INodeProperties {
	return {
		displayName: 'Plugin ID',
		name: 'pluginId',
		type: 'string',
		default: '',
		placeholder: PLUGIN_ID_FIELD_TEXT.placeholder,
		hint: PLUGIN_ID_FIELD_TEXT.hint,
		description:
			'ID of the WhatsApp plugin: the last part of the URL of the WhatsApp Setup page in ChakraHQ (…/admin/plugin/…). Empty: the Plugin ID of the Chakra API credential is used.',
		...shownFor(show),
	};
}

export function whatsappPhoneNumberIdField(show?: Show): INodeProperties {
	return {
		displayName: 'WhatsApp Phone Number',
		name: 'whatsappPhoneNumberId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The business phone number that sends or owns the resource',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '775966265503012',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]+$', errorMessage: 'A phone number ID has digits only' },
					},
				],
			},
		],
		...shownFor(show),
	};
}

export function wabaIdField(show?: Show): INodeProperties {
	return {
		displayName: 'WhatsApp Business Account',
		name: 'wabaId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The WhatsApp Business Account (WABA). The list needs the Plugin ID above.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchBusinessAccounts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '83784929738012',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]+$', errorMessage: 'A WABA ID has digits only' },
					},
				],
			},
		],
		...shownFor(show),
	};
}

/** The Graph API version used when a node has none set (the default of its field). */
export const WHATSAPP_API_VERSION = 'v24.0';

export function whatsappApiVersionField(show?: Show): INodeProperties {
	return {
		displayName: 'WhatsApp API Version',
		name: 'whatsappApiVersion',
		type: 'string',
		required: true,
		default: WHATSAPP_API_VERSION,
		placeholder: WHATSAPP_API_VERSION,
		description: 'Graph API version of the WhatsApp Cloud API calls, in the form vNN.N',
		...shownFor(show),
	};
}

/** Recipient phone number: digits with country code; `+`, spaces, dashes and brackets are removed. */
export function recipientPhoneNumberField(
	show?: Show,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '919911223344',
		description:
			'Recipient in international format with the country code, e.g. 919911223344. A leading +, spaces, dashes and brackets are removed.',
		...shownFor(show),
		...overrides,
	};
}

/** `status` of a process or task (docs/api-reference.md 3.12, C43-C50). */
export const PROCESS_STATUS_OPTIONS = [
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'Open', value: 'OPEN' },
];

/** Return All and Limit of a list operation. */
export function returnAllAndLimitFields(show: Show, maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

export function inputBinaryField(show?: Show, description?: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to be uploaded',
		description: description ?? 'Name of the binary property of the input item that holds the file',
		...shownFor(show),
	};
}

export function outputBinaryField(show?: Show): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		description: 'Name of the binary property that receives the downloaded file',
		...shownFor(show),
	};
}

/** How fast the message operations send per WhatsApp phone number (pacing in `pacing.ts`). */
export function messagesPerSecondField(show?: Show): INodeProperties {
	return {
		displayName: 'Messages per Second',
		name: 'messagesPerSecond',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_MESSAGES_PER_SECOND,
		description:
			'How many messages per second the node sends from one WhatsApp phone number. WhatsApp allows 80 by default, 1,000 after an upgrade and 20 for numbers also used in the WhatsApp Business app, and refuses sends beyond it. The items go out at this rate, in order; when WhatsApp still refuses, the node slows down and tries again. 0 starts all items at once.',
		...shownFor(show),
	};
}

/** Per-node retry option (retry policy in `retry.ts`). */
export const maxRetriesField: INodeProperties = {
	displayName: 'Max Retries on Rate Limit',
	name: 'maxRetriesOnRateLimit',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 10 },
	default: DEFAULT_MAX_RETRIES,
	description:
		'How often a request refused for rate limiting (HTTP 429 or a WhatsApp rate-limit code) is sent again, waiting as the server asks or with exponential backoff. 0 turns retries off. Other failed writes are never retried, so no message is sent twice.',
};

/** Per-node limit of an answer read into memory (enforced while it streams in, pipeline.ts). */
export const maxResponseSizeField: INodeProperties = {
	displayName: 'Max Response Size (MB)',
	name: 'maxResponseSizeMb',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 2048 },
	default: DEFAULT_MAX_RESPONSE_MB,
	description:
		'Largest answer (after decompression) read from ChakraHQ for one request; a larger answer stops with an error instead of filling memory. Downloaded files are streamed to binary data and not limited by this.',
};
