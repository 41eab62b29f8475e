import { FakeModel, toolMatching } from './index';

describe('fake OpenAI-compatible model', () => {
	let model: FakeModel;
	beforeAll(async () => {
		model = await FakeModel.start();
	});
	afterAll(async () => model.stop());

	const complete = async (body: object) =>
		await fetch(`${model.apiUrl}/chat/completions`, {
			method: 'POST',
			headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});

	it('answers each request with the next script step (tool calls, then text) and records what it was given', async () => {
		model.play([
			(request) => ({
				toolCalls: [
					{ name: toolMatching(request, /lead/i).function.name, arguments: { name: 'Asha' } },
				],
			}),
			() => ({ content: 'Done' }),
		]);
		const tools = [
			{
				type: 'function',
				function: {
					name: 'Create_Lead',
					description: 'Create a lead',
					parameters: { type: 'object' },
				},
			},
		];
		const first = (await (
			await complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }], tools })
		).json()) as {
			choices: Array<{
				finish_reason: string;
				message: { tool_calls: Array<{ function: { name: string; arguments: string } }> };
			}>;
		};
		expect(first.choices[0].finish_reason).toBe('tool_calls');
		expect(first.choices[0].message.tool_calls[0].function).toEqual({
			name: 'Create_Lead',
			arguments: '{"name":"Asha"}',
		});
		const second = await (await complete({ model: 'm', messages: [], stream: true })).text();
		expect(second).toContain('"content":"Done"');
		expect(second.trim().endsWith('data: [DONE]')).toBe(true);
		expect(model.requests.map((request) => request.tools?.length ?? 0)).toEqual([1, 0]);
		expect(model.authorizations).toEqual(['Bearer k', 'Bearer k']);
		const none = await complete({ model: 'm', messages: [] });
		expect(none.status).toBe(500);
		expect(((await none.json()) as { error: { message: string } }).error.message).toBe(
			'fake model: the script has no step for request 3',
		);
	});

	it("lists its model for n8n's model dropdown", async () => {
		const response = await fetch(`${model.apiUrl}/models`);
		expect(
			((await response.json()) as { data: Array<{ id: string }> }).data.map((entry) => entry.id),
		).toEqual(['gpt-4o-mini']);
	});
});
