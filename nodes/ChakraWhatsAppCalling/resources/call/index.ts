import type { INodeProperties } from 'n8n-workflow';

import { whatsappPhoneNumberIdField } from '../../../shared/fields';
import { operationRouting } from '../../../shared/request';
import { callAcceptDescription } from './accept';
import { calleeBody, callConnectDescription } from './connect';
import { callPreAcceptDescription } from './preAccept';
import { callRejectDescription } from './reject';
import { callIdBody, callOptionsBody, sessionBody } from './session';
import { callTerminateDescription } from './terminate';

const showOnlyForCalls = { resource: ['call'] };

/** Every C36 body carries `messaging_product` and the action. */
function callAction(action: string) {
	return { body: { messaging_product: 'whatsapp', action } };
}

export const callDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCalls },
		options: [
			{
				name: 'Accept',
				value: 'accept',
				action: 'Accept a call',
				description: 'Answer an incoming call with the SDP answer of your WebRTC stack',
				routing: operationRouting('C36', {
					request: callAction('accept'),
					preSend: [callIdBody, sessionBody('answer'), callOptionsBody],
				}),
			},
			{
				name: 'Connect',
				value: 'connect',
				action: 'Start a call',
				description:
					'Call a WhatsApp user who granted call permission, with the SDP offer of your WebRTC stack',
				routing: operationRouting('C36', {
					request: callAction('connect'),
					preSend: [calleeBody, sessionBody('offer'), callOptionsBody],
				}),
			},
			{
				name: 'Pre-Accept',
				value: 'preAccept',
				action: 'Pre accept a call',
				description:
					'Start connecting the media of an incoming call before accepting it, so it connects faster',
				routing: operationRouting('C36', {
					request: callAction('pre_accept'),
					preSend: [callIdBody, sessionBody('answer'), callOptionsBody],
				}),
			},
			{
				name: 'Reject',
				value: 'reject',
				action: 'Reject a call',
				description: 'Decline an incoming call',
				routing: operationRouting('C36', {
					request: callAction('reject'),
					preSend: [callIdBody, callOptionsBody],
				}),
			},
			{
				name: 'Terminate',
				value: 'terminate',
				action: 'End a call',
				description: 'Hang up a call in progress',
				routing: operationRouting('C36', {
					request: callAction('terminate'),
					preSend: [callIdBody, callOptionsBody],
				}),
			},
		],
		default: 'terminate',
	},
	whatsappPhoneNumberIdField(showOnlyForCalls),
	...callConnectDescription,
	...callPreAcceptDescription,
	...callAcceptDescription,
	...callRejectDescription,
	...callTerminateDescription,
];
