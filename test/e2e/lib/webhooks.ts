/** Delivering ChakraHQ webhooks to n8n's production webhook URLs with got (signed or not). */
import { loadGot } from '../../../scripts/lib/api';
import { signBody } from '../../fake-chakra';
import type { E2eEnv } from './env';

export interface Delivery {
	status: number;
	body: string;
}

/** Production URL of a trigger node: <n8n>/webhook/<webhookId>/<path>. */
export function productionWebhookUrl(env: E2eEnv, webhookId: string, path = 'chakra'): string {
	return `${env.server.baseUrl}/webhook/${webhookId}/${path}`;
}

/**
 * POSTs the JSON body. `signed` true: X-Chakra-Signature-256 over the exact bytes with the
 * credential's secret; false: no header; a string: that header value as is (a wrong signature).
 */
export async function deliver(
	env: E2eEnv,
	url: string,
	payload: object,
	signed: boolean | string = true,
): Promise<Delivery> {
	const got = await loadGot();
	const body = JSON.stringify(payload);
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'user-agent': 'ChakraHQ-Webhooks/e2e',
	};
	if (signed === true) headers['x-chakra-signature-256'] = signBody(body, env.webhookSecret);
	else if (typeof signed === 'string') headers['x-chakra-signature-256'] = signed;
	const response = await got.post(url, {
		body,
		headers,
		throwHttpErrors: false,
		timeout: { request: 30_000 },
	});
	return { status: response.statusCode, body: response.body };
}
