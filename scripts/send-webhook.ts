/**
 * Delivers a sample ChakraHQ webhook, signed like ChakraHQ signs it, to a Chakra Trigger on this machine
 * (used with `npm run demo`). Usage:
 *   node -r ts-node/register/transpile-only scripts/send-webhook.ts <url> [passThrough|passThroughImage|chakra|deliveryStatus]
 * The secret defaults to the demo credential's (CHAKRA_WEBHOOK_SECRET overrides it).
 */
import { signBody, webhookSamples } from '../test/fake-chakra';
import { loadGot } from './lib/api';
import { DEMO_WEBHOOK_SECRET } from './lib/workflows';

const SAMPLES: Record<string, () => object> = {
	passThrough: () => webhookSamples.passThroughText(),
	passThroughImage: () => webhookSamples.passThroughImage(),
	chakra: () => webhookSamples.chakraMessage(),
	deliveryStatus: () => webhookSamples.deliveryStatus(),
};

function loopbackUrl(raw: string | undefined): URL {
	if (!raw) throw new Error('Give the webhook URL as the first argument');
	const url = new URL(raw);
	if (!['127.0.0.1', 'localhost'].includes(url.hostname))
		throw new Error(`Refusing to send to ${url.hostname}: loopback URLs only`);
	return url;
}

async function main(): Promise<void> {
	const url = loopbackUrl(process.argv[2]);
	const format = process.argv[3] ?? 'passThrough';
	const sample = SAMPLES[format];
	if (!sample)
		throw new Error(`Unknown format ${format}; one of ${Object.keys(SAMPLES).join(', ')}`);
	const body = JSON.stringify(sample());
	const secret = process.env.CHAKRA_WEBHOOK_SECRET ?? DEMO_WEBHOOK_SECRET;
	const got = await loadGot();
	const response = await got.post(url, {
		body,
		headers: {
			'content-type': 'application/json',
			'x-chakra-signature-256': signBody(body, secret),
		},
		throwHttpErrors: false,
	});
	console.log(`${response.statusCode} ${response.body}`);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
