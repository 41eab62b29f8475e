import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../../shared/fields';
import { groupIdField } from '../../descriptions';

const showOnlyForJoinRequestGetAll = { resource: ['joinRequest'], operation: ['getAll'] };

/** Page size asked of C22 (Meta's maximum for this edge is not documented; 100 is accepted by Graph edges generally). */
export const JOIN_REQUESTS_PAGE_SIZE = 100;

export const joinRequestGetAllDescription: INodeProperties[] = [
	{
		...groupIdField(showOnlyForJoinRequestGetAll),
		hint: 'Join requests exist only for groups whose join approval mode is "Approval Required"',
	},
	...returnAllAndLimitFields(showOnlyForJoinRequestGetAll),
];
