/**
 * The `where` query of C42 (docs/api-reference.md 3.12, C42 DSL), built from the filter fields: each condition is a
 * one-key query; "all" merges them into one object (sibling keys are ANDed, clashing keys go to an
 * `and` array), "any" puts them in an `or` array. A raw JSON `where` is the alternative.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { ItemFunctions } from '../../../shared/itemFunctions';
import { itemError, parseJsonField } from '../../../shared/validation';

export type Query = IDataObject;

const COMPARISON_OPERATORS = ['=', '!=', '>', '>=', '<', '<='];

interface CreatedAtCondition {
	operator?: string;
	value?: unknown;
}

interface AttributeCondition {
	attribute?: string;
	operator?: string;
	value?: unknown;
}

interface ConditionsParameter {
	createdAt?: CreatedAtCondition[];
	attribute?: AttributeCondition[];
}

function isOperatorObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Offset of `timeZone` at instant `ms`, in minutes east of UTC. */
function zoneOffsetMinutes(ms: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(ms));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const absolute = Math.abs(minutes);
	return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * An ISO-8601 string with offset (docs/api-reference.md 1.9, C42 `createdAt`). A date picker value has no offset:
 * it is read in the workflow's time zone. Values with an offset are kept; epoch milliseconds converted.
 */
export function isoWithOffset(value: unknown, timeZone: string): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
	const text =
		typeof value === 'string'
			? value.trim()
			: value instanceof Date
				? value.toISOString()
				: String(value ?? '').trim();
	const wall = WALL_TIME.exec(text);
	if (wall) {
		const [, year, month, day, hour = '00', minute = '00', second = '00'] = wall;
		const asUtc = Date.UTC(
			Number(year),
			Number(month) - 1,
			Number(day),
			Number(hour),
			Number(minute),
			Number(second),
		);
		if (Number.isNaN(asUtc)) return undefined;
		let offset = zoneOffsetMinutes(asUtc, timeZone);
		offset = zoneOffsetMinutes(asUtc - offset * 60_000, timeZone);
		return `${year}-${month}-${day}T${hour}:${minute}:${second}${formatOffset(offset)}`;
	}
	return text !== '' && !Number.isNaN(Date.parse(text)) ? text : undefined;
}

function statusLikeCondition(key: string, values: unknown): Query | undefined {
	const list = (Array.isArray(values) ? values : [values]).filter(
		(value) => value !== undefined && value !== null && value !== '',
	);
	if (list.length === 0) return undefined;
	return { [key]: list.length === 1 ? (list[0] as string) : (list as string[]) };
}

function comparison(operator: string, value: unknown): unknown {
	return operator === '=' ? value : { [operator]: value };
}

function anyOfValues(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return String(value)
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/** The conditions of the filter fields, one single-key query each, in the order shown. */
export function filterConditions(context: ItemFunctions): Query[] {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	const conditions = context.getNodeParameter('conditions', {}) as ConditionsParameter;
	const timeZone = context.getTimezone();
	const queries: Query[] = [];
	for (const key of ['status', 'state', 'assignedTo']) {
		const query = statusLikeCondition(key, filters[key]);
		if (query) queries.push(query);
	}
	for (const [position, condition] of (conditions.createdAt ?? []).entries()) {
		const operator = condition.operator ?? '>';
		if (!COMPARISON_OPERATORS.includes(operator)) {
			throw itemError(
				context,
				'Created At',
				`condition ${position + 1} has an unknown operator "${operator}"`,
			);
		}
		const iso = isoWithOffset(condition.value, timeZone);
		if (iso === undefined) {
			throw itemError(
				context,
				'Created At',
				`condition ${position + 1}: "${String(condition.value ?? '')}" is not a date`,
			);
		}
		queries.push({ createdAt: comparison(operator, iso) as IDataObject });
	}
	for (const [position, condition] of (conditions.attribute ?? []).entries()) {
		const attribute = String(condition.attribute ?? '').trim();
		const operator = condition.operator ?? '=';
		if (attribute === '')
			throw itemError(context, 'Attribute Condition', `condition ${position + 1} has no attribute`);
		const value = condition.value;
		if (value === undefined || value === null || value === '') {
			throw itemError(
				context,
				'Attribute Condition',
				`condition ${position + 1} (${attribute}) has no value`,
			);
		}
		if (operator === 'anyOf') {
			const values = anyOfValues(value);
			if (values.length === 0)
				throw itemError(
					context,
					'Attribute Condition',
					`condition ${position + 1} (${attribute}) has no value`,
				);
			queries.push({ [attribute]: values as string[] });
		} else if (COMPARISON_OPERATORS.includes(operator)) {
			queries.push({ [attribute]: comparison(operator, value) as IDataObject });
		} else {
			throw itemError(
				context,
				'Attribute Condition',
				`condition ${position + 1} has an unknown operator "${operator}"`,
			);
		}
	}
	return queries;
}

/** All of the queries: one object with sibling keys; a key that cannot be merged goes to `and`. */
export function allOf(queries: Query[]): Query | undefined {
	if (queries.length === 0) return undefined;
	const where: Query = {};
	const rest: Query[] = [];
	for (const query of queries) {
		const [key, rhs] = Object.entries(query)[0];
		const current = where[key];
		if (current === undefined) {
			where[key] = rhs;
		} else if (
			isOperatorObject(current) &&
			isOperatorObject(rhs) &&
			Object.keys(rhs).every((operator) => !(operator in current))
		) {
			where[key] = { ...current, ...rhs };
		} else {
			rest.push(query);
		}
	}
	if (rest.length) where.and = rest;
	return where;
}

/** Any of the queries: an `or` array of single-key queries. */
export function anyOf(queries: Query[]): Query | undefined {
	if (queries.length === 0) return undefined;
	if (queries.length === 1) return queries[0];
	return { or: queries };
}

/** preSend of C42: sets `where` from the builder or the raw JSON, keeping the rest of the body. */
export async function sendWhereQuery(
	this: ItemFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const filterType = this.getNodeParameter('filterType', 'conditions') as string;
	let where: Query | undefined;
	if (filterType === 'json') {
		const parsed = parseJsonField(this, 'JSON Where', this.getNodeParameter('whereJson', ''));
		if (Array.isArray(parsed))
			throw itemError(this, 'JSON Where', 'must be a JSON object, not an array');
		where = Object.keys(parsed).length ? parsed : undefined;
	} else if (filterType === 'conditions') {
		const queries = filterConditions(this);
		const combine = this.getNodeParameter('combineConditions', 'all') as string;
		where = combine === 'any' ? anyOf(queries) : allOf(queries);
	}
	const body = (
		typeof requestOptions.body === 'object' && requestOptions.body !== null
			? requestOptions.body
			: {}
	) as IDataObject;
	requestOptions.body = where ? { ...body, where } : body;
	return requestOptions;
}
