/**
 * What each workflow of examples/ and test/e2e/workflows/ must produce in the real n8n, keyed by the
 * workflow's id. Every workflow file needs a case here (the suite fails otherwise). A case runs after
 * `fake.reset()`; it can prepare the fake server in `before`, and asserts on the execution's node
 * outputs and on the requests the fake server recorded.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';

import type { N8nExecution } from '../../scripts/lib/api';
import { FAKE_IDS, webhookSamples } from '../fake-chakra';
import type { E2eEnv } from './lib/env';
import { AGENT_CASES } from './agent-cases';
import { expectSuccess, nodeOutput, type Item } from './lib/execute';

export interface WorkflowCase {
	/** What the run shows, for the report line. */
	covers: string;
	/** Started by a signed delivery to this Chakra Trigger node (otherwise `n8n execute`). */
	webhook?: { node: string; payload: () => object };
	before?: (env: E2eEnv) => void | Promise<void>;
	verify: (execution: N8nExecution, env: E2eEnv) => void | Promise<void>;
}

const json = (items: Item[]): Record<string, unknown>[] => items.map((item) => item.json);

/** The one item a node produced. */
function only(execution: N8nExecution, node: string): Item {
	const items = nodeOutput(execution, node);
	strictEqual(
		items.length,
		1,
		`${node}: expected 1 item, got ${items.length}: ${JSON.stringify(json(items)).slice(0, 500)}`,
	);
	return items[0];
}

function expectBearer(env: E2eEnv): void {
	for (const request of env.fake.requests) {
		strictEqual(
			request.headers.authorization,
			`Bearer ${env.fake.token}`,
			`${request.method} ${request.path} without the credential's token`,
		);
	}
}

/** Requests the fake server saw, as "C-id METHOD path" lines (for readable failure messages). */
function requestLines(env: E2eEnv): string[] {
	return env.fake.requests.map(
		(request) => `${request.cid ?? '?'} ${request.method} ${request.path}`,
	);
}

function expectCalls(env: E2eEnv, cids: string[]): void {
	const seen = env.fake.requests.map((request) => request.cid);
	for (const cid of cids)
		ok(seen.includes(cid), `no ${cid} request; saw:\n${requestLines(env).join('\n')}`);
}

const PHONE_ID = FAKE_IDS.phoneNumberId;

/** Processes of a procedure in the fake server. */
function processesOf(env: E2eEnv, procedure: string) {
	return [...(env.fake.state.processes.get(procedure)?.values() ?? [])];
}

/** The last item's json of a node, compared on a few keys. */
function expectFields(item: Item, expected: Record<string, unknown>): void {
	deepStrictEqual(
		Object.fromEntries(Object.keys(expected).map((key) => [key, item.json[key]])),
		expected,
	);
}

export const CASES: Record<string, WorkflowCase> = {
	...AGENT_CASES,
	e2eNodeWhatsApp: {
		covers:
			'media get (C11) and download to binary (C10), text message (C4), templates Return All (C7), flows key (C14)',
		verify(execution, env) {
			expectSuccess(execution);
			expectCalls(env, ['C11', 'C10', 'C4', 'C7', 'C14']);
			expectBearer(env);
			strictEqual(only(execution, 'Get Media Info').json.mime_type, 'application/pdf');
			const download = only(execution, 'Download Media');
			strictEqual(download.binary?.data?.mimeType, 'application/pdf');
			strictEqual(download.binary?.data?.fileName, 'invoice.pdf');
			const sent = env.fake.state.sentMessages.at(-1);
			ok(sent, 'the fake server recorded no sent message');
			deepStrictEqual(only(execution, 'Send Text').json, {
				whatsappMessageId: sent.whatsappMessageId,
			});
			const templates = [...env.fake.state.templates.values()].filter(
				(template) => template.wabaId === FAKE_IDS.wabaId,
			);
			strictEqual(
				nodeOutput(execution, 'List Templates').length,
				templates.length,
				'Return All did not return every template of the WABA',
			);
			deepStrictEqual(only(execution, 'Get Flows Public Key').json, {
				data: [env.fake.state.flowsKeys.get(PHONE_ID)],
			});
			strictEqual(env.fake.requestsFor('C14')[0].params.whatsappPhoneNumberId, PHONE_ID);
		},
	},

	e2eNodeGroup: {
		covers:
			'group get (C17), Return All over the Meta cursor (C16), invite link (C20), join requests (C22)',
		verify(execution, env) {
			expectSuccess(execution);
			expectCalls(env, ['C17', 'C16', 'C20', 'C22']);
			expectBearer(env);
			expectFields(only(execution, 'Get Group'), { subject: 'Order 1042 support' });
			const groups = [...env.fake.state.groups.values()].filter(
				(group) => group.phoneNumberId === PHONE_ID,
			);
			strictEqual(nodeOutput(execution, 'List Groups').length, groups.length);
			expectFields(only(execution, 'Get Invite Link'), {
				invite_link: 'https://chat.whatsapp.com/SEEDLINK0001',
			});
			const joinRequests = env.fake.state.groups.get(FAKE_IDS.groupId)?.joinRequests ?? [];
			strictEqual(nodeOutput(execution, 'List Join Requests').length, joinRequests.length);
		},
	},

	e2eNodeCalling: {
		covers:
			'calling settings (C33), call permission with a normalised number (C35), business-initiated call (C36 connect)',
		verify(execution, env) {
			expectSuccess(execution);
			expectCalls(env, ['C33', 'C35', 'C36']);
			expectBearer(env);
			ok(only(execution, 'Get Calling Settings').json.calling, 'no calling settings returned');
			strictEqual(env.fake.requestsFor('C35')[0].query.user_wa_id, FAKE_IDS.customerPhone);
			ok(only(execution, 'Get Call Permission').json.permission, 'no permission state returned');
			const call = only(execution, 'Call Customer').json as { calls?: { id: string }[] };
			ok(
				call.calls?.[0]?.id && env.fake.state.calls.has(call.calls[0].id),
				`the call id is not a call of the fake server: ${JSON.stringify(call)}`,
			);
		},
	},

	e2eNodeCrm: {
		covers:
			'lead create (C26), chats Return All (C28), messages of a phone number (C30), campaign add (C31)',
		verify(execution, env) {
			expectSuccess(execution);
			expectCalls(env, ['C26', 'C28', 'C30', 'C31']);
			expectBearer(env);
			const lead = only(execution, 'Create Lead').json;
			const stored = env.fake.state.processes.get('lead')?.get(String(lead.id));
			ok(stored, `lead ${String(lead.id)} is not in the fake server`);
			strictEqual(stored.data.phone_number, '919845012345');
			strictEqual(nodeOutput(execution, 'List Chats').length, env.fake.state.chats.length);
			const customerMessages = env.fake.state.chatMessages.filter(
				(message) => message.customerPhoneNumber === FAKE_IDS.customerPhone,
			);
			strictEqual(nodeOutput(execution, 'Messages Of Customer').length, customerMessages.length);
			strictEqual(
				env.fake.requestsFor('C31')[0].body &&
					(env.fake.requestsFor('C31')[0].body as { phoneNumber?: string }).phoneNumber,
				'919845012345',
			);
			strictEqual(nodeOutput(execution, 'Add To Campaign').length, 1);
		},
	},

	e2eNodePartner: {
		covers: 'connect token for a new plugin (C37), plugin configuration (C39)',
		verify(execution, env) {
			expectSuccess(execution);
			expectCalls(env, ['C37', 'C39']);
			expectBearer(env);
			const token = only(execution, 'Create Connect Token').json;
			ok(
				env.fake.state.connectTokens.some((issued) => JSON.stringify(token).includes(issued.token)),
				`no issued token in ${JSON.stringify(token)}`,
			);
			expectFields(only(execution, 'Get Plugin Config'), { someOtherSetting: 'keep-me' });
		},
	},

	e2eNodePlatform: {
		covers:
			'config (C61), users (C51), process get (C41), getAll with a status filter and Return All (C42)',
		verify(execution, env) {
			expectSuccess(execution);
			expectCalls(env, ['C61', 'C51', 'C41', 'C42']);
			expectBearer(env);
			ok(nodeOutput(execution, 'Get Procedures').length > 0, 'no procedures');
			strictEqual(nodeOutput(execution, 'List Users').length, env.fake.state.users.size);
			expectFields(only(execution, 'Get Lead'), { id: FAKE_IDS.processId });
			const open = processesOf(env, 'lead').filter((lead) => lead.status === 'OPEN');
			strictEqual(nodeOutput(execution, 'List Open Leads').length, open.length);
		},
	},

	exInboundLeadReply: {
		covers:
			'Chakra Trigger (signed pass-through delivery) -> CRM lead (C26) -> template reply (C2)',
		webhook: { node: 'Chakra Trigger', payload: () => webhookSamples.passThroughText() },
		verify(execution, env) {
			expectSuccess(execution);
			expectBearer(env);
			expectFields(only(execution, 'Chakra Trigger'), {
				event: 'message',
				from: FAKE_IDS.customerPhone,
				contactName: 'John',
			});
			const lead = only(execution, 'Create Lead').json;
			const stored = env.fake.state.processes.get('lead')?.get(String(lead.id));
			ok(stored, 'the lead was not created in the fake server');
			strictEqual(stored.data.name, 'John');
			const send = env.fake.requestsFor('C2');
			strictEqual(
				send.length,
				1,
				`expected one template send; saw:\n${requestLines(env).join('\n')}`,
			);
			ok(send[0].path.includes(`/phoneNumber/${FAKE_IDS.customerPhone}/`), send[0].path);
			deepStrictEqual(send[0].body, {
				whatsappPhoneNumberId: PHONE_ID,
				templateName: 'hello_world',
				language: 'en_US',
			});
			strictEqual(
				only(execution, 'Reply With Template').json.text,
				'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API.',
			);
		},
	},

	exImageToTemplate: {
		covers:
			'Chakra Trigger (inbound image) -> media download to binary (C10) -> public media upload (C9) -> template with image header (C2)',
		webhook: { node: 'Chakra Trigger', payload: () => webhookSamples.passThroughImage() },
		verify(execution, env) {
			expectSuccess(execution);
			expectBearer(env);
			expectFields(only(execution, 'Chakra Trigger'), {
				messageType: 'image',
				mediaId: FAKE_IDS.mediaId,
			});
			const image = only(execution, 'Download Image');
			strictEqual(image.binary?.data?.mimeType, 'image/jpeg');
			const uploaded = env.fake.requestsFor('C9');
			strictEqual(uploaded.length, 1);
			const media = env.fake.state.media.get(FAKE_IDS.mediaId);
			const file = uploaded[0].multipart?.files.file;
			ok(
				media && file && Buffer.compare(file.data, media.data) === 0,
				'the uploaded bytes are not the downloaded image',
			);
			const url = String(only(execution, 'Upload As Public Media').json.publicMediaUrl);
			const send = env.fake.requestsFor('C2');
			strictEqual(send.length, 1);
			const body = send[0].body as { headerMapping?: unknown; mapping?: unknown };
			ok(
				JSON.stringify(body).includes(url),
				`the template send does not carry the public URL ${url}: ${JSON.stringify(body)}`,
			);
			ok(
				JSON.stringify(body).includes('John'),
				`body variable 1 is not the contact name: ${JSON.stringify(body)}`,
			);
		},
	},

	exNightlyExport: {
		covers: 'process getAll Return All over skip/limit pages (C42) -> CSV file',
		before(env) {
			const leads = env.fake.state.processes.get('lead');
			const seed = leads?.get(FAKE_IDS.processId);
			ok(leads && seed, 'no seed lead');
			for (let index = 0; index < 230; index++) {
				const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
				leads.set(id, {
					...structuredClone(seed),
					id,
					data: { ...structuredClone(seed.data), lead_id: `EXPORT-${index}` },
				});
			}
		},
		verify(execution, env) {
			expectSuccess(execution);
			const leads = processesOf(env, 'lead');
			strictEqual(nodeOutput(execution, 'Export All Leads').length, leads.length);
			ok(env.fake.requestsFor('C42').length >= 3, 'Return All did not page through skip/limit');
			const csv = only(execution, 'Leads As CSV');
			strictEqual(csv.binary?.data?.mimeType, 'text/csv');
			ok(
				/^leads-\d{4}-\d{2}-\d{2}\.csv$/.test(String(csv.binary?.data?.fileName)),
				String(csv.binary?.data?.fileName),
			);
		},
	},

	exBulkUpdateWait: {
		covers:
			'process getAll filtered (C42) -> bulk update (C49) waiting for the background job (C59, C60), one outcome per lead',
		verify(execution, env) {
			expectSuccess(execution);
			expectCalls(env, ['C42', 'C49', 'C59']);
			const open = nodeOutput(execution, 'Find Open Leads');
			ok(open.length > 0, 'no open leads found');
			const outcomes = nodeOutput(execution, 'Reassign In Bulk And Wait');
			strictEqual(outcomes.length, open.length);
			for (const outcome of outcomes)
				strictEqual(outcome.json.completionStatus, 'SUCCESS', JSON.stringify(outcome.json));
			for (const item of open)
				strictEqual(
					env.fake.state.processes.get('lead')?.get(String(item.json.id))?.assignedTo,
					FAKE_IDS.userId2,
				);
		},
	},
};
