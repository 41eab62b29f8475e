import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemFunctions } from '../../../shared/itemFunctions';

import { returnAllAndLimitFields } from '../../../shared/fields';
import { listSettings } from '../../../shared/pagination';
import { humanizedField } from './fields';

const showOnlyForUserGetAll = { resource: ['user'], operation: ['getAll'] };

/** postReceive: C51 / C52 answer every user at once; Limit keeps the first ones. */
export async function keepUpToLimit(
	this: ItemFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { returnAll, limit } = listSettings(this);
	return returnAll ? items : items.slice(0, limit);
}

export const userGetAllDescription: INodeProperties[] = [
	...returnAllAndLimitFields(showOnlyForUserGetAll),
	humanizedField(showOnlyForUserGetAll),
];
