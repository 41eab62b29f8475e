import type { INodePropertyRouting, PreSendAction } from 'n8n-workflow';

/**
 * Puts `preSend` in front of the routing's own preSend, i.e. before the path parameters are filled,
 * so it can choose the endpoint (humanized users) or fill a placeholder itself (primary key).
 */
export function withPreSendFirst(routing: INodePropertyRouting, preSend: PreSendAction): INodePropertyRouting {
	routing.send?.preSend?.unshift(preSend);
	return routing;
}
