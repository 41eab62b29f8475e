/**
 * The people-in-the-loop and AI Agent workflows in the real n8n (cases of test/e2e/cases.ts):
 * - Send and Wait: the message reaches the fake ChakraHQ with the resume link in its button; the
 *   link resumes the execution with the answer; a second click resumes nothing; a short Limit Wait
 *   Time ends the wait by itself (n8n's wait tracker checks every 60 s, so this takes up to ~70 s);
 * - the AI Agent: a scripted OpenAI-compatible model (test/fake-model) calls the Chakra WhatsApp
 *   Tool and the Chakra CRM Tool with values it fills in ($fromAI); the fake ChakraHQ receives
 *   exactly those two requests, and the tools the model was offered read well.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';

import type { N8nExecution } from '../../scripts/lib/api';
import { FAKE_IDS, webhookSamples } from '../fake-chakra';
import type { CompletionRequest, ModelTool } from '../fake-model';
import { ASSISTANT_REPLY, ASSISTANT_SUMMARY, demoAssistantScript } from '../fake-model/scripts';
import type { WorkflowCase } from './cases';
import type { E2eEnv } from './lib/env';
import { expectSuccess, nodeOutput } from './lib/execute';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the stored execution until its status is one of `statuses` (bounded). */
async function executionWhen(
	env: E2eEnv,
	id: string | number,
	statuses: string[],
	timeoutMs: number,
): Promise<N8nExecution> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await env.client.getExecution(id);
		if (statuses.includes(String(execution.status))) return execution;
		if (Date.now() > deadline)
			throw new Error(
				`execution ${id} is ${execution.status} after ${timeoutMs / 1000} s, expected ${statuses.join(' or ')}`,
			);
		await sleep(500);
	}
}

/** The resume link of the CTA URL message the fake ChakraHQ received (C4). */
function ctaLink(
	env: E2eEnv,
	execution: N8nExecution,
): { url: string; label: string; body: Record<string, unknown> } {
	const sends = env.fake.requestsFor('C4');
	strictEqual(sends.length, 1, `expected one C4 send, saw ${sends.length}`);
	const body = sends[0].body as {
		interactive?: {
			type?: string;
			action?: { parameters?: { url?: string; display_text?: string } };
		};
	};
	strictEqual(body.interactive?.type, 'cta_url', JSON.stringify(body));
	const url = String(body.interactive?.action?.parameters?.url);
	ok(
		url.startsWith(`${env.server.baseUrl}/webhook-waiting/${execution.id}/`),
		`the button does not open this execution's resume URL: ${url}`,
	);
	ok(new URL(url).searchParams.get('signature'), `the resume URL is not signed: ${url}`);
	return {
		url,
		label: String(body.interactive?.action?.parameters?.display_text),
		body: sends[0].body as Record<string, unknown>,
	};
}

async function open(
	url: string,
	form?: Record<string, string>,
): Promise<{ status: number; text: string }> {
	const headers = {
		'user-agent':
			'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
	};
	let response: Response;
	if (form) {
		const body = new FormData();
		for (const [name, value] of Object.entries(form)) body.append(name, value);
		response = await fetch(url, { method: 'POST', body, headers });
	} else {
		response = await fetch(url, { headers });
	}
	return { status: response.status, text: await response.text() };
}

function inboundMessage() {
	return webhookSamples.passThroughText({
		name: 'Asha Rao',
		text: 'I want a refund for order A123, it arrived broken',
	});
}

/** The tools the model was offered, as a reader sees them. */
function describeTools(tools: ModelTool[]): string {
	return tools
		.map(
			(tool) =>
				`${tool.function.name}: ${tool.function.description} ${JSON.stringify(tool.function.parameters)}`,
		)
		.join('\n');
}

/** Tool names, descriptions and schemas that read well: named, described, no internal values, required marked. */
function expectReadableTools(request: CompletionRequest): void {
	const tools = request.tools ?? [];
	strictEqual(tools.length, 2, `expected 2 tools:\n${describeTools(tools)}`);
	for (const tool of tools) {
		const { name, description, parameters } = tool.function;
		ok(/^[A-Za-z0-9_-]{3,64}$/.test(name), `tool name "${name}"`);
		ok(
			description && description.trim().length >= 20,
			`tool ${name} has no real description: "${description}"`,
		);
		ok(
			!/[0-9a-f]{8}-[0-9a-f]{4}-|\{\{|\$json|__rl|undefined|\[object/.test(description),
			`tool ${name}'s description shows internal values: ${description}`,
		);
		const schema = parameters as
			| {
					properties?: Record<string, { description?: string; type?: string }>;
					required?: string[];
			  }
			| undefined;
		const properties = Object.entries(schema?.properties ?? {});
		ok(properties.length > 0, `tool ${name} has no parameters: ${JSON.stringify(parameters)}`);
		for (const [key, property] of properties) {
			ok(
				property.description && property.description.length >= 10,
				`tool ${name}: parameter ${key} has no description`,
			);
			ok(
				schema?.required?.includes(key),
				`tool ${name}: parameter ${key} is not marked required (${JSON.stringify(schema?.required)})`,
			);
		}
	}
	const reply = tools.find((tool) => /reply/i.test(tool.function.name));
	const lead = tools.find((tool) => /lead/i.test(tool.function.name));
	deepStrictEqual(Object.keys((reply?.function.parameters as { properties: object }).properties), [
		'reply',
	]);
	deepStrictEqual(Object.keys((lead?.function.parameters as { properties: object }).properties), [
		'name',
	]);
}

export const AGENT_CASES: Record<string, WorkflowCase> = {
	exApprovalByWhatsApp: {
		covers:
			"Send and Wait (Approve and Decline): CTA URL message with the signed resume link (C4), the link's page, the choice resumes with approved: true, the customer gets the answer (C4), a second click resumes nothing",
		webhook: { node: 'Chakra Trigger', payload: inboundMessage },
		async verify(waiting, env) {
			strictEqual(waiting.status, 'waiting', `the execution did not wait: ${waiting.status}`);
			const link = ctaLink(env, waiting);
			strictEqual(link.label, 'Approve or decline');
			strictEqual((link.body as { to?: string }).to, '13323458424');
			const page = await open(link.url);
			strictEqual(page.status, 200, page.text.slice(0, 300));
			ok(
				page.text.includes('>Approve</button>') && page.text.includes('>Decline</button>'),
				`the page has no choice:\n${page.text.slice(0, 800)}`,
			);
			strictEqual(
				(await env.client.getExecution(waiting.id)).status,
				'waiting',
				'opening the page resumed the execution',
			);

			const answered = await open(link.url, { approved: 'true' });
			strictEqual(answered.status, 200, answered.text.slice(0, 300));
			ok(answered.text.includes('your response was recorded'), answered.text.slice(0, 300));
			const done = await executionWhen(env, waiting.id, ['success', 'error'], 30_000);
			expectSuccess(done);
			const [answer] = nodeOutput(done, 'Ask Manager');
			strictEqual(
				(answer.json.data as { approved?: unknown }).approved,
				true,
				JSON.stringify(answer.json),
			);
			deepStrictEqual(answer.json.respondent, { phoneNumber: '13323458424' });
			const replies = env.fake.requestsFor('C4');
			strictEqual(replies.length, 2);
			strictEqual(
				(replies[1].body as { text?: { body?: string } }).text?.body,
				'Good news: your refund is approved.',
			);
			strictEqual((replies[1].body as { to?: string }).to, FAKE_IDS.customerPhone);

			const again = await open(link.url, { approved: 'false' });
			ok(
				!again.text.includes('your response was recorded'),
				`a second answer was recorded: ${again.text.slice(0, 300)}`,
			);
			await sleep(1_500);
			strictEqual(env.fake.requestsFor('C4').length, 2, 'the second click ran the workflow again');
			strictEqual((await env.client.getExecution(waiting.id)).status, 'success');
		},
	},

	e2eSendAndWaitTimeout: {
		covers:
			'Send and Wait (Approve Only) with Limit Wait Time 3 s: the button opens the approve link (C4); nobody answers, the wait ends by itself (n8n checks every 60 s) with the input item',
		webhook: {
			node: 'Chakra Trigger',
			payload: () => webhookSamples.passThroughText({ name: 'Ravi', text: 'Book me in' }),
		},
		async verify(waiting, env) {
			strictEqual(waiting.status, 'waiting', `the execution did not wait: ${waiting.status}`);
			const link = ctaLink(env, waiting);
			strictEqual(link.label, 'Confirm');
			strictEqual(new URL(link.url).searchParams.get('approved'), 'true');
			const started = Date.now();
			const done = await executionWhen(env, waiting.id, ['success', 'error'], 100_000);
			expectSuccess(done);
			const [item] = nodeOutput(done, 'Ask To Confirm');
			strictEqual(
				item.json.data,
				undefined,
				`a timed-out wait carries no answer: ${JSON.stringify(item.json)}`,
			);
			strictEqual(item.json.from, FAKE_IDS.customerPhone);
			console.log(
				`[e2e] the 3 s wait ended after ${Math.round((Date.now() - started) / 1000)} s more (n8n's wait tracker)`,
			);
			const late = await open(link.url);
			ok(
				!late.text.includes('your response was recorded'),
				'the link still recorded an answer after the time-out',
			);
		},
	},

	exAiWhatsAppAssistant: {
		covers:
			'AI Agent with the OpenAI Chat Model (scripted fake model): the model calls the Chakra WhatsApp Tool (C4 text) and the Chakra CRM Tool (C26 lead) with values it fills in, and answers',
		webhook: { node: 'Chakra Trigger', payload: inboundMessage },
		before(env) {
			if (!env.model) throw new Error('the suite started no fake model');
			env.model.playForever(demoAssistantScript);
		},
		verify(execution, env) {
			expectSuccess(execution);
			const model = env.model;
			ok(model, 'no fake model');
			strictEqual(
				model.requests.length,
				2,
				`expected 2 model calls (tools, then the answer), saw ${model.requests.length}`,
			);
			ok(
				model.authorizations.every((header) => header === 'Bearer sk-fake-model-key'),
				"the model was not called with the credential's key",
			);
			const prompt = model.requests[0].messages.find((message) => message.role === 'user');
			strictEqual(
				prompt?.content,
				`Customer Asha Rao (${FAKE_IDS.customerPhone}) wrote: I want a refund for order A123, it arrived broken`,
			);
			expectReadableTools(model.requests[0]);
			console.log(
				`[e2e] tools offered to the model:\n${describeTools(model.requests[0].tools ?? [])}`,
			);
			strictEqual(
				model.requests[1].messages.filter((message) => message.role === 'tool').length,
				2,
				'the model did not get both tool results',
			);

			const sends = env.fake.requestsFor('C4');
			const leads = env.fake.requestsFor('C26');
			strictEqual(
				env.fake.requests.length,
				2,
				`expected exactly 2 ChakraHQ requests, saw ${env.fake.requests.map((request) => request.cid).join(', ')}`,
			);
			strictEqual(sends.length, 1);
			strictEqual(leads.length, 1);
			const sent = sends[0].body as { to?: string; type?: string; text?: { body?: string } };
			deepStrictEqual(
				{ to: sent.to, type: sent.type, text: sent.text?.body },
				{ to: FAKE_IDS.customerPhone, type: 'text', text: ASSISTANT_REPLY },
			);
			const lead = leads[0].body as Record<string, unknown>;
			strictEqual(JSON.stringify(lead).includes('Asha Rao'), true, JSON.stringify(lead));
			strictEqual(
				JSON.stringify(lead).includes(FAKE_IDS.customerPhone),
				true,
				JSON.stringify(lead),
			);
			const [answer] = nodeOutput(execution, 'AI Agent');
			strictEqual(answer.json.output, ASSISTANT_SUMMARY);
		},
	},
};
