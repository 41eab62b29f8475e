import type { INodeProperties } from 'n8n-workflow';

import { groupIdField } from '../../descriptions';

const showOnlyForInviteLinkGet = { resource: ['inviteLink'], operation: ['get'] };

export const inviteLinkGetDescription: INodeProperties[] = [groupIdField(showOnlyForInviteLinkGet)];
