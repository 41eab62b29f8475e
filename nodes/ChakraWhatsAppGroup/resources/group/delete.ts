import type { INodeProperties } from 'n8n-workflow';

import { groupIdField } from '../../descriptions';

const showOnlyForGroupDelete = { resource: ['group'], operation: ['delete'] };

export const groupDeleteDescription: INodeProperties[] = [groupIdField(showOnlyForGroupDelete)];
