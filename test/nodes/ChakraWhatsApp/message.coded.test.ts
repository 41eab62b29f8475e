/**
 * The message operations run their routing in the node (nodes/shared/codedRouting.ts). What that
 * must keep from n8n's RoutingNode, and what it must save: expression evaluations per item, n8n's
 * Request Options (batching, timeout, proxy), item pairing with continueOnFail, the credential's header.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { ChakraWhatsApp } from '../../../nodes/ChakraWhatsApp/ChakraWhatsApp.node';
import { deterministicBytes, FakeChakra, FAKE_IDS } from '../../fake-chakra';
import { binaryProperty, runNode } from '../../harness';
import { templateVariablesValue } from '../../harness/templateVariables';

// Send and Wait runs its C4 / C3 send through the same coded routing (runItemRouting).
const CODED = [
	'markAsRead',
	'send',
	'sendAndWait',
	'sendTemplate',
	'sendTemplateForProcess',
	'sendTemplateMeta',
];

const sendTemplate = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendTemplate',
	pluginId: FAKE_IDS.pluginId,
	whatsappPhoneNumberId: { __rl: true, mode: 'id', value: FAKE_IDS.phoneNumberId },
	phoneNumber: '={{ $json.phone }}',
	templateName: { __rl: true, mode: 'name', value: 'christmas_promo_23' },
	templateVariables: templateVariablesValue({
		'header:1': '2024',
		'body:1': '={{ $json.name }}',
		'body:2': '={{ $json.discount }}',
	}),
	headerType: 'none',
	options: { language: 'en_US' },
	...extra,
});

const recipients = (count: number) =>
	Array.from({ length: count }, (_, index) => ({
		json: {
			phone: `9198${String(index).padStart(8, '0')}`,
			name: `Customer ${index}`,
			discount: `${index + 5}%`,
		},
	}));

/** Counts n8n expression evaluations while `body` runs. */
async function countingExpressions<T>(
	body: () => Promise<T>,
): Promise<{ result: T; evaluations: string[] }> {
	const proto = Expression.prototype as unknown as {
		resolveSimpleParameterValue: (...args: unknown[]) => unknown;
	};
	const original = proto.resolveSimpleParameterValue;
	const evaluations: string[] = [];
	proto.resolveSimpleParameterValue = function (this: unknown, ...args: unknown[]) {
		if (typeof args[0] === 'string' && args[0].startsWith('=')) evaluations.push(args[0]);
		return original.apply(this, args);
	};
	try {
		return { result: await body(), evaluations };
	} finally {
		proto.resolveSimpleParameterValue = original;
	}
}

describe('Chakra WhatsApp message operations run their routing in the node', () => {
	let fake: FakeChakra;
	const credentials = () => ({ accessToken: fake.token, baseUrl: fake.baseUrl });
	const run = (
		parameters: Record<string, unknown>,
		input = recipients(1),
		continueOnFail = false,
	) =>
		runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: parameters as never,
			input,
			continueOnFail,
		});

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('every message operation is a custom operation whose routing has no field-level routing beside it', () => {
		const node = new ChakraWhatsApp();
		expect(Object.keys(node.customOperations.message).sort()).toEqual(CODED);
		const properties = node.description.properties;
		const operation = properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('message'),
		);
		expect(
			(operation?.options as INodePropertyOptions[]).map((option) => option.value).sort(),
		).toEqual(CODED);
		// codedRouting runs the Operation's routing only: a field with its own routing would be ignored.
		const shownFor = (property: INodeProperties, name: string) => {
			const show = property.displayOptions?.show ?? {};
			return (
				(!show.resource || show.resource.includes('message')) &&
				(!show.operation || show.operation.includes(name))
			);
		};
		for (const name of CODED) {
			const routed = properties.filter(
				(property) =>
					property.routing &&
					property.name !== 'resource' &&
					property !== operation &&
					shownFor(property, name),
			);
			expect(routed.map((property) => property.name)).toEqual([]);
		}
	});

	it('Send Template x 25: no expression is evaluated for {{ $json.field }} values and constants, and every item sends its own values', async () => {
		const { result, evaluations } = await countingExpressions(
			async () => await run(sendTemplate(), recipients(25)),
		);
		expect(result.error).toBeUndefined();
		expect(evaluations).toEqual([]);
		expect(fake.requests).toHaveLength(25);
		fake.requests.forEach((request, index) => {
			expect(request.path).toBe(
				`/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/phoneNumber/9198${String(index).padStart(8, '0')}/send-template-message`,
			);
			expect(request.body).toEqual({
				whatsappPhoneNumberId: FAKE_IDS.phoneNumberId,
				templateName: 'christmas_promo_23',
				language: 'en_US',
				mapping: [
					{ schemaPropertyName: '1', schemaPropertyValue: `Customer ${index}` },
					{ schemaPropertyName: '2', schemaPropertyValue: `${index + 5}%` },
				],
				headerMapping: [{ schemaPropertyName: '1', schemaPropertyValue: '2024' }],
			});
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 25 }, (_, item) => ({ item })),
		);
		expect(result.items.map((item) => item.json.text)).toEqual(
			Array.from(
				{ length: 25 },
				(_, index) => `Hi Customer ${index}, enjoy ${index + 5}% off this Christmas.`,
			),
		);
	});

	it('any other expression still goes through n8n, once per item and field', async () => {
		const parameters = sendTemplate({ phoneNumber: '={{ "+" + $json.phone }}' });
		const { result, evaluations } = await countingExpressions(
			async () => await run(parameters, recipients(3)),
		);
		expect(result.error).toBeUndefined();
		expect(evaluations).toEqual([
			'={{ "+" + $json.phone }}',
			'={{ "+" + $json.phone }}',
			'={{ "+" + $json.phone }}',
		]);
		expect(fake.requests.map((request) => request.params.phoneNumber)).toEqual([
			'919800000000',
			'919800000001',
			'919800000002',
		]);
	});

	it('the Authorization header is the one the credential block gives (same as a declarative operation)', async () => {
		await run(sendTemplate());
		const declarative = await runNode({
			type: 'chakraWhatsApp',
			credentials: credentials(),
			parameters: {
				resource: 'media',
				operation: 'get',
				whatsappMediaId: FAKE_IDS.mediaIdDocument,
				whatsappApiVersion: 'v23.0',
			} as never,
		});
		expect(declarative.error).toBeUndefined();
		expect(fake.requests.map((request) => request.cid)).toEqual(['C2', 'C11']);
		expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.token}`);
		expect(fake.requests[0].headers.authorization).toBe(fake.requests[1].headers.authorization);
		expect(fake.requests[0].headers.accept).toBe('application/json');
	});

	it("n8n's Request Options > Batching: items wait batchInterval ms after every batchSize items", async () => {
		const started = Date.now();
		const { error } = await run(
			sendTemplate({
				requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 150 } } },
			}),
			recipients(5),
		);
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		expect(fake.requests.map((request) => request.params.phoneNumber)).toEqual(
			recipients(5).map((item) => item.json.phone),
		);
	});

	it("n8n's Request Options > Timeout: a send that takes longer fails once, not retried, and says it may have been processed", async () => {
		fake.inject('C2', { delayMs: 400 });
		const { error } = await run(sendTemplate({ requestOptions: { timeout: 100 } }));
		expect(error?.message).toBe('The connection was aborted, perhaps the server is offline');
		expect(error?.description).toContain('may or may not have been processed');
		expect(fake.requests).toHaveLength(1);
	});

	it("n8n's Request Options > Proxy: requests go through the proxy; a malformed proxy is refused before any request", async () => {
		const proxied: string[] = [];
		// A forwarding proxy for plain HTTP targets (absolute URL in the request line), as n8n's
		// HttpProxyAgent speaks to it; hop-by-hop headers are not forwarded.
		const proxy = http.createServer((request, response) => {
			proxied.push(`${request.method} ${request.url}`);
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const target = new URL(request.url as string);
				const headers = { ...request.headers };
				delete headers.connection;
				delete headers['proxy-connection'];
				const upstream = http.request(
					{
						host: target.hostname,
						port: target.port,
						path: `${target.pathname}${target.search}`,
						method: request.method,
						headers,
						agent: false,
					},
					(answer) => {
						response.writeHead(answer.statusCode as number, answer.headers);
						answer.pipe(response);
					},
				);
				upstream.end(Buffer.concat(chunks));
			});
		});
		// n8n's agent writes more after a `Connection: close` request; Node's parser objects, and the
		// socket is left open for the answer (closed by closeAllConnections below).
		proxy.on('clientError', () => undefined);
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		try {
			const port = (proxy.address() as AddressInfo).port;
			const { error, items } = await run(
				sendTemplate({ requestOptions: { proxy: `http://127.0.0.1:${port}` } }),
			);
			expect(error).toBeUndefined();
			expect(proxied).toEqual([
				`POST ${fake.baseUrl}/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/phoneNumber/919800000000/send-template-message`,
			]);
			expect(fake.requests).toHaveLength(1);
			expect(items[0].json.text).toBe('Hi Customer 0, enjoy 5% off this Christmas.');
		} finally {
			proxy.closeAllConnections();
			await new Promise((resolve) => proxy.close(resolve));
		}
		fake.reset();
		const { error } = await run(sendTemplate({ requestOptions: { proxy: 'not a proxy' } }));
		expect(error?.message).toBe('Request Options > Proxy: "not a proxy" is not a proxy URL');
		expect(fake.requests).toHaveLength(0);
		const withLogin = await run(
			sendTemplate({ requestOptions: { proxy: 'ftp://user:s3cret@proxy.example' } }),
		);
		expect(withLogin.error?.message).toBe(
			'Request Options > Proxy: "ftp://…@proxy.example" is not a proxy URL',
		);
		expect(fake.requests).toHaveLength(0);
	});

	it("n8n's Request Options > Ignore SSL Issues: a self-signed HTTPS host is refused without it and reached with it", async () => {
		// A TLS front for the fake with a self-signed certificate for 127.0.0.1 (test/fixtures/tls).
		const tls = join(__dirname, '..', '..', 'fixtures', 'tls');
		const front = https.createServer(
			{ key: readFileSync(join(tls, 'key.pem')), cert: readFileSync(join(tls, 'cert.pem')) },
			(request, response) => {
				const target = new URL(fake.baseUrl);
				const upstream = http.request(
					{
						host: target.hostname,
						port: target.port,
						path: request.url,
						method: request.method,
						headers: { ...request.headers, host: target.host },
						agent: false,
					},
					(answer) => {
						response.writeHead(answer.statusCode as number, answer.headers);
						answer.pipe(response);
					},
				);
				request.pipe(upstream);
			},
		);
		await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
		try {
			// By name: Node warns when TLS is asked for an IP address as server name.
			const baseUrl = `https://localhost:${(front.address() as AddressInfo).port}`;
			const send = async (requestOptions: Record<string, unknown>) =>
				await runNode({
					type: 'chakraWhatsApp',
					credentials: { accessToken: fake.token, baseUrl },
					parameters: sendTemplate({ requestOptions }) as never,
					input: recipients(1),
				});
			const refused = await send({});
			expect(refused.error?.message).toMatch(/self[- ]signed certificate/i);
			expect(fake.requests).toHaveLength(0);
			const accepted = await send({ allowUnauthorizedCerts: true });
			expect(accepted.error).toBeUndefined();
			expect(accepted.items[0].json.text).toBe('Hi Customer 0, enjoy 5% off this Christmas.');
			expect(fake.requests).toHaveLength(1);
		} finally {
			front.closeAllConnections();
			await new Promise((resolve) => front.close(resolve));
		}
	});

	it("a header file from each item's own binary field: every recipient gets the URL of its own upload (C9 then C2, per item)", async () => {
		const pdfs = [0, 1, 2].map((index) =>
			Buffer.concat([Buffer.from('%PDF-1.7\n'), deterministicBytes(2000 + index * 500, index + 3)]),
		);
		const input = recipients(3).map((item, index) => ({
			...item,
			binary: { invoice: binaryProperty(pdfs[index], 'application/pdf', `invoice-${index}.pdf`) },
		}));
		const { items, error } = await run(
			sendTemplate({
				templateName: { __rl: true, mode: 'name', value: 'hello_world' },
				templateVariables: templateVariablesValue({}),
				headerType: 'document',
				headerMediaSource: 'binary',
				headerBinaryPropertyName: 'invoice',
			}),
			input,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		const uploads = fake.requestsFor('C9');
		const sends = fake.requestsFor('C2');
		expect(uploads).toHaveLength(3);
		expect(sends).toHaveLength(3);
		for (const index of [0, 1, 2]) {
			const upload = uploads.find(
				(request) => request.multipart?.fields.filename === `invoice-${index}.pdf`,
			);
			expect(upload?.multipart?.files.file.data.equals(pdfs[index])).toBe(true);
			const send = sends.find(
				(request) => request.params.phoneNumber === `9198${String(index).padStart(8, '0')}`,
			);
			expect((send?.body as { filename?: string }).filename).toBe(`invoice-${index}.pdf`);
			const url = String((send?.body as { documentUrl?: string }).documentUrl);
			const stored = [...fake.state.publicMedia.values()].find((media) =>
				url.endsWith(`/public-media/${media.key}`),
			);
			expect(stored?.data.equals(pdfs[index])).toBe(true);
		}
	});

	it('continueOnFail: [good, bad, good] gives two answers and one error item, each paired with its input item', async () => {
		const input = recipients(3);
		input[1].json.phone = '12';
		const { items, error } = await run(sendTemplate(), input, true);
		expect(error).toBeUndefined();
		expect(fake.requests.map((request) => request.params.phoneNumber)).toEqual([
			'919800000000',
			'919800000002',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json).toEqual({ error: 'Phone Number: "12" is not a phone number' });
		expect(items[1].error?.message).toBe('Phone Number: "12" is not a phone number');
		expect(items[1].error?.context?.itemIndex).toBe(1);
		expect([items[0].json.text, items[2].json.text]).toEqual([
			'Hi Customer 0, enjoy 5% off this Christmas.',
			'Hi Customer 2, enjoy 7% off this Christmas.',
		]);
	});

	it('without continueOnFail the first failing item stops the node with its own index', async () => {
		const input = recipients(3);
		input[2].json.phone = 'abc';
		const { error } = await run(sendTemplate(), input);
		expect(error?.message).toBe('Phone Number: "abc" is not a phone number');
		expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
	});
});
