import type { INodeProperties } from 'n8n-workflow';

import { groupIdField } from '../../descriptions';

const showOnlyForGroupGet = { resource: ['group'], operation: ['get'] };

export const groupGetDescription: INodeProperties[] = [
	groupIdField(showOnlyForGroupGet),
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		options: [
			{ name: 'Creation Timestamp', value: 'creation_timestamp' },
			{ name: 'Description', value: 'description' },
			{ name: 'Join Approval Mode', value: 'join_approval_mode' },
			{ name: 'Participants', value: 'participants' },
			{ name: 'Subject', value: 'subject' },
			{ name: 'Suspended', value: 'suspended' },
			{ name: 'Total Participant Count', value: 'total_participant_count' },
		],
		default: [],
		description:
			"Group fields to return. Leave empty for WhatsApp's default set (participants are not part of it).",
		displayOptions: { show: showOnlyForGroupGet },
		routing: {
			// A list, or from an expression an array or a comma-separated string.
			send: {
				type: 'query',
				property: 'fields',
				value: '={{ [].concat($value ?? []).join(",").replace(/\\s+/g, "") || undefined }}',
			},
		},
	},
];
