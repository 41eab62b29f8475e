import type { INodeProperties } from 'n8n-workflow';

import { additionalAttributesField, bulkFields, processDataField, processFieldsField, recordDataField } from '../../../shared/process/fields';

const showOnlyForProcessBulkCreate = { resource: ['process'], operation: ['bulkCreate'] };

// Each input item is one process, with the fields of Create; all items are sent in batches.
export const processBulkCreateDescription: INodeProperties[] = [
	processDataField(showOnlyForProcessBulkCreate),
	additionalAttributesField(showOnlyForProcessBulkCreate),
	recordDataField(showOnlyForProcessBulkCreate),
	processFieldsField(showOnlyForProcessBulkCreate, { displayName: 'Additional Fields', assignee: true }),
	...bulkFields(showOnlyForProcessBulkCreate),
];
