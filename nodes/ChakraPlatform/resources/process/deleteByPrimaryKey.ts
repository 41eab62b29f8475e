import type { INodeProperties } from 'n8n-workflow';

import { primaryKeyFields } from '../../../shared/process/fields';

const showOnlyForProcessDeleteByPrimaryKey = {
	resource: ['process'],
	operation: ['deleteByPrimaryKey'],
};

export const processDeleteByPrimaryKeyDescription: INodeProperties[] = [
	...primaryKeyFields(showOnlyForProcessDeleteByPrimaryKey),
];
