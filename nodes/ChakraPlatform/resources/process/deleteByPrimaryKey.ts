import type { INodeProperties } from 'n8n-workflow';

import { primaryKeyFields } from './fields';

const showOnlyForProcessDeleteByPrimaryKey = { resource: ['process'], operation: ['deleteByPrimaryKey'] };

export const processDeleteByPrimaryKeyDescription: INodeProperties[] = [
	...primaryKeyFields(showOnlyForProcessDeleteByPrimaryKey),
];
