/**
 * Standalone fake ChakraHQ server.
 * Usage: node -r ts-node/register/transpile-only test/fake-chakra/cli.ts [--port 4010] [--token X] [--latency 20] [--host 127.0.0.1] [--verbose]
 *        [--rate 80 [--burst 80] [--retry-after 1] [--pair-rate 0.1667]]  (Meta's throughput limits, throughput.ts)
 */
import { FakeChakra } from './index';

function arg(name: string): string | undefined {
	const argv = process.argv.slice(2);
	const i = argv.indexOf(`--${name}`);
	if (i >= 0) return argv[i + 1];
	const eq = argv.find((a) => a.startsWith(`--${name}=`));
	return eq ? eq.slice(name.length + 3) : undefined;
}

async function main(): Promise<void> {
	const port = arg('port');
	const latency = arg('latency');
	const rate = arg('rate');
	const pairRate = arg('pair-rate');
	const fake = await FakeChakra.start({
		port: port ? Number(port) : 4010,
		token: arg('token'),
		host: arg('host'),
		latencyMs: latency ? Number(latency) : 0,
		verbose: process.argv.includes('--verbose'),
		maxRecordedRequests: 10_000,
		throughput: rate
			? {
					perSecond: Number(rate),
					burst: arg('burst') ? Number(arg('burst')) : undefined,
					retryAfter: arg('retry-after'),
					pairPerSecond: pairRate ? Number(pairRate) : undefined,
				}
			: undefined,
	});
	process.stdout.write(`Fake ChakraHQ listening on ${fake.baseUrl}\n`);
	process.stdout.write(`Access token: ${fake.token}\n`);
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		fake.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
	process.stderr.write(
		`fake-chakra failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
	);
	process.exit(1);
});
