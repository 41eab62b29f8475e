/**
 * What each workflow of examples/ and test/e2e/workflows/ must produce in the real n8n, keyed by the
 * workflow's id. Every workflow file needs a case here (the suite fails otherwise). A case runs after
 * `fake.reset()`; it can prepare the fake server in `before`, and asserts on the execution's node
 * outputs and on the requests the fake server recorded.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';

import type { N8nExecution } from '../../scripts/lib/api';
import { FAKE_IDS } from '../fake-chakra';
import type { E2eEnv } from './lib/env';
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
	strictEqual(items.length, 1, `${node}: expected 1 item, got ${items.length}: ${JSON.stringify(json(items)).slice(0, 500)}`);
	return items[0];
}

function expectBearer(env: E2eEnv): void {
	for (const request of env.fake.requests) {
		strictEqual(request.headers.authorization, `Bearer ${env.fake.token}`, `${request.method} ${request.path} without the credential's token`);
	}
}

/** Requests the fake server saw, as "C-id METHOD path" lines (for readable failure messages). */
function requestLines(env: E2eEnv): string[] {
	return env.fake.requests.map((request) => `${request.cid ?? '?'} ${request.method} ${request.path}`);
}

function expectCalls(env: E2eEnv, cids: string[]): void {
	const seen = env.fake.requests.map((request) => request.cid);
	for (const cid of cids) ok(seen.includes(cid), `no ${cid} request; saw:\n${requestLines(env).join('\n')}`);
}

const PHONE_ID = FAKE_IDS.phoneNumberId;

export const CASES: Record<string, WorkflowCase> = {
	e2eNodeWhatsApp: {
		covers: 'media get (C11) and download to binary (C10), text message (C4), templates Return All (C7), flows key (C14)',
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
			deepStrictEqual(only(execution, 'Send Text').json, { whatsappMessageId: sent.whatsappMessageId });
			const templates = [...env.fake.state.templates.values()].filter((template) => template.wabaId === FAKE_IDS.wabaId);
			strictEqual(nodeOutput(execution, 'List Templates').length, templates.length, 'Return All did not return every template of the WABA');
			deepStrictEqual(only(execution, 'Get Flows Public Key').json, { data: [env.fake.state.flowsKeys.get(PHONE_ID)] });
			strictEqual(env.fake.requestsFor('C14')[0].params.whatsappPhoneNumberId, PHONE_ID);
		},
	},
};
