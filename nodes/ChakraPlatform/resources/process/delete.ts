import type { INodeProperties } from 'n8n-workflow';

import { processIdField } from '../../../shared/process/fields';

const showOnlyForProcessDelete = { resource: ['process'], operation: ['delete'] };

export const processDeleteDescription: INodeProperties[] = [
	processIdField(showOnlyForProcessDelete),
];
