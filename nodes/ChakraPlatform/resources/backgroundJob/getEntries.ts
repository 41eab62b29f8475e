import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../../shared/fields';
import { backgroundJobIdField } from './fields';

const showOnlyForBackgroundJobGetEntries = {
	resource: ['backgroundJob'],
	operation: ['getEntries'],
};

export const backgroundJobGetEntriesDescription: INodeProperties[] = [
	backgroundJobIdField(showOnlyForBackgroundJobGetEntries),
	...returnAllAndLimitFields(showOnlyForBackgroundJobGetEntries),
];
