import type { INodeProperties } from 'n8n-workflow';

const showOnlyForSettingsGet = { resource: ['settings'], operation: ['get'] };

export const settingsGetDescription: INodeProperties[] = [
	{
		displayName: 'Include SIP Credentials',
		name: 'includeSipCredentials',
		type: 'boolean',
		default: false,
		description: 'Whether to include the SIP user passwords of the SIP servers in the output',
		hint: 'The output then holds secrets: avoid logging or forwarding it',
		displayOptions: { show: showOnlyForSettingsGet },
		routing: {
			send: {
				type: 'query',
				property: 'include_sip_credentials',
				value: '={{ $value ? "true" : undefined }}',
			},
		},
	},
];
