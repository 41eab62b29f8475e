import { randomBytes } from 'node:crypto';

export type ErrorShape = 'chakra' | 'meta';

export interface ApiErrorOptions {
	/** Force a shape; default: the route's error shape. */
	shape?: ErrorShape;
	/** Meta error code (default 100). */
	code?: number;
	error_subcode?: number;
	details?: string;
	type?: string;
}

/** Thrown by handlers; rendered by the server in the route's error shape. */
export class ApiError extends Error {
	constructor(
		public readonly status: number,
		message: string,
		public readonly options: ApiErrorOptions = {},
	) {
		super(message);
	}
}

export function fbtraceId(): string {
	return `A${randomBytes(12).toString('base64').replace(/[+/=]/g, 'x')}`;
}

export function chakraErrorBody(message: string): { _errors: string[] } {
	return { _errors: [message] };
}

export interface MetaErrorBody {
	error: {
		message: string;
		type: string;
		code: number;
		error_subcode?: number;
		error_data?: { messaging_product: 'whatsapp'; details: string };
		fbtrace_id: string;
	};
}

export function metaErrorBody(spec: {
	message: string;
	code?: number;
	type?: string;
	error_subcode?: number;
	details?: string;
	fbtrace_id?: string;
}): MetaErrorBody {
	const error: MetaErrorBody['error'] = {
		message: spec.message,
		type: spec.type ?? 'OAuthException',
		code: spec.code ?? 100,
		fbtrace_id: spec.fbtrace_id ?? fbtraceId(),
	};
	if (spec.error_subcode !== undefined) error.error_subcode = spec.error_subcode;
	if (spec.details !== undefined)
		error.error_data = { messaging_product: 'whatsapp', details: spec.details };
	return { error };
}

export function renderError(err: ApiError, routeShape: ErrorShape): unknown {
	const shape = err.options.shape ?? routeShape;
	if (shape === 'meta') {
		return metaErrorBody({
			message: err.message,
			code: err.options.code,
			type: err.options.type,
			error_subcode: err.options.error_subcode,
			details: err.options.details,
		});
	}
	return chakraErrorBody(err.message);
}

/** 400 with a Meta "(#100)" parameter error (or _errors on chakra routes). */
export function badRequest(message: string, options: ApiErrorOptions = {}): ApiError {
	return new ApiError(400, message, options);
}

/** Meta's "object does not exist" error: HTTP 400, code 100, subcode 33. */
export function metaNotFound(id: string): ApiError {
	return new ApiError(
		400,
		`Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
		{ shape: 'meta', code: 100, error_subcode: 33, type: 'GraphMethodException' },
	);
}

export function chakraError(status: number, message: string): ApiError {
	return new ApiError(status, message, { shape: 'chakra' });
}
