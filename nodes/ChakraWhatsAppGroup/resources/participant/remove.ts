/**
 * C25 takes at most 8 participants per call. More are removed in several calls of 8 whose results are
 * merged into one item; a call that fails marks its own participants as failed without stopping the
 * others (the output shape is documented in docs/nodes/ChakraWhatsAppGroup.md).
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { itemError, requirePhoneNumber } from '../../../shared/validation';
import { routedRequest } from '../../../shared/request';
import { groupIdField } from '../../descriptions';
import { listParameter } from '../../lists';
import { failureReason } from '../joinRequest/outcome';

const showOnlyForParticipantRemove = { resource: ['participant'], operation: ['remove'] };

/** Meta's limit of participants per C25 call. */
export const PARTICIPANTS_PER_CALL = 8;

const PARTICIPANTS_LABEL = 'Participants';
const PHONE_LIKE = /^[+\d\s\-().]+$/;
const WHATSAPP_USER_ID = /^[A-Za-z0-9._:-]+$/;

/** A phone number becomes digits only; any other WhatsApp user ID is kept as given. */
function participantUser(context: IExecuteSingleFunctions, value: string): string {
	if (PHONE_LIKE.test(value)) return requirePhoneNumber(context, PARTICIPANTS_LABEL, value);
	if (WHATSAPP_USER_ID.test(value)) return value;
	throw itemError(
		context,
		PARTICIPANTS_LABEL,
		`"${value}" is neither a phone number nor a WhatsApp user ID`,
		'Give phone numbers with the country code (919911223344, +91 99112 23344) or WhatsApp IDs, separated by commas or as an array.',
	);
}

/** preSend of C25: every participant checked and normalised, duplicates removed, into the body. */
export async function participantsBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const users: string[] = [];
	for (const value of listParameter(this, 'participants', PARTICIPANTS_LABEL)) {
		const user = participantUser(this, value);
		if (!users.includes(user)) users.push(user);
	}
	requestOptions.body = {
		...((requestOptions.body ?? {}) as object),
		participants: users.map((user) => ({ user })),
	};
	return requestOptions;
}

function chunksOf<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size)
		chunks.push(values.slice(start, start + size));
	return chunks;
}

function callFailure(error: unknown): IDataObject {
	const failure: IDataObject = { message: (error as Error)?.message ?? String(error) };
	if (error instanceof NodeApiError && error.context?.metaCode !== undefined)
		failure.code = error.context.metaCode;
	if (error instanceof NodeApiError && error.context?.uncertainDelivery === true) {
		failure.details =
			'The call may or may not have been processed: check the group before trying again.';
	}
	return failure;
}

/**
 * The "paginator" of participant remove: one C25 call per chunk of 8, results merged. Participants of
 * a failed call are listed as failed with that call's error; when every call fails, the first error
 * is thrown (so the node fails, or continues, as configured).
 */
export async function removeParticipantsInChunks(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const body = (requestData.options.body ?? {}) as IDataObject;
	const requested = ((body.participants ?? []) as IDataObject[]).map((participant) =>
		String(participant.user),
	);
	const removed: string[] = [];
	const failed: IDataObject[] = [];
	const responses: IDataObject[] = [];
	let firstError: unknown;
	const chunks = chunksOf(requested, PARTICIPANTS_PER_CALL);
	for (const chunk of chunks) {
		const chunkBody = { ...body, participants: chunk.map((user) => ({ user })) };
		try {
			const items = await routedRequest(this, {
				...requestData,
				options: { ...requestData.options, body: chunkBody },
			});
			const response = (items[0]?.json ?? {}) as IDataObject;
			responses.push(response);
			const chunkFailed = (
				Array.isArray(response.failed_participants)
					? (response.failed_participants as IDataObject[])
					: []
			).map((entry) => ({ user: String(entry.user ?? ''), ...failureReason(entry) }));
			failed.push(...chunkFailed);
			const failedUsers = chunkFailed.map((entry) => entry.user);
			// The answer's key names are not documented: without `removed_participants`, a 2xx call
			// removed every participant of the chunk that it does not list as failed.
			const chunkRemoved = Array.isArray(response.removed_participants)
				? (response.removed_participants as unknown[]).map((user) => String(user))
				: chunk.filter((user) => !failedUsers.includes(user));
			removed.push(...chunkRemoved);
		} catch (error) {
			firstError ??= error;
			failed.push(...chunk.map((user) => ({ user, ...callFailure(error) })));
		}
	}
	if (responses.length === 0) throw firstError;
	const groupId = String(this.getNodeParameter('groupId', '', { extractValue: true }));
	return [{ json: { groupId, requested, removed, failed, calls: chunks.length, responses } }];
}

export const participantRemoveDescription: INodeProperties[] = [
	groupIdField(showOnlyForParticipantRemove),
	{
		displayName: PARTICIPANTS_LABEL,
		name: 'participants',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getParticipants', loadOptionsDependsOn: ['groupId.value'] },
		required: true,
		default: [],
		description:
			'Participants to remove: phone numbers with the country code (+, spaces and dashes are removed) or WhatsApp IDs. More than 8 are removed in several calls of 8. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		hint: 'An expression may give an array or a comma-separated string, e.g. 919911223344, +1 332-345-8424',
		displayOptions: { show: showOnlyForParticipantRemove },
	},
];
