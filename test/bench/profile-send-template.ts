/**
 * Diagnostic for the action benchmark: runs Chakra WhatsApp "Send Template" (C2) for N items through
 * n8n-core's engine (test/harness, in this process) against the fake ChakraHQ server in a child
 * process, and prints the time per item. Run it under the profiler to see where the time goes:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/chakra-prof -r ts-node/register/transpile-only \
 *     test/bench/profile-send-template.ts [items=1000] [rounds=3]
 *
 * With COUNT_EXPRESSIONS=1 it also counts n8n expression evaluations (each builds a
 * WorkflowDataProxy, about 0.5 ms) by value and caller; with COMPUTED=1 the fields use computed
 * expressions (`$json.name.trim()`) instead of plain field references; RATE=n sets Messages per Second
 * (default: the node's, 80).
 */
import { Expression } from 'n8n-workflow';

import { FAKE_IDS } from '../fake-chakra';
import { runNode, shutdownEngine } from '../harness';
import { chakraSendTemplateParameters, recipientItems } from './action';
import { startFakeProcess } from './lib/fake-server';

/** Counts evaluations of expression strings (`={{ … }}`) by value and the first caller outside n8n-workflow. */
function countExpressions(): Map<string, number> {
	const counts = new Map<string, number>();
	const proto = Expression.prototype as unknown as {
		resolveSimpleParameterValue: (...args: unknown[]) => unknown;
	};
	const original = proto.resolveSimpleParameterValue;
	proto.resolveSimpleParameterValue = function (this: unknown, ...args: unknown[]) {
		const [value] = args;
		if (typeof value === 'string' && value.startsWith('=')) {
			const caller = (new Error().stack ?? '')
				.split('\n')
				.slice(2)
				.map((line) => line.trim())
				.find((line) => !line.includes('n8n-workflow'));
			const key = `${value.slice(0, 50)}  <-  ${(caller ?? '?').replace(/^at /, '').replace(/\(.*node_modules\//, '(')}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		return original.apply(this, args);
	};
	return counts;
}

async function main(): Promise<void> {
	const counts = process.env.COUNT_EXPRESSIONS === '1' ? countExpressions() : undefined;
	const items = Number(process.argv[2] ?? 1000);
	const rounds = Number(process.argv[3] ?? 3);
	const fake = await startFakeProcess();
	try {
		for (let round = 0; round < rounds; round++) {
			await fake.reset();
			const started = process.hrtime.bigint();
			const { items: output, error } = await runNode({
				type: 'chakraWhatsApp',
				credentials: { accessToken: fake.token, baseUrl: fake.baseUrl },
				parameters: chakraSendTemplateParameters(
					process.env.COMPUTED === '1',
					process.env.RATE === undefined ? undefined : Number(process.env.RATE),
				) as never,
				input: recipientItems(items),
			});
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			if (error) throw error;
			const requests = await fake.requests('C2');
			console.log(
				`round ${round + 1}: ${output.length} items in ${ms.toFixed(0)} ms = ${(output.length / (ms / 1000)).toFixed(0)} items/s; fake got ${requests.count} C2 (${JSON.stringify(requests.statuses)}), phone number id ${FAKE_IDS.phoneNumberId}`,
			);
		}
		if (counts) {
			const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
			console.log(
				`expression evaluations: ${total} = ${(total / (items * rounds)).toFixed(1)} per item`,
			);
			for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]))
				console.log(`${String(n).padStart(7)}  ${key}`);
		}
	} finally {
		await fake.stop();
		shutdownEngine();
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(1);
});
