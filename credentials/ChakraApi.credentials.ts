import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { ACCEPTED_BASE_URL, BASE_URL_REFUSAL } from '../nodes/shared/baseUrl';

/**
 * The test request's Base URL: the same rule as every node (nodes/shared/baseUrl.ts), as an
 * expression, because the credential test runs no code of the package. n8n's expression engine
 * turns the thrown error into an empty value, so a refused Base URL fails the test with n8n's
 * "Invalid URL" and nothing is sent; the nodes name the Base URL field in their own error.
 */
const BASE_URL_TEST_EXPRESSION = `={{ (() => { const url = String($credentials.baseUrl ?? '').trim() || 'https://api.chakrahq.com'; if (!${ACCEPTED_BASE_URL.toString()}.test(url)) { throw new Error(${JSON.stringify(BASE_URL_REFUSAL)}); } return url.replace(/\\/+$/, ''); })() }}`;

export class ChakraApi implements ICredentialType {
	name = 'chakraApi';

	displayName = 'Chakra API';

	icon: Icon = { light: 'file:../icons/chakra.svg', dark: 'file:../icons/chakra.dark.svg' };

	documentationUrl = 'https://apidocs.chakrahq.com';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Token of an API key from ChakraHQ (Admin > API Keys > your key > Access Tokens). The key acts with the privileges of its Access Role.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.chakrahq.com',
			description:
				'Root of the ChakraHQ API. Change it only for a staging host, a proxy or a local mock.',
		},
		{
			displayName: 'Plugin ID',
			name: 'pluginId',
			type: 'string',
			default: '',
			placeholder: 'e.g. from the URL of the WhatsApp Setup page',
			description:
				'Optional. ID of the WhatsApp plugin (the last part of the URL of the WhatsApp Setup page in ChakraHQ, …/admin/plugin/…). Used by every node whose own Plugin ID is left empty.',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Team secret (Admin > Team > Secrets) used by the Chakra Trigger to verify the X-Chakra-Signature-256 header. Leave empty to accept unsigned deliveries.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// C62: GET /v1/health, any 2xx means the token was accepted.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_TEST_EXPRESSION,
			url: '/v1/health',
			method: 'GET',
			// n8n follows redirects with the Authorization header by default; a redirect is refused instead.
			disableFollowRedirect: true,
		},
		rules: [
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `Base URL: ChakraHQ answered with a redirect (HTTP ${value}); the access token is not sent to another address. Use the address the redirect points at in the Base URL field, if you trust it.`,
				},
			})),
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'ChakraHQ refused the access token (HTTP 401): check the token and that its API key is still active',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"ChakraHQ refused the request (HTTP 403): the API key's Access Role lacks the privilege",
				},
			},
		],
	};
}
