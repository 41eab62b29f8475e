/**
 * Registers the trigger's URL in the WhatsApp plugin configuration (docs/api-reference.md 4.1, C39 read, C38
 * write). C38 may clear keys it is not sent, so every write sends the whole configuration back with
 * only our keys changed. The values we replace are kept in the node's static data and written back
 * on deactivation. A URL that belongs to another receiver is never overwritten silently.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unwrapChakraData } from '../shared/envelope';
import { resolvePluginId } from '../shared/pluginId';
import { chakraRequest, CREDENTIAL_TYPE } from '../shared/transport';

export type WebhookTarget = 'passThrough' | 'chakra';

const URL_KEY: Record<WebhookTarget, string> = {
	passThrough: 'passThroughWebhookUrl',
	chakra: 'chakraWebhookUrl',
};

/** What ChakraHQ calls each URL field, for messages. */
const URL_LABEL: Record<WebhookTarget, string> = {
	passThrough: '"pass-through webhook url for Meta events"',
	chakra: 'Chakra webhook URL',
};

/** Value of a key that is absent from the configuration (C38 rejects null for booleans and lists). */
const KEY_DEFAULTS: IDataObject = {
	passThroughWebhookUrl: '',
	chakraWebhookUrl: '',
	enableMessageEchoesForPassThroughWebhook: false,
	enableSendMessageTemplateEventForPassThroughWebhook: false,
	enableChakraWebhook: false,
	whichChakraWebhookEventsToSend: [],
};

/** What this node wrote, kept in the node's static data until deactivation. */
export interface Registration extends IDataObject {
	pluginId: string;
	target: WebhookTarget;
	url: string;
	/** The replaced keys with their values before our first write. */
	previous: IDataObject;
}

interface RegistrationSettings {
	pluginId: string;
	target: WebhookTarget;
	url: string;
	/** The keys to write. */
	changes: IDataObject;
	replaceExisting: boolean;
}

const STATIC_KEY = 'registration';

function sameUrl(a: unknown, b: string): boolean {
	return typeof a === 'string' && a.trim().replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

function isSet(value: unknown): boolean {
	return typeof value === 'string' && value.trim() !== '';
}

function ourUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(
			context.getNode(),
			'n8n did not provide a webhook URL for this trigger',
		);
	return url;
}

export function registrationEnabled(context: IHookFunctions): boolean {
	return context.getNodeParameter('registerWebhook', false) === true;
}

/** The node's settings for registration, read from its parameters. */
export async function registrationSettings(context: IHookFunctions): Promise<RegistrationSettings> {
	const own = context.getNodeParameter('pluginId', '');
	const credentials =
		String(own ?? '').trim() === '' ? await context.getCredentials(CREDENTIAL_TYPE) : undefined;
	const resolved = resolvePluginId(own, credentials);
	if ('problem' in resolved) {
		throw new NodeOperationError(context.getNode(), `Plugin ID: ${resolved.problem.message}`, {
			description: `${resolved.problem.description} Or turn off "Register Webhook URL in ChakraHQ".`,
		});
	}
	const { pluginId } = resolved;
	const target =
		context.getNodeParameter('webhookTarget', 'passThrough') === 'chakra'
			? 'chakra'
			: 'passThrough';
	const url = ourUrl(context);
	const changes: IDataObject =
		target === 'chakra'
			? {
					chakraWebhookUrl: url,
					enableChakraWebhook: true,
					whichChakraWebhookEventsToSend: context.getNodeParameter('chakraWebhookEvents', [
						'message',
						'status',
					]) as string[],
				}
			: {
					passThroughWebhookUrl: url,
					enableMessageEchoesForPassThroughWebhook:
						context.getNodeParameter('forwardEchoes', false) === true,
					enableSendMessageTemplateEventForPassThroughWebhook:
						context.getNodeParameter('forwardTemplateSendEvents', false) === true,
				};
	const replaceExisting = context.getNodeParameter('replaceExistingUrl', false) === true;
	return { pluginId, target, url, changes, replaceExisting };
}

/** C39: the plugin configuration (`_data`). */
export async function readPluginConfig(
	context: IHookFunctions,
	pluginId: string,
): Promise<IDataObject> {
	const response = await chakraRequest(context, 'C39', { path: { pluginId } });
	const config = unwrapChakraData(response.body);
	if (typeof config !== 'object' || config === null || Array.isArray(config)) {
		throw new NodeOperationError(
			context.getNode(),
			`ChakraHQ returned no configuration for plugin ${pluginId}`,
		);
	}
	return config as IDataObject;
}

/** C38: writes the whole configuration with `changes` applied, so keys we do not own survive. */
async function writePluginConfig(
	context: IHookFunctions,
	pluginId: string,
	config: IDataObject,
	changes: IDataObject,
) {
	await chakraRequest(context, 'C38', { path: { pluginId }, body: { ...config, ...changes } });
}

function valuesBefore(config: IDataObject, changes: IDataObject): IDataObject {
	const previous: IDataObject = {};
	for (const key of Object.keys(changes)) previous[key] = config[key] ?? KEY_DEFAULTS[key] ?? null;
	return previous;
}

/** What deactivation writes when the values before us are unknown: no URL, Chakra webhook off. */
function emptiedValues(target: WebhookTarget): IDataObject {
	return target === 'chakra'
		? { chakraWebhookUrl: '', enableChakraWebhook: false }
		: { passThroughWebhookUrl: '' };
}

function sameList(a: unknown, b: unknown): boolean {
	if (!Array.isArray(a) || !Array.isArray(b)) return false;
	return a.length === b.length && a.every((value) => b.includes(value));
}

/** Whether the configuration already holds exactly the values we would write. */
function isApplied(config: IDataObject, changes: IDataObject): boolean {
	return Object.entries(changes).every(([key, value]) =>
		Array.isArray(value)
			? sameList(config[key], value)
			: key.endsWith('Url')
				? sameUrl(config[key], String(value))
				: config[key] === value,
	);
}

export function storedRegistration(context: IHookFunctions): Registration | undefined {
	const stored = context.getWorkflowStaticData('node')[STATIC_KEY];
	return typeof stored === 'object' && stored !== null ? (stored as Registration) : undefined;
}

function storeRegistration(context: IHookFunctions, registration: Registration | undefined): void {
	const staticData = context.getWorkflowStaticData('node');
	if (registration) staticData[STATIC_KEY] = registration;
	else delete staticData[STATIC_KEY];
}

/** checkExists: true when the plugin already sends to this node with the wanted settings. */
export async function isRegistered(context: IHookFunctions): Promise<boolean> {
	const settings = await registrationSettings(context);
	const config = await readPluginConfig(context, settings.pluginId);
	return isApplied(config, settings.changes);
}

function refuseForeignUrl(
	context: IHookFunctions,
	settings: RegistrationSettings,
	current: string,
): never {
	throw new NodeOperationError(
		context.getNode(),
		`The ${URL_LABEL[settings.target]} of plugin ${settings.pluginId} already points to ${current}`,
		{
			description:
				'The trigger does not overwrite a URL that another receiver uses. Clear that field on the WhatsApp Setup page in ChakraHQ, or turn on "Replace Existing URL": the old URL is then written back when this workflow is deactivated.',
		},
	);
}

/** create: writes our URL, remembering what it replaces. */
export async function register(context: IHookFunctions): Promise<boolean> {
	const settings = await registrationSettings(context);
	const config = await readPluginConfig(context, settings.pluginId);
	const current = config[URL_KEY[settings.target]];
	const isOurs = sameUrl(current, settings.url);
	if (isSet(current) && !isOurs && !settings.replaceExisting)
		refuseForeignUrl(context, settings, String(current));
	const stored = storedRegistration(context);
	const keepsStored =
		stored?.pluginId === settings.pluginId && stored.target === settings.target && isOurs;
	// Our URL already there but nothing remembers what came before: deactivation empties it.
	const previous = keepsStored
		? stored.previous
		: isOurs
			? emptiedValues(settings.target)
			: valuesBefore(config, settings.changes);
	const registration: Registration = {
		pluginId: settings.pluginId,
		target: settings.target,
		url: settings.url,
		previous,
	};
	await writePluginConfig(context, settings.pluginId, config, settings.changes);
	storeRegistration(context, registration);
	return true;
}

/** The registration to undo: the stored one, or (without stored data) the one the parameters describe. */
async function registrationToUndo(context: IHookFunctions): Promise<Registration | undefined> {
	const stored = storedRegistration(context);
	if (stored) return stored;
	if (!registrationEnabled(context)) return undefined;
	const settings = await registrationSettings(context);
	return {
		pluginId: settings.pluginId,
		target: settings.target,
		url: settings.url,
		previous: emptiedValues(settings.target),
	};
}

/**
 * delete: writes the replaced values back, but only while the plugin still points to us; a URL
 * someone set after us is left alone.
 */
export async function unregister(context: IHookFunctions): Promise<boolean> {
	const registration = await registrationToUndo(context);
	if (!registration) return true;
	const config = await readPluginConfig(context, registration.pluginId);
	if (sameUrl(config[URL_KEY[registration.target]], registration.url)) {
		await writePluginConfig(context, registration.pluginId, config, registration.previous);
	}
	storeRegistration(context, undefined);
	return true;
}
