/** process.bulkCreate (C48): the body is a bare JSON array of C43 bodies. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createProcessBody } from '../../../shared/process/body';
import { runBulk } from './bulk';

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, {
		cid: 'C48',
		entry: createProcessBody,
		body: (entries) => entries,
	});
}
