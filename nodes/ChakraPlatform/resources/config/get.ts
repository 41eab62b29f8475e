import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { parseBody, toItems, unwrapChakraData } from '../../../shared/envelope';
import { itemError } from '../../../shared/validation';

const showOnlyForConfigGet = { resource: ['config'], operation: ['get'] };

/** postReceive of C61: the whole configuration as one item, or one key (an array gives one item per element). */
export async function configSection(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const config = unwrapChakraData(parseBody(response.body)) as IDataObject;
	const key = String(this.getNodeParameter('configKey', 'all'));
	if (key === 'all') return toItems(config);
	if (typeof config !== 'object' || config === null || !(key in config)) {
		throw itemError(
			this,
			'Return',
			`the configuration has no key "${key}"`,
			`Keys present: ${Object.keys(config ?? {}).join(', ')}.`,
		);
	}
	return toItems(config[key]);
}

export const configGetDescription: INodeProperties[] = [
	{
		displayName: 'Return',
		name: 'configKey',
		type: 'options',
		options: [
			{ name: 'Attribute Config', value: 'attributeConfig' },
			{ name: 'Attribute Groups', value: 'attributeGroups' },
			{ name: 'Attribute Types', value: 'attributeTypes' },
			{ name: 'Attributes', value: 'attributes' },
			{ name: 'Derived Attributes', value: 'derivedAttributes' },
			{ name: 'Entities', value: 'entities' },
			{ name: 'Form Action Buttons', value: 'formActionButtons' },
			{ name: 'Form Fields', value: 'formFields' },
			{ name: 'Forms', value: 'forms' },
			{ name: 'Pods', value: 'pods' },
			{ name: 'Procedures', value: 'procedures' },
			{ name: 'Roles', value: 'roles' },
			{ name: 'Skill Types', value: 'skillTypes' },
			{ name: 'State Tasks', value: 'stateTasks' },
			{ name: 'Task Types', value: 'taskTypes' },
			{ name: 'Team', value: 'team' },
			{ name: 'User Profiles', value: 'userProfiles' },
			{ name: 'Whole Configuration (One Item)', value: 'all' },
		],
		default: 'all',
		description:
			'The whole configuration as one item, or one part of it with one item per element (e.g. one item per procedure)',
		displayOptions: { show: showOnlyForConfigGet },
	},
];
