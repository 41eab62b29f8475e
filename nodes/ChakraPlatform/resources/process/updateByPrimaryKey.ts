import type { INodeProperties } from 'n8n-workflow';

import {
	additionalAttributesField,
	primaryKeyFields,
	processDataField,
	processFieldsField,
} from '../../../shared/process/fields';

const showOnlyForProcessUpdateByPrimaryKey = {
	resource: ['process'],
	operation: ['updateByPrimaryKey'],
};

export const processUpdateByPrimaryKeyDescription: INodeProperties[] = [
	...primaryKeyFields(showOnlyForProcessUpdateByPrimaryKey),
	processDataField(showOnlyForProcessUpdateByPrimaryKey),
	additionalAttributesField(showOnlyForProcessUpdateByPrimaryKey),
	processFieldsField(showOnlyForProcessUpdateByPrimaryKey, {
		displayName: 'Update Fields',
		assignee: false,
	}),
];
