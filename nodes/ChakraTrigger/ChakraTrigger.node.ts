import type {
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { WHATSAPP_API_VERSION } from '../shared/fields';
import { getPhoneNumbers } from '../shared/methods/listSearch';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { nodeDocumentationUrl } from '../shared/documentation';
import { acknowledge, checkSignature, parseDeliveryBody, readRawBody, refuse } from './delivery';
import { triggerProperties } from './description';
import type { ChakraEvent } from './eventItem';
import { eventsFromBody } from './events';
import type { EventFilter } from './filters';
import { isWanted, phoneNumberIdList } from './filters';
import type { MediaDownload } from './media';
import { itemsWithMedia } from './media';
import { withoutDuplicates } from './duplicates';
import { isRegistered, register, registrationEnabled, unregister } from './registration';

interface TriggerOptions {
	phoneNumberIds?: string[] | string;
	events?: string[];
	statuses?: string[];
	ignoreEchoes?: boolean;
	requireSignature?: boolean;
	dropDuplicates?: boolean;
}

function eventFilter(options: TriggerOptions): EventFilter {
	return {
		phoneNumberIds: phoneNumberIdList(options.phoneNumberIds),
		kinds: options.events ?? [],
		statuses: options.statuses ?? [],
		ignoreEchoes: options.ignoreEchoes === true,
	};
}

function mediaDownload(context: IWebhookFunctions): MediaDownload | undefined {
	if (context.getNodeParameter('downloadMedia', false) !== true) return undefined;
	return {
		whatsappApiVersion:
			String(context.getNodeParameter('whatsappApiVersion', WHATSAPP_API_VERSION)).trim() ||
			WHATSAPP_API_VERSION,
		binaryPropertyName:
			String(context.getNodeParameter('binaryPropertyName', 'data')).trim() || 'data',
	};
}

async function toItems(
	context: IWebhookFunctions,
	events: ChakraEvent[],
	media?: MediaDownload,
): Promise<INodeExecutionData[]> {
	if (!media) return events.map((event) => ({ json: event }));
	return await itemsWithMedia(context, events, media);
}

export class ChakraTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chakra Trigger',
		name: 'chakraTrigger',
		icon: {
			light: 'file:../../icons/chakraTrigger.svg',
			dark: 'file:../../icons/chakraTrigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		// Saved workflows keep this type; the nodes panel offers the same trigger as Chakra WhatsApp
		// Trigger (chakraWhatsAppTrigger), which n8n lists on the Chakra WhatsApp page.
		hidden: true,
		subtitle:
			'={{$parameter["registerWebhook"] ? "Registered in ChakraHQ" : "URL pasted in ChakraHQ"}}',
		documentationUrl: nodeDocumentationUrl('ChakraTrigger'),
		description:
			'Starts the workflow on ChakraHQ WhatsApp events: inbound messages, delivery statuses, calls, groups and template updates',
		defaults: { name: 'Chakra Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// The webhook answers through the response object itself; 'noData' keeps n8n from
				// ever answering its literal default 'firstEntryJson'.
				responseData: 'noData',
				path: 'chakra',
			},
		],
		properties: triggerProperties,
	};

	methods = { loadOptions: { getPhoneNumbers } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!registrationEnabled(this)) return true;
				return await isRegistered(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!registrationEnabled(this)) return true;
				return await register(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregister(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Everything that can fail is read before the answer is written.
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const media = mediaDownload(this);
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const secret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
		const raw = await readRawBody(this);
		const body = parseDeliveryBody(this, raw);

		const verdict = checkSignature(this, raw, body, {
			secret,
			requireOnAll: options.requireSignature === true,
			acceptUnsigned: this.getNodeParameter('acceptUnsignedDeliveries', false) === true,
		});
		if (verdict === 'invalid' || verdict === 'missing') {
			refuse(this, verdict);
			return { noWebhookResponse: true };
		}
		acknowledge(this);

		const filter = eventFilter(options);
		let events = eventsFromBody(body).filter((event) => isWanted(event, filter));
		if (options.dropDuplicates !== false)
			events = withoutDuplicates(
				`${this.getWorkflow().id ?? ''}\u0000${this.getNode().id}`,
				events,
			);
		// Nothing wanted: no execution starts.
		if (events.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [await toItems(this, events, media)] };
	}
}
