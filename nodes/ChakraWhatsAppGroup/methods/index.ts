/** Dropdowns of the Chakra WhatsApp Group node: groups (C63 + C16), join requests (C22), participants (C17). */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unwrapChakraData } from '../../shared/envelope';
import { WHATSAPP_API_VERSION } from '../../shared/fields';
import { currentParameter } from '../../shared/methods/currentParameter';
import { chakraRequest } from '../../shared/transport';
import { GROUPS_PAGE_SIZE } from '../resources/group/getAll';
import { JOIN_REQUESTS_PAGE_SIZE } from '../resources/joinRequest/getAll';

/** Page size each cursor list accepts. */
const PAGE_SIZE = { C16: GROUPS_PAGE_SIZE, C22: JOIN_REQUESTS_PAGE_SIZE };
/** Stop after this many pages per list, so a dropdown never loops on a misbehaving cursor. */
const MAX_LIST_PAGES = 20;

function apiVersion(context: ILoadOptionsFunctions): string {
	return currentParameter(context, 'whatsappApiVersion') || WHATSAPP_API_VERSION;
}

function requireGroupId(context: ILoadOptionsFunctions): string {
	const groupId = currentParameter(context, 'groupId');
	if (groupId === '' || groupId.startsWith('=')) {
		throw new NodeOperationError(
			context.getNode(),
			'Choose the Group first: this list belongs to a group',
		);
	}
	return groupId;
}

/** Every record of a Meta cursor list (C16, C22), following `paging.cursors.after`. */
async function allMetaPages(
	context: ILoadOptionsFunctions,
	id: 'C16' | 'C22',
	path: Record<string, string>,
	records: (body: IDataObject) => unknown,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let after: string | undefined;
	for (let page = 0; page < MAX_LIST_PAGES; page++) {
		const { body } = await chakraRequest(context, id, {
			path,
			qs: { limit: PAGE_SIZE[id], ...(after ? { after } : {}) },
		});
		const answer = (body ?? {}) as IDataObject;
		const pageRecords = records(answer);
		if (!Array.isArray(pageRecords) || pageRecords.length === 0) break;
		results.push(...(pageRecords as IDataObject[]));
		const paging = (answer.paging ?? {}) as IDataObject;
		const cursor = ((paging.cursors ?? {}) as IDataObject).after;
		if (!paging.next || typeof cursor !== 'string' || cursor === after) break;
		after = cursor;
	}
	return results;
}

/** The phone numbers whose groups are listed: the one chosen in the node, else every one of the team (C63). */
async function phoneNumbersToList(
	context: ILoadOptionsFunctions,
): Promise<Array<{ id: string; label: string }>> {
	const chosen = currentParameter(context, 'whatsappPhoneNumberId');
	if (chosen !== '' && !chosen.startsWith('=')) return [{ id: chosen, label: chosen }];
	const { body } = await chakraRequest(context, 'C63');
	const numbers = unwrapChakraData(body);
	return (Array.isArray(numbers) ? (numbers as IDataObject[]) : []).map((entry) => ({
		id: String(entry.id),
		label: String(entry.displayPhoneNumber ?? entry.id),
	}));
}

/** listSearch: groups by subject (C16 for each phone number). */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const whatsappApiVersion = apiVersion(this);
	const phoneNumbers = await phoneNumbersToList(this);
	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchResult['results'] = [];
	for (const phone of phoneNumbers) {
		const groups = await allMetaPages(
			this,
			'C16',
			{ whatsappApiVersion, whatsappPhoneNumberId: phone.id },
			(body) => (body.data as IDataObject | undefined)?.groups,
		);
		for (const group of groups) {
			const subject = String(group.subject ?? group.id);
			if (
				needle &&
				!subject.toLowerCase().includes(needle) &&
				!String(group.id).toLowerCase().includes(needle)
			)
				continue;
			results.push({
				name: phoneNumbers.length > 1 ? `${subject} (${phone.label})` : subject,
				value: String(group.id),
			});
		}
	}
	return { results };
}

/** loadOptions: pending join requests of the chosen group (C22), labelled with the requester's number. */
export async function getJoinRequests(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const groupId = requireGroupId(this);
	const requests = await allMetaPages(
		this,
		'C22',
		{ whatsappApiVersion: apiVersion(this), groupId },
		(body) => body.data,
	);
	return requests.map((request) => ({
		name: String(request.wa_id ?? request.join_request_id),
		value: String(request.join_request_id),
		description: `Join request ${String(request.join_request_id)}`,
	}));
}

/** loadOptions: current participants of the chosen group (C17 `participants`). */
export async function getParticipants(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const groupId = requireGroupId(this);
	const { body } = await chakraRequest(this, 'C17', {
		path: { whatsappApiVersion: apiVersion(this), groupId },
		qs: { fields: 'participants' },
	});
	const participants = ((body ?? {}) as IDataObject).participants;
	return (Array.isArray(participants) ? (participants as IDataObject[]) : []).map(
		(participant) => ({
			name: String(participant.wa_id),
			value: String(participant.wa_id),
		}),
	);
}
