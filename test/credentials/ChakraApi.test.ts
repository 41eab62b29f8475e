import { ChakraApi } from '../../credentials/ChakraApi.credentials';
import { FakeChakra } from '../fake-chakra';
import { testChakraCredential } from '../harness/credential-test';

describe('Chakra API credential', () => {
	let fake: FakeChakra;

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('C62: the test request reaches GET /v1/health with the Bearer token (trailing slash in the base URL tolerated)', async () => {
		const verdict = await testChakraCredential({
			accessToken: fake.token,
			baseUrl: `${fake.baseUrl}//`,
		});
		expect(verdict).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0]).toMatchObject({
			cid: 'C62',
			method: 'GET',
			path: '/v1/health',
			status: 200,
		});
		expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.token}`);
	});

	it('C62: a wrong token gives a clear error that does not contain the token', async () => {
		const verdict = await testChakraCredential({
			accessToken: 'wrong-token-123',
			baseUrl: fake.baseUrl,
		});
		expect(verdict).toEqual({
			status: 'Error',
			message:
				'ChakraHQ refused the access token (HTTP 401): check the token and that its API key is still active',
		});
		expect(fake.requests[0]).toMatchObject({ cid: 'C62', status: 401 });
		expect(fake.requests[0].headers.authorization).toBe('Bearer wrong-token-123');
		expect(verdict.message).not.toContain('wrong-token-123');
	});

	it("C62: a 403 gives the credential's own message about the Access Role", async () => {
		fake.inject('C62', { status: 403, body: { _errors: ['Forbidden'] } });
		const verdict = await testChakraCredential({ accessToken: fake.token, baseUrl: fake.baseUrl });
		expect(verdict).toEqual({
			status: 'Error',
			message:
				"ChakraHQ refused the request (HTTP 403): the API key's Access Role lacks the privilege",
		});
	});

	it.each([
		[
			'user info',
			'http://user:pass@127.0.0.1:1',
			'Base URL: must not hold a user name or password (the access token is the only login)',
		],
		[
			'a query',
			'http://127.0.0.1:1/?x=1',
			'Base URL: "http://127.0.0.1:1/?x=1" must not hold a query (?) or fragment (#)',
		],
		[
			'another scheme',
			'ftp://127.0.0.1:1',
			'Base URL: "ftp://127.0.0.1:1" does not start with https:// or http://',
		],
		['no URL at all', 'api.chakrahq.com', 'Base URL: "api.chakrahq.com" is not a URL'],
		[
			'the metadata address',
			'http://169.254.169.254',
			'Base URL: "http://169.254.169.254" points at a link-local address (169.254.169.254), which is refused',
		],
	])(
		'a Base URL with %s is refused by the credential test before any request',
		async (_name, baseUrl) => {
			const verdict = await testChakraCredential({ accessToken: fake.token, baseUrl });
			// n8n's expression engine turns the rule's thrown error into an empty value: n8n's own message.
			expect(verdict).toEqual({ status: 'Error', message: 'Invalid URL' });
			expect(fake.requests).toEqual([]);
		},
	);

	it('a Base URL with surrounding whitespace is trimmed', async () => {
		const verdict = await testChakraCredential({
			accessToken: fake.token,
			baseUrl: `  ${fake.baseUrl}  `,
		});
		expect(verdict).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it.each([301, 302, 307, 308] as const)(
		'a %s to another host is an error naming the Base URL field, and the token is not sent there',
		async (status) => {
			fake.inject('C62', { status, redirect: `${fake.otherHostBaseUrl}/v1/health` });
			const verdict = await testChakraCredential({
				accessToken: fake.token,
				baseUrl: fake.baseUrl,
			});
			expect(verdict).toEqual({
				status: 'Error',
				message: `Base URL: ChakraHQ answered with a redirect (HTTP ${status}); the access token is not sent to another address. Use the address the redirect points at in the Base URL field, if you trust it.`,
			});
			// Nothing reached the other host (the fake serves both origins and records every request).
			expect(fake.requests).toHaveLength(1);
			expect(fake.requests[0].headers.host).not.toMatch(/^localhost/);
		},
	);

	it('has an optional Plugin ID used by nodes whose own Plugin ID is empty, with a placeholder that is no ID', () => {
		const pluginId = new ChakraApi().properties.find((property) => property.name === 'pluginId');
		expect(pluginId).toMatchObject({ displayName: 'Plugin ID', type: 'string', default: '' });
		expect(pluginId?.required).toBeUndefined();
		expect(pluginId?.placeholder).not.toMatch(/[0-9a-f]{8}-/);
	});

	it('describes its fields: password token, editable base URL, optional signing secret', () => {
		const credential = new ChakraApi();
		expect(credential.name).toBe('chakraApi');
		expect(credential.displayName).toBe('Chakra API');
		const byName = Object.fromEntries(
			credential.properties.map((property) => [property.name, property]),
		);
		expect(byName.accessToken).toMatchObject({
			type: 'string',
			required: true,
			typeOptions: { password: true },
		});
		expect(byName.baseUrl).toMatchObject({ type: 'string', default: 'https://api.chakrahq.com' });
		expect(byName.webhookSecret).toMatchObject({
			type: 'string',
			default: '',
			typeOptions: { password: true },
		});
		expect(byName.webhookSecret.required).toBeUndefined();
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
		});
	});
});
