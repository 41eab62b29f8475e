/**
 * Parameters shared by the process operations (and the task operation) of the Platform node: the
 * procedure, the process data mapper, key/value attributes and the process fields.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { PROCESS_STATUS_OPTIONS } from '../fields';

type Show = IDisplayOptions['show'];

/** The procedure of a process; `description` replaces the general one where the operation says more. */
export function procedureField(show: Show, description?: string): INodeProperties {
	return {
		displayName: 'Procedure Name or ID',
		name: 'procedureShortId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProcedures' },
		required: true,
		default: '',
		description:
			'The procedure (Lead, Ticket, …) the process belongs to; the ID is its short ID, e.g. lead. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...(description ? { description } : {}),
		displayOptions: { show },
	};
}

export function processIdField(show: Show): INodeProperties {
	return {
		displayName: 'Process ID',
		name: 'processId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1bc10281-5882-43aa-b48d-28c527335e7a',
		description: 'UUID of the process, e.g. the ID returned by Create or Get Many',
		displayOptions: { show },
	};
}

export function primaryKeyFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Primary Key Attribute Name or ID',
			name: 'primaryKeyShortId',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getProcedureAttributes',
				loadOptionsDependsOn: ['procedureShortId'],
			},
			default: '',
			description:
				'The attribute that identifies the process, e.g. <code>lead_id</code>. Leave empty to use the procedure\'s primary key from the ChakraHQ configuration. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show },
		},
		{
			displayName: 'Primary Key Value',
			name: 'primaryKeyValue',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'LEAD-001',
			description:
				'Value of the primary key attribute of the process; slashes and spaces are allowed',
			displayOptions: { show },
		},
	];
}

/**
 * The mapper runs in 'add' mode for updates too: the process is addressed by its ID or primary key
 * path, so the "columns to match on" selector of 'update' mode would have nothing to do.
 */
export function processDataField(show: Show): INodeProperties {
	return {
		displayName: 'Process Data',
		name: 'processData',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description: 'Attribute values of the process, from the attributes of the chosen procedure',
		typeOptions: {
			loadOptionsDependsOn: ['procedureShortId'],
			resourceMapper: {
				resourceMapperMethod: 'getProcessDataFields',
				mode: 'add',
				fieldWords: { singular: 'attribute', plural: 'attributes' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
				noFieldsError:
					'The procedure has no attributes in the ChakraHQ configuration: use Additional Attributes',
			},
		},
		displayOptions: { show },
	};
}

/**
 * The sub-field that holds an attribute's short ID in an attribute pairs field. Saved workflows store
 * it: the CRM node's lead fields have always used `key`, the Platform node's `shortId`.
 */
export type AttributeKey = 'key' | 'shortId';

export interface AttributePairsSpec {
	name: string;
	displayName: string;
	description: string;
	placeholder?: string;
	key?: AttributeKey;
}

/** Key/value pairs for attributes the mapper does not list (or for record and task data); read by `attributePairs`. */
export function attributePairsField(show: Show, spec: AttributePairsSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: spec.placeholder ?? 'Add Attribute',
		default: {},
		description: spec.description,
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Attribute Short ID',
						name: spec.key ?? 'shortId',
						type: 'string',
						default: '',
						placeholder: 'city',
						description:
							'Short ID of the attribute as shown in the procedure settings of ChakraHQ (never its UUID)',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Sent as text (empty text clears the attribute). To send a number, a boolean or an object, use an expression such as {{ 5 }}.',
					},
				],
			},
		],
		displayOptions: { show },
	};
}

/** The text n8n's lint asks of dynamic options; callers that say more start with it. */
export const FROM_LIST =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** `nextActionAt`: a date sent as epoch milliseconds (the body builders convert it). */
export function nextActionAtOption(description: string): INodeProperties {
	return {
		displayName: 'Next Action At',
		name: 'nextActionAt',
		type: 'dateTime',
		default: '',
		description,
	};
}

/** `state`: a state of the procedure, by short ID. */
export function stateOption(spec: {
	description?: string;
	hint?: string;
	dependsOnProcedure?: boolean;
	sendToBody?: boolean;
}): INodeProperties {
	return {
		displayName: 'State Name or ID',
		name: 'state',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getProcedureStates',
			...(spec.dependsOnProcedure ? { loadOptionsDependsOn: ['procedureShortId'] } : {}),
		},
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...(spec.description ? { description: spec.description } : {}),
		...(spec.hint ? { hint: spec.hint } : {}),
		...(spec.sendToBody ? { routing: { send: { type: 'body', property: 'state' } } } : {}),
	};
}

/** `status`: OPEN, COMPLETED or CANCELLED. */
export function statusOption(
	spec: { description?: string; sendToBody?: boolean } = {},
): INodeProperties {
	return {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: PROCESS_STATUS_OPTIONS,
		default: 'OPEN',
		...(spec.description ? { description: spec.description } : {}),
		...(spec.sendToBody ? { routing: { send: { type: 'body', property: 'status' } } } : {}),
	};
}

/** `assignedTo`: a username of the team. */
export function assigneeOption(spec: {
	displayName: string;
	description?: string;
	hint?: string;
	sendToBody?: boolean;
}): INodeProperties {
	return {
		displayName: spec.displayName,
		name: 'assignedTo',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsernames' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...(spec.description ? { description: spec.description } : {}),
		...(spec.hint ? { hint: spec.hint } : {}),
		...(spec.sendToBody ? { routing: { send: { type: 'body', property: 'assignedTo' } } } : {}),
	};
}

export interface ProcessFieldsSpec {
	displayName: string;
	/** C43 / C49 document `assignedTo`; C44 / C45 do not. */
	assignee: boolean;
	/** C49 only: `update.isDeleted`. */
	deleteFlag?: boolean;
}

/** Status, state, next action and assignee: only the ones given are sent. */
export function processFieldsField(show: Show, spec: ProcessFieldsSpec): INodeProperties {
	const options: INodeProperties[] = [
		nextActionAtOption('When the next action on the process is due (sent as epoch milliseconds)'),
		stateOption({
			description: `State of the process in its procedure; the ID is the state short ID, e.g. NEW. ${FROM_LIST}.`,
			dependsOnProcedure: true,
		}),
		statusOption(),
	];
	if (spec.assignee) {
		options.unshift(
			assigneeOption({
				displayName: 'Assignee Name or ID',
				description: `User the process is assigned to; the ID is the username. ${FROM_LIST}.`,
			}),
		);
	}
	if (spec.deleteFlag) {
		options.splice(1, 0, {
			displayName: 'Delete Process',
			name: 'isDeleted',
			type: 'boolean',
			default: false,
			description:
				'Whether to delete the process instead of updating it (the only bulk delete of the API)',
		});
	}
	return {
		displayName: spec.displayName,
		name: 'processFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
		displayOptions: { show },
	};
}

/** Process attributes the mapper does not list. */
export function additionalAttributesField(show: Show): INodeProperties {
	return attributePairsField(show, {
		name: 'additionalAttributes',
		displayName: 'Additional Attributes',
		description: 'Process attributes the list above does not offer, by short ID',
	});
}

/** Batch size and waiting of the bulk operations (read from the first item: they apply to the whole run). */
export function bulkFields(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 100,
			description:
				'How many input items go into one bulk request; each request starts one background job (e.g. 250 items in batches of 100 make 3 jobs)',
			displayOptions: { show },
		},
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: false,
			description:
				'Whether to wait until ChakraHQ has processed every entry and return one item per entry with its outcome (SUCCESS, ERROR, INVALID), instead of one item per background job',
			displayOptions: { show },
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'waitTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 300,
			description:
				'How long to wait for all jobs in total. When it runs out the node fails with the ID of the job still running, so it can be checked later with Background Job > Get.',
			displayOptions: { show: { ...show, waitForCompletion: [true] } },
		},
	];
}

/** Attributes of the record the process is created against (`record.data`). */
export function recordDataField(show: Show): INodeProperties {
	return attributePairsField(show, {
		name: 'recordData',
		displayName: 'Record Data',
		description:
			'Attributes of the record (e.g. the customer) the process belongs to, such as phone_number or email',
	});
}
