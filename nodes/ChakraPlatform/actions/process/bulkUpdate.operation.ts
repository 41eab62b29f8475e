/**
 * process.bulkUpdate (C49): `{ processes: [{ id | <primaryKeyShortId>: value, update: {...} }] }`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateProcessBody } from '../../../shared/process/body';
import type { ItemParameters } from '../../../shared/process/itemParameters';
import { requiredText } from '../../../shared/process/itemParameters';
import { primaryKeyShortId } from '../../resources/process/primaryKey';
import { runBulk } from './bulk';

async function bulkUpdateEntry(params: ItemParameters): Promise<IDataObject> {
	const identifyBy = params.get('identifyBy', 'id');
	const identifier: IDataObject =
		identifyBy === 'primaryKey'
			? { [await primaryKeyShortId(params)]: requiredText(params, 'primaryKeyValue', 'primaryKeyValue') }
			: { id: requiredText(params, 'processId', 'processId') };
	return { ...identifier, update: await updateProcessBody(params) };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, {
		cid: 'C49',
		entry: bulkUpdateEntry,
		body: (entries) => ({ processes: entries }),
	});
}
