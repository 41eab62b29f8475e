import type { INodeProperties } from 'n8n-workflow';

import { callIdField, callOptionsField } from './session';

const showOnlyForCallReject = { resource: ['call'], operation: ['reject'] };

export const callRejectDescription: INodeProperties[] = [
	callIdField(showOnlyForCallReject),
	callOptionsField(showOnlyForCallReject, false),
];
