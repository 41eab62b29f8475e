import type { INodeProperties } from 'n8n-workflow';

import { groupIdField } from '../../descriptions';
import { joinRequestIdsField } from './outcome';

const showOnlyForJoinRequestReject = { resource: ['joinRequest'], operation: ['reject'] };

export const joinRequestRejectDescription: INodeProperties[] = [
	groupIdField(showOnlyForJoinRequestReject),
	joinRequestIdsField(showOnlyForJoinRequestReject),
];
