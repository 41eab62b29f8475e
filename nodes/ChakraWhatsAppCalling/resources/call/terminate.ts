import type { INodeProperties } from 'n8n-workflow';

import { callIdField, callOptionsField } from './session';

const showOnlyForCallTerminate = { resource: ['call'], operation: ['terminate'] };

export const callTerminateDescription: INodeProperties[] = [
	callIdField(showOnlyForCallTerminate),
	callOptionsField(showOnlyForCallTerminate, false),
];
