import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimitFields } from '../../../shared/fields';

const showOnlyForGroupGetAll = { resource: ['group'], operation: ['getAll'] };

/** Meta serves at most 1024 groups per page (C16). */
export const GROUPS_PAGE_SIZE = 1024;

export const groupGetAllDescription: INodeProperties[] = [
	...returnAllAndLimitFields(showOnlyForGroupGetAll),
];
