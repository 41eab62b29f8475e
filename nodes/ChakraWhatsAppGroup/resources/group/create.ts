import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { characterCount } from '../../../shared/checks';
import { itemError } from '../../../shared/validation';
import { DESCRIPTION_MAX_LENGTH, SUBJECT_MAX_LENGTH } from '../../descriptions';

const showOnlyForGroupCreate = { resource: ['group'], operation: ['create'] };

/** Shown in the output of C15: the group itself is not known yet. */
export const GROUP_CREATION_NOTE =
	'WhatsApp creates the group asynchronously: its ID and invite link arrive in a group_lifecycle_update webhook carrying this request_id (use the Chakra Trigger).';

/** Checks the texts of C15 / C18 against Meta's limits (undefined = not sent). */
export function checkGroupTexts(
	context: IExecuteSingleFunctions,
	subject: string | undefined,
	description: string | undefined,
): void {
	if (subject !== undefined) {
		if (subject.trim() === '') throw itemError(context, 'Subject', 'is required but empty');
		if (characterCount(subject) > SUBJECT_MAX_LENGTH) {
			throw itemError(
				context,
				'Subject',
				`has ${characterCount(subject)} characters; WhatsApp allows at most ${SUBJECT_MAX_LENGTH}`,
			);
		}
	}
	if (description !== undefined && characterCount(description) > DESCRIPTION_MAX_LENGTH) {
		throw itemError(
			context,
			'Description',
			`has ${characterCount(description)} characters; WhatsApp allows at most ${DESCRIPTION_MAX_LENGTH}`,
		);
	}
}

/** preSend of C15: subject and description within Meta's limits before anything is sent. */
export async function checkNewGroupTexts(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const subject = String(this.getNodeParameter('subject', '') ?? '');
	const description = String(this.getNodeParameter('description', '') ?? '');
	checkGroupTexts(this, subject, description);
	return requestOptions;
}

/** postReceive of C15: says where the group ID will come from. */
export async function addGroupCreationNote(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => ({ ...item, json: { ...item.json, note: GROUP_CREATION_NOTE } }));
}

export const groupCreateDescription: INodeProperties[] = [
	{
		displayName:
			'WhatsApp creates the group asynchronously: the output holds a request ID, and the group ID and invite link arrive later in a group_lifecycle_update webhook (Chakra Trigger).',
		name: 'asyncCreationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showOnlyForGroupCreate },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Order 1042 support',
		description: `Name of the group, at most ${SUBJECT_MAX_LENGTH} characters`,
		displayOptions: { show: showOnlyForGroupCreate },
		routing: { send: { type: 'body', property: 'subject' } },
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: `Group description, at most ${DESCRIPTION_MAX_LENGTH} characters. Left out when empty.`,
		displayOptions: { show: showOnlyForGroupCreate },
		routing: {
			send: {
				type: 'body',
				property: 'description',
				value: '={{ $value === "" ? undefined : $value }}',
			},
		},
	},
	{
		displayName: 'Join Approval Mode',
		name: 'joinApprovalMode',
		type: 'options',
		options: [
			{
				name: 'Auto Approve',
				value: 'auto_approve',
				description: 'Anyone with the invite link joins at once',
			},
			{
				name: 'Approval Required',
				value: 'approval_required',
				description:
					'People with the invite link ask to join; approve or reject them with the Join Request resource',
			},
		],
		default: 'auto_approve',
		description: 'How people who open the invite link join the group',
		displayOptions: { show: showOnlyForGroupCreate },
		routing: { send: { type: 'body', property: 'join_approval_mode' } },
	},
];
