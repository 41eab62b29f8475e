import type { INodeProperties } from 'n8n-workflow';

import {
	additionalAttributesField,
	processDataField,
	processFieldsField,
	recordDataField,
} from '../../../shared/process/fields';

const showOnlyForProcessCreate = { resource: ['process'], operation: ['create'] };

export const processCreateDescription: INodeProperties[] = [
	processDataField(showOnlyForProcessCreate),
	additionalAttributesField(showOnlyForProcessCreate),
	recordDataField(showOnlyForProcessCreate),
	processFieldsField(showOnlyForProcessCreate, {
		displayName: 'Additional Fields',
		assignee: true,
	}),
];
