import type { INodeProperties } from 'n8n-workflow';

import {
	additionalAttributesField,
	processDataField,
	processFieldsField,
	processIdField,
} from '../../../shared/process/fields';

const showOnlyForProcessUpdate = { resource: ['process'], operation: ['update'] };

export const processUpdateDescription: INodeProperties[] = [
	processIdField(showOnlyForProcessUpdate),
	processDataField(showOnlyForProcessUpdate),
	additionalAttributesField(showOnlyForProcessUpdate),
	processFieldsField(showOnlyForProcessUpdate, { displayName: 'Update Fields', assignee: false }),
];
