/** Scripts of the fake model for the AI WhatsApp assistant example (demo and e2e). */
import type { ModelMessage, ScriptStep } from './index';
import { toolMatching } from './index';

export const ASSISTANT_REPLY =
	'Thanks for your message! Our team will call you today about the offer.';
export const ASSISTANT_SUMMARY = 'I answered the customer on WhatsApp and recorded them as a lead.';

function text(message: ModelMessage | undefined): string {
	return typeof message?.content === 'string'
		? message.content
		: JSON.stringify(message?.content ?? '');
}

/**
 * The example's prompt is "Customer <name> (<phone>) wrote: <text>". First turn: reply to the
 * customer and create a lead with the customer's name (both tools at once); once the tools have
 * answered: the summary.
 */
export const demoAssistantScript: ScriptStep = (request) => {
	if (request.messages.at(-1)?.role === 'tool') return { content: ASSISTANT_SUMMARY };
	const prompt = text([...request.messages].reverse().find((message) => message.role === 'user'));
	const name = /Customer (.+?) \(/.exec(prompt)?.[1] ?? 'WhatsApp customer';
	return {
		toolCalls: [
			{
				name: toolMatching(request, /reply/i).function.name,
				arguments: { reply: ASSISTANT_REPLY },
			},
			{ name: toolMatching(request, /lead/i).function.name, arguments: { name } },
		],
	};
};
