import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { listParameter } from '../../lists';
import { groupIdField } from '../../descriptions';
import { JOIN_REQUESTS_LABEL, joinRequestIdsField } from './outcome';

const showOnlyForJoinRequestApprove = { resource: ['joinRequest'], operation: ['approve'] };

/** preSend of C23 / C24: the ids, deduplicated, as `join_requests`; none is an error. */
export async function joinRequestsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const ids = listParameter(this, 'joinRequestIds', JOIN_REQUESTS_LABEL);
	requestOptions.body = { ...((requestOptions.body ?? {}) as object), join_requests: ids };
	return requestOptions;
}

export const joinRequestApproveDescription: INodeProperties[] = [
	groupIdField(showOnlyForJoinRequestApprove),
	joinRequestIdsField(showOnlyForJoinRequestApprove),
];
