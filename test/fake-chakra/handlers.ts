/** Endpoint handlers C1..C64 (behaviour from docs/api-reference.md). */
import { randomBytes, randomUUID } from 'node:crypto';
import { ApiError, badRequest, chakraError, metaNotFound } from './errors';
import {
	FAKE_IDS,
	sha256Base64,
	type BackgroundJobRecord,
	type FakeState,
	type GroupRecord,
	type Json,
	type JobEntry,
	type JsonObject,
	type ProcessRecord,
	type ProcedureConfig,
	type TemplateRecord,
	type UserRecord,
} from './state';
import type { RecordedRequest } from './types';

export interface Ctx {
	rec: RecordedRequest;
	params: Record<string, string>;
	query: Record<string, string>;
	body: unknown;
	state: FakeState;
	baseUrl: string;
	otherHostBaseUrl: string;
}

export type Reply =
	| { kind: 'json'; status: number; body: unknown }
	| { kind: 'binary'; status: number; data: Buffer; contentType: string; filename?: string }
	| { kind: 'redirect'; location: string };

export type Handler = (ctx: Ctx) => Reply;

const json = (body: unknown, status = 200): Reply => ({ kind: 'json', status, body });
const data = (d: unknown, meta?: unknown): Reply =>
	json(meta === undefined ? { _data: d } : { _data: d, _meta: meta });

const BULK_JOB_TYPE = '3ae1c371-9a3b-4c06-8090-42fea6c4df36';
const VERSION_RE = /^v\d+\.\d+$/;
const DIGITS_RE = /^\d+$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const STATUSES = ['OPEN', 'COMPLETED', 'CANCELLED'];

// ---------- helpers ----------

function isObj(v: unknown): v is Record<string, unknown> {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function bodyObj(ctx: Ctx, emptyOk = false): Record<string, unknown> {
	if (ctx.body === undefined && emptyOk) return {};
	if (!isObj(ctx.body)) throw badRequest('(#100) Request body must be a JSON object');
	return ctx.body;
}

function reqStr(b: Record<string, unknown>, key: string, label = key): string {
	const v = b[key];
	if (typeof v !== 'string' || v.trim() === '')
		throw badRequest(`(#100) The parameter ${label} is required and must be a non-empty string`);
	return v;
}

function optStr(b: Record<string, unknown>, key: string): string | undefined {
	const v = b[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'string') throw badRequest(`(#100) Param ${key} must be a string`);
	return v;
}

function requireMessagingProduct(b: Record<string, unknown>): void {
	if (b.messaging_product !== 'whatsapp')
		throw badRequest('(#100) The parameter messaging_product is required and must be "whatsapp"');
}

function now(): number {
	return Date.now();
}

function wamid(): string {
	return `wamid.${randomBytes(30).toString('base64')}`;
}

function checkVersion(ctx: Ctx): void {
	const v = ctx.params.whatsappApiVersion;
	if (v !== undefined && !VERSION_RE.test(v))
		throw badRequest(`Unknown path components: /${v}`, { code: 2500, type: 'OAuthException' });
}

function checkPlugin(ctx: Ctx, pluginId: string): void {
	if (!ctx.state.plugins.has(pluginId)) throw chakraError(400, `Plugin not found: ${pluginId}`);
}

/** Phone number must belong to a WABA of the plugin (Chakra-side check, chakra error). */
function checkPluginPhone(ctx: Ctx, pluginId: string, phoneNumberId: string): string {
	const phone = ctx.state.phoneNumbers.get(phoneNumberId);
	const plugin = ctx.state.plugins.get(pluginId);
	if (!phone || !plugin || !plugin.wabaIds.includes(phone.waba)) {
		throw chakraError(
			400,
			`WhatsApp phone number ${phoneNumberId} is not connected to plugin ${pluginId}`,
		);
	}
	return phone.waba;
}

function metaPhone(ctx: Ctx): string {
	const id = ctx.params.whatsappPhoneNumberId;
	if (!ctx.state.phoneNumbers.has(id)) throw metaNotFound(id);
	return id;
}

function encodeCursor(i: number): string {
	return Buffer.from(`cursor:${i}`).toString('base64');
}

function decodeCursor(c: string): number {
	const s = Buffer.from(c, 'base64').toString('utf8');
	const m = /^cursor:(\d+)$/.exec(s);
	if (!m) throw badRequest('(#100) Invalid cursor', { shape: 'meta' });
	return Number(m[1]);
}

/** Meta cursor pagination; `paging.next` only when more items remain after this page. */
function cursorPage<T>(ctx: Ctx, items: T[], maxLimit = 1000): { page: T[]; paging?: JsonObject } {
	let limit = 25;
	if (ctx.query.limit !== undefined) {
		limit = Number(ctx.query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
			throw badRequest(`(#100) Param limit must be an integer between 1 and ${maxLimit}`, {
				shape: 'meta',
			});
		}
	}
	let start = 0;
	if (ctx.query.after) start = decodeCursor(ctx.query.after) + 1;
	else if (ctx.query.before) start = Math.max(0, decodeCursor(ctx.query.before) - limit);
	const page = items.slice(start, start + limit);
	if (page.length === 0) return { page };
	const cursors = { before: encodeCursor(start), after: encodeCursor(start + page.length - 1) };
	const paging: JsonObject = { cursors };
	const link = (key: 'after' | 'before', value: string): string => {
		const q = new URLSearchParams();
		for (const [k, v] of Object.entries(ctx.query))
			if (k !== 'after' && k !== 'before' && k !== 'limit') q.set(k, v);
		q.set('limit', String(limit));
		q.set(key, value);
		return `${ctx.baseUrl}${ctx.rec.path}?${q.toString()}`;
	};
	if (start + page.length < items.length) paging.next = link('after', cursors.after);
	if (start > 0) paging.previous = link('before', cursors.before);
	return { page, paging };
}

function intField(
	b: Record<string, unknown>,
	key: string,
	def: number,
	min: number,
	max: number,
): number {
	const v = b[key];
	if (v === undefined || v === null) return def;
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
		throw badRequest(`${key} must be an integer between ${min} and ${max}`);
	}
	return v;
}

// ---------- templates ----------

function findTemplate(
	state: FakeState,
	wabaId: string,
	name: string,
	language?: string,
): TemplateRecord | undefined {
	for (const t of state.templates.values()) {
		if (
			t.wabaId === wabaId &&
			t.name === name &&
			(language === undefined || t.language === language)
		)
			return t;
	}
	return undefined;
}

function templateOut(t: TemplateRecord): JsonObject {
	const { wabaId: _w, ...rest } = t;
	void _w;
	const out: JsonObject = {};
	const order = ['name', 'parameter_format', 'components', 'language', 'status', 'category', 'id'];
	for (const k of order) if (rest[k] !== undefined) out[k] = rest[k] as Json;
	for (const [k, v] of Object.entries(rest)) if (!(k in out) && v !== undefined) out[k] = v;
	return out;
}

function bodyText(t: TemplateRecord): string {
	for (const c of t.components) {
		if (isObj(c) && c.type === 'BODY' && typeof c.text === 'string') return c.text;
	}
	return '';
}

function templateNotFound(
	name: string,
	language: string | undefined,
	shape: 'chakra' | 'meta',
): ApiError {
	return new ApiError(400, '(#132001) Template name does not exist in the translation', {
		shape,
		code: 132001,
		details: `template name (${name}) does not exist in ${language ?? 'any language'}`,
	});
}

type Mapping = { schemaPropertyName: string; schemaPropertyValue: string }[];

function mappingField(b: Record<string, unknown>, key: string): Mapping {
	const v = b[key];
	if (v === undefined || v === null) return [];
	if (!Array.isArray(v))
		throw badRequest(`${key} must be an array of { schemaPropertyName, schemaPropertyValue }`);
	return v.map((m, i) => {
		if (
			!isObj(m) ||
			typeof m.schemaPropertyName !== 'string' ||
			typeof m.schemaPropertyValue !== 'string'
		) {
			throw badRequest(`${key}[${i}] must have string schemaPropertyName and schemaPropertyValue`);
		}
		return { schemaPropertyName: m.schemaPropertyName, schemaPropertyValue: m.schemaPropertyValue };
	});
}

/** Shared by C1/C2: validates the Chakra template body and creates the chat message object. */
function sendChakraTemplate(
	ctx: Ctx,
	cid: 'C1' | 'C2',
	to: string,
	process: ProcessRecord | undefined,
): Reply {
	const pluginId = ctx.params.pluginId;
	checkPlugin(ctx, pluginId);
	const b = bodyObj(ctx);
	const phoneNumberId = reqStr(b, 'whatsappPhoneNumberId');
	const templateName = reqStr(b, 'templateName');
	const language = optStr(b, 'language');
	const mapping = mappingField(b, 'mapping');
	mappingField(b, 'headerMapping');
	mappingField(b, 'buttonMapping');
	for (const k of [
		'imageUrl',
		'videoUrl',
		'documentUrl',
		'filename',
		'locationName',
		'locationAddress',
		'otpCode',
	])
		optStr(b, k);
	for (const k of ['locationLatitude', 'locationLongitude']) {
		if (b[k] !== undefined && typeof b[k] !== 'number') throw badRequest(`${k} must be a number`);
	}
	const wabaId = checkPluginPhone(ctx, pluginId, phoneNumberId);
	const template = findTemplate(ctx.state, wabaId, templateName, language);
	if (!template) throw templateNotFound(templateName, language, 'chakra');
	let text = bodyText(template);
	for (const m of mapping)
		text = text.split(`{{${m.schemaPropertyName}}}`).join(m.schemaPropertyValue);
	if (typeof b.otpCode === 'string') text = text.split('{{1}}').join(b.otpCode);
	const t = now();
	const chat = ctx.state.chats.find((c) => c.contactPhoneNumber === to);
	const media = (['imageUrl', 'videoUrl', 'documentUrl'] as const).find(
		(k) => typeof b[k] === 'string',
	);
	const message: JsonObject = {
		id: randomUUID(),
		createdAt: t,
		updatedAt: t,
		externalId: wamid(),
		provider: 'WHATSAPP',
		dataType: 'TEMPLATE',
		body: { body: text },
		text,
		attachments: media ? [{ type: media.replace('Url', ''), url: b[media] as string }] : null,
		deliveryStatus: 'SENT',
		direction: 'OUTBOUND',
		timestamp: t,
		context: { contactIdentifier: to, messageTemplateId: template.id },
		adhocAgent: null,
		source: { sourceId: pluginId, sourceType: 'API' },
		team: FAKE_IDS.teamId,
		chat: chat ? chat.id : null,
		plugin: pluginId,
		contact: null,
		user: FAKE_IDS.userId,
		procedure: process ? process.procedure : null,
		process: process ? process.id : null,
		campaign: null,
		inReplyTo: null,
	};
	ctx.state.chatMessages.push({ chatId: chat ? chat.id : null, customerPhoneNumber: to, message });
	ctx.state.sentMessages.push({
		cid,
		pluginId,
		whatsappPhoneNumberId: phoneNumberId,
		to,
		type: 'template',
		templateName,
		whatsappMessageId: message.externalId as string,
		chatMessageId: message.id as string,
		body: ctx.body,
		createdAt: t,
	});
	return data(message);
}

// ---------- processes ----------

function procedureOf(ctx: Ctx, shortId: string): ProcedureConfig {
	const p = ctx.state.config.procedures.find((x) => x.shortId === shortId);
	if (!p) throw chakraError(404, `Procedure not found: ${shortId}`);
	return p;
}

function processMap(state: FakeState, shortId: string): Map<string, ProcessRecord> {
	let m = state.processes.get(shortId);
	if (!m) {
		m = new Map();
		state.processes.set(shortId, m);
	}
	return m;
}

function stateIds(state: FakeState, proc: ProcedureConfig): string[] {
	return state.config.states.filter((s) => s.procedure === proc.id).map((s) => s.shortId as string);
}

function resolveUser(state: FakeState, v: unknown): string {
	if (typeof v !== 'string') throw badRequest('assignedTo must be a username or user id string');
	for (const u of state.users.values()) if (u.username === v || u.id === v) return u.id;
	throw badRequest(`Unknown user: ${v}`);
}

function checkDataValues(d: JsonObject): void {
	for (const [k, v] of Object.entries(d))
		if (v === '__error__') throw badRequest(`Invalid value for attribute ${k}`);
}

function findByPk(
	state: FakeState,
	proc: ProcedureConfig,
	value: string,
): ProcessRecord | undefined {
	for (const p of processMap(state, proc.shortId).values()) {
		const v = p.data[proc.primaryKeyShortId];
		if (v !== undefined && v !== null && String(v) === value) return p;
	}
	return undefined;
}

function createProcess(
	state: FakeState,
	proc: ProcedureConfig,
	b: Record<string, unknown>,
): ProcessRecord {
	const d = b.data === undefined ? {} : b.data;
	if (!isObj(d)) throw badRequest('data must be an object');
	if (
		b.record !== undefined &&
		(!isObj(b.record) || (b.record.data !== undefined && !isObj(b.record.data)))
	) {
		throw badRequest('record must be an object { data: { ... } }');
	}
	checkDataValues(d as JsonObject);
	const status = b.status === undefined ? 'OPEN' : b.status;
	if (typeof status !== 'string' || !STATUSES.includes(status))
		throw badRequest(`status must be one of ${STATUSES.join(', ')}`);
	const states = stateIds(state, proc);
	const st = b.state === undefined ? states[0] : b.state;
	if (typeof st !== 'string' || !states.includes(st))
		throw badRequest(`Invalid state for procedure ${proc.shortId}: ${String(st)}`);
	if (b.nextActionAt !== undefined && b.nextActionAt !== null && typeof b.nextActionAt !== 'number')
		throw badRequest('nextActionAt must be epoch milliseconds (number)');
	const assignedTo =
		b.assignedTo === undefined || b.assignedTo === null ? null : resolveUser(state, b.assignedTo);
	const pkv = (d as JsonObject)[proc.primaryKeyShortId];
	if (pkv !== undefined && pkv !== null && findByPk(state, proc, String(pkv))) {
		throw badRequest(`A process with ${proc.primaryKeyShortId} ${String(pkv)} already exists`);
	}
	const t = now();
	const id = randomUUID();
	const p: ProcessRecord = {
		id,
		team: FAKE_IDS.teamId,
		procedure: proc.id,
		entity: FAKE_IDS.entityId,
		record: randomUUID(),
		createdBy: FAKE_IDS.userId,
		assignedTo,
		belongsTo: FAKE_IDS.podId,
		status: status as ProcessRecord['status'],
		state: st,
		data: { ...(d as JsonObject) },
		derivedData: {},
		nextActionAt: (b.nextActionAt as number | undefined) ?? null,
		createdAt: t,
		updatedAt: t,
	};
	processMap(state, proc.shortId).set(id, p);
	return p;
}

function updateProcess(
	state: FakeState,
	proc: ProcedureConfig,
	p: ProcessRecord,
	b: Record<string, unknown>,
): ProcessRecord {
	if (b.data !== undefined && !isObj(b.data)) throw badRequest('data must be an object');
	if (isObj(b.data)) checkDataValues(b.data as JsonObject);
	if (b.status !== undefined && (typeof b.status !== 'string' || !STATUSES.includes(b.status))) {
		throw badRequest(`status must be one of ${STATUSES.join(', ')}`);
	}
	if (
		b.state !== undefined &&
		(typeof b.state !== 'string' || !stateIds(state, proc).includes(b.state))
	) {
		throw badRequest(`Invalid state for procedure ${proc.shortId}: ${String(b.state)}`);
	}
	if (
		b.nextActionAt !== undefined &&
		b.nextActionAt !== null &&
		typeof b.nextActionAt !== 'number'
	) {
		throw badRequest('nextActionAt must be epoch milliseconds (number)');
	}
	const assignedTo =
		b.assignedTo === undefined
			? undefined
			: b.assignedTo === null
				? null
				: resolveUser(state, b.assignedTo);
	if (isObj(b.data)) Object.assign(p.data, b.data as JsonObject);
	if (b.status !== undefined) p.status = b.status as ProcessRecord['status'];
	if (b.state !== undefined) p.state = b.state as string;
	if (b.nextActionAt !== undefined) p.nextActionAt = b.nextActionAt as number | null;
	if (assignedTo !== undefined) p.assignedTo = assignedTo;
	p.updatedAt = Math.max(now(), p.updatedAt + 1);
	return p;
}

function processById(ctx: Ctx, proc: ProcedureConfig, id: string): ProcessRecord {
	const p = processMap(ctx.state, proc.shortId).get(id);
	if (!p) throw chakraError(404, `Process not found: ${id}`);
	return p;
}

function processByPkPath(ctx: Ctx): { proc: ProcedureConfig; p: ProcessRecord } {
	const proc = procedureOf(ctx, ctx.params.procedureShortId);
	if (ctx.params.primaryKeyShortId !== proc.primaryKeyShortId) {
		throw chakraError(
			400,
			`'${ctx.params.primaryKeyShortId}' is not the primary key of procedure '${proc.shortId}' (primary key: ${proc.primaryKeyShortId})`,
		);
	}
	const p = findByPk(ctx.state, proc, ctx.params.primaryKeyValue);
	if (!p)
		throw chakraError(
			404,
			`Process not found: ${proc.primaryKeyShortId}=${ctx.params.primaryKeyValue}`,
		);
	return { proc, p };
}

// where DSL (C42)
const OPS = ['=', '!=', '>', '>=', '<', '<='];

function asNumber(v: unknown): number | undefined {
	if (typeof v === 'number') return v;
	if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
	return undefined;
}

function cmp(a: unknown, b: unknown): number | undefined {
	if (a === undefined || a === null || b === undefined || b === null) return undefined;
	const na = asNumber(a);
	const nb = asNumber(b);
	if (na !== undefined && nb !== undefined) return na - nb;
	const sa = String(a);
	const sb = String(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function rootValue(
	state: FakeState,
	p: ProcessRecord,
	key: string,
): { value: unknown; user?: UserRecord } {
	switch (key) {
		case 'status':
			return { value: p.status };
		case 'state':
			return { value: p.state };
		case 'id':
			return { value: p.id };
		case 'createdAt':
			return { value: p.createdAt };
		case 'updatedAt':
			return { value: p.updatedAt };
		case 'assignedTo': {
			const u = p.assignedTo ? state.users.get(p.assignedTo) : undefined;
			return { value: u ? u.username : p.assignedTo, user: u };
		}
		default:
			return { value: p.data[key] };
	}
}

function operand(key: string, v: unknown): unknown {
	if (key === 'createdAt' || key === 'updatedAt') {
		if (typeof v !== 'string' || Number.isNaN(Date.parse(v)))
			throw chakraError(400, `${key} filter values must be ISO-8601 strings`);
		return Date.parse(v);
	}
	return v;
}

function eq(key: string, value: unknown, user: UserRecord | undefined, rhs: unknown): boolean {
	if (key === 'assignedTo' && user && rhs === user.id) return true;
	if (value === undefined || value === null) return rhs === null;
	if (rhs === null) return false;
	return value === rhs || String(value) === String(rhs);
}

function matchesWhere(state: FakeState, p: ProcessRecord, where: unknown): boolean {
	if (!isObj(where)) throw chakraError(400, 'where must be an object');
	for (const [key, rhs] of Object.entries(where)) {
		if (key === 'and' || key === 'or') {
			if (!Array.isArray(rhs) || rhs.some((q) => !isObj(q)))
				throw chakraError(400, `${key} must be an array of query objects`);
			const results = rhs.map((q) => matchesWhere(state, p, q));
			if (key === 'and' ? !results.every(Boolean) : rhs.length > 0 && !results.some(Boolean))
				return false;
			continue;
		}
		const { value, user } = rootValue(state, p, key);
		if (Array.isArray(rhs)) {
			if (!rhs.some((x) => eq(key, value, user, operand(key, x)))) return false;
		} else if (isObj(rhs)) {
			for (const [op, raw] of Object.entries(rhs)) {
				if (!OPS.includes(op)) throw chakraError(400, `Unknown operator '${op}' for ${key}`);
				const x = operand(key, raw);
				if (op === '=') {
					if (!eq(key, value, user, x)) return false;
					continue;
				}
				if (op === '!=') {
					if (eq(key, value, user, x)) return false;
					continue;
				}
				const c = cmp(value, x);
				if (c === undefined) return false;
				if (
					(op === '>' && !(c > 0)) ||
					(op === '>=' && !(c >= 0)) ||
					(op === '<' && !(c < 0)) ||
					(op === '<=' && !(c <= 0))
				)
					return false;
			}
		} else if (!eq(key, value, user, operand(key, rhs))) {
			return false;
		}
	}
	return true;
}

// ---------- bulk jobs ----------

function newJob(
	ctx: Ctx,
	kind: BackgroundJobRecord['kind'],
	procShortId: string,
	items: unknown[],
): BackgroundJobRecord {
	const t = now();
	const id = randomUUID();
	const entries: JobEntry[] = items.map((input, index) => ({
		id: randomUUID(),
		backgroundJob: id,
		index,
		createdAt: t,
		updatedAt: t,
		completionStatus: isObj(input) ? 'NOT_STARTED' : 'INVALID',
		input: (input ?? null) as Json,
		errorMessage: isObj(input) ? null : 'Entry must be a JSON object',
		process: null,
	}));
	const job: BackgroundJobRecord = {
		id,
		createdAt: t,
		updatedAt: t,
		completionStatus: 'IN_PROGRESS',
		statusMessage: null,
		startedAt: t,
		completedAt: 0,
		team: FAKE_IDS.teamId,
		type: BULK_JOB_TYPE,
		kind,
		procedureShortId: procShortId,
		pollsLeft: Math.max(0, ctx.state.settings.bulkJobInProgressPolls),
		entries,
	};
	ctx.state.backgroundJobs.set(id, job);
	return job;
}

function jobOut(job: BackgroundJobRecord, type: string): JsonObject {
	return {
		id: job.id,
		createdAt: job.createdAt,
		updatedAt: job.updatedAt,
		completionStatus: job.completionStatus,
		statusMessage: job.statusMessage,
		startedAt: job.startedAt,
		completedAt: job.completedAt,
		team: job.team,
		type,
	};
}

function errMsg(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/** Applies every NOT_STARTED entry to state and marks the job COMPLETED. */
export function completeJob(state: FakeState, job: BackgroundJobRecord): void {
	if (job.completionStatus !== 'IN_PROGRESS') return;
	const proc = state.config.procedures.find((p) => p.shortId === job.procedureShortId);
	const t = now();
	for (const e of job.entries) {
		if (e.completionStatus !== 'NOT_STARTED') continue;
		e.updatedAt = t;
		try {
			if (!proc) throw new Error(`Procedure not found: ${job.procedureShortId}`);
			const item = e.input as Record<string, unknown>;
			if (job.kind === 'bulk-create') {
				e.process = createProcess(state, proc, item).id;
			} else {
				let p: ProcessRecord | undefined;
				if (typeof item.id === 'string') p = processMap(state, proc.shortId).get(item.id);
				else if (item[proc.primaryKeyShortId] !== undefined)
					p = findByPk(state, proc, String(item[proc.primaryKeyShortId]));
				else throw new Error(`Missing identifier: send id or ${proc.primaryKeyShortId}`);
				if (!p)
					throw new Error(`Process not found: ${String(item.id ?? item[proc.primaryKeyShortId])}`);
				if (!isObj(item.update)) throw new Error('update must be an object');
				if (item.update.isDeleted === true) processMap(state, proc.shortId).delete(p.id);
				else updateProcess(state, proc, p, item.update);
				e.process = p.id;
			}
			e.completionStatus = 'SUCCESS';
		} catch (err) {
			e.completionStatus = 'ERROR';
			e.errorMessage = errMsg(err);
		}
	}
	job.completionStatus = 'COMPLETED';
	job.completedAt = Math.max(t, job.startedAt + 1);
	job.updatedAt = job.completedAt;
}

function jobCounts(job: BackgroundJobRecord): Record<string, number> {
	const counts: Record<string, number> = { INVALID: 0, NOT_STARTED: 0, SUCCESS: 0, ERROR: 0 };
	for (const e of job.entries) counts[e.completionStatus]++;
	return counts;
}

function jobById(ctx: Ctx): BackgroundJobRecord {
	const job = ctx.state.backgroundJobs.get(ctx.params.backgroundJobId);
	if (!job) throw chakraError(404, `Background job not found: ${ctx.params.backgroundJobId}`);
	return job;
}

// ---------- groups ----------

function groupById(ctx: Ctx): GroupRecord {
	const g = ctx.state.groups.get(ctx.params.groupId);
	if (!g) throw metaNotFound(ctx.params.groupId);
	return g;
}

// Meta counts characters (code points): an emoji is one.
function checkSubjectDescription(b: Record<string, unknown>, subjectRequired: boolean): void {
	if (subjectRequired) reqStr(b, 'subject');
	const subject = optStr(b, 'subject');
	const description = optStr(b, 'description');
	if (subject !== undefined && [...subject].length > 128)
		throw badRequest('(#100) Param subject must be at most 128 characters');
	if (description !== undefined && [...description].length > 2048)
		throw badRequest('(#100) Param description must be at most 2048 characters');
}

function inviteLink(): string {
	return `https://chat.whatsapp.com/${randomBytes(11).toString('base64').replace(/[+/=]/g, 'Z')}`;
}

function joinRequestIds(b: Record<string, unknown>): string[] {
	requireMessagingProduct(b);
	const jr = b.join_requests;
	if (!Array.isArray(jr) || jr.length === 0 || jr.some((x) => typeof x !== 'string' || x === '')) {
		throw badRequest('(#100) Param join_requests must be a non-empty array of join request ids');
	}
	return jr as string[];
}

function joinRequestFailure(id: string): JsonObject {
	return {
		join_request_id: id,
		errors: [
			{
				code: 131009,
				message: 'Parameter value is not valid',
				title: 'Parameter value is not valid',
				error_data: { details: `No pending join request with id ${id}` },
			},
		],
	};
}

// ---------- calling ----------

const ENUM_KEYS = new Set(['status', 'call_icon_visibility', 'callback_permission_status']);

function lowerEnums(v: Json, includeSip: boolean): Json {
	if (Array.isArray(v)) return v.map((x) => lowerEnums(x, includeSip));
	if (v === null || typeof v !== 'object') return v;
	const out: JsonObject = {};
	for (const [k, x] of Object.entries(v)) {
		if (k === 'sip_user_password' && !includeSip) continue;
		if (ENUM_KEYS.has(k) && typeof x === 'string') {
			out[k] = x === 'DEFAULT' ? 'visible' : x.toLowerCase().replace(/ /g, '_');
		} else out[k] = lowerEnums(x, includeSip);
	}
	return out;
}

function deepMerge(target: JsonObject, src: JsonObject, replaceKeys: Set<string>): JsonObject {
	for (const [k, v] of Object.entries(src)) {
		const cur = target[k];
		if (!replaceKeys.has(k) && isObj(v) && isObj(cur))
			deepMerge(cur as JsonObject, v as JsonObject, replaceKeys);
		else target[k] = JSON.parse(JSON.stringify(v)) as Json;
	}
	return target;
}

function checkEnum(v: unknown, allowed: string[], label: string): void {
	if (v !== undefined && (typeof v !== 'string' || !allowed.includes(v))) {
		throw badRequest(`(#100) Param ${label} must be one of ${allowed.join(', ')}`);
	}
}

function validateCalling(c: unknown): void {
	if (c === undefined) return;
	if (!isObj(c)) throw badRequest('(#100) Param calling must be an object');
	checkEnum(c.status, ['ENABLED', 'DISABLED'], 'calling.status');
	checkEnum(c.call_icon_visibility, ['DEFAULT', 'DISABLE ALL'], 'calling.call_icon_visibility');
	checkEnum(
		c.callback_permission_status,
		['ENABLED', 'DISABLED'],
		'calling.callback_permission_status',
	);
	if (c.call_hours !== undefined) {
		const h = c.call_hours;
		if (!isObj(h)) throw badRequest('(#100) Param calling.call_hours must be an object');
		checkEnum(h.status, ['ENABLED', 'DISABLED'], 'calling.call_hours.status');
		const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
		const hhmm = /^([01]\d|2[0-3])[0-5]\d$/;
		if (h.weekly_operating_hours !== undefined) {
			if (!Array.isArray(h.weekly_operating_hours))
				throw badRequest('(#100) Param weekly_operating_hours must be an array');
			for (const w of h.weekly_operating_hours) {
				if (
					!isObj(w) ||
					!days.includes(w.day_of_week as string) ||
					!hhmm.test(String(w.open_time)) ||
					!hhmm.test(String(w.close_time))
				) {
					throw badRequest(
						'(#100) weekly_operating_hours entries need day_of_week (MONDAY..SUNDAY), open_time and close_time (HHMM)',
					);
				}
			}
		}
		if (h.holiday_schedule !== undefined) {
			if (!Array.isArray(h.holiday_schedule))
				throw badRequest('(#100) Param holiday_schedule must be an array');
			for (const d of h.holiday_schedule) {
				if (
					!isObj(d) ||
					!/^\d{4}-\d{2}-\d{2}$/.test(String(d.date)) ||
					!hhmm.test(String(d.start_time)) ||
					!hhmm.test(String(d.end_time))
				) {
					throw badRequest(
						'(#100) holiday_schedule entries need date (YYYY-MM-DD), start_time and end_time (HHMM)',
					);
				}
			}
		}
	}
	if (c.sip !== undefined) {
		if (!isObj(c.sip)) throw badRequest('(#100) Param calling.sip must be an object');
		checkEnum(c.sip.status, ['ENABLED', 'DISABLED'], 'calling.sip.status');
		if (
			c.sip.servers !== undefined &&
			(!Array.isArray(c.sip.servers) ||
				c.sip.servers.some((s) => !isObj(s) || typeof s.hostname !== 'string'))
		) {
			throw badRequest('(#100) Param calling.sip.servers must be an array of { hostname, port? }');
		}
	}
}

function session(b: Record<string, unknown>, sdpType: 'offer' | 'answer'): void {
	const s = b.session;
	if (!isObj(s) || s.sdp_type !== sdpType || typeof s.sdp !== 'string' || s.sdp === '') {
		throw badRequest(
			`(#100) Param session must be { sdp_type: "${sdpType}", sdp: "<SDP>" } for action ${String(b.action)}`,
		);
	}
}

// ---------- users / photos ----------

function humanize(state: FakeState, u: UserRecord): JsonObject {
	const role = (state.config.roles as JsonObject[]).find((x) => x.id === u.role);
	const team = state.config.team as JsonObject;
	return {
		...u,
		role: role ? (role.name as string) : (u.role as Json),
		team: team.id === u.team ? (team.name as string) : (u.team as Json),
		pods: (state.config.pods as JsonObject[]).map((p) => p.name as string),
		profile: null,
	};
}

function userById(ctx: Ctx): UserRecord {
	const u = ctx.state.users.get(ctx.params.userId);
	if (!u) throw chakraError(404, `User not found: ${ctx.params.userId}`);
	return u;
}

function storePhoto(ctx: Ctx, id: string): Reply {
	const mp = ctx.rec.multipart;
	if (!mp) throw chakraError(400, 'Expected a multipart/form-data body with a "photo" part');
	const file = mp.files.photo;
	if (!file) throw chakraError(400, 'Missing multipart file part "photo"');
	const filename = mp.fields.filename || file.filename.replace(/\.[^.]+$/, '');
	const ext = /\.([^.]+)$/.exec(file.filename)?.[1];
	const filetype = mp.fields.filetype || ext || (file.contentType.split('/')[1] ?? 'bin');
	const contentType =
		file.contentType !== 'application/octet-stream'
			? file.contentType
			: filetype === 'jpg'
				? 'image/jpeg'
				: `image/${filetype}`;
	const t = now();
	const existing = ctx.state.photos.get(id);
	const photo = {
		id,
		createdAt: existing ? existing.createdAt : t,
		updatedAt: t,
		filetype,
		filename,
		height: null,
		width: null,
		isPublic: false as const,
		team: FAKE_IDS.teamId,
		user: null,
		data: Buffer.from(file.data),
		contentType,
	};
	ctx.state.photos.set(id, photo);
	const { data: _d, contentType: _c, ...out } = photo;
	void _d;
	void _c;
	return data(out);
}

function chatMessagesPage(
	ctx: Ctx,
	filter: (e: { chatId: string | null; customerPhoneNumber: string }) => boolean,
): Reply {
	const b = bodyObj(ctx, true);
	const page = intField(b, 'page', 1, 1, 1_000_000);
	const limit = intField(b, 'limit', 10, 1, 1000);
	const all = ctx.state.chatMessages
		.filter(filter)
		.map((e) => e.message)
		.sort((a, b2) => (b2.createdAt as number) - (a.createdAt as number));
	return data(all.slice((page - 1) * limit, page * limit), { total: all.length });
}

function digits(v: string, label: string): string {
	if (!DIGITS_RE.test(v))
		throw chakraError(400, `${label} must contain digits only (country code first, no +)`);
	return v;
}

// ---------- handlers ----------

export const H: Record<string, Handler> = {
	c1(ctx) {
		const proc = procedureOf(ctx, ctx.params.procedureShortId);
		const key = ctx.params.primaryKeyOrId;
		const p = processMap(ctx.state, proc.shortId).get(key) ?? findByPk(ctx.state, proc, key);
		if (!p) {
			checkPlugin(ctx, ctx.params.pluginId);
			throw chakraError(404, `Process not found: ${key}`);
		}
		const phone = p.data.phone_number;
		if (typeof phone !== 'string' && typeof phone !== 'number') {
			checkPlugin(ctx, ctx.params.pluginId);
			throw chakraError(400, `Process ${key} has no phone number`);
		}
		return sendChakraTemplate(ctx, 'C1', String(phone), p);
	},
	c2(ctx) {
		const phone = ctx.params.phoneNumber;
		checkPlugin(ctx, ctx.params.pluginId);
		digits(phone, 'phoneNumber');
		return sendChakraTemplate(ctx, 'C2', phone, undefined);
	},
	c4(ctx) {
		checkVersion(ctx);
		const pluginId = ctx.params.pluginId;
		checkPlugin(ctx, pluginId);
		const phoneNumberId = ctx.params.whatsappPhoneNumberId;
		const wabaId = checkPluginPhone(ctx, pluginId, phoneNumberId);
		const b = bodyObj(ctx);
		requireMessagingProduct(b);
		if (b.status !== undefined) {
			if (b.status !== 'read') throw badRequest('(#100) Param status must be "read"');
			reqStr(b, 'message_id');
			if (
				b.typing_indicator !== undefined &&
				(!isObj(b.typing_indicator) || b.typing_indicator.type !== 'text')
			) {
				throw badRequest('(#100) Param typing_indicator must be { "type": "text" }');
			}
			ctx.state.sentMessages.push({
				cid: 'C4',
				pluginId,
				whatsappPhoneNumberId: phoneNumberId,
				to: '',
				type: 'read',
				whatsappMessageId: b.message_id as string,
				body: ctx.body,
				createdAt: now(),
			});
			return data({ success: true });
		}
		const to = reqStr(b, 'to');
		const type = reqStr(b, 'type');
		const types = [
			'text',
			'image',
			'video',
			'audio',
			'document',
			'sticker',
			'location',
			'contacts',
			'interactive',
			'template',
			'reaction',
		];
		if (!types.includes(type))
			throw badRequest(`(#100) Param type must be one of ${types.join(', ')}`);
		if (
			b.recipient_type !== undefined &&
			b.recipient_type !== 'individual' &&
			b.recipient_type !== 'group'
		) {
			throw badRequest('(#100) Param recipient_type must be "individual" or "group"');
		}
		const obj = b[type];
		if (type === 'contacts') {
			if (!Array.isArray(obj) || obj.length === 0)
				throw badRequest('(#100) Param contacts must be a non-empty array');
		} else if (!isObj(obj)) {
			throw badRequest(`(#100) The parameter ${type} is required for type ${type}`);
		} else if (type === 'text') {
			if (typeof obj.body !== 'string' || obj.body === '')
				throw badRequest('(#100) Param text.body is required');
		} else if (['image', 'video', 'audio', 'document', 'sticker'].includes(type)) {
			if (typeof obj.link !== 'string' && typeof obj.id !== 'string')
				throw badRequest(`(#100) Param ${type} needs link or id`);
		} else if (type === 'location') {
			if (typeof obj.latitude !== 'number' || typeof obj.longitude !== 'number')
				throw badRequest('(#100) Param location needs numeric latitude and longitude');
		} else if (type === 'reaction') {
			if (typeof obj.message_id !== 'string')
				throw badRequest('(#100) Param reaction.message_id is required');
		} else if (type === 'interactive') {
			if (typeof obj.type !== 'string' || !isObj(obj.action))
				throw badRequest('(#100) Param interactive needs type and action');
		} else if (type === 'template') {
			const name = typeof obj.name === 'string' ? obj.name : '';
			const lang =
				isObj(obj.language) && typeof obj.language.code === 'string' ? obj.language.code : '';
			if (!name || !lang) throw badRequest('(#100) Param template needs name and language.code');
			if (obj.components !== undefined && !Array.isArray(obj.components))
				throw badRequest('(#100) Param template.components must be an array');
			if (!findTemplate(ctx.state, wabaId, name, lang)) throw templateNotFound(name, lang, 'meta');
		}
		const id = wamid();
		ctx.state.sentMessages.push({
			cid: type === 'template' ? 'C3' : 'C4',
			pluginId,
			whatsappPhoneNumberId: phoneNumberId,
			to,
			type,
			templateName:
				type === 'template' ? ((obj as Record<string, unknown>).name as string) : undefined,
			whatsappMessageId: id,
			body: ctx.body,
			createdAt: now(),
		});
		return data({ whatsappMessageId: id });
	},
	c6(ctx) {
		checkVersion(ctx);
		const wabaId = ctx.params.wabaId;
		if (!ctx.state.wabas.has(wabaId)) throw metaNotFound(wabaId);
		const b = bodyObj(ctx);
		const name = reqStr(b, 'name');
		if (!/^[a-z0-9_]{1,512}$/.test(name))
			throw badRequest(
				'(#100) Param name must contain only lowercase letters, digits and underscores',
			);
		const language = reqStr(b, 'language');
		const category = reqStr(b, 'category');
		checkEnum(category, ['MARKETING', 'UTILITY', 'AUTHENTICATION'], 'category');
		if (
			!Array.isArray(b.components) ||
			b.components.length === 0 ||
			b.components.some((c) => !isObj(c) || typeof c.type !== 'string')
		) {
			throw badRequest('(#100) Param components must be a non-empty array of objects with a type');
		}
		checkEnum(b.parameter_format, ['NAMED', 'POSITIONAL'], 'parameter_format');
		if (findTemplate(ctx.state, wabaId, name, language)) {
			throw badRequest(`Message template "${name}" already exists in ${language}`, {
				code: 100,
				error_subcode: 2388024,
			});
		}
		const id = String(
			1387372356800000 + ctx.state.templates.size + Math.floor(Math.random() * 1000) * 100,
		);
		const t: TemplateRecord = {
			id,
			wabaId,
			name,
			language,
			status: ctx.state.settings.newTemplateStatus,
			category,
			components: b.components as Json[],
		};
		if (b.parameter_format !== undefined)
			t.parameter_format = b.parameter_format as 'NAMED' | 'POSITIONAL';
		if (typeof b.message_send_ttl_seconds === 'number')
			t.message_send_ttl_seconds = b.message_send_ttl_seconds;
		ctx.state.templates.set(id, t);
		return json({ id, status: t.status, category });
	},
	c7(ctx) {
		checkVersion(ctx);
		const wabaId = ctx.params.wabaId;
		if (!ctx.state.wabas.has(wabaId)) throw metaNotFound(wabaId);
		const q = ctx.query;
		let list = [...ctx.state.templates.values()].filter((t) => t.wabaId === wabaId);
		if (q.name) list = list.filter((t) => t.name.toLowerCase().includes(q.name.toLowerCase()));
		if (q.status) {
			const s = q.status.toUpperCase().split(',');
			list = list.filter((t) => s.includes(t.status));
		}
		if (q.category) list = list.filter((t) => t.category === q.category.toUpperCase());
		if (q.language) list = list.filter((t) => t.language === q.language);
		const { page, paging } = cursorPage(ctx, list);
		const fields = q.fields
			? q.fields
					.split(',')
					.map((f) => f.trim())
					.filter(Boolean)
			: undefined;
		const out = page.map((t) => {
			const full = templateOut(t);
			if (!fields) return full;
			const proj: JsonObject = {};
			for (const f of fields) if (full[f] !== undefined) proj[f] = full[f];
			proj.id = t.id;
			return proj;
		});
		return json(paging ? { data: out, paging } : { data: out });
	},
	c8(ctx) {
		checkVersion(ctx);
		const t = ctx.state.templates.get(ctx.params.whatsappMessageTemplateId);
		if (!t) throw metaNotFound(ctx.params.whatsappMessageTemplateId);
		const b = bodyObj(ctx);
		const keys = ['components', 'category', 'message_send_ttl_seconds', 'parameter_format'];
		if (!keys.some((k) => b[k] !== undefined))
			throw badRequest(`(#100) At least one of ${keys.join(', ')} is required`);
		if (b.name !== undefined || b.language !== undefined)
			throw badRequest('(#100) name and language of a template cannot be changed');
		if (
			b.components !== undefined &&
			(!Array.isArray(b.components) || b.components.some((c) => !isObj(c)))
		) {
			throw badRequest('(#100) Param components must be an array of objects');
		}
		checkEnum(b.category, ['MARKETING', 'UTILITY', 'AUTHENTICATION'], 'category');
		checkEnum(b.parameter_format, ['NAMED', 'POSITIONAL'], 'parameter_format');
		if (b.components !== undefined) t.components = b.components as Json[];
		if (b.category !== undefined) t.category = b.category as string;
		if (b.parameter_format !== undefined)
			t.parameter_format = b.parameter_format as 'NAMED' | 'POSITIONAL';
		if (b.message_send_ttl_seconds !== undefined)
			t.message_send_ttl_seconds = b.message_send_ttl_seconds as number;
		return json({ success: true });
	},
	c9(ctx) {
		checkPlugin(ctx, ctx.params.pluginId);
		const mp = ctx.rec.multipart;
		if (!mp) throw chakraError(400, 'Expected a multipart/form-data body with a "file" part');
		const file = mp.files.file;
		if (!file) throw chakraError(400, 'Missing multipart file part "file"');
		const filename = mp.fields.filename || file.filename || 'file';
		const key = `${randomUUID()}/${filename}`;
		ctx.state.publicMedia.set(key, {
			key,
			data: Buffer.from(file.data),
			mimeType: file.contentType,
			filename,
		});
		return data({ publicMediaUrl: `${ctx.baseUrl}/public-media/${randomKeyPath(key)}` });
	},
	c10(ctx) {
		checkVersion(ctx);
		const m = ctx.state.media.get(ctx.params.whatsappMediaId);
		if (!m) throw metaNotFound(ctx.params.whatsappMediaId);
		if (m.redirect) {
			const base = m.redirect === 'same-host' ? ctx.baseUrl : ctx.otherHostBaseUrl;
			return { kind: 'redirect', location: `${base}/media-download/${encodeURIComponent(m.id)}` };
		}
		return {
			kind: 'binary',
			status: 200,
			data: m.data,
			contentType: m.mimeType,
			filename: m.filename,
		};
	},
	c11(ctx) {
		checkVersion(ctx);
		const m = ctx.state.media.get(ctx.params.whatsappMediaId);
		if (!m) throw metaNotFound(ctx.params.whatsappMediaId);
		return json({
			messaging_product: 'whatsapp',
			url: `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${encodeURIComponent(m.mid)}&ext=${Math.floor(m.data.length)}&hash=ATfake`,
			mime_type: m.mimeType,
			sha256: sha256Base64(m.data),
			file_size: m.data.length,
			id: m.id,
		});
	},
	c12(ctx) {
		checkVersion(ctx);
		const mid = ctx.query.mid;
		if (!mid) throw badRequest('(#100) The parameter mid is required');
		for (const m of ctx.state.media.values()) {
			if (m.mid === mid)
				return {
					kind: 'binary',
					status: 200,
					data: m.data,
					contentType: m.mimeType,
					filename: m.filename,
				};
		}
		throw metaNotFound(mid);
	},
	c13(ctx) {
		checkVersion(ctx);
		const id = metaPhone(ctx);
		const b = bodyObj(ctx);
		const key = reqStr(b, 'business_public_key');
		ctx.state.flowsKeys.set(id, {
			business_public_key: key,
			business_public_key_signature_status: key.includes('BEGIN PUBLIC KEY') ? 'VALID' : 'MISMATCH',
		});
		return json({ success: true });
	},
	c14(ctx) {
		checkVersion(ctx);
		const k = ctx.state.flowsKeys.get(metaPhone(ctx));
		return json({ data: k ? [{ ...k }] : [] });
	},
	c15(ctx) {
		checkVersion(ctx);
		const phoneNumberId = metaPhone(ctx);
		const b = bodyObj(ctx);
		requireMessagingProduct(b);
		checkSubjectDescription(b, true);
		checkEnum(b.join_approval_mode, ['auto_approve', 'approval_required'], 'join_approval_mode');
		const requestId = randomUUID();
		const id = `Y2FwaV9ncm91cDo${randomBytes(18).toString('hex').toUpperCase()}`;
		ctx.state.groups.set(id, {
			id,
			phoneNumberId,
			requestId,
			subject: b.subject as string,
			description: (b.description as string | undefined) ?? '',
			join_approval_mode:
				(b.join_approval_mode as GroupRecord['join_approval_mode'] | undefined) ?? 'auto_approve',
			suspended: false,
			creation_timestamp: Math.floor(now() / 1000),
			participants: [],
			invite_link: inviteLink(),
			joinRequests: [],
		});
		return json({ messaging_product: 'whatsapp', request_id: requestId });
	},
	c16(ctx) {
		checkVersion(ctx);
		const pn = metaPhone(ctx);
		const list = [...ctx.state.groups.values()]
			.filter((g) => g.phoneNumberId === pn)
			.map((g) => ({ id: g.id, subject: g.subject, created_at: String(g.creation_timestamp) }));
		const { page, paging } = cursorPage(ctx, list, 1024);
		return json(paging ? { data: { groups: page }, paging } : { data: { groups: page } });
	},
	c17(ctx) {
		checkVersion(ctx);
		const g = groupById(ctx);
		const all: JsonObject = {
			id: g.id,
			messaging_product: 'whatsapp',
			join_approval_mode: g.join_approval_mode,
			subject: g.subject,
			description: g.description,
			suspended: g.suspended,
			creation_timestamp: g.creation_timestamp,
			participants: g.participants.map((p) => ({ ...p })),
			total_participant_count: g.participants.length,
		};
		if (!ctx.query.fields) {
			const { participants: _p, ...rest } = all;
			void _p;
			return json(rest);
		}
		const out: JsonObject = { id: g.id, messaging_product: 'whatsapp' };
		for (const f of ctx.query.fields
			.split(',')
			.map((x) => x.trim())
			.filter(Boolean)) {
			if (!(f in all))
				throw badRequest(
					`(#100) Tried accessing nonexisting field (${f}) on node type (WhatsAppBusinessGroup)`,
				);
			out[f] = all[f];
		}
		return json(out);
	},
	c18(ctx) {
		checkVersion(ctx);
		const g = groupById(ctx);
		const b = bodyObj(ctx);
		requireMessagingProduct(b);
		checkSubjectDescription(b, false);
		if (typeof b.subject === 'string') g.subject = b.subject;
		if (typeof b.description === 'string') g.description = b.description;
		return json({ success: true });
	},
	c19(ctx) {
		checkVersion(ctx);
		const g = groupById(ctx);
		ctx.state.groups.delete(g.id);
		return json({ success: true });
	},
	c20(ctx) {
		checkVersion(ctx);
		return json({ messaging_product: 'whatsapp', invite_link: groupById(ctx).invite_link });
	},
	c21(ctx) {
		checkVersion(ctx);
		const g = groupById(ctx);
		requireMessagingProduct(bodyObj(ctx));
		g.invite_link = inviteLink();
		return json({ messaging_product: 'whatsapp', invite_link: g.invite_link });
	},
	c22(ctx) {
		checkVersion(ctx);
		const g = groupById(ctx);
		const { page, paging } = cursorPage(
			ctx,
			g.joinRequests.map((j) => ({ ...j })),
		);
		return json(paging ? { data: page, paging } : { data: page });
	},
	c23(ctx) {
		checkVersion(ctx);
		const g = groupById(ctx);
		const ids = joinRequestIds(bodyObj(ctx));
		const approved: string[] = [];
		const failed: JsonObject[] = [];
		for (const id of ids) {
			const i = g.joinRequests.findIndex((j) => j.join_request_id === id);
			if (i < 0) failed.push(joinRequestFailure(id));
			else {
				g.participants.push({ wa_id: g.joinRequests[i].wa_id });
				g.joinRequests.splice(i, 1);
				approved.push(id);
			}
		}
		return json({
			messaging_product: 'whatsapp',
			approved_join_requests: approved,
			failed_join_requests: failed,
		});
	},
	c24(ctx) {
		checkVersion(ctx);
		const g = groupById(ctx);
		const ids = joinRequestIds(bodyObj(ctx));
		const rejected: string[] = [];
		const failed: JsonObject[] = [];
		for (const id of ids) {
			const i = g.joinRequests.findIndex((j) => j.join_request_id === id);
			if (i < 0) failed.push(joinRequestFailure(id));
			else {
				g.joinRequests.splice(i, 1);
				rejected.push(id);
			}
		}
		return json({
			messaging_product: 'whatsapp',
			rejected_join_requests: rejected,
			failed_join_requests: failed,
		});
	},
	c25(ctx) {
		checkVersion(ctx);
		const g = groupById(ctx);
		const b = bodyObj(ctx);
		requireMessagingProduct(b);
		const ps = b.participants;
		if (
			!Array.isArray(ps) ||
			ps.length < 1 ||
			ps.length > 8 ||
			ps.some((p) => !isObj(p) || typeof p.user !== 'string' || p.user === '')
		) {
			throw badRequest(
				'(#100) Param participants must be an array of 1 to 8 { "user": "<phone or wa_id>" } objects',
			);
		}
		const removed: string[] = [];
		const failed: JsonObject[] = [];
		for (const p of ps as { user: string }[]) {
			const user = p.user.replace(/\D/g, '') || p.user;
			const i = g.participants.findIndex((x) => x.wa_id === user);
			if (i < 0) {
				failed.push({
					user: p.user,
					errors: [
						{
							code: 131009,
							message: 'Parameter value is not valid',
							title: 'Participant not in group',
							error_data: { details: `${p.user} is not a participant of group ${g.id}` },
						},
					],
				});
			} else {
				g.participants.splice(i, 1);
				removed.push(p.user);
			}
		}
		return json({
			messaging_product: 'whatsapp',
			removed_participants: removed,
			failed_participants: failed,
		});
	},
	c26(ctx) {
		const proc = procedureOf(ctx, 'lead');
		return data(createProcess(ctx.state, proc, bodyObj(ctx, true)));
	},
	c27(ctx) {
		const proc = procedureOf(ctx, 'lead');
		const phone = ctx.params.phoneNumber;
		const p = [...processMap(ctx.state, 'lead').values()].find(
			(x) => x.data.phone_number !== undefined && String(x.data.phone_number) === phone,
		);
		if (!p) throw chakraError(404, `Lead not found with phone_number ${phone}`);
		return data(updateProcess(ctx.state, proc, p, bodyObj(ctx)));
	},
	c28(ctx) {
		const b = bodyObj(ctx, true);
		const page = intField(b, 'page', 1, 1, 1_000_000);
		const limit = intField(b, 'limit', 10, 1, 1000);
		const search = optStr(b, 'search');
		const orderField = optStr(b, 'orderField') ?? 'createdAt';
		const orderDirection = optStr(b, 'orderDirection') ?? 'desc';
		if (orderDirection !== 'asc' && orderDirection !== 'desc')
			throw chakraError(400, 'orderDirection must be asc or desc');
		if (!ctx.state.chats.length || !(orderField in ctx.state.chats[0])) {
			if (ctx.state.chats.length) throw chakraError(400, `Unknown orderField: ${orderField}`);
		}
		let list = [...ctx.state.chats];
		if (search) {
			const s = search.toLowerCase();
			list = list.filter(
				(c) =>
					c.contactName.toLowerCase().includes(s) ||
					c.contactPhoneNumber.includes(s) ||
					c.id === search,
			);
		}
		const key = orderField as keyof (typeof list)[number];
		list.sort((a, b2) => {
			const c = cmp(a[key], b2[key]) ?? 0;
			return orderDirection === 'asc' ? c : -c;
		});
		return data(list.slice((page - 1) * limit, page * limit), { total: list.length });
	},
	c29(ctx) {
		const chatId = ctx.params.chatId;
		if (!ctx.state.chats.some((c) => c.id === chatId))
			throw chakraError(404, `Chat not found: ${chatId}`);
		return chatMessagesPage(ctx, (e) => e.chatId === chatId);
	},
	c30(ctx) {
		const b = bodyObj(ctx);
		const phone = b.customerPhoneNumber;
		if (typeof phone !== 'string' || phone === '')
			throw chakraError(400, 'customerPhoneNumber is required');
		digits(phone, 'customerPhoneNumber');
		return chatMessagesPage(ctx, (e) => e.customerPhoneNumber === phone);
	},
	c31(ctx) {
		const c = ctx.state.campaigns.get(ctx.params.campaignId);
		const b = bodyObj(ctx);
		if (typeof b.phoneNumber !== 'string' || b.phoneNumber === '')
			throw chakraError(400, 'phoneNumber is required');
		digits(b.phoneNumber, 'phoneNumber');
		if (!c) throw chakraError(404, `Campaign not found: ${ctx.params.campaignId}`);
		const added = !c.phoneNumbers.includes(b.phoneNumber);
		if (added) c.phoneNumbers.push(b.phoneNumber);
		return data({ success: true, campaignId: c.id, phoneNumber: b.phoneNumber, added });
	},
	c32(ctx) {
		const c = ctx.state.campaigns.get(ctx.params.campaignId);
		const b = bodyObj(ctx);
		if (typeof b.phoneNumber !== 'string' || b.phoneNumber === '')
			throw chakraError(400, 'phoneNumber is required');
		digits(b.phoneNumber, 'phoneNumber');
		if (!c) throw chakraError(404, `Campaign not found: ${ctx.params.campaignId}`);
		const i = c.phoneNumbers.indexOf(b.phoneNumber);
		if (i >= 0) c.phoneNumbers.splice(i, 1);
		return data({ success: true, campaignId: c.id, phoneNumber: b.phoneNumber, removed: i >= 0 });
	},
	c33(ctx) {
		checkVersion(ctx);
		const s = ctx.state.callingSettings.get(metaPhone(ctx)) ?? {};
		return json(lowerEnums(s, ctx.query.include_sip_credentials === 'true'));
	},
	c34(ctx) {
		checkVersion(ctx);
		const id = metaPhone(ctx);
		const b = bodyObj(ctx);
		if (Object.keys(b).length === 0)
			throw badRequest('(#100) The request body must contain settings to update (e.g. calling)');
		validateCalling(b.calling);
		const cur = ctx.state.callingSettings.get(id) ?? {};
		ctx.state.callingSettings.set(id, deepMerge(cur, b as JsonObject, new Set(['call_hours'])));
		return json({ success: true });
	},
	c35(ctx) {
		checkVersion(ctx);
		metaPhone(ctx);
		const user = ctx.query.user_wa_id || ctx.query.recipient;
		if (!user) throw badRequest('(#100) One of the parameters user_wa_id or recipient is required');
		const perm = ctx.state.callPermissions.get(user) ?? { status: 'no_permission' };
		const canCall = perm.status !== 'no_permission';
		return json({
			messaging_product: 'whatsapp',
			permission: { ...perm },
			actions: [
				{
					action_name: 'send_call_permission_request',
					can_perform_action: !canCall,
					limits: [
						{ time_period: 'PT24H', max_allowed: 1, current_usage: 0 },
						{ time_period: 'P7D', max_allowed: 2, current_usage: canCall ? 1 : 0 },
					],
				},
				{
					action_name: 'start_call',
					can_perform_action: canCall,
					limits: [{ time_period: 'PT24H', max_allowed: 5, current_usage: 0 }],
				},
			],
		});
	},
	c36(ctx) {
		checkVersion(ctx);
		const phoneNumberId = metaPhone(ctx);
		const b = bodyObj(ctx);
		requireMessagingProduct(b);
		const actions = ['connect', 'pre_accept', 'accept', 'reject', 'terminate'];
		if (typeof b.action !== 'string' || !actions.includes(b.action))
			throw badRequest(`(#100) Param action must be one of ${actions.join(', ')}`);
		if (b.action === 'connect') {
			const to =
				(typeof b.to === 'string' && b.to) ||
				(typeof b.recipient === 'string' && b.recipient) ||
				'';
			if (!to) throw badRequest('(#100) Param to (or recipient) is required for action connect');
			session(b, 'offer');
			const perm = ctx.state.callPermissions.get(to);
			if (!perm || perm.status === 'no_permission') {
				throw badRequest('No approved call permission from the recipient', {
					code: 138006,
					details: `User ${to} has not granted call permission`,
				});
			}
			const id = `wacid.${randomBytes(24).toString('base64')}`;
			ctx.state.calls.set(id, {
				id,
				phoneNumberId,
				peer: to,
				direction: 'BUSINESS_INITIATED',
				status: 'RINGING',
			});
			return json({ messaging_product: 'whatsapp', calls: [{ id }] });
		}
		const callId = reqStr(b, 'call_id');
		if (b.action === 'pre_accept' || b.action === 'accept') session(b, 'answer');
		const call = ctx.state.calls.get(callId);
		if (!call)
			throw badRequest(`Call not found: ${callId}`, {
				code: 100,
				error_subcode: 33,
				details: 'The call id does not exist or the call has already ended',
			});
		call.status = (
			{
				pre_accept: 'PRE_ACCEPTED',
				accept: 'ACCEPTED',
				reject: 'REJECTED',
				terminate: 'TERMINATED',
			} as const
		)[b.action as 'pre_accept' | 'accept' | 'reject' | 'terminate'];
		return json({ messaging_product: 'whatsapp', success: true });
	},
	c37(ctx) {
		const b = bodyObj(ctx);
		const pluginId = optStr(b, 'pluginId');
		const newPluginName = optStr(b, 'newPluginName');
		for (const k of ['clientReferenceId', 'clientName', 'clientEmail']) optStr(b, k);
		if (!pluginId && !newPluginName)
			throw chakraError(400, 'One of pluginId or newPluginName is required');
		if (pluginId) checkPlugin(ctx, pluginId);
		const token = `ct_${randomBytes(24).toString('hex')}`;
		ctx.state.connectTokens.push({ token, body: b as JsonObject });
		return data({ connectToken: token });
	},
	c38(ctx) {
		const plugin = ctx.state.plugins.get(ctx.params.pluginId);
		if (!plugin) throw chakraError(400, `Plugin not found: ${ctx.params.pluginId}`);
		const b = bodyObj(ctx);
		for (const k of ['passThroughWebhookUrl', 'chakraWebhookUrl']) {
			if (b[k] !== undefined && b[k] !== null && typeof b[k] !== 'string')
				throw chakraError(400, `${k} must be a string`);
		}
		for (const k of [
			'enableMessageEchoesForPassThroughWebhook',
			'enableSendMessageTemplateEventForPassThroughWebhook',
			'enableChakraWebhook',
		]) {
			if (b[k] !== undefined && typeof b[k] !== 'boolean')
				throw chakraError(400, `${k} must be a boolean`);
		}
		const ev = b.whichChakraWebhookEventsToSend;
		const allowed = ['message', 'status', 'message_echo', 'smb_message_echo'];
		if (
			ev !== undefined &&
			(!Array.isArray(ev) || ev.some((e) => typeof e !== 'string' || !allowed.includes(e)))
		) {
			throw chakraError(
				400,
				`whichChakraWebhookEventsToSend must be an array of ${allowed.join(', ')}`,
			);
		}
		Object.assign(plugin.config, JSON.parse(JSON.stringify(b)) as JsonObject);
		return data({ success: true });
	},
	c39(ctx) {
		const plugin = ctx.state.plugins.get(ctx.params.pluginId);
		if (!plugin) throw chakraError(400, `Plugin not found: ${ctx.params.pluginId}`);
		return data(JSON.parse(JSON.stringify(plugin.config)));
	},
	c40(ctx) {
		const plugin = ctx.state.plugins.get(ctx.params.pluginId);
		if (!plugin) throw chakraError(400, `Plugin not found: ${ctx.params.pluginId}`);
		const b = bodyObj(ctx);
		if (typeof b.wabaId !== 'string' || b.wabaId === '')
			throw chakraError(400, 'wabaId is required');
		if (!plugin.wabaIds.includes(b.wabaId))
			throw chakraError(400, `WABA ${b.wabaId} is not connected to plugin ${plugin.id}`);
		plugin.wabaIds = plugin.wabaIds.filter((w) => w !== b.wabaId);
		const waba = ctx.state.wabas.get(b.wabaId);
		if (waba) waba.chakraStatus = 'DISCONNECTED';
		return data({ success: true });
	},
	c41(ctx) {
		const proc = procedureOf(ctx, ctx.params.procedureShortId);
		return data(processById(ctx, proc, ctx.params.processId));
	},
	c42(ctx) {
		const proc = procedureOf(ctx, ctx.params.procedureShortId);
		const b = bodyObj(ctx, true);
		const skip = b.skip ?? 0;
		const limit = b.limit ?? 10;
		if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0)
			throw chakraError(400, 'skip must be a non-negative integer');
		if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
			throw chakraError(400, 'limit must be a positive integer');
		if (limit > 100) throw chakraError(400, 'limit must be less than or equal to 100');
		let list = [...processMap(ctx.state, proc.shortId).values()];
		if (b.where !== undefined) list = list.filter((p) => matchesWhere(ctx.state, p, b.where));
		return data(list.slice(skip, skip + limit), { hasMore: skip + limit < list.length });
	},
	c43(ctx) {
		const proc = procedureOf(ctx, ctx.params.procedureShortId);
		return data(createProcess(ctx.state, proc, bodyObj(ctx, true)));
	},
	c44(ctx) {
		const proc = procedureOf(ctx, ctx.params.procedureShortId);
		const p = processById(ctx, proc, ctx.params.processId);
		return data(updateProcess(ctx.state, proc, p, bodyObj(ctx)));
	},
	c45(ctx) {
		const { proc, p } = processByPkPath(ctx);
		return data(updateProcess(ctx.state, proc, p, bodyObj(ctx)));
	},
	c46(ctx) {
		const proc = procedureOf(ctx, ctx.params.procedureShortId);
		const p = processById(ctx, proc, ctx.params.processId);
		processMap(ctx.state, proc.shortId).delete(p.id);
		return data(p);
	},
	c47(ctx) {
		const { proc, p } = processByPkPath(ctx);
		processMap(ctx.state, proc.shortId).delete(p.id);
		return data(p);
	},
	c48(ctx) {
		const proc = procedureOf(ctx, ctx.params.procedureShortId);
		if (!Array.isArray(ctx.body)) throw chakraError(400, 'Body must be a JSON array of processes');
		if (ctx.body.length === 0) throw chakraError(400, 'Body must contain at least one process');
		return data(jobOut(newJob(ctx, 'bulk-create', proc.shortId, ctx.body), BULK_JOB_TYPE));
	},
	c49(ctx) {
		const proc = procedureOf(ctx, ctx.params.procedureShortId);
		const b = bodyObj(ctx);
		if (!Array.isArray(b.processes) || b.processes.length === 0)
			throw chakraError(400, 'processes must be a non-empty array');
		return data(jobOut(newJob(ctx, 'bulk-update', proc.shortId, b.processes), BULK_JOB_TYPE));
	},
	c50(ctx) {
		const proc = procedureOf(ctx, ctx.params.procedureShortId);
		const key = ctx.params.processIdOrPrimaryKey;
		const p = processMap(ctx.state, proc.shortId).get(key) ?? findByPk(ctx.state, proc, key);
		if (!p) throw chakraError(404, `Process not found: ${key}`);
		const st = ctx.state.config.stateTasks.find(
			(s) => s.shortId === ctx.params.stateTaskShortId && s.procedure === proc.id,
		);
		if (!st)
			throw chakraError(
				400,
				`Unknown task ${ctx.params.stateTaskShortId} for procedure ${proc.shortId}`,
			);
		const b = bodyObj(ctx, true);
		if (b.data !== undefined && !isObj(b.data)) throw chakraError(400, 'data must be an object');
		const status = b.status ?? 'OPEN';
		if (typeof status !== 'string' || !STATUSES.includes(status))
			throw chakraError(400, `status must be one of ${STATUSES.join(', ')}`);
		const t = now();
		const task = {
			id: randomUUID(),
			createdAt: t,
			updatedAt: t,
			process: p.id,
			procedure: proc.id,
			stateTask: st.id as string,
			status,
			data: (b.data as JsonObject | undefined) ?? {},
			assignedTo: b.assignedTo === undefined ? null : resolveUser(ctx.state, b.assignedTo),
			team: FAKE_IDS.teamId,
		};
		ctx.state.tasks.push(task);
		return data(task);
	},
	c51(ctx) {
		return data([...ctx.state.users.values()]);
	},
	c52(ctx) {
		return data([...ctx.state.users.values()].map((u) => humanize(ctx.state, u)));
	},
	c53(ctx) {
		return data(userById(ctx));
	},
	c54(ctx) {
		return data(humanize(ctx.state, userById(ctx)));
	},
	c55(ctx) {
		const u = userById(ctx);
		const b = bodyObj(ctx);
		if (b.firstName === undefined && b.lastName === undefined)
			throw chakraError(400, 'firstName or lastName is required');
		for (const k of ['firstName', 'lastName'])
			if (b[k] !== undefined && typeof b[k] !== 'string')
				throw chakraError(400, `${k} must be a string`);
		if (typeof b.firstName === 'string') u.firstName = b.firstName;
		if (typeof b.lastName === 'string') u.lastName = b.lastName;
		u.updatedAt = now();
		return data(u);
	},
	c56(ctx) {
		const p = ctx.state.photos.get(ctx.params.photoId);
		if (!p) throw chakraError(404, `Photo not found: ${ctx.params.photoId}`);
		return {
			kind: 'binary',
			status: 200,
			data: p.data,
			contentType: p.contentType,
			filename: `${p.filename}.${p.filetype}`,
		};
	},
	c57(ctx) {
		return storePhoto(ctx, randomUUID());
	},
	c58(ctx) {
		if (!UUID_RE.test(ctx.params.photoId))
			throw chakraError(400, `photoId must be a valid UUID: ${ctx.params.photoId}`);
		return storePhoto(ctx, ctx.params.photoId.toLowerCase());
	},
	c59(ctx) {
		const job = jobById(ctx);
		if (job.completionStatus === 'IN_PROGRESS') {
			if (job.pollsLeft > 0) job.pollsLeft--;
			else completeJob(ctx.state, job);
		}
		return data(jobOut(job, 'bulk_api_job'), { bjEntryCompletionStatusVsCount: jobCounts(job) });
	},
	c60(ctx) {
		const job = jobById(ctx);
		const size = Math.max(1, ctx.state.settings.jobEntriesPageSize);
		const page = ctx.query.page === undefined ? 1 : Number(ctx.query.page);
		if (!Number.isInteger(page) || page < 1)
			throw chakraError(400, 'page must be a positive integer');
		const entries = job.entries.slice((page - 1) * size, page * size).map((e) => ({ ...e }));
		const meta: JsonObject = { total: job.entries.length };
		if (page * size < job.entries.length)
			meta.next = `/v1/ext/background-job/${encodeURIComponent(job.id)}/entries?page=${page + 1}`;
		return data(entries, meta);
	},
	c61(ctx) {
		return data(ctx.state.config);
	},
	c62() {
		return data({ status: 'ok' });
	},
	c63(ctx) {
		return data(
			[...ctx.state.phoneNumbers.values()].map((p) => ({
				...p,
				plugin: ctx.state.wabas.get(p.waba)?.pluginId ?? null,
			})),
		);
	},
	c64(ctx) {
		const pluginId = ctx.query.pluginId;
		if (!pluginId) throw chakraError(400, 'pluginId query parameter is required');
		const plugin = ctx.state.plugins.get(pluginId);
		if (!plugin) throw chakraError(400, `Plugin not found: ${pluginId}`);
		return data(
			[...ctx.state.wabas.values()]
				.filter((w) => w.pluginId === pluginId)
				.map((w) => ({
					id: w.id,
					name: w.name,
					chakraStatus: plugin.wabaIds.includes(w.id) ? w.chakraStatus : 'DISCONNECTED',
				})),
		);
	},
};

/** '<uuid>/<filename>' -> URL path with the filename percent-encoded. */
export function randomKeyPath(key: string): string {
	const i = key.indexOf('/');
	return `${key.slice(0, i)}/${encodeURIComponent(key.slice(i + 1))}`;
}
