import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { actionNodeProperties } from '../shared/actionNode';
import {
	getProcedureAttributes,
	getProcedures,
	getProcedureStates,
	getProcessDataFields,
	getStateTasks,
	getUsernames,
} from '../shared/methods/platformConfig';
import { codedOperations, mergeOperations } from '../shared/codedRouting';
import { chakraRequestDefaults } from '../shared/request';
import { displayNameSubtitle } from '../shared/subtitle';
import { nodeDocumentationUrl } from '../shared/documentation';
import { searchUsers } from './methods/listSearch';
import { backgroundJobDescription } from './resources/backgroundJob';
import { configDescription } from './resources/config';
import { photoDescription } from './resources/photo';
import { processDescription } from './resources/process';
import { executeBulkCreate } from './resources/process/bulkCreate';
import { executeBulkUpdate } from './resources/process/bulkUpdate';
import { taskDescription } from './resources/task';
import { userDescription } from './resources/user';

const properties = actionNodeProperties(
	{
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
	[
		...processDescription,
		...taskDescription,
		...userDescription,
		...photoDescription,
		...backgroundJobDescription,
		...configDescription,
	],
);

export class ChakraPlatform implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chakra Platform',
		name: 'chakraPlatform',
		icon: {
			light: 'file:../../icons/chakraPlatform.svg',
			dark: 'file:../../icons/chakraPlatform.dark.svg',
		},
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
		loadOptions: {
			getProcedures,
			getProcedureStates,
			getProcedureAttributes,
			getStateTasks,
			getUsernames,
		},
		listSearch: { searchUsers },
		resourceMapping: { getProcessDataFields },
	};

	// Lists run their routing in the node; bulk operations combine all input items into batched
	// requests (docs/DEVELOPING.md, "How an operation runs").
	customOperations = mergeOperations(codedOperations(this.description.properties), {
		process: { bulkCreate: executeBulkCreate, bulkUpdate: executeBulkUpdate },
	});
}
