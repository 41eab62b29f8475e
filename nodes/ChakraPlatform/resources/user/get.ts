import type { INodeProperties } from 'n8n-workflow';

import { humanizedField, userIdField } from './fields';

const showOnlyForUserGet = { resource: ['user'], operation: ['get'] };

export const userGetDescription: INodeProperties[] = [
	userIdField(showOnlyForUserGet),
	humanizedField(showOnlyForUserGet),
];
