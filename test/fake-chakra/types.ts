/** Public types of the fake ChakraHQ server (see README.md). */
import type { ThroughputOptions } from './throughput';

export interface MultipartFile {
	filename: string;
	contentType: string;
	data: Buffer;
}

export interface MultipartBody {
	fields: Record<string, string>;
	files: Record<string, MultipartFile>;
}

export interface RecordedRequest {
	/** 'C1'..'C64' matched route id; undefined if no route matched (404, 405, public helper paths). */
	cid: string | undefined;
	/**
	 * Other C-ids this request also counts for in `requestsFor()`:
	 * C4 -> ['C5'] (same endpoint), C26 -> ['C43'], C27 -> ['C45'].
	 */
	alsoMatches: string[];
	method: string;
	/** Raw pathname as received (not decoded), without the query string. */
	path: string;
	/** Decoded path params, named as in docs/api-reference.md. */
	params: Record<string, string>;
	/** Decoded query params (last value wins). */
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	rawBody: Buffer;
	/** Parsed JSON (or urlencoded object); undefined when the body is empty or multipart. */
	body: unknown;
	multipart?: MultipartBody;
	/** Status the fake answered with (0 while the request is still in flight or the socket was dropped). */
	status: number;
	/** When its body was read (Date.now()), for rate checks. */
	receivedAt: number;
}

export type MetaErrorSpec = {
	message: string;
	code: number;
	type?: string;
	error_subcode?: number;
	details?: string;
	fbtrace_id?: string;
};

export type Fault =
	| { status: 429; retryAfter?: string; body?: unknown }
	| { status: number; body?: unknown; retryAfter?: string }
	| { delayMs: number }
	| { malformed: true }
	| { chakraErrors: string[] }
	| { metaError: MetaErrorSpec; status?: number }
	| { dropConnection: true }
	/** A redirect to `location` (an absolute URL: `fake.otherHostBaseUrl + path` is another origin). */
	| { redirect: string; status?: 301 | 302 | 303 | 307 | 308 }
	/** Any answer, byte for byte (HTML pages, truncated or huge bodies, gzip with `content-encoding`). */
	| { raw: { status: number; headers?: Record<string, string>; body: Buffer | string } };

export interface FakeChakraOptions {
	/** Port to listen on; 0 / undefined = random free port. */
	port?: number;
	/** Accepted Bearer token; default 'test-token-chakra'. */
	token?: string;
	/** Interface to bind; default '127.0.0.1'. */
	host?: string;
	/** Delay added to every response in ms; default 0. */
	latencyMs?: number;
	/** Log one line per request to stderr; default false. */
	verbose?: boolean;
	/** Keep at most this many recorded requests (oldest dropped); default unlimited. The CLI uses 10000. */
	maxRecordedRequests?: number;
	/** Meta's throughput limits on message sends (throughput.ts); default none. */
	throughput?: ThroughputOptions;
}
