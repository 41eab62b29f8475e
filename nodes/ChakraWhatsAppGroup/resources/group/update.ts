import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { itemError } from '../../../shared/validation';
import { DESCRIPTION_MAX_LENGTH, SUBJECT_MAX_LENGTH, groupIdField } from '../../descriptions';
import { checkGroupTexts } from './create';

const showOnlyForGroupUpdate = { resource: ['group'], operation: ['update'] };

/** preSend of C18: at least one setting, each within Meta's limits, into the body. */
export async function groupSettingsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const updateFields = (this.getNodeParameter('updateFields', {}) ?? {}) as IDataObject;
	const subject = updateFields.subject === undefined ? undefined : String(updateFields.subject);
	const description =
		updateFields.description === undefined ? undefined : String(updateFields.description);
	if (subject === undefined && description === undefined) {
		throw itemError(
			this,
			'Update Fields',
			'add the Subject or the Description to change',
			'Nothing would change: add at least one field under "Update Fields".',
		);
	}
	checkGroupTexts(this, subject, description);
	const body = { ...((requestOptions.body ?? {}) as IDataObject) };
	if (subject !== undefined) body.subject = subject;
	if (description !== undefined) body.description = description;
	requestOptions.body = body;
	return requestOptions;
}

export const groupUpdateDescription: INodeProperties[] = [
	groupIdField(showOnlyForGroupUpdate),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The group settings to change; at least one',
		displayOptions: { show: showOnlyForGroupUpdate },
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: `New group description, at most ${DESCRIPTION_MAX_LENGTH} characters. Empty clears it.`,
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description: `New group name, at most ${SUBJECT_MAX_LENGTH} characters`,
			},
		],
	},
];
