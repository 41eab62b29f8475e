import type { INodeProperties } from 'n8n-workflow';

import { operationRouting } from '../../../shared/request';
import { GROUP_WRITE_REQUEST } from '../writeBody';
import {
	participantRemoveDescription,
	participantsBody,
	removeParticipantsInChunks,
} from './remove';

const showOnlyForParticipants = { resource: ['participant'] };

export const participantDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForParticipants },
		options: [
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove participants from a group',
				description:
					'Remove people from a group (participants cannot be added by API: share the invite link)',
				routing: operationRouting('C25', {
					request: GROUP_WRITE_REQUEST,
					preSend: [participantsBody],
					pagination: removeParticipantsInChunks,
				}),
			},
		],
		default: 'remove',
	},
	...participantRemoveDescription,
];
