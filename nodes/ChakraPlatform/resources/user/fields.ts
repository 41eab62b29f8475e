import type { IDisplayOptions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/endpoints';
import type { ItemFunctions, ItemPreSend } from '../../../shared/itemFunctions';

type Show = IDisplayOptions['show'];

export function userIdField(show: Show): INodeProperties {
	return {
		displayName: 'User',
		name: 'userId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The ChakraHQ user',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'a91b5073-e9d4-4959-9fd3-6edf79c2c5a4',
				validation: [
					{
						type: 'regex',
						properties: {
							regex:
								'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
							errorMessage: 'A user ID is a UUID',
						},
					},
				],
			},
		],
		displayOptions: { show },
	};
}

export function humanizedField(show: Show): INodeProperties {
	return {
		displayName: 'Humanized',
		name: 'humanized',
		type: 'boolean',
		default: false,
		description:
			'Whether to use the v2 endpoint that replaces configuration UUIDs (role, team, pods, …) with readable names',
		displayOptions: { show },
	};
}

/** preSend placed before the path is filled: the v2 endpoint when "Humanized" is on. */
export function humanizedEndpoint(cid: 'C52' | 'C54'): ItemPreSend {
	return async function (this: ItemFunctions, requestOptions: IHttpRequestOptions) {
		if (this.getNodeParameter('humanized', false) === true)
			requestOptions.url = ENDPOINTS[cid].path;
		return requestOptions;
	};
}
