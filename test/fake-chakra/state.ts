/**
 * In-memory state of the fake ChakraHQ server and its seed.
 * Everything here is plain data: tests may read and mutate it directly (see README.md, "State").
 */
import { createHash } from 'node:crypto';

/** Seeded identifiers. Use these in tests instead of literals. */
export const FAKE_IDS = {
	teamId: 'd3e64510-b75a-43a0-8ae5-dde78dac56c0',
	pluginId: 'd83e1d23-50b8-4d87-8f92-842a0ac516f6',
	pluginId2: '5fc9f8e3-af4a-4f29-bfd8-6c02e3abe3ee',
	wabaId: '83784929738012',
	wabaId2: '83784929738099',
	phoneNumberId: '775966265503012',
	displayPhoneNumber: '+91 72597 75805',
	phoneNumberId2: '694794789348887',
	displayPhoneNumber2: '+1 332-345-8424',
	/** Customer phone with an existing chat, lead, call permission and group membership. */
	customerPhone: '919911223344',
	customerPhone2: '13323458424',
	/** image/jpeg, served by C10 through a 302 redirect to the same host. */
	mediaId: '1037543291543636',
	/** mid of mediaId (C12). */
	mid: '1037543291543636mid',
	/** application/pdf with filename invoice.pdf, served by C10 directly (no redirect). */
	mediaIdDocument: '2048172635481920',
	midDocument: '2048172635481920mid',
	/** audio/ogg, C10 redirects to another host name (http://localhost:<port>) to test dropping Authorization. */
	mediaIdOtherHost: '3071829354617283',
	templateIdOrderUpdate: '1387372356726668',
	templateIdNamed: '1387372356726669',
	templateIdOtp: '1387372356726670',
	templateIdHello: '1387372356726671',
	templateIdPromo: '1387372356726672',
	templateIdPending: '1387372356726673',
	templateIdOrderUpdatePt: '1387372356726674',
	groupId: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
	groupId2: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjEZD',
	joinRequestId: 'MTIwMzYzNDA0Njk0MjMzODIwOjkxOTkwMDAwMDAwMQZDZD',
	joinRequestId2: 'MTIwMzYzNDA0Njk0MjMzODIwOjkxOTkwMDAwMDAwMgZDZD',
	joinRequestId3: 'MTIwMzYzNDA0Njk0MjMzODIwOjkxOTkwMDAwMDAwMwZDZD',
	callId: 'wacid.HBgLMTIxODU1NTI4MjgVAgARGCAyODRQIAFRoA',
	chatId: 'c1a7e0b2-3f4d-4e5a-9b6c-7d8e9f0a1b2c',
	campaignId: 'f4d3c2b1-a098-4765-8321-0fedcba98765',
	userId: 'a91b5073-e9d4-4959-9fd3-6edf79c2c5a4',
	userId2: 'b82c6184-fae5-4a6a-a0e4-7fe08ad3d6b5',
	userId3: 'c73d7295-0bf6-4b7b-b1f5-80f19be4e7c6',
	username: 'johndoe',
	username2: 'shane.warne',
	username3: 'asha.rao',
	roleId: '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
	podId: '1f2a3b4c-5d6e-4f7a-9b0c-1d2e3f4a5b6c',
	entityId: '2a3b4c5d-6e7f-4a8b-8c9d-0e1f2a3b4c5d',
	procedureLeadId: '3b4c5d6e-7f8a-4b9c-9d0e-1f2a3b4c5d6e',
	procedureTicketId: '4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f',
	/** lead process with data.lead_id 'LEAD-001', phone_number customerPhone. */
	processId: '1bc10281-5882-43aa-b48d-28c527335e7a',
	leadId: 'LEAD-001',
	ticketProcessId: '6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b',
	ticketId: 'TCK-001',
	photoId: 'f03ee609-cd2d-4e61-821d-9b0531e4ad8c',
	backgroundJobId: '19632427-908f-4bf3-a6f5-69b9a0bbfc63',
} as const;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface PluginRecord {
	id: string;
	name: string;
	/** C38/C39 configuration (webhook keys + any other keys, e.g. someOtherSetting). */
	config: JsonObject;
	wabaIds: string[];
}

export interface WabaRecord {
	id: string;
	name: string;
	chakraStatus: 'CONNECTED' | 'DISCONNECTED';
	pluginId: string;
}

export interface PhoneNumberRecord {
	id: string;
	waba: string;
	displayPhoneNumber: string;
	verifiedName: string;
	qualityRating: string;
	messagingLimitTier: string;
	status: string;
}

export interface TemplateRecord {
	id: string;
	wabaId: string;
	name: string;
	language: string;
	status: string;
	category: string;
	parameter_format?: 'NAMED' | 'POSITIONAL';
	components: Json[];
	message_send_ttl_seconds?: number;
	[key: string]: Json | undefined;
}

export interface MediaRecord {
	id: string;
	/** mid of the lookaside URL (C11 url, C12 query). */
	mid: string;
	data: Buffer;
	mimeType: string;
	filename?: string;
	/** C10 behaviour: false = serve bytes; 'same-host' = 302 to baseUrl; 'other-host' = 302 to http://localhost:<port>. */
	redirect: false | 'same-host' | 'other-host';
}

export interface PublicMediaRecord {
	key: string;
	data: Buffer;
	mimeType: string;
	filename: string;
}

export interface SentMessage {
	cid: 'C1' | 'C2' | 'C3' | 'C4';
	pluginId: string;
	whatsappPhoneNumberId: string;
	/** Recipient (C2/C3/C4), or the process phone for C1. Empty for mark-as-read. */
	to: string;
	/** C3/C4: Meta body type ('text', 'template', 'read' for mark-as-read); C1/C2: 'template'. */
	type: string;
	templateName?: string;
	whatsappMessageId: string;
	chatMessageId?: string;
	body: unknown;
	createdAt: number;
}

export interface ChatRecord {
	id: string;
	createdAt: number;
	updatedAt: number;
	contactName: string;
	contactPhoneNumber: string;
	plugin: string;
	whatsappPhoneNumberId: string;
	lastMessageAt: number;
	unreadCount: number;
	status: string;
}

export interface ChatMessageEntry {
	chatId: string | null;
	customerPhoneNumber: string;
	message: JsonObject;
}

export interface GroupRecord {
	id: string;
	phoneNumberId: string;
	requestId: string;
	subject: string;
	description: string;
	join_approval_mode: 'auto_approve' | 'approval_required';
	suspended: boolean;
	creation_timestamp: number;
	participants: { wa_id: string }[];
	invite_link: string;
	joinRequests: { join_request_id: string; wa_id: string; creation_timestamp: string }[];
}

export interface ProcessRecord {
	id: string;
	team: string;
	procedure: string;
	entity: string;
	record: string;
	createdBy: string;
	assignedTo: string | null;
	belongsTo: string;
	status: 'OPEN' | 'COMPLETED' | 'CANCELLED';
	state: string;
	data: JsonObject;
	derivedData: JsonObject;
	nextActionAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export interface TaskRecord {
	id: string;
	createdAt: number;
	updatedAt: number;
	process: string;
	procedure: string;
	stateTask: string;
	status: string;
	data: JsonObject;
	assignedTo: string | null;
	team: string;
}

export type EntryStatus = 'INVALID' | 'NOT_STARTED' | 'SUCCESS' | 'ERROR';

export interface JobEntry {
	id: string;
	backgroundJob: string;
	index: number;
	createdAt: number;
	updatedAt: number;
	completionStatus: EntryStatus;
	input: Json;
	errorMessage: string | null;
	process: string | null;
}

export interface BackgroundJobRecord {
	id: string;
	createdAt: number;
	updatedAt: number;
	completionStatus: 'IN_PROGRESS' | 'COMPLETED';
	statusMessage: string | null;
	startedAt: number;
	completedAt: number;
	team: string;
	type: string;
	/** 'bulk-create' (C48) or 'bulk-update' (C49). */
	kind: 'bulk-create' | 'bulk-update';
	procedureShortId: string;
	/** C59 polls left that still answer IN_PROGRESS. */
	pollsLeft: number;
	entries: JobEntry[];
}

export interface UserRecord extends JsonObject {
	id: string;
	username: string;
	firstName: string;
	lastName: string;
}

export interface PhotoRecord {
	id: string;
	createdAt: number;
	updatedAt: number;
	filetype: string;
	filename: string;
	height: null;
	width: null;
	isPublic: false;
	team: string;
	user: null;
	data: Buffer;
	contentType: string;
}

export interface CampaignRecord {
	id: string;
	name: string;
	phoneNumbers: string[];
}

export interface CallRecord {
	id: string;
	phoneNumberId: string;
	peer: string;
	direction: 'USER_INITIATED' | 'BUSINESS_INITIATED';
	status: 'RINGING' | 'PRE_ACCEPTED' | 'ACCEPTED' | 'REJECTED' | 'TERMINATED';
}

export interface ProcedureConfig extends JsonObject {
	id: string;
	shortId: string;
	name: string;
	primaryKeyShortId: string;
}

export interface FakeSettings {
	/** C59 polls answering IN_PROGRESS before a bulk job completes (default 1). */
	bulkJobInProgressPolls: number;
	/** C60 page size (default 50). */
	jobEntriesPageSize: number;
	/** status of templates created by C6 (default 'PENDING'). */
	newTemplateStatus: string;
}

export interface FakeState {
	settings: FakeSettings;
	plugins: Map<string, PluginRecord>;
	wabas: Map<string, WabaRecord>;
	phoneNumbers: Map<string, PhoneNumberRecord>;
	/** All templates of all WABAs, keyed by template id, in list order. */
	templates: Map<string, TemplateRecord>;
	/** Meta media by media id (C10/C11/C12). */
	media: Map<string, MediaRecord>;
	/** Files uploaded by C9, keyed by '<uuid>/<filename>' (served at /public-media/<key>). */
	publicMedia: Map<string, PublicMediaRecord>;
	/** Every message sent through C1-C4, in order (mark-as-read included with type 'read'). */
	sentMessages: SentMessage[];
	chats: ChatRecord[];
	/** Chat message objects (C2 response shape); C1/C2 sends are appended here. */
	chatMessages: ChatMessageEntry[];
	/** Flows public key per phone number id (C13/C14). */
	flowsKeys: Map<
		string,
		{ business_public_key: string; business_public_key_signature_status: 'VALID' | 'MISMATCH' }
	>;
	groups: Map<string, GroupRecord>;
	/** procedureShortId -> processId -> process. */
	processes: Map<string, Map<string, ProcessRecord>>;
	tasks: TaskRecord[];
	backgroundJobs: Map<string, BackgroundJobRecord>;
	campaigns: Map<string, CampaignRecord>;
	/** Calling settings per phone number id, stored in request (uppercase) form (C33/C34). */
	callingSettings: Map<string, JsonObject>;
	/** Call permission per user wa_id (C35, C36 connect). Missing = no_permission. */
	callPermissions: Map<string, { status: string; expiration_time?: number }>;
	calls: Map<string, CallRecord>;
	connectTokens: { token: string; body: JsonObject }[];
	users: Map<string, UserRecord>;
	photos: Map<string, PhotoRecord>;
	/** C61 _data. */
	config: JsonObject & {
		procedures: ProcedureConfig[];
		stateTasks: JsonObject[];
		states: JsonObject[];
		attributes: JsonObject[];
	};
}

/** Deterministic bytes of the given size (a 251-byte repeating pattern). */
export function deterministicBytes(size: number, seed = 0): Buffer {
	const pattern = Buffer.alloc(251);
	for (let i = 0; i < pattern.length; i++) pattern[i] = (i * 73 + seed * 31 + 17) & 0xff;
	const buf = Buffer.allocUnsafe(size);
	if (size > 0) buf.fill(pattern);
	return buf;
}

export function sha256Base64(data: Buffer): string {
	return createHash('sha256').update(data).digest('base64');
}

function fakeJpeg(size: number): Buffer {
	const b = deterministicBytes(size, 1);
	b[0] = 0xff;
	b[1] = 0xd8;
	b[2] = 0xff;
	b[3] = 0xe0;
	b[size - 2] = 0xff;
	b[size - 1] = 0xd9;
	return b;
}

const T0 = 1729230548000; // 2024-10-18T05:49:08Z
const DAY = 86_400_000;

function template(t: Omit<TemplateRecord, 'wabaId'> & { wabaId?: string }): TemplateRecord {
	return { wabaId: FAKE_IDS.wabaId, ...t } as TemplateRecord;
}

function user(
	id: string,
	username: string,
	firstName: string,
	lastName: string,
	email: string,
	createdAt: number,
): UserRecord {
	const emailId = `${id.slice(0, 8)}-0000-4000-8000-000000000001`;
	return {
		id,
		createdAt,
		updatedAt: createdAt + 24,
		username,
		firstName,
		lastName,
		middleName: '',
		displayName: '',
		gender: '',
		dob: 0,
		bio: '',
		profileImageUrl: '',
		coverImageUrl: '',
		timezone: '+0530',
		data: null,
		onboardingData: null,
		isActive: true,
		isDeleted: false,
		deletedAt: null,
		availabilityStatus: 'AVAILABLE',
		team: FAKE_IDS.teamId,
		role: FAKE_IDS.roleId,
		phones: [],
		emails: [
			{
				id: emailId,
				createdAt: 0,
				updatedAt: 0,
				email,
				normalizedEmail: email,
				type: '',
				isVerified: false,
				user: id,
			},
		],
		primaryEmail: {
			id: emailId,
			email,
			normalizedEmail: email,
			type: '',
			isVerified: false,
			user: id,
		},
		primaryPhone: null,
		profile: null,
		reportees: [],
	};
}

function proc(
	procedureShortId: 'lead' | 'ticket',
	id: string,
	createdAt: number,
	status: ProcessRecord['status'],
	state: string,
	assignedTo: string | null,
	data: JsonObject,
): ProcessRecord {
	return {
		id,
		team: FAKE_IDS.teamId,
		procedure: procedureShortId === 'lead' ? FAKE_IDS.procedureLeadId : FAKE_IDS.procedureTicketId,
		entity: FAKE_IDS.entityId,
		record: `${id.slice(0, 8)}-aaaa-4bbb-8ccc-${id.slice(-12)}`,
		createdBy: FAKE_IDS.userId,
		assignedTo,
		belongsTo: FAKE_IDS.podId,
		status,
		state,
		data,
		derivedData: {},
		nextActionAt: null,
		createdAt,
		updatedAt: createdAt,
	};
}

function buildConfig(): FakeState['config'] {
	const leadStates = [
		['NEW', 'New'],
		['IN_PROGRESS', 'In progress'],
		['CONVERTED', 'Converted'],
		['NOT_INTERESTED', 'Not interested'],
	];
	const ticketStates = [
		['NEW', 'New'],
		['IN_PROGRESS', 'In progress'],
		['RESOLVED', 'Resolved'],
	];
	const mkStates = (
		procShortId: string,
		procId: string,
		list: string[][],
		base: number,
	): JsonObject[] =>
		list.map(([shortId, name], i) => ({
			id: `5d6e7f8a-0000-4000-8000-${String(base + i).padStart(12, '0')}`,
			shortId,
			name,
			procedure: procId,
			procedureShortId: procShortId,
		}));
	const leadStateObjs = mkStates('lead', FAKE_IDS.procedureLeadId, leadStates, 1);
	const ticketStateObjs = mkStates('ticket', FAKE_IDS.procedureTicketId, ticketStates, 101);
	let attrSeq = 0;
	const attr = (
		procShortId: 'lead' | 'ticket',
		shortId: string,
		name: string,
		type: string,
		extra: JsonObject = {},
	): JsonObject => ({
		id: `6e7f8a9b-0000-4000-8000-${String(++attrSeq).padStart(12, '0')}`,
		shortId,
		name,
		type,
		procedure: procShortId === 'lead' ? FAKE_IDS.procedureLeadId : FAKE_IDS.procedureTicketId,
		procedureShortId: procShortId,
		entity: FAKE_IDS.entityId,
		isPrimaryKey: false,
		...extra,
	});
	const attributes = [
		attr('lead', 'lead_id', 'Lead ID', 'text', { isPrimaryKey: true }),
		attr('lead', 'name', 'Name', 'text'),
		attr('lead', 'phone_number', 'Phone number', 'text'),
		attr('lead', 'email', 'Email', 'text'),
		attr('lead', 'city', 'City', 'text'),
		attr('lead', 'score', 'Score', 'number'),
		attr('lead', 'follow_up_at', 'Follow-up at', 'datetime'),
		attr('lead', 'is_hot', 'Hot lead', 'boolean'),
		attr('lead', 'photo', 'Photo', 'photo'),
		attr('lead', 'source', 'Source', 'select', {
			options: [
				{ value: 'website', label: 'Website' },
				{ value: 'whatsapp', label: 'WhatsApp' },
				{ value: 'referral', label: 'Referral' },
			],
		}),
		attr('ticket', 'ticket_id', 'Ticket ID', 'text', { isPrimaryKey: true }),
		attr('ticket', 'subject', 'Subject', 'text'),
		attr('ticket', 'priority', 'Priority', 'select', {
			options: [
				{ value: 'low', label: 'Low' },
				{ value: 'high', label: 'High' },
			],
		}),
		attr('ticket', 'description', 'Description', 'text'),
	];
	const procedures: ProcedureConfig[] = [
		{
			id: FAKE_IDS.procedureLeadId,
			shortId: 'lead',
			name: 'Lead',
			entity: FAKE_IDS.entityId,
			primaryKeyShortId: 'lead_id',
			primaryKeyAttribute: attributes[0].id as string,
			states: leadStateObjs,
		},
		{
			id: FAKE_IDS.procedureTicketId,
			shortId: 'ticket',
			name: 'Ticket',
			entity: FAKE_IDS.entityId,
			primaryKeyShortId: 'ticket_id',
			primaryKeyAttribute: attributes[10].id as string,
			states: ticketStateObjs,
		},
	];
	const stateTasks: JsonObject[] = [
		{
			id: '7f8a9b0c-0000-4000-8000-000000000001',
			shortId: 'call',
			name: 'Call',
			procedure: FAKE_IDS.procedureLeadId,
			procedureShortId: 'lead',
			attributes: ['call_disposition', 'next_call_time', 'remarks'],
		},
		{
			id: '7f8a9b0c-0000-4000-8000-000000000002',
			shortId: 'meeting',
			name: 'Meeting',
			procedure: FAKE_IDS.procedureLeadId,
			procedureShortId: 'lead',
			attributes: ['meeting_at', 'remarks'],
		},
		{
			id: '7f8a9b0c-0000-4000-8000-000000000003',
			shortId: 'follow_up',
			name: 'Follow up',
			procedure: FAKE_IDS.procedureTicketId,
			procedureShortId: 'ticket',
			attributes: ['remarks'],
		},
	];
	return {
		team: { id: FAKE_IDS.teamId, name: 'Acme Retail', shortId: 'acme' },
		entities: [{ id: FAKE_IDS.entityId, shortId: 'customer', name: 'Customer' }],
		procedures,
		states: [...leadStateObjs, ...ticketStateObjs],
		attributeTypes: [
			'text',
			'number',
			'datetime',
			'datetimeISO8601',
			'boolean',
			'photo',
			'select',
		].map((t) => ({
			shortId: t,
			name: t,
		})),
		attributes,
		derivedAttributes: [],
		attributeGroups: [],
		roles: [{ id: FAKE_IDS.roleId, shortId: 'admin', name: 'Admin' }],
		pods: [{ id: FAKE_IDS.podId, shortId: 'sales', name: 'Sales' }],
		taskTypes: [],
		forms: [],
		formFields: [],
		formActionButtons: [],
		stateTasks,
		userProfiles: [],
		attributeConfig: {},
		skillTypes: [],
	};
}

function chatMessage(
	id: string,
	chatId: string | null,
	createdAt: number,
	text: string,
	direction: 'INBOUND' | 'OUTBOUND',
	extra: JsonObject = {},
): JsonObject {
	return {
		id,
		createdAt,
		updatedAt: createdAt,
		externalId: `wamid.${Buffer.from(`seed-${id}`).toString('base64')}`,
		provider: 'WHATSAPP',
		dataType: 'TEXT',
		body: { body: text },
		text,
		attachments: null,
		deliveryStatus: direction === 'INBOUND' ? 'RECEIVED' : 'READ',
		direction,
		timestamp: createdAt,
		context: null,
		adhocAgent: null,
		source: { sourceId: FAKE_IDS.pluginId, sourceType: 'PLUGIN' },
		team: FAKE_IDS.teamId,
		chat: chatId,
		plugin: FAKE_IDS.pluginId,
		contact: null,
		user: direction === 'OUTBOUND' ? FAKE_IDS.userId : null,
		procedure: null,
		process: null,
		campaign: null,
		inReplyTo: null,
		...extra,
	};
}

export function createSeedState(): FakeState {
	const plugins = new Map<string, PluginRecord>([
		[
			FAKE_IDS.pluginId,
			{
				id: FAKE_IDS.pluginId,
				name: 'Acme WhatsApp',
				wabaIds: [FAKE_IDS.wabaId],
				config: {
					passThroughWebhookUrl: '',
					enableMessageEchoesForPassThroughWebhook: false,
					enableSendMessageTemplateEventForPassThroughWebhook: false,
					enableChakraWebhook: false,
					chakraWebhookUrl: '',
					whichChakraWebhookEventsToSend: [],
					someOtherSetting: 'keep-me',
				},
			},
		],
		[
			FAKE_IDS.pluginId2,
			{
				id: FAKE_IDS.pluginId2,
				name: 'Acme Support WhatsApp',
				wabaIds: [FAKE_IDS.wabaId2],
				config: {
					passThroughWebhookUrl: 'https://existing.example.com/webhook/meta',
					enableMessageEchoesForPassThroughWebhook: false,
					enableSendMessageTemplateEventForPassThroughWebhook: false,
					enableChakraWebhook: true,
					chakraWebhookUrl: 'https://existing.example.com/webhook/chakra',
					whichChakraWebhookEventsToSend: ['message', 'status'],
					someOtherSetting: 'keep-me-too',
				},
			},
		],
	]);
	const wabas = new Map<string, WabaRecord>([
		[
			FAKE_IDS.wabaId,
			{
				id: FAKE_IDS.wabaId,
				name: 'Acme Retail',
				chakraStatus: 'CONNECTED',
				pluginId: FAKE_IDS.pluginId,
			},
		],
		[
			FAKE_IDS.wabaId2,
			{
				id: FAKE_IDS.wabaId2,
				name: 'Acme Support',
				chakraStatus: 'CONNECTED',
				pluginId: FAKE_IDS.pluginId2,
			},
		],
	]);
	const phoneNumbers = new Map<string, PhoneNumberRecord>([
		[
			FAKE_IDS.phoneNumberId,
			{
				id: FAKE_IDS.phoneNumberId,
				waba: FAKE_IDS.wabaId,
				displayPhoneNumber: FAKE_IDS.displayPhoneNumber,
				verifiedName: 'Acme Retail',
				qualityRating: 'GREEN',
				messagingLimitTier: 'TIER_1K',
				status: 'CONNECTED',
			},
		],
		[
			FAKE_IDS.phoneNumberId2,
			{
				id: FAKE_IDS.phoneNumberId2,
				waba: FAKE_IDS.wabaId2,
				displayPhoneNumber: FAKE_IDS.displayPhoneNumber2,
				verifiedName: 'Acme Support',
				qualityRating: 'GREEN',
				messagingLimitTier: 'TIER_250',
				status: 'CONNECTED',
			},
		],
	]);

	const templates = new Map<string, TemplateRecord>();
	const addT = (t: TemplateRecord) => templates.set(t.id, t);
	addT(
		template({
			id: FAKE_IDS.templateIdOrderUpdate,
			name: 'order_update',
			language: 'en_US',
			status: 'APPROVED',
			category: 'UTILITY',
			parameter_format: 'POSITIONAL',
			components: [
				{
					type: 'HEADER',
					format: 'IMAGE',
					example: {
						header_handle: ['https://chakra-public-media.chakrahq.com/sample/header.jpg'],
					},
				},
				{
					type: 'BODY',
					text: 'Hi {{1}}, your order {{2}} has shipped.',
					example: { body_text: [['Asha', 'A123']] },
				},
				{ type: 'FOOTER', text: 'Acme Retail' },
				{
					type: 'BUTTONS',
					buttons: [
						{
							type: 'URL',
							text: 'Track order',
							url: 'https://shop.example.com/track/{{1}}',
							example: ['https://shop.example.com/track/A123'],
						},
					],
				},
			],
		}),
	);
	addT(
		template({
			id: FAKE_IDS.templateIdNamed,
			name: 'reservation_confirmation',
			language: 'en_US',
			status: 'APPROVED',
			category: 'UTILITY',
			parameter_format: 'NAMED',
			components: [
				{
					type: 'BODY',
					text: 'Hi {{first_name}}, order {{order_id}}',
					example: {
						body_text_named_params: [
							{ param_name: 'first_name', example: 'Asha' },
							{ param_name: 'order_id', example: 'A123' },
						],
					},
				},
			],
		}),
	);
	addT(
		template({
			id: FAKE_IDS.templateIdOtp,
			name: 'login_otp',
			language: 'en_US',
			status: 'APPROVED',
			category: 'AUTHENTICATION',
			parameter_format: 'POSITIONAL',
			components: [
				{
					type: 'BODY',
					text: '*{{1}}* is your verification code.',
					add_security_recommendation: true,
				},
				{ type: 'FOOTER', text: 'This code expires in 10 minutes.', code_expiration_minutes: 10 },
				{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
			],
		}),
	);
	addT(
		template({
			id: FAKE_IDS.templateIdHello,
			name: 'hello_world',
			language: 'en_US',
			status: 'APPROVED',
			category: 'MARKETING',
			parameter_format: 'POSITIONAL',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Hello World' },
				{
					type: 'BODY',
					text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API.',
				},
			],
		}),
	);
	addT(
		template({
			id: FAKE_IDS.templateIdPromo,
			name: 'christmas_promo_23',
			language: 'en_US',
			status: 'APPROVED',
			category: 'MARKETING',
			parameter_format: 'POSITIONAL',
			components: [
				{
					type: 'HEADER',
					format: 'TEXT',
					text: 'Season sale {{1}}',
					example: { header_text: ['2023'] },
				},
				{
					type: 'BODY',
					text: 'Hi {{1}}, enjoy {{2}} off this Christmas.',
					example: { body_text: [['John', '20%']] },
				},
			],
		}),
	);
	addT(
		template({
			id: FAKE_IDS.templateIdPending,
			name: 'summer_sale',
			language: 'en_US',
			status: 'PENDING',
			category: 'MARKETING',
			parameter_format: 'POSITIONAL',
			components: [{ type: 'BODY', text: 'Summer sale starts now!' }],
		}),
	);
	addT(
		template({
			id: FAKE_IDS.templateIdOrderUpdatePt,
			name: 'order_update',
			language: 'pt_BR',
			status: 'APPROVED',
			category: 'UTILITY',
			parameter_format: 'POSITIONAL',
			components: [
				{
					type: 'BODY',
					text: 'Olá {{1}}, seu pedido {{2}} foi enviado.',
					example: { body_text: [['Ana', 'A123']] },
				},
			],
		}),
	);
	addT(
		template({
			id: '1387372356726699',
			wabaId: FAKE_IDS.wabaId2,
			name: 'support_followup',
			language: 'en_US',
			status: 'APPROVED',
			category: 'UTILITY',
			parameter_format: 'POSITIONAL',
			components: [{ type: 'BODY', text: 'Hi {{1}}, is your issue resolved?' }],
		}),
	);

	const jpeg = fakeJpeg(2048);
	const pdf = Buffer.concat([
		Buffer.from('%PDF-1.4\n'),
		deterministicBytes(4096, 2),
		Buffer.from('\n%%EOF\n'),
	]);
	const ogg = Buffer.concat([Buffer.from('OggS'), deterministicBytes(1024, 3)]);
	const media = new Map<string, MediaRecord>([
		[
			FAKE_IDS.mediaId,
			{
				id: FAKE_IDS.mediaId,
				mid: FAKE_IDS.mid,
				data: jpeg,
				mimeType: 'image/jpeg',
				filename: 'photo.jpg',
				redirect: 'same-host',
			},
		],
		[
			FAKE_IDS.mediaIdDocument,
			{
				id: FAKE_IDS.mediaIdDocument,
				mid: FAKE_IDS.midDocument,
				data: pdf,
				mimeType: 'application/pdf',
				filename: 'invoice.pdf',
				redirect: false,
			},
		],
		[
			FAKE_IDS.mediaIdOtherHost,
			{
				id: FAKE_IDS.mediaIdOtherHost,
				mid: `${FAKE_IDS.mediaIdOtherHost}mid`,
				data: ogg,
				mimeType: 'audio/ogg',
				redirect: 'other-host',
			},
		],
	]);

	const chatNames = [
		'Asha Rao',
		'John Doe',
		'Priya Sharma',
		'Carlos Diaz',
		'Mei Lin',
		'Omar Aziz',
		'Lena Fischer',
		'Ravi Kumar',
		'Sara Costa',
		'Tom Berg',
		'Nina Patel',
		'Ivan Petrov',
	];
	const chats: ChatRecord[] = chatNames.map((name, i) => ({
		id: i === 0 ? FAKE_IDS.chatId : `c1a7e0b2-3f4d-4e5a-9b6c-${String(i).padStart(12, '0')}`,
		createdAt: T0 + i * DAY,
		updatedAt: T0 + i * DAY + 1000,
		contactName: name,
		contactPhoneNumber:
			i === 0
				? FAKE_IDS.customerPhone
				: i === 1
					? FAKE_IDS.customerPhone2
					: `9198000000${String(i).padStart(2, '0')}`,
		plugin: FAKE_IDS.pluginId,
		whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
		lastMessageAt: T0 + i * DAY + 1000,
		unreadCount: i % 3,
		status: i % 4 === 3 ? 'CLOSED' : 'OPEN',
	}));
	const chatMessages: ChatMessageEntry[] = [];
	const texts = [
		'Hi, can you please help me out with an issue',
		'Sure, what happened?',
		'My order A123 has not arrived',
		'Let me check that for you',
		'Thanks!',
	];
	texts.forEach((text, i) => {
		chatMessages.push({
			chatId: FAKE_IDS.chatId,
			customerPhoneNumber: FAKE_IDS.customerPhone,
			message: chatMessage(
				`8a9b0c1d-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
				FAKE_IDS.chatId,
				T0 + i * 60_000,
				text,
				i % 2 === 0 ? 'INBOUND' : 'OUTBOUND',
			),
		});
	});
	chatMessages.push({
		chatId: chats[1].id,
		customerPhoneNumber: FAKE_IDS.customerPhone2,
		message: chatMessage(
			'8a9b0c1d-0000-4000-8000-000000000101',
			chats[1].id,
			T0 + DAY,
			'Hello from John',
			'INBOUND',
		),
	});

	const groups = new Map<string, GroupRecord>([
		[
			FAKE_IDS.groupId,
			{
				id: FAKE_IDS.groupId,
				phoneNumberId: FAKE_IDS.phoneNumberId,
				requestId: 'seed-request-1',
				subject: 'Order 1042 support',
				description: 'Delivery coordination',
				join_approval_mode: 'approval_required',
				suspended: false,
				creation_timestamp: 1750857384,
				participants: [{ wa_id: FAKE_IDS.customerPhone }, { wa_id: FAKE_IDS.customerPhone2 }],
				invite_link: 'https://chat.whatsapp.com/SEEDLINK0001',
				joinRequests: [
					{
						join_request_id: FAKE_IDS.joinRequestId,
						wa_id: '919900000001',
						creation_timestamp: '1750857400',
					},
					{
						join_request_id: FAKE_IDS.joinRequestId2,
						wa_id: '919900000002',
						creation_timestamp: '1750857500',
					},
					{
						join_request_id: FAKE_IDS.joinRequestId3,
						wa_id: '919900000003',
						creation_timestamp: '1750857600',
					},
				],
			},
		],
		[
			FAKE_IDS.groupId2,
			{
				id: FAKE_IDS.groupId2,
				phoneNumberId: FAKE_IDS.phoneNumberId,
				requestId: 'seed-request-2',
				subject: 'VIP customers',
				description: '',
				join_approval_mode: 'auto_approve',
				suspended: false,
				creation_timestamp: 1750858000,
				participants: [{ wa_id: FAKE_IDS.customerPhone }],
				invite_link: 'https://chat.whatsapp.com/SEEDLINK0002',
				joinRequests: [],
			},
		],
	]);

	const leads = new Map<string, ProcessRecord>();
	const addLead = (p: ProcessRecord) => leads.set(p.id, p);
	addLead(
		proc(
			'lead',
			FAKE_IDS.processId,
			Date.parse('2023-09-02T10:00:00Z'),
			'OPEN',
			'NEW',
			FAKE_IDS.userId,
			{
				lead_id: 'LEAD-001',
				name: 'Asha Rao',
				phone_number: FAKE_IDS.customerPhone,
				email: 'asha@example.com',
				city: 'Pune',
				score: 5,
				source: 'website',
			},
		),
	);
	addLead(
		proc(
			'lead',
			'2cd21392-6993-44b4-a5c7-39d638446b8f',
			Date.parse('2023-09-05T10:00:00Z'),
			'OPEN',
			'IN_PROGRESS',
			FAKE_IDS.userId2,
			{
				lead_id: 'LEAD-002',
				name: 'John Doe',
				phone_number: FAKE_IDS.customerPhone2,
				email: 'john@example.com',
				city: 'Mumbai',
				score: 12,
				source: 'whatsapp',
			},
		),
	);
	addLead(
		proc(
			'lead',
			'3de324a3-7aa4-45c5-b6d8-4ae749557c90',
			Date.parse('2023-09-08T10:00:00Z'),
			'COMPLETED',
			'CONVERTED',
			FAKE_IDS.userId,
			{
				lead_id: 'LEAD-003',
				name: 'Priya Sharma',
				phone_number: '919800000002',
				email: 'test@example.com',
				city: 'Pune',
				score: 20,
				source: 'referral',
			},
		),
	);
	addLead(
		proc(
			'lead',
			'4ef435b4-8bb5-46d6-87e9-5bf85a668da1',
			Date.parse('2023-09-12T10:00:00Z'),
			'CANCELLED',
			'NOT_INTERESTED',
			null,
			{
				lead_id: 'LEAD-004',
				name: 'Carlos Diaz',
				phone_number: '7701214822',
				email: 'carlos@example.com',
				city: 'Goa',
				score: 1,
				source: 'website',
			},
		),
	);
	addLead(
		proc(
			'lead',
			'5f0546c5-9cc6-47e7-98fa-6c0a97779eb2',
			Date.parse('2023-09-15T10:00:00Z'),
			'OPEN',
			'NEW',
			FAKE_IDS.userId3,
			{
				lead_id: 'LEAD/005 A',
				name: 'Mei Lin',
				phone_number: '919800000004',
				email: 'mei@example.com',
				city: 'Delhi',
				score: 8,
				source: 'whatsapp',
			},
		),
	);
	const tickets = new Map<string, ProcessRecord>();
	tickets.set(
		FAKE_IDS.ticketProcessId,
		proc(
			'ticket',
			FAKE_IDS.ticketProcessId,
			Date.parse('2023-10-01T08:00:00Z'),
			'OPEN',
			'NEW',
			FAKE_IDS.userId2,
			{
				ticket_id: 'TCK-001',
				subject: 'Order not delivered',
				priority: 'high',
			},
		),
	);
	tickets.set(
		'7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
		proc(
			'ticket',
			'7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
			Date.parse('2023-10-02T08:00:00Z'),
			'COMPLETED',
			'RESOLVED',
			FAKE_IDS.userId,
			{
				ticket_id: 'TCK-002',
				subject: 'Refund request',
				priority: 'low',
			},
		),
	);

	const users = new Map<string, UserRecord>([
		[
			FAKE_IDS.userId,
			user(FAKE_IDS.userId, 'johndoe', 'John', 'Doe', 'john@acme.com', 1631817298100),
		],
		[
			FAKE_IDS.userId2,
			user(FAKE_IDS.userId2, 'shane.warne', 'Shane', 'Warne', 'shane@acme.com', 1631817299100),
		],
		[
			FAKE_IDS.userId3,
			user(FAKE_IDS.userId3, 'asha.rao', 'Asha', 'Rao', 'asha@acme.com', 1631817300100),
		],
	]);

	const png = Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		deterministicBytes(512, 4),
	]);
	const photos = new Map<string, PhotoRecord>([
		[
			FAKE_IDS.photoId,
			{
				id: FAKE_IDS.photoId,
				createdAt: 1700558337172,
				updatedAt: 1700558337172,
				filetype: 'png',
				filename: 'mobile_screenshot',
				height: null,
				width: null,
				isPublic: false,
				team: FAKE_IDS.teamId,
				user: null,
				data: png,
				contentType: 'image/png',
			},
		],
	]);

	const callingSettings = new Map<string, JsonObject>([
		[
			FAKE_IDS.phoneNumberId,
			{
				calling: {
					status: 'ENABLED',
					call_icon_visibility: 'DEFAULT',
					callback_permission_status: 'ENABLED',
					sip: {
						status: 'ENABLED',
						servers: [
							{ hostname: 'sip.example.com', port: 5060, sip_user_password: 'fake-sip-secret' },
						],
					},
				},
				storage_configuration: { status: 'default' },
			},
		],
		[
			FAKE_IDS.phoneNumberId2,
			{ calling: { status: 'DISABLED' }, storage_configuration: { status: 'default' } },
		],
	]);

	return {
		settings: { bulkJobInProgressPolls: 1, jobEntriesPageSize: 50, newTemplateStatus: 'PENDING' },
		plugins,
		wabas,
		phoneNumbers,
		templates,
		media,
		publicMedia: new Map(),
		sentMessages: [],
		chats,
		chatMessages,
		flowsKeys: new Map([
			[
				FAKE_IDS.phoneNumberId,
				{
					business_public_key:
						'-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAseedkey\n-----END PUBLIC KEY-----',
					business_public_key_signature_status: 'VALID' as const,
				},
			],
		]),
		groups,
		processes: new Map([
			['lead', leads],
			['ticket', tickets],
		]),
		tasks: [],
		backgroundJobs: new Map(),
		campaigns: new Map([
			[
				FAKE_IDS.campaignId,
				{ id: FAKE_IDS.campaignId, name: 'Diwali leads', phoneNumbers: [FAKE_IDS.customerPhone] },
			],
		]),
		callingSettings,
		callPermissions: new Map([
			[FAKE_IDS.customerPhone, { status: 'temporary', expiration_time: 1745343479 }],
		]),
		calls: new Map([
			[
				FAKE_IDS.callId,
				{
					id: FAKE_IDS.callId,
					phoneNumberId: FAKE_IDS.phoneNumberId,
					peer: FAKE_IDS.customerPhone,
					direction: 'USER_INITIATED',
					status: 'RINGING',
				},
			],
		]),
		connectTokens: [],
		users,
		photos,
		config: buildConfig(),
	};
}
