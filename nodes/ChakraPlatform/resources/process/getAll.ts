import type { INodeProperties } from 'n8n-workflow';

import { PROCESS_STATUS_OPTIONS, returnAllAndLimitFields } from '../../../shared/fields';

const showOnlyForProcessGetAll = { resource: ['process'], operation: ['getAll'] };
const showForConditions = { ...showOnlyForProcessGetAll, filterType: ['conditions'] };

const OPERATOR_OPTIONS = [
	{ name: 'Equals', value: '=' },
	{ name: 'Greater Than', value: '>' },
	{ name: 'Greater Than or Equal', value: '>=' },
	{ name: 'Less Than', value: '<' },
	{ name: 'Less Than or Equal', value: '<=' },
	{ name: 'Not Equals', value: '!=' },
];

export const processGetAllDescription: INodeProperties[] = [
	...returnAllAndLimitFields(showOnlyForProcessGetAll),
	{
		displayName: 'Conditions',
		name: 'filterType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Build Conditions',
				value: 'conditions',
				description: 'Pick status, state, assignee, dates and attributes',
			},
			{
				name: 'JSON Where Query',
				value: 'json',
				description: 'Write the where query of the API yourself',
			},
		],
		default: 'conditions',
		displayOptions: { show: showOnlyForProcessGetAll },
	},
	{
		displayName: 'Combine Conditions',
		name: 'combineConditions',
		type: 'options',
		options: [
			{ name: 'All (AND)', value: 'all', description: 'Processes must match every condition' },
			{
				name: 'Any (OR)',
				value: 'any',
				description: 'Processes must match at least one condition',
			},
		],
		default: 'all',
		displayOptions: { show: showForConditions },
	},
	{
		displayName: 'Status, State and Assignee Conditions',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Condition',
		default: {},
		description: 'Several values of one condition match any of them',
		displayOptions: { show: showForConditions },
		options: [
			{
				displayName: 'Assignee Names or IDs',
				name: 'assignedTo',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsernames' },
				default: [],
				description:
					'Users the process is assigned to; IDs are usernames. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'State Names or IDs',
				name: 'state',
				type: 'multiOptions',
				typeOptions: {
					loadOptionsMethod: 'getProcedureStates',
					loadOptionsDependsOn: ['procedureShortId'],
				},
				default: [],
				description:
					'States of the procedure; IDs are state short IDs. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: PROCESS_STATUS_OPTIONS,
				default: [],
			},
		],
	},
	{
		displayName: 'Date and Attribute Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		displayOptions: { show: showForConditions },
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Attribute Name or ID',
						name: 'attribute',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getProcedureAttributes',
							loadOptionsDependsOn: ['procedureShortId'],
						},
						default: '',
						description:
							'Attribute of the procedure; the ID is its short ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Equals', value: '=' },
							{ name: 'Greater Than', value: '>' },
							{ name: 'Greater Than or Equal', value: '>=' },
							{ name: 'Is Any Of', value: 'anyOf' },
							{ name: 'Less Than', value: '<' },
							{ name: 'Less Than or Equal', value: '<=' },
							{ name: 'Not Equals', value: '!=' },
						],
						default: '=',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						hint: 'For "Is Any Of", separate values with commas or use an expression returning an array',
						description:
							'Sent as text; use an expression such as {{ 10 }} to compare with a number',
					},
				],
			},
			{
				displayName: 'Created At',
				name: 'createdAt',
				values: [
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: OPERATOR_OPTIONS,
						default: '>',
					},
					{
						displayName: 'Date',
						name: 'value',
						type: 'dateTime',
						default: '',
						description: 'Read in the workflow time zone and sent as an ISO-8601 date with offset',
					},
				],
			},
		],
	},
	{
		displayName: 'JSON Where',
		name: 'whereJson',
		type: 'json',
		required: true,
		default: '{\n  "status": "OPEN"\n}',
		description:
			'The <code>where</code> query of the API: keys are attribute short IDs or status, state, createdAt, assignedTo; a value is a scalar, an array (any of) or an operator object such as {"&gt;": 5}; <code>and</code> / <code>or</code> take arrays of queries',
		displayOptions: { show: { ...showOnlyForProcessGetAll, filterType: ['json'] } },
	},
];
