import type { INodeProperties } from 'n8n-workflow';

import {
	additionalAttributesField,
	bulkFields,
	primaryKeyFields,
	processDataField,
	processFieldsField,
	processIdField,
} from '../../../shared/process/fields';

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
	processFieldsField(showOnlyForProcessBulkUpdate, { displayName: 'Update Fields', assignee: true, deleteFlag: true }),
	...bulkFields(showOnlyForProcessBulkUpdate),
];
