/**
 * process.bulkUpdate (C49): `{ processes: [{ id | <primaryKeyShortId>: value, update: {...} }] }`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProcessBody } from '../../../shared/process/body';
import { requiredTextParameter } from '../../../shared/checks';
import type { ItemFunctions } from '../../../shared/itemFunctions';
import { primaryKeyShortId } from '../../resources/process/primaryKey';
import { runBulk } from './bulk';

async function bulkUpdateEntry(item: ItemFunctions): Promise<IDataObject> {
	const identifyBy = item.getNodeParameter('identifyBy', 'id');
	const identifier: IDataObject =
		identifyBy === 'primaryKey'
			? { [await primaryKeyShortId(item)]: requiredTextParameter(item, 'primaryKeyValue') }
			: { id: requiredTextParameter(item, 'processId') };
	return { ...identifier, update: await updateProcessBody(item) };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, {
		cid: 'C49',
		entry: bulkUpdateEntry,
		body: (entries) => ({ processes: entries }),
	});
}
