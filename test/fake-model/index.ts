/**
 * A scripted OpenAI-compatible model on loopback, for AI Agent tests in the real n8n: n8n's OpenAI
 * Chat Model node points at it through the OpenAI credential's Base URL (`<baseUrl>/v1`).
 *
 * It serves `POST /v1/chat/completions` (JSON, or server-sent events when `stream` is true) and
 * `GET /v1/models`. Each completion request is answered by the next step of the script, a function
 * of the request (so a step can call the tools by the names the agent gave). Every request is
 * recorded: the tools offered (name, description, JSON schema) and the messages.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as http from 'node:http';

export interface ModelTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ModelMessage {
	role: string;
	content?: unknown;
	tool_calls?: Array<{
		id: string;
		type: 'function';
		function: { name: string; arguments: string };
	}>;
	tool_call_id?: string;
}

export interface CompletionRequest {
	model: string;
	messages: ModelMessage[];
	tools?: ModelTool[];
	stream?: boolean;
	[key: string]: unknown;
}

/** What the model answers: text, or calls of the named tools with these arguments. */
export type ModelReply =
	{ content: string } | { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> };

export type ScriptStep = (request: CompletionRequest) => ModelReply;

export const FAKE_MODEL_API_KEY = 'sk-fake-model-key';
export const FAKE_MODEL_NAME = 'gpt-4o-mini';

export class FakeModel {
	readonly requests: CompletionRequest[] = [];
	/** Headers of every request, e.g. to check the API key. */
	readonly authorizations: string[] = [];
	private script: ScriptStep[] = [];
	private always: ScriptStep | undefined;

	private constructor(
		private readonly server: http.Server,
		readonly baseUrl: string,
	) {}

	/** The OpenAI credential's Base URL for this server. */
	get apiUrl(): string {
		return `${this.baseUrl}/v1`;
	}

	static async start(host = '127.0.0.1'): Promise<FakeModel> {
		let model: FakeModel | undefined;
		const server = http.createServer((request, response) => {
			void model?.handle(request, response);
		});
		await new Promise<void>((resolve) => server.listen(0, host, resolve));
		const { port } = server.address() as AddressInfo;
		model = new FakeModel(server, `http://${host}:${port}`);
		return model;
	}

	/** Replaces the script and forgets the recorded requests. */
	play(script: ScriptStep[]): void {
		this.script = [...script];
		this.always = undefined;
		this.requests.length = 0;
		this.authorizations.length = 0;
	}

	/** Answers every request with `step` (a conversation-aware step), e.g. for the demo. */
	playForever(step: ScriptStep): void {
		this.play([]);
		this.always = step;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async handle(
		request: http.IncomingMessage,
		response: http.ServerResponse,
	): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const send = (status: number, body: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		const path = (request.url ?? '').split('?')[0];
		this.authorizations.push(String(request.headers.authorization ?? ''));
		if (request.method === 'GET' && path === '/v1/models') {
			send(200, {
				object: 'list',
				data: [{ id: FAKE_MODEL_NAME, object: 'model', created: 0, owned_by: 'fake' }],
			});
			return;
		}
		if (request.method !== 'POST' || path !== '/v1/chat/completions') {
			send(404, {
				error: {
					message: `fake model: no route ${request.method} ${path}`,
					type: 'invalid_request_error',
				},
			});
			return;
		}
		let body: CompletionRequest;
		try {
			body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CompletionRequest;
		} catch {
			send(400, {
				error: { message: 'fake model: the body is not JSON', type: 'invalid_request_error' },
			});
			return;
		}
		this.requests.push(body);
		const step = this.script.shift() ?? this.always;
		if (!step) {
			send(500, {
				error: {
					message: `fake model: the script has no step for request ${this.requests.length}`,
					type: 'server_error',
				},
			});
			return;
		}
		let reply: ModelReply;
		try {
			reply = step(body);
		} catch (error) {
			send(500, {
				error: { message: `fake model: ${(error as Error).message}`, type: 'server_error' },
			});
			return;
		}
		const message: ModelMessage =
			'content' in reply
				? { role: 'assistant', content: reply.content }
				: {
						role: 'assistant',
						content: null,
						tool_calls: reply.toolCalls.map((call) => ({
							id: `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
							type: 'function',
							function: { name: call.name, arguments: JSON.stringify(call.arguments) },
						})),
					};
		const finish = 'content' in reply ? 'stop' : 'tool_calls';
		const base = {
			id: `chatcmpl-${randomUUID()}`,
			created: Math.floor(Date.now() / 1000),
			model: body.model,
		};
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
		if (!body.stream) {
			send(200, {
				...base,
				object: 'chat.completion',
				choices: [{ index: 0, message, finish_reason: finish }],
				usage,
			});
			return;
		}
		response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const event = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
		const delta = {
			role: 'assistant',
			...(message.content ? { content: message.content } : {}),
			...(message.tool_calls
				? { tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
				: {}),
		};
		event({
			...base,
			object: 'chat.completion.chunk',
			choices: [{ index: 0, delta, finish_reason: null }],
		});
		event({
			...base,
			object: 'chat.completion.chunk',
			choices: [{ index: 0, delta: {}, finish_reason: finish }],
			usage,
		});
		response.end('data: [DONE]\n\n');
	}
}

/** The tool offered in a request whose name or description matches `pattern`. */
export function toolMatching(request: CompletionRequest, pattern: RegExp): ModelTool {
	const tool = request.tools?.find(
		(entry) => pattern.test(entry.function.name) || pattern.test(entry.function.description ?? ''),
	);
	if (!tool)
		throw new Error(
			`no tool matching ${String(pattern)} among ${JSON.stringify(request.tools?.map((entry) => entry.function.name))}`,
		);
	return tool;
}
