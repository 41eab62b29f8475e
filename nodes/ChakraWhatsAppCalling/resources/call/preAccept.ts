import type { INodeProperties } from 'n8n-workflow';

import { callIdField, callOptionsField, sdpField } from './session';

const showOnlyForCallPreAccept = { resource: ['call'], operation: ['preAccept'] };

export const callPreAcceptDescription: INodeProperties[] = [
	callIdField(showOnlyForCallPreAccept),
	sdpField('answer', showOnlyForCallPreAccept),
	callOptionsField(showOnlyForCallPreAccept, true),
];
