/** Send (C4/C5), location message. */
import type { INodeProperties } from 'n8n-workflow';

import { show } from './common';

export const locationFields: INodeProperties[] = [
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 },
		required: true,
		default: 0,
		displayOptions: show({ messageType: ['location'] }),
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 },
		required: true,
		default: 0,
		displayOptions: show({ messageType: ['location'] }),
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
		displayOptions: show({ messageType: ['location'] }),
	},
	{
		displayName: 'Location Address',
		name: 'locationAddress',
		type: 'string',
		default: '',
		displayOptions: show({ messageType: ['location'] }),
	},
];
