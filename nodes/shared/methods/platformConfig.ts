/**
 * Dropdowns and the attribute mapper built from the team's data-model configuration (C61) and users
 * (C51), shared by the CRM and Platform nodes. C61's element schemas are not documented (docs/api-reference.md
 * 3.17), so every reader accepts the plausible shapes: ids as `shortId`, procedures referenced by id
 * or short id, states inside the procedure or in a top-level list.
 */
import type {
	FieldType,
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unwrapChakraData } from '../envelope';
import type { ChakraContext } from '../transport';
import { chakraRequest } from '../transport';
import { currentParameter } from './currentParameter';

export type PlatformConfig = IDataObject;

/** C61 `_data`. */
export async function fetchPlatformConfig(context: ChakraContext): Promise<PlatformConfig> {
	const { body } = await chakraRequest(context, 'C61');
	const data = unwrapChakraData(body);
	return typeof data === 'object' && data !== null && !Array.isArray(data)
		? (data as IDataObject)
		: {};
}

function list(config: PlatformConfig, key: string): IDataObject[] {
	const value = config[key];
	return Array.isArray(value)
		? (value.filter((entry) => typeof entry === 'object' && entry !== null) as IDataObject[])
		: [];
}

function label(entry: IDataObject): string {
	return String(entry.name ?? entry.displayName ?? entry.shortId ?? entry.id ?? '');
}

export function findProcedure(
	config: PlatformConfig,
	procedureShortId: string,
): IDataObject | undefined {
	return list(config, 'procedures').find(
		(procedure) => procedure.shortId === procedureShortId || procedure.id === procedureShortId,
	);
}

/** Whether a config entry belongs to the procedure (by id, short id or an explicit list). */
function belongsTo(
	entry: IDataObject,
	procedure: IDataObject | undefined,
	procedureShortId: string,
): boolean {
	const refs = [entry.procedure, entry.procedureId, entry.procedureShortId].filter(
		(ref) => ref !== undefined && ref !== null,
	);
	if (refs.length === 0) return true;
	return refs.some((ref) => ref === procedureShortId || (procedure && ref === procedure.id));
}

export function procedureStates(config: PlatformConfig, procedureShortId: string): IDataObject[] {
	const procedure = findProcedure(config, procedureShortId);
	if (procedure && Array.isArray(procedure.states)) return procedure.states as IDataObject[];
	return list(config, 'states').filter((state) => belongsTo(state, procedure, procedureShortId));
}

export function procedureAttributes(
	config: PlatformConfig,
	procedureShortId: string,
): IDataObject[] {
	const procedure = findProcedure(config, procedureShortId);
	return list(config, 'attributes').filter(
		(attribute) => attribute.shortId && belongsTo(attribute, procedure, procedureShortId),
	);
}

export function procedureStateTasks(
	config: PlatformConfig,
	procedureShortId: string,
): IDataObject[] {
	const procedure = findProcedure(config, procedureShortId);
	return list(config, 'stateTasks').filter((task) => belongsTo(task, procedure, procedureShortId));
}

/** Short id of the procedure's primary-key attribute, when the config tells it. */
export function primaryKeyShortIdOf(
	config: PlatformConfig,
	procedureShortId: string,
): string | undefined {
	const procedure = findProcedure(config, procedureShortId);
	if (typeof procedure?.primaryKeyShortId === 'string') return procedure.primaryKeyShortId;
	const attribute = procedureAttributes(config, procedureShortId).find(
		(entry) => entry.isPrimaryKey === true,
	);
	return typeof attribute?.shortId === 'string' ? attribute.shortId : undefined;
}

function toOptions(
	entries: IDataObject[],
	value: (entry: IDataObject) => unknown,
): INodePropertyOptions[] {
	return entries
		.filter((entry) => value(entry) !== undefined && value(entry) !== null)
		.map((entry) => ({ name: label(entry), value: String(value(entry)) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The procedure chosen in the node (`procedureShortId`, plain or resource locator); `lead` for the CRM node. */
function currentProcedure(context: ILoadOptionsFunctions): string {
	const text = currentParameter(context, 'procedureShortId');
	if (text !== '') return text;
	if (context.getNode().type.endsWith('chakraCrm')) return 'lead';
	throw new NodeOperationError(
		context.getNode(),
		'Choose a procedure first: the list depends on it',
	);
}

export async function getProcedures(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const config = await fetchPlatformConfig(this);
	return toOptions(list(config, 'procedures'), (entry) => entry.shortId);
}

export async function getProcedureStates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const config = await fetchPlatformConfig(this);
	return toOptions(procedureStates(config, currentProcedure(this)), (entry) => entry.shortId);
}

export async function getProcedureAttributes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const config = await fetchPlatformConfig(this);
	return toOptions(procedureAttributes(config, currentProcedure(this)), (entry) => entry.shortId);
}

export async function getStateTasks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const config = await fetchPlatformConfig(this);
	return toOptions(procedureStateTasks(config, currentProcedure(this)), (entry) => entry.shortId);
}

async function fetchUsers(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const { body } = await chakraRequest(context, 'C51');
	const data = unwrapChakraData(body);
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

function userLabel(user: IDataObject): string {
	const name = [user.firstName, user.lastName]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(' ');
	return name ? `${name} (${String(user.username ?? user.id)})` : String(user.username ?? user.id);
}

function userOptions(users: IDataObject[], value: 'id' | 'username'): INodePropertyOptions[] {
	return users
		.filter((user) => user.isDeleted !== true && user[value])
		.map((user) => ({ name: userLabel(user), value: String(user[value]) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Users by username: the value `assignedTo` takes (C43, C49, C50). */
export async function getUsernames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return userOptions(await fetchUsers(this), 'username');
}

/** Users by id: the value C53-C55 take. */
export async function getUserIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return userOptions(await fetchUsers(this), 'id');
}

/** n8n field type for a Chakra attribute type. */
export function fieldTypeOf(attributeType: unknown): FieldType {
	switch (String(attributeType ?? '').toLowerCase()) {
		case 'number':
		case 'integer':
		case 'decimal':
		case 'currency':
			return 'number';
		case 'boolean':
		case 'checkbox':
			return 'boolean';
		case 'datetime':
		case 'date':
		case 'datetimeiso8601':
			return 'dateTime';
		case 'select':
		case 'dropdown':
			return 'options';
		case 'json':
		case 'externalobject':
		case 'external_object':
			return 'object';
		default:
			return 'string';
	}
}

/** The chosen procedure's attributes as resource mapper fields (process `data`). */
export function attributeFields(
	config: PlatformConfig,
	procedureShortId: string,
): ResourceMapperField[] {
	return procedureAttributes(config, procedureShortId).map((attribute) => {
		const type = fieldTypeOf(attribute.type);
		const options = Array.isArray(attribute.options)
			? (attribute.options as IDataObject[]).map((option) => ({
					name: String(option.label ?? option.name ?? option.value),
					value: String(option.value ?? option.label ?? option.name),
				}))
			: undefined;
		return {
			id: String(attribute.shortId),
			displayName: `${label(attribute)} (${String(attribute.shortId)})`,
			type: type === 'options' && !options ? 'string' : type,
			...(options && type === 'options' ? { options } : {}),
			required: false,
			defaultMatch: attribute.isPrimaryKey === true,
			canBeUsedToMatch: attribute.isPrimaryKey === true,
			display: true,
		};
	});
}

/** resourceMapperMethod: attributes of the procedure chosen in the node. */
export async function getProcessDataFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const config = await fetchPlatformConfig(this);
	return { fields: attributeFields(config, currentProcedure(this)) };
}

/**
 * Values from the mapper, converted for the API: `datetime` attributes take epoch milliseconds,
 * `datetimeISO8601` an ISO string (docs/api-reference.md 1.9). Empty values are left out.
 */
export function attributeValuesForApi(
	values: IDataObject,
	config: PlatformConfig | undefined,
	procedureShortId: string,
): IDataObject {
	const types = new Map<string, string>();
	if (config) {
		for (const attribute of procedureAttributes(config, procedureShortId)) {
			types.set(String(attribute.shortId), String(attribute.type ?? '').toLowerCase());
		}
	}
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined || value === null || value === '') continue;
		const type = types.get(key);
		if (type === 'datetime' || type === 'date') {
			const ms = typeof value === 'number' ? value : Date.parse(String(value));
			result[key] = Number.isNaN(ms) ? value : ms;
		} else if (type === 'datetimeiso8601') {
			const ms = typeof value === 'number' ? value : Date.parse(String(value));
			result[key] = Number.isNaN(ms) ? value : new Date(ms).toISOString();
		} else {
			result[key] = value;
		}
	}
	return result;
}
