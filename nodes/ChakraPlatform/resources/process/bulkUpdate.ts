/**
 * process.bulkUpdate (C49): `{ processes: [{ id | <primaryKeyShortId>: value, update: {...} }] }`.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { updateProcessBody } from '../../../shared/process/body';
import { requiredTextParameter } from '../../../shared/checks';
import type { ItemFunctions } from '../../../shared/itemFunctions';
import {
	additionalAttributesField,
	bulkFields,
	primaryKeyFields,
	processDataField,
	processFieldsField,
	processIdField,
} from '../../../shared/process/fields';
import { runBulk } from './bulk';
import { primaryKeyShortId } from './primaryKey';

const showOnlyForProcessBulkUpdate = { resource: ['process'], operation: ['bulkUpdate'] };

// Each input item is one process update; all items are sent in batches.
export const processBulkUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Identify Process By',
		name: 'identifyBy',
		type: 'options',
		options: [
			{ name: 'Process ID', value: 'id' },
			{ name: 'Primary Key', value: 'primaryKey' },
		],
		default: 'id',
		displayOptions: { show: showOnlyForProcessBulkUpdate },
	},
	processIdField({ ...showOnlyForProcessBulkUpdate, identifyBy: ['id'] }),
	...primaryKeyFields({ ...showOnlyForProcessBulkUpdate, identifyBy: ['primaryKey'] }),
	processDataField(showOnlyForProcessBulkUpdate),
	additionalAttributesField(showOnlyForProcessBulkUpdate),
	processFieldsField(showOnlyForProcessBulkUpdate, {
		displayName: 'Update Fields',
		assignee: true,
		deleteFlag: true,
	}),
	...bulkFields(showOnlyForProcessBulkUpdate),
];

async function bulkUpdateEntry(item: ItemFunctions): Promise<IDataObject> {
	const identifyBy = item.getNodeParameter('identifyBy', 'id');
	const identifier: IDataObject =
		identifyBy === 'primaryKey'
			? { [await primaryKeyShortId(item)]: requiredTextParameter(item, 'primaryKeyValue') }
			: { id: requiredTextParameter(item, 'processId') };
	return { ...identifier, update: await updateProcessBody(item) };
}

export async function executeBulkUpdate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, {
		cid: 'C49',
		entry: bulkUpdateEntry,
		body: (entries) => ({ processes: entries }),
	});
}
