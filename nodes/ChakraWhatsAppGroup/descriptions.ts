/** Parameters shared by the resources of the Chakra WhatsApp Group node. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Meta's limits on group texts (docs/api-reference.md C15, C18). */
export const SUBJECT_MAX_LENGTH = 128;
export const DESCRIPTION_MAX_LENGTH = 2048;

/** The group an operation acts on: from the list of the team's groups (C16) or by ID. */
export function groupIdField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Group',
		name: 'groupId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The WhatsApp group. The list shows the groups of every WhatsApp phone number of the team; a group created a moment ago appears once WhatsApp has confirmed it.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[A-Za-z0-9_=.:-]+$',
							errorMessage: 'A group ID has letters, digits and = _ - . : only',
						},
					},
				],
			},
		],
		displayOptions: { show },
	};
}
