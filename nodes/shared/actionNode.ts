/**
 * The property list every action node shares: its Resource dropdown, the fields of its resources, the
 * node-wide settings (Max Retries on Rate Limit, Max Response Size, then any of the node's own), with
 * the dropdown check of optionValues.ts attached to Resource so that it runs for every operation.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { maxResponseSizeField, maxRetriesField } from './fields';
import { withOptionValueChecks } from './request';

/** The Resource dropdown; each node gives its options and default. */
const RESOURCE: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [],
	default: '',
};

export function actionNodeProperties(
	resource: { options: INodePropertyOptions[]; default: string },
	fields: INodeProperties[],
	nodeSettings: INodeProperties[] = [],
): INodeProperties[] {
	return withOptionValueChecks([
		{ ...RESOURCE, options: resource.options, default: resource.default },
		...fields,
		maxRetriesField,
		maxResponseSizeField,
		...nodeSettings,
	]);
}
