import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { maxResponseSizeField, maxRetriesField } from '../shared/fields';
import {
	getProcedureAttributes,
	getProcedures,
	getProcedureStates,
	getProcessDataFields,
	getStateTasks,
	getUsernames,
} from '../shared/methods/platformConfig';
import { codedOperations, mergeOperations } from '../shared/codedRouting';
import { chakraRequestDefaults, withOptionValueChecks } from '../shared/request';
import { displayNameSubtitle } from '../shared/subtitle';
import { nodeDocumentationUrl } from '../shared/documentation';
import { execute as bulkCreate } from './actions/process/bulkCreate.operation';
import { execute as bulkUpdate } from './actions/process/bulkUpdate.operation';
import { searchUsers } from './methods/listSearch';
import { backgroundJobDescription } from './resources/backgroundJob';
import { configDescription } from './resources/config';
import { photoDescription } from './resources/photo';
import { processDescription } from './resources/process';
import { taskDescription } from './resources/task';
import { userDescription } from './resources/user';

const properties = withOptionValueChecks([
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Background Job', value: 'backgroundJob' },
			{ name: 'Config', value: 'config' },
			{ name: 'Photo', value: 'photo' },
			{ name: 'Process', value: 'process' },
			{ name: 'Task', value: 'task' },
			{ name: 'User', value: 'user' },
		],
		default: 'process',
	},
	...processDescription,
	...taskDescription,
	...userDescription,
	...photoDescription,
	...backgroundJobDescription,
	...configDescription,
	maxRetriesField,
	maxResponseSizeField,
]);

export class ChakraPlatform implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chakra Platform',
		name: 'chakraPlatform',
		icon: { light: 'file:../../icons/chakraPlatform.svg', dark: 'file:../../icons/chakraPlatform.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: displayNameSubtitle(properties),
		documentationUrl: nodeDocumentationUrl('ChakraPlatform'),
		description:
			'Work with ChakraHQ Platform records: processes (leads, tickets, …), tasks, users, photos, background jobs and the data-model configuration',
		defaults: { name: 'Chakra Platform' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chakraApi', required: true }],
		requestDefaults: chakraRequestDefaults,
		properties,
	};

	methods = {
		loadOptions: { getProcedures, getProcedureStates, getProcedureAttributes, getStateTasks, getUsernames },
		listSearch: { searchUsers },
		resourceMapping: { getProcessDataFields },
	};

	// Bulk operations combine all input items into batched requests, which routing (one request per
	// item) cannot express.
	// Lists run their routing in the node (shared/codedRouting.ts): n8n's RoutingNode spreads a list
	// into one call, which overflows past ~120,000 records.
	customOperations = mergeOperations(codedOperations(this.description.properties, { process: ['getAll'], backgroundJob: ['getEntries'] }), {
		process: { bulkCreate, bulkUpdate },
	});
}
