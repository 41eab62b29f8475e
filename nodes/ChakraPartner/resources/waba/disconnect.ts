import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { itemError } from '../../../shared/validation';

const showOnlyForWabaDisconnect = { resource: ['waba'], operation: ['disconnect'] };

/**
 * preSend of C40: disconnecting is destructive, so the WABA ID must be typed again in Confirm WABA ID
 * and match the chosen account exactly; otherwise nothing is sent.
 */
export async function requireConfirmedWabaId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const wabaId = String(this.getNodeParameter('wabaId', '', { extractValue: true }) ?? '').trim();
	if (!/^[0-9]+$/.test(wabaId)) {
		throw itemError(
			this,
			'wabaId',
			wabaId === '' ? 'is required but empty' : `"${wabaId}" is not a WABA ID (digits only)`,
		);
	}
	const confirmation = String(this.getNodeParameter('confirmWabaId', '') ?? '').trim();
	if (confirmation !== wabaId) {
		throw itemError(
			this,
			'Confirm WABA ID',
			confirmation === ''
				? 'is empty, so the account was not disconnected'
				: `"${confirmation}" does not match the WABA ID ${wabaId}, so the account was not disconnected`,
			`Type ${wabaId} in Confirm WABA ID to disconnect this WhatsApp Business Account.`,
		);
	}
	requestOptions.body = { wabaId };
	return requestOptions;
}

export const disconnectDescription: INodeProperties[] = [
	{
		displayName:
			'Disconnecting removes the WhatsApp Business Account from the plugin: its numbers stop sending and receiving through ChakraHQ until the account is connected again',
		name: 'disconnectNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showOnlyForWabaDisconnect },
	},
	{
		displayName: 'Confirm WABA ID',
		name: 'confirmWabaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '83784929738012',
		description:
			'Type the ID of the WhatsApp Business Account again. The account is disconnected only when this matches the account chosen above.',
		displayOptions: { show: showOnlyForWabaDisconnect },
	},
];
