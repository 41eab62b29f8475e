/** Deliveries as ChakraHQ sends them, through the trigger harness. */
import type { INodeParameters } from 'n8n-workflow';

import { SIGNATURE_HEADER, signBody } from '../../fake-chakra';
import type { TestCredentials } from '../../harness';
import type { DeliveryResult } from '../../harness/trigger';
import { deliverToTrigger } from '../../harness/trigger';

export const SECRET = 'team-secret-for-tests';

/** Credentials with the signing secret; the base URL only matters for media downloads. */
export function signingCredentials(
	baseUrl = 'http://127.0.0.1:9',
	accessToken = 'unused-token',
): TestCredentials {
	return { accessToken, baseUrl, webhookSecret: SECRET };
}

/**
 * Delivers a JSON value (or, for a string in `text`, those exact bytes) signed with the team
 * secret, as ChakraHQ does.
 */
export async function deliverSigned(
	payload: unknown,
	parameters: INodeParameters = {},
	credentials: TestCredentials = signingCredentials(),
): Promise<DeliveryResult> {
	const rawBody = JSON.stringify(payload);
	return await deliverToTrigger({
		parameters,
		credentials,
		body: payload,
		rawBody,
		headers: { [SIGNATURE_HEADER]: signBody(rawBody, SECRET) },
	});
}

/** Delivers bytes that are not JSON, signed. */
export async function deliverSignedText(
	text: string,
	parameters: INodeParameters = {},
): Promise<DeliveryResult> {
	return await deliverToTrigger({
		parameters,
		credentials: signingCredentials(),
		rawBody: text,
		headers: { [SIGNATURE_HEADER]: signBody(text, SECRET) },
	});
}
