/**
 * npm run demo: what `npm run dev` does, plus the fake ChakraHQ server on 127.0.0.1, a
 * "Chakra API (demo)" credential pointing at it and the workflows of examples/ imported, so that
 * Execute shows real results without a ChakraHQ account. Ctrl-C stops everything. See docs/e2e.md.
 */
import * as path from 'node:path';

import { FakeChakra } from '../test/fake-chakra';
import { FAKE_MODEL_API_KEY, FakeModel } from '../test/fake-model';
import { demoAssistantScript } from '../test/fake-model/scripts';
import { devSettings, log, printLogin, runScript, startDevSession } from './dev';
import { LOOPBACK } from './lib/n8n';
import {
	DEMO_CREDENTIAL,
	DEMO_OPENAI_CREDENTIAL,
	DEMO_WEBHOOK_SECRET,
	EXAMPLES_DIR,
	importChakraCredential,
	importOpenAiCredential,
	importWorkflows,
	workflowFilesIn,
} from './lib/workflows';

runScript('npm run demo', async (cleanup) => {
	const fake = await FakeChakra.start({
		host: LOOPBACK,
		port: Number(process.env.CHAKRA_FAKE_PORT ?? 5690),
	});
	cleanup.add('fake ChakraHQ', () => fake.stop());
	log(`Fake ChakraHQ listening on ${fake.baseUrl} (token ${fake.token})`);

	// The AI example's model: answers every inbound message with a reply and a lead, then a summary.
	const model = await FakeModel.start(LOOPBACK);
	model.playForever(demoAssistantScript);
	cleanup.add('fake model', () => model.stop());
	log(`Fake OpenAI-compatible model on ${model.apiUrl}`);

	const session = await startDevSession(devSettings(path.join('.n8n-dev', 'demo')), cleanup);
	await importChakraCredential(session.server, {
		accessToken: fake.token,
		baseUrl: fake.baseUrl,
		webhookSecret: DEMO_WEBHOOK_SECRET,
	});
	log(`Credential "${DEMO_CREDENTIAL.name}" points at ${fake.baseUrl}`);
	await importOpenAiCredential(session.server, model.apiUrl, FAKE_MODEL_API_KEY);
	log(`Credential "${DEMO_OPENAI_CREDENTIAL.name}" points at ${model.apiUrl}`);
	const examples = workflowFilesIn(EXAMPLES_DIR);
	await importWorkflows(session.server, examples);
	for (const example of examples)
		log(`Example imported: ${example.name}  ${session.server.baseUrl}/workflow/${example.id}`);

	printLogin(session);
	log(
		'Open an example and click "Execute workflow". For a Chakra Trigger example, click "Execute workflow"',
	);
	log('(it waits for a test event), then send one signed like ChakraHQ does:');
	log(
		'  node -r ts-node/register/transpile-only scripts/send-webhook.ts <Test URL of the trigger> [passThrough|passThroughImage|chakra|deliveryStatus]',
	);
});
