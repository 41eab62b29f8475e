/**
 * The Chakra Trigger on the Chakra WhatsApp page of n8n's nodes panel. n8n's editor
 * (useActionsGeneration.ts, generateMergedNodesAndActions) merges a trigger into the app whose type
 * name is the trigger's type name without "Trigger", and lists only node types that are not hidden.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import {
	FakeChakra,
	FAKE_IDS,
	SIGNATURE_HEADER,
	signBody,
	webhookSamples,
} from '../../fake-chakra';
import { packageNodeTypes, PACKAGE } from '../../harness';
import { nodeTypeNames } from '../../harness/nodes';
import { deliverToTrigger, runWebhookMethod, TRIGGER_URLS } from '../../harness/trigger';
import { SECRET, signingCredentials } from './deliveries';

const describeType = (name: string): INodeTypeDescription =>
	packageNodeTypes().getByNameAndVersion(`${PACKAGE}.${name}`).description;

describe('Chakra Trigger: on the Chakra WhatsApp page of the nodes panel', () => {
	it("the one visible trigger pairs with Chakra WhatsApp by n8n's rule; the original type stays for saved workflows, hidden", () => {
		const descriptions = nodeTypeNames().map(describeType);
		const visible = descriptions.filter((description) => !description.hidden);
		const triggers = visible.filter((description) => description.group.includes('trigger'));
		const appNames = visible
			.filter((description) => !description.group.includes('trigger'))
			.map((description) => description.name);
		expect(
			triggers.map((trigger) => [
				trigger.name,
				appNames.includes(trigger.name.replace('Trigger', ''))
					? trigger.name.replace('Trigger', '')
					: null,
			]),
		).toEqual([['chakraWhatsAppTrigger', 'chakraWhatsApp']]);
		expect(describeType('chakraTrigger').hidden).toBe(true);
	});

	it('chakraWhatsAppTrigger is the Chakra Trigger: same parameters, webhook, credential and texts', () => {
		const original = describeType('chakraTrigger');
		const paired = describeType('chakraWhatsAppTrigger');
		const { name, icon, hidden, ...rest } = original;
		expect([name, hidden]).toEqual(['chakraTrigger', true]);
		expect(paired).toEqual({ ...rest, name: 'chakraWhatsAppTrigger', icon: paired.icon });
		expect(paired.icon).toEqual(icon);
	});

	it('chakraWhatsAppTrigger receives a delivery as the Chakra Trigger does', async () => {
		const body = webhookSamples.passThroughText();
		const rawBody = JSON.stringify(body);
		// The same event twice: keep the second (duplicates are dropped by default).
		const options = {
			parameters: { options: { dropDuplicates: false } },
			credentials: signingCredentials(),
			body,
			rawBody,
			headers: { [SIGNATURE_HEADER]: signBody(rawBody, SECRET) },
		};
		const original = await deliverToTrigger(options);
		const paired = await deliverToTrigger({ ...options, nodeType: 'chakraWhatsAppTrigger' });
		expect(paired.status).toBe(200);
		expect(paired.items).toEqual(original.items);
		expect(paired.items).toHaveLength(1);
	});

	it('C39/C38 chakraWhatsAppTrigger registers its URL in ChakraHQ as the Chakra Trigger does', async () => {
		const fake = await FakeChakra.start();
		try {
			const parameters = {
				registerWebhook: true,
				pluginId: FAKE_IDS.pluginId,
				webhookTarget: 'passThrough',
			};
			const { nodeStaticData } = await runWebhookMethod('create', {
				parameters,
				credentials: { accessToken: fake.token, baseUrl: fake.baseUrl },
				nodeType: 'chakraWhatsAppTrigger',
			});
			expect(fake.requests.map((request) => request.cid)).toEqual(['C39', 'C38']);
			expect(nodeStaticData.registration).toMatchObject({
				pluginId: FAKE_IDS.pluginId,
				url: TRIGGER_URLS.production,
			});
		} finally {
			await fake.stop();
		}
	});
});
