/**
 * Diagnostic for the action benchmark: runs Chakra WhatsApp "Send Template" (C2) for N items through
 * n8n-core's engine (test/harness, in this process) against the fake ChakraHQ server in a child
 * process, and prints the time per item. Run it under the profiler to see where the time goes:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/chakra-prof -r ts-node/register/transpile-only \
 *     test/bench/profile-send-template.ts [items=1000] [rounds=3]
 */
import { FAKE_IDS } from '../fake-chakra';
import { runNode, shutdownEngine } from '../harness';
import { chakraSendTemplateParameters, recipientItems } from './action';
import { startFakeProcess } from './lib/fake-server';

async function main(): Promise<void> {
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
				parameters: chakraSendTemplateParameters() as never,
				input: recipientItems(items),
			});
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			if (error) throw error;
			const requests = await fake.requests('C2');
			console.log(
				`round ${round + 1}: ${output.length} items in ${ms.toFixed(0)} ms = ${(output.length / (ms / 1000)).toFixed(0)} items/s; fake got ${requests.count} C2 (${JSON.stringify(requests.statuses)}), phone number id ${FAKE_IDS.phoneNumberId}`,
			);
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
