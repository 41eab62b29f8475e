import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function backgroundJobIdField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Background Job ID',
		name: 'backgroundJobId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '19632427-908f-4bf3-a6f5-69b9a0bbfc63',
		description: 'The ID returned by Bulk Create or Bulk Update',
		displayOptions: { show },
	};
}
