/**
 * Issue "Hostile world": the answers and redirects of a server (or of something between n8n and
 * ChakraHQ) that does not keep the endpoint's promise, through n8n-core's real engine against the
 * fake. Each describe block is one class of the issue; every request path is covered: declarative
 * operations (RoutingNode + the pagination function), the coded message routing, coded calls
 * (transport: a configuration read inside an operation, dropdowns, the trigger's registration).
 * The suite-wide secret check (runNode) fails any test whose output or error holds the token.
 */
import { gzipSync } from 'node:zlib';

import type { INodeParameters } from 'n8n-workflow';

import { FakeChakra, FAKE_IDS } from '../fake-chakra';
import type { RunNodeResult, TestCredentials } from '../harness';
import { runNode } from '../harness';
import { loadOptionsContext } from '../harness/load-options';
import { runWebhookMethod } from '../harness/trigger';
import { MAX_REDIRECTS } from '../../nodes/shared/pipeline';
import { MAX_ERROR_TEXT } from '../../nodes/shared/envelope';
import { searchPhoneNumbers } from '../../nodes/shared/methods/listSearch';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

interface SerialisedError {
	message?: string;
	description?: string | null;
	httpCode?: string | null;
	context?: { itemIndex?: number };
}

const sendText = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	pluginId: FAKE_IDS.pluginId,
	whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
	whatsappApiVersion: 'v24.0',
	phoneNumber: FAKE_IDS.customerPhone,
	messageType: 'text',
	textBody: 'Hello',
	...extra,
});

/** A 200 JSON answer sent gzip-compressed (the client decompresses it while reading). */
const gzippedJson = (body: Buffer) => ({
	raw: {
		status: 200,
		headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
		body,
	},
});

const processGetAll = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'process',
	operation: 'getAll',
	procedureShortId: 'lead',
	returnAll: true,
	...extra,
});

describe('hostile world', () => {
	let fake: FakeChakra;
	const credentials = (extra: Partial<TestCredentials> = {}): TestCredentials => ({
		accessToken: fake.token,
		baseUrl: fake.baseUrl,
		...extra,
	});
	const run = (
		type: string,
		parameters: INodeParameters,
		extra: Partial<TestCredentials> = {},
	): Promise<RunNodeResult> => runNode({ type, credentials: credentials(extra), parameters });
	const failure = (result: RunNodeResult) => result.error as SerialisedError | undefined;
	/** Requests that reached the fake under its other origin (http://localhost:<port>). */
	const elsewhere = () =>
		fake.requests.filter((request) => String(request.headers.host ?? '').startsWith('localhost'));
	const otherHost = () => new URL(fake.otherHostBaseUrl).host;

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	describe('class 1: the token never follows a redirect to another origin', () => {
		it.each([307, 308, 301, 302] as const)(
			'declarative GET (C61): HTTP %s to another host is an error naming it, nothing sent there',
			async (status) => {
				fake.inject('C61', { redirect: `${fake.otherHostBaseUrl}/v1/ext/config`, status });
				const result = await run('chakraPlatform', {
					resource: 'config',
					operation: 'get',
					configKey: 'all',
				});
				expect(result.items).toEqual([]);
				expect(failure(result)?.message).toBe(
					`ChakraHQ redirected the request to another host (${otherHost()}); it was not sent there`,
				);
				expect(elsewhere()).toEqual([]);
				expect(fake.requests).toHaveLength(1);
			},
		);

		it('coded send (C4): a 307 to another host is an error, not a successful send, and the message is not re-sent', async () => {
			fake.inject('C4', {
				redirect: `${fake.otherHostBaseUrl}/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/api/v24.0/${FAKE_IDS.phoneNumberId}/messages`,
				status: 307,
			});
			const result = await run('chakraWhatsApp', sendText());
			expect(result.items).toEqual([]);
			expect(failure(result)?.message).toBe(
				`ChakraHQ redirected the request to another host (${otherHost()}); it was not sent there`,
			);
			expect(failure(result)?.context?.itemIndex).toBe(0);
			expect(elsewhere()).toEqual([]);
			expect(fake.state.sentMessages).toHaveLength(0);
		});

		it('coded call inside an operation (C39 before C38): the redirect stops the update before anything is written', async () => {
			fake.inject('C39', {
				redirect: `${fake.otherHostBaseUrl}/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/config`,
			});
			const result = await run('chakraPartner', {
				resource: 'pluginConfig',
				operation: 'update',
				pluginId: FAKE_IDS.pluginId,
				updateFields: { chakraWebhookUrl: 'https://example.com/hook' },
			});
			expect(failure(result)?.message).toBe(
				`ChakraHQ redirected the request to another host (${otherHost()}); it was not sent there`,
			);
			expect(fake.requests.map((request) => request.cid)).toEqual(['C39']);
		});

		it('trigger registration (C39): activation fails with the redirect error and nothing reaches the other host', async () => {
			fake.inject('C39', {
				redirect: `${fake.otherHostBaseUrl}/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/config`,
				status: 308,
			});
			await expect(
				runWebhookMethod('create', {
					parameters: {
						registerWebhook: true,
						pluginId: FAKE_IDS.pluginId,
						webhookTarget: 'passThrough',
					},
					credentials: credentials(),
				}),
			).rejects.toThrow(
				`ChakraHQ redirected the request to another host (${otherHost()}); it was not sent there`,
			);
			expect(elsewhere()).toEqual([]);
		});

		it('dropdown (listSearch, C63): the redirect is an error, nothing sent there', async () => {
			fake.inject('C63', { redirect: `${fake.otherHostBaseUrl}/v1/ext/whatsapp-phone-number` });
			const context = loadOptionsContext('chakraWhatsApp', {}, credentials());
			await expect(searchPhoneNumbers.call(context)).rejects.toThrow(
				`ChakraHQ redirected the request to another host (${otherHost()})`,
			);
			expect(elsewhere()).toEqual([]);
		});

		it('a same-origin redirect is followed with the token, and its answer is the result', async () => {
			fake.inject('C61', { redirect: `${fake.baseUrl}/v1/ext/config`, status: 307 });
			const result = await run('chakraPlatform', {
				resource: 'config',
				operation: 'get',
				configKey: 'all',
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expect(
				fake.requests.map((request) => [
					request.cid,
					request.status,
					request.headers.authorization,
				]),
			).toEqual([
				['C61', 307, `Bearer ${fake.token}`],
				['C61', 200, `Bearer ${fake.token}`],
			]);
		});

		it(`a same-origin redirect loop stops after ${MAX_REDIRECTS} hops with a clear error`, async () => {
			fake.inject('C61', { redirect: `${fake.baseUrl}/v1/ext/config` }, 50);
			const result = await run('chakraPlatform', {
				resource: 'config',
				operation: 'get',
				configKey: 'all',
			});
			expect(failure(result)?.message).toBe(
				`ChakraHQ redirected the request more than ${MAX_REDIRECTS} times`,
			);
			expect(fake.requests).toHaveLength(MAX_REDIRECTS + 1);
		});

		it('a binary download (C10) follows a redirect to another host without the token', async () => {
			const result = await run('chakraWhatsApp', {
				resource: 'media',
				operation: 'download',
				whatsappApiVersion: 'v24.0',
				whatsappMediaId: FAKE_IDS.mediaIdOtherHost,
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expect(elsewhere().map((request) => [request.path, request.headers.authorization])).toEqual([
				[`/media-download/${FAKE_IDS.mediaIdOtherHost}`, undefined],
			]);
		});
	});

	describe("class 4: answers that break the endpoint's promise are errors", () => {
		it('truncated JSON with a JSON content type on a read (C61) is an error, not an item', async () => {
			fake.inject('C61', { malformed: true });
			const result = await run('chakraPlatform', {
				resource: 'config',
				operation: 'get',
				configKey: 'all',
			});
			expect(result.items).toEqual([]);
			expect(failure(result)?.message).toBe(
				'ChakraHQ answered with JSON that is cut off or malformed instead of the JSON this endpoint returns',
			);
		});

		it('truncated JSON on a send (C4) says the message may or may not have been sent', async () => {
			fake.inject('C4', { malformed: true });
			const result = await run('chakraWhatsApp', sendText());
			expect(failure(result)?.message).toBe(
				'ChakraHQ answered with JSON that is cut off or malformed instead of the JSON this endpoint returns',
			);
			expect(failure(result)?.description).toContain(
				'The request may or may not have been processed by ChakraHQ',
			);
		});

		it('an HTML login page with status 200 from a list (C42) is an error, not "0 results"', async () => {
			fake.inject('C42', {
				raw: {
					status: 200,
					headers: { 'content-type': 'text/html' },
					body: '<!DOCTYPE html><html><body><form>Sign in</form></body></html>',
				},
			});
			const result = await run('chakraPlatform', processGetAll());
			expect(result.items).toEqual([]);
			expect(failure(result)?.message).toBe(
				'ChakraHQ answered with a web page (HTTP 200, text/html) instead of the JSON this endpoint returns',
			);
		});

		it('a send answered {"_data": []} still gives one item per input item', async () => {
			fake.inject(
				'C4',
				{
					raw: {
						status: 200,
						headers: { 'content-type': 'application/json' },
						body: '{"_data": []}',
					},
				},
				2,
			);
			const result = await runNode({
				type: 'chakraWhatsApp',
				credentials: credentials(),
				parameters: sendText(),
				input: [{ json: {} }, { json: {} }],
			});
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
				[{ success: true }, { item: 0 }],
				[{ success: true }, { item: 1 }],
			]);
		});

		it('Return All (C42, skip/limit) stops with a clear error when the server repeats a page', async () => {
			const page = JSON.stringify({ _data: [{ id: 'a' }, { id: 'b' }], _meta: { hasMore: true } });
			fake.inject(
				'C42',
				{ raw: { status: 200, headers: { 'content-type': 'application/json' }, body: page } },
				Infinity,
			);
			const result = await run('chakraPlatform', processGetAll());
			expect(failure(result)?.message).toBe(
				'Return All stopped: ChakraHQ returned the same page twice',
			);
			expect(fake.requestsFor('C42')).toHaveLength(2);
		});

		it('Return All (C16, Meta cursor) stops with a clear error when the server repeats a cursor', async () => {
			const page = JSON.stringify({
				data: { groups: [{ id: 'g1' }] },
				paging: { cursors: { after: 'same' }, next: 'https://graph.example/next' },
			});
			fake.inject(
				'C16',
				{ raw: { status: 200, headers: { 'content-type': 'application/json' }, body: page } },
				Infinity,
			);
			const result = await run('chakraWhatsAppGroup', {
				resource: 'group',
				operation: 'getAll',
				whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
				returnAll: true,
			});
			expect(failure(result)?.message).toBe(
				'Return All stopped: ChakraHQ returned the same cursor twice',
			);
			expect(fake.requestsFor('C16')).toHaveLength(2);
		});

		it('a 150 KB gzip answer that decompresses past the limit stops while streaming (Max Response Size 1 MB)', async () => {
			const huge = gzipSync(Buffer.from(`{"_data": {"blob": "${'a'.repeat(20 * 1024 * 1024)}"}}`));
			expect(huge.length).toBeLessThan(150 * 1024);
			fake.inject('C61', gzippedJson(huge));
			const result = await run('chakraPlatform', {
				resource: 'config',
				operation: 'get',
				configKey: 'all',
				maxResponseSizeMb: 1,
			});
			expect(result.items).toEqual([]);
			expect(failure(result)?.message).toBe('The answer is larger than 1 MB and was not read');
		});

		it('the default limit (64 MB) applies without the option, and a raised option lets a large answer through', async () => {
			const body = gzipSync(Buffer.from(`{"_data": {"blob": "${'a'.repeat(65 * 1024 * 1024)}"}}`));
			fake.inject('C61', gzippedJson(body));
			const limited = await run('chakraPlatform', {
				resource: 'config',
				operation: 'get',
				configKey: 'all',
			});
			expect(failure(limited)?.message).toBe('The answer is larger than 64 MB and was not read');
			const small = gzipSync(Buffer.from(`{"_data": {"blob": "${'a'.repeat(2 * 1024 * 1024)}"}}`));
			fake.inject('C61', gzippedJson(small));
			const raised = await run('chakraPlatform', {
				resource: 'config',
				operation: 'get',
				configKey: 'all',
				maxResponseSizeMb: 3,
			});
			expect(raised.error).toBeUndefined();
			expect(String(raised.items[0].json.blob)).toHaveLength(2 * 1024 * 1024);
		});

		// Every list operation runs in the node (shared/codedRouting.ts): n8n's RoutingNode spreads a
		// list into one call, which overflows past ~120,000 records.
		const LONG = 150_000;
		const records = (): Array<{ id: string }> =>
			Array.from({ length: LONG }, (_, index) => ({ id: String(index) }));
		const chakraList = () => ({ _data: records(), _meta: { hasMore: false } });
		it.each<[string, string, string, INodeParameters, () => unknown]>([
			[
				'C7',
				'chakraWhatsApp',
				'template getAll',
				{
					resource: 'template',
					operation: 'getAll',
					wabaId: byId(FAKE_IDS.wabaId),
					pluginId: FAKE_IDS.pluginId,
				},
				() => ({ data: records() }),
			],
			[
				'C16',
				'chakraWhatsAppGroup',
				'group getAll',
				{
					resource: 'group',
					operation: 'getAll',
					whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
				},
				() => ({ data: { groups: records() } }),
			],
			[
				'C22',
				'chakraWhatsAppGroup',
				'joinRequest getAll',
				{ resource: 'joinRequest', operation: 'getAll', groupId: byId(FAKE_IDS.groupId) },
				() => ({ data: records() }),
			],
			['C28', 'chakraCrm', 'chat getAll', { resource: 'chat', operation: 'getAll' }, chakraList],
			[
				'C29',
				'chakraCrm',
				'chat getMessages',
				{ resource: 'chat', operation: 'getMessages', chatId: FAKE_IDS.chatId },
				chakraList,
			],
			[
				'C30',
				'chakraCrm',
				'chat getMessagesByPhoneNumber',
				{
					resource: 'chat',
					operation: 'getMessagesByPhoneNumber',
					customerPhoneNumber: FAKE_IDS.customerPhone,
				},
				chakraList,
			],
			['C42', 'chakraPlatform', 'process getAll', processGetAll(), chakraList],
			[
				'C51',
				'chakraPlatform',
				'user getAll',
				{ resource: 'user', operation: 'getAll' },
				chakraList,
			],
			[
				'C60',
				'chakraPlatform',
				'backgroundJob getEntries',
				{
					resource: 'backgroundJob',
					operation: 'getEntries',
					backgroundJobId: FAKE_IDS.backgroundJobId,
				},
				chakraList,
			],
		])(
			'%s: 150,000 records in one answer become 150,000 items through %s %s (no call stack limit)',
			async (cid, type, _operation, parameters, body) => {
				fake.inject(cid as never, {
					raw: {
						status: 200,
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(body()),
					},
				});
				const result = await run(type, { ...parameters, returnAll: true });
				expect(result.error).toBeUndefined();
				expect(result.items).toHaveLength(LONG);
				expect(result.items[LONG - 1].json).toEqual({ id: String(LONG - 1) });
			},
		);

		it('an HTML 502 page becomes "HTTP 502 Bad Gateway"', async () => {
			fake.inject(
				'C61',
				{
					raw: {
						status: 502,
						headers: { 'content-type': 'text/html' },
						body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
					},
				},
				10,
			);
			const result = await run('chakraPlatform', {
				resource: 'config',
				operation: 'get',
				configKey: 'all',
				maxRetriesOnRateLimit: 0,
			});
			expect(failure(result)?.message).toBe('HTTP 502 Bad Gateway');
			expect(failure(result)?.httpCode).toBe('502');
		});

		it('a 5 MB error text becomes a message of at most 500 characters', async () => {
			fake.inject('C61', {
				raw: {
					status: 400,
					headers: { 'content-type': 'text/plain' },
					body: 'x'.repeat(5 * 1024 * 1024),
				},
			});
			const result = await run('chakraPlatform', {
				resource: 'config',
				operation: 'get',
				configKey: 'all',
			});
			expect(failure(result)?.message).toBe(`${'x'.repeat(MAX_ERROR_TEXT)}…`);
			expect(JSON.stringify(result.error).length).toBeLessThan(20_000);
		});

		it.each([
			[
				'a Chakra error',
				(token: string) => ({ _errors: [`invalid header Authorization: Bearer ${token}`] }),
			],
			[
				'a Meta error',
				(token: string) => ({
					error: {
						message: `Bad token ${token}`,
						code: 190,
						error_data: { details: `token=${token}` },
					},
				}),
			],
		])('%s that echoes the access token is shown with the token redacted', async (_name, body) => {
			fake.inject('C61', {
				raw: {
					status: 400,
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body(fake.token)),
				},
			});
			const result = await run('chakraPlatform', {
				resource: 'config',
				operation: 'get',
				configKey: 'all',
			});
			expect(failure(result)?.message).toContain('[redacted]');
			expect(JSON.stringify(result.error)).not.toContain(fake.token);
		});

		it('a success that echoes the token and the signing secret gives items with both redacted', async () => {
			const secret = 'whsec-sentinel-chakra';
			fake.inject('C61', {
				raw: {
					status: 200,
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ _data: { echo: `Bearer ${fake.token}`, secret } }),
				},
			});
			const result = await run(
				'chakraPlatform',
				{ resource: 'config', operation: 'get', configKey: 'all' },
				{ webhookSecret: secret },
			);
			expect(result.items.map((item) => item.json)).toEqual([
				{ echo: 'Bearer [redacted]', secret: '[redacted]' },
			]);
		});

		it.each(['constructor', '__proto__', 'toString'])(
			'a Meta error code "%s" is printed as given, without JavaScript internals',
			async (code) => {
				fake.inject('C61', {
					raw: {
						status: 400,
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ error: { message: 'Odd', code } }),
					},
				});
				const result = await run('chakraPlatform', {
					resource: 'config',
					operation: 'get',
					configKey: 'all',
				});
				expect(failure(result)?.message).toBe(`Odd (#${code})`);
				expect(failure(result)?.description).toBe(`Meta error code ${code}`);
			},
		);
	});

	describe("class 5: the credential's Base URL", () => {
		const refused: Array<[string, string, string]> = [
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
				'a fragment',
				'http://127.0.0.1:1/#top',
				'Base URL: "http://127.0.0.1:1/#top" must not hold a query (?) or fragment (#)',
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
			[
				'the metadata address as a number',
				'http://2852039166/',
				'Base URL: "http://2852039166/" points at a link-local address (169.254.169.254), which is refused',
			],
			[
				'an IPv6 link-local address',
				'http://[fe80::1]:80',
				'Base URL: "http://[fe80::1]:80" points at a link-local address ([fe80::1]), which is refused',
			],
			[
				'a metadata host name',
				'http://metadata.google.internal',
				'Base URL: "http://metadata.google.internal" points at a cloud metadata address (metadata.google.internal), which is refused',
			],
		];

		it.each(refused)(
			'%s is refused by every node before any request, naming the field',
			async (_name, baseUrl, message) => {
				const operations: Array<[string, INodeParameters]> = [
					['chakraWhatsApp', sendText()],
					[
						'chakraWhatsAppGroup',
						{ resource: 'group', operation: 'get', groupId: byId(FAKE_IDS.groupId) },
					],
					[
						'chakraWhatsAppCalling',
						{
							resource: 'settings',
							operation: 'get',
							whatsappPhoneNumberId: byId(FAKE_IDS.phoneNumberId),
						},
					],
					['chakraCrm', { resource: 'chat', operation: 'getAll', returnAll: false, limit: 5 }],
					[
						'chakraPartner',
						{ resource: 'pluginConfig', operation: 'get', pluginId: FAKE_IDS.pluginId },
					],
					['chakraPlatform', { resource: 'config', operation: 'get', configKey: 'all' }],
				];
				for (const [type, parameters] of operations) {
					const result = await run(type, parameters, { baseUrl });
					expect([type, failure(result)?.message, failure(result)?.description]).toEqual([
						type,
						message,
						'Fix the "Base URL" field of the Chakra API credential: https:// or http://, a host, an optional port and path, for example https://api.chakrahq.com.',
					]);
				}
				expect(fake.requests).toEqual([]);
			},
		);

		it('the trigger refuses it too (registration)', async () => {
			await expect(
				runWebhookMethod('create', {
					parameters: {
						registerWebhook: true,
						pluginId: FAKE_IDS.pluginId,
						webhookTarget: 'passThrough',
					},
					credentials: credentials({ baseUrl: 'http://169.254.169.254/' }),
				}),
			).rejects.toThrow(
				'Base URL: "http://169.254.169.254/" points at a link-local address (169.254.169.254), which is refused',
			);
		});

		it('surrounding whitespace and trailing slashes are trimmed; loopback and a path prefix stay allowed', async () => {
			const result = await run(
				'chakraPlatform',
				{ resource: 'config', operation: 'get', configKey: 'all' },
				{ baseUrl: `  ${fake.baseUrl}//  ` },
			);
			expect(result.error).toBeUndefined();
			expect(fake.requests.map((request) => request.path)).toEqual(['/v1/ext/config']);
		});
	});
});
