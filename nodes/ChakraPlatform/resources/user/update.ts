import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { itemError } from '../../../shared/validation';
import { userIdField } from './fields';

const showOnlyForUserUpdate = { resource: ['user'], operation: ['update'] };

/** preSend of C55: only firstName and lastName are writable, and at least one must be given. */
export async function requireNameChange(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	if (fields.firstName === undefined && fields.lastName === undefined) {
		throw itemError(
			this,
			'Update Fields',
			'add First Name or Last Name',
			'ChakraHQ lets the API change only the first and last name of a user.',
		);
	}
	return requestOptions;
}

export const userUpdateDescription: INodeProperties[] = [
	userIdField(showOnlyForUserUpdate),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForUserUpdate },
		options: [
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'firstName' } },
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'lastName' } },
			},
		],
	},
];
