import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/health',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'ChakraHQ refused the access token (HTTP 401): check the token and that its API key is still active',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: "ChakraHQ refused the request (HTTP 403): the API key's Access Role lacks the privilege",
				},
			},
		],
	};
}
