/** The credential test (C62) through n8n's REST API: OK with the right token, an error with a wrong one. */
import { DEMO_CREDENTIAL } from '../../../scripts/lib/workflows';
import type { E2eEnv } from '../lib/env';
import type { Report } from '../lib/report';

interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** POST /rest/credentials/test, as the editor's "Retry"/"Save" does, with data overriding the stored one. */
function testCredential(
	env: E2eEnv,
	accessToken: string,
	baseUrl = env.fake.baseUrl,
): Promise<CredentialTestResult> {
	return env.client.rest<CredentialTestResult>('POST', '/rest/credentials/test', {
		credentials: {
			...DEMO_CREDENTIAL,
			data: { accessToken, baseUrl, webhookSecret: env.webhookSecret },
		},
	});
}

/**
 * `ownMessage`: n8n shows the credential's rule message (n8n 2.41 applies `test.rules` when the 401
 * carries its response); older n8n shows its own "Authorization failed", so there only the refusal counts.
 */
export async function checkCredential(
	env: E2eEnv,
	report: Report,
	ownMessage = true,
): Promise<void> {
	await report.check('credential test succeeds against the fake ChakraHQ (C62)', async () => {
		env.fake.clearRequests();
		const result = await testCredential(env, env.fake.token);
		if (result.status !== 'OK') throw new Error(`expected OK, got ${JSON.stringify(result)}`);
		const health = env.fake.requestsFor('C62');
		if (health.length !== 1) throw new Error(`expected one GET /v1/health, saw ${health.length}`);
		if (health[0].headers.authorization !== `Bearer ${env.fake.token}`)
			throw new Error(`Authorization was ${health[0].headers.authorization}`);
	});
	await report.check('credential test fails with a wrong token', async () => {
		env.fake.clearRequests();
		const result = await testCredential(env, 'wrong-token');
		// The credential's own rule message (n8n applies `test.rules` when the 401 carries its response).
		const expected =
			'ChakraHQ refused the access token (HTTP 401): check the token and that its API key is still active';
		if (result.status !== 'Error' || (ownMessage && result.message !== expected))
			throw new Error(`expected Error "${expected}", got ${JSON.stringify(result)}`);
		if (env.fake.requestsFor('C62')[0]?.status !== 401)
			throw new Error('the fake server did not answer 401');
	});
	await report.check(
		'credential test refuses a Base URL with a login and sends nothing',
		async () => {
			env.fake.clearRequests();
			const result = await testCredential(
				env,
				env.fake.token,
				env.fake.baseUrl.replace('http://', 'http://user:pass@'),
			);
			if (result.status !== 'Error')
				throw new Error(`expected Error, got ${JSON.stringify(result)}`);
			if (env.fake.requests.length !== 0) throw new Error('a request reached the fake server');
		},
	);
	await report.check(
		'credential test refuses a redirect to another host, naming the Base URL field, and the token stays',
		async () => {
			env.fake.clearRequests();
			env.fake.inject('C62', { status: 302, redirect: `${env.fake.otherHostBaseUrl}/v1/health` });
			const result = await testCredential(env, env.fake.token);
			const expected =
				'Base URL: ChakraHQ answered with a redirect (HTTP 302); the access token is not sent to another address. Use the address the redirect points at in the Base URL field, if you trust it.';
			if (result.status !== 'Error' || (ownMessage && result.message !== expected))
				throw new Error(`expected Error "${expected}", got ${JSON.stringify(result)}`);
			if (env.fake.requests.length !== 1)
				throw new Error(
					`expected one request, saw ${env.fake.requests.length} (the redirect was followed)`,
				);
		},
	);
}
