import type { INodeProperties } from 'n8n-workflow';

import { groupIdField } from '../../descriptions';

const showOnlyForInviteLinkReset = { resource: ['inviteLink'], operation: ['reset'] };

export const inviteLinkResetDescription: INodeProperties[] = [
	{
		...groupIdField(showOnlyForInviteLinkReset),
		hint: 'The current invite link stops working; share the new one from the output',
	},
];
