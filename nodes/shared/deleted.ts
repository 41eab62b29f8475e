/**
 * What a delete operation outputs: `{ "deleted": true }` (n8n's UX guidelines for community nodes),
 * whatever ChakraHQ or Meta answered once the failure rule has passed the response.
 */
import type { INodeExecutionData } from 'n8n-workflow';

export async function deletedResult(): Promise<INodeExecutionData[]> {
	return [{ json: { deleted: true } }];
}
