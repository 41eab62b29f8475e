import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { chakraMeta, parseBody, toItems, unwrapChakraData } from '../../../shared/envelope';
import { backgroundJobIdField } from './fields';
import { entryCounts, isJobFinished } from './jobStatus';

const showOnlyForBackgroundJobGet = { resource: ['backgroundJob'], operation: ['get'] };

/** postReceive of C59: the job with its entry counts (`entryCounts`) and whether it is finished (`isFinished`). */
export async function jobWithEntryCounts(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = parseBody(response.body);
	const [item] = toItems(unwrapChakraData(body));
	const counts = entryCounts(chakraMeta(body));
	return [
		{
			json: {
				...item.json,
				entryCounts: counts ?? null,
				isFinished: isJobFinished(item.json, counts),
			},
		},
	];
}

export const backgroundJobGetDescription: INodeProperties[] = [
	backgroundJobIdField(showOnlyForBackgroundJobGet),
];
