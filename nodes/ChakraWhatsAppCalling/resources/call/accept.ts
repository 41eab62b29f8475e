import type { INodeProperties } from 'n8n-workflow';

import { callIdField, callOptionsField, sdpField } from './session';

const showOnlyForCallAccept = { resource: ['call'], operation: ['accept'] };

export const callAcceptDescription: INodeProperties[] = [
	callIdField(showOnlyForCallAccept),
	sdpField('answer', showOnlyForCallAccept),
	callOptionsField(showOnlyForCallAccept, true),
];
