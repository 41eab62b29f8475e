/**
 * C23 / C24 answer per join request: the handled ids and `failed_join_requests` with Meta's errors,
 * even on HTTP 200. This turns that answer into one summary item (the output shape is documented in
 * docs/nodes/ChakraWhatsAppGroup.md).
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';

import { parseBody } from '../../../shared/envelope';
import { listParameter } from '../../lists';

export const JOIN_REQUESTS_LABEL = 'Join Requests';

/** Meta's reason for one failed entry (`errors[0]` of a failed join request or participant). */
export function failureReason(entry: IDataObject): IDataObject {
	const errors = Array.isArray(entry.errors) ? (entry.errors as IDataObject[]) : [];
	const first = errors[0] ?? {};
	const details = (first.error_data as IDataObject | undefined)?.details;
	const reason: IDataObject = {};
	if (first.code !== undefined) reason.code = first.code;
	if (first.title !== undefined) reason.title = first.title;
	if (first.message !== undefined) reason.message = first.message;
	if (details !== undefined) reason.details = details;
	return reason;
}

function stringList(value: unknown): string[] | undefined {
	return Array.isArray(value) ? value.map((entry) => String(entry)) : undefined;
}

/**
 * postReceive of C23 (`approved`) and C24 (`rejected`). Handled ids come from
 * `approved_join_requests` / `rejected_join_requests`; when the answer has no such list (C24's key
 * names are not documented), every requested id that is not among the failed ones was handled.
 */
export function joinRequestOutcome(outcome: 'approved' | 'rejected'): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const body = (parseBody(response.body) ?? {}) as IDataObject;
		const requested = listParameter(this, 'joinRequestIds', JOIN_REQUESTS_LABEL);
		const failedEntries = Array.isArray(body.failed_join_requests)
			? (body.failed_join_requests as IDataObject[])
			: [];
		const failed = failedEntries.map((entry) => ({
			joinRequestId: String(entry.join_request_id ?? ''),
			...failureReason(entry),
		}));
		const failedIds = failed.map((entry) => entry.joinRequestId);
		const handled =
			stringList(body[`${outcome}_join_requests`]) ??
			requested.filter((id) => !failedIds.includes(id));
		const groupId = String(this.getNodeParameter('groupId', '', { extractValue: true }));
		return [{ json: { groupId, requested, [outcome]: handled, failed, response: body } }];
	};
}

/** The join requests to approve or reject: from the group's pending list, or an expression. */
export function joinRequestIdsField(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: JOIN_REQUESTS_LABEL,
		name: 'joinRequestIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getJoinRequests', loadOptionsDependsOn: ['groupId.value'] },
		required: true,
		default: [],
		description:
			'Pending join requests of the group (an expression may give an array of join request IDs or a comma-separated string). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	};
}
