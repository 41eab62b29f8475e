import { createPublicKey } from 'node:crypto';

import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { itemError } from '../../../shared/validation';

const showOnlyForFlowSetPublicKey = { resource: ['flow'], operation: ['setPublicKey'] };

/** preSend: the key must be a 2048-bit RSA public key in PEM form (Meta rejects anything else). */
export async function checkBusinessPublicKey(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const pem = String(this.getNodeParameter('businessPublicKey', '')).trim().replace(/\\n/g, '\n');
	const field = 'Business Public Key';
	if (!/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(pem)) {
		throw itemError(
			this,
			field,
			'must be a PEM public key starting with -----BEGIN PUBLIC KEY-----',
		);
	}
	let key;
	try {
		key = createPublicKey(pem);
	} catch (error) {
		throw itemError(this, field, `is not a readable public key (${(error as Error).message})`);
	}
	const bits = key.asymmetricKeyDetails?.modulusLength;
	if (key.asymmetricKeyType !== 'rsa' || bits !== 2048) {
		throw itemError(
			this,
			field,
			`must be a 2048-bit RSA key, got ${key.asymmetricKeyType ?? 'unknown'}${bits ? ` ${bits}-bit` : ''}`,
		);
	}
	requestOptions.body = { business_public_key: pem };
	return requestOptions;
}

export const setPublicKeyDescription: INodeProperties[] = [
	{
		displayName: 'Business Public Key',
		name: 'businessPublicKey',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		placeholder: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh...\n-----END PUBLIC KEY-----',
		description:
			'2048-bit RSA public key in PEM form used to encrypt WhatsApp Flows data for this phone number',
		displayOptions: { show: showOnlyForFlowSetPublicKey },
	},
];
