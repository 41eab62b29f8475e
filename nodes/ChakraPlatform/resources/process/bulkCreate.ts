/** process.bulkCreate (C48): the body is a bare JSON array of C43 bodies. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { createProcessBody } from '../../../shared/process/body';
import {
	additionalAttributesField,
	bulkFields,
	processDataField,
	processFieldsField,
	recordDataField,
} from '../../../shared/process/fields';
import { runBulk } from './bulk';

const showOnlyForProcessBulkCreate = { resource: ['process'], operation: ['bulkCreate'] };

// Each input item is one process, with the fields of Create; all items are sent in batches.
export const processBulkCreateDescription: INodeProperties[] = [
	processDataField(showOnlyForProcessBulkCreate),
	additionalAttributesField(showOnlyForProcessBulkCreate),
	recordDataField(showOnlyForProcessBulkCreate),
	processFieldsField(showOnlyForProcessBulkCreate, {
		displayName: 'Additional Fields',
		assignee: true,
	}),
	...bulkFields(showOnlyForProcessBulkCreate),
];

export async function executeBulkCreate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, {
		cid: 'C48',
		entry: createProcessBody,
		body: (entries) => entries,
	});
}
