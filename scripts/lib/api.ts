/**
 * n8n's REST API (the editor's, cookie-authenticated) and its public API (X-N8N-API-KEY), over got.
 */
import type { Got } from 'got/dist/source/index';

/** got is ESM-only; this module is CommonJS (ts-node), so load it with a dynamic import. */
export async function loadGot(): Promise<Got> {
	// A non-literal specifier keeps TypeScript (moduleResolution "node") from resolving got's exports map.
	const mod = (await import('got' as string)) as { got: Got };
	return mod.got;
}

export interface OwnerLogin {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** n8n ties the auth cookie to a browser id header; any constant string works for scripts. */
const BROWSER_ID = 'n8n-nodes-chakrahq-scripts';

export class N8nClient {
	private cookie = '';
	private apiKey = '';

	private constructor(
		private readonly got: Got,
		readonly baseUrl: string,
	) {}

	static async connect(baseUrl: string): Promise<N8nClient> {
		return new N8nClient(await loadGot(), baseUrl);
	}

	get authCookie(): string {
		return this.cookie;
	}

	/** GET /rest/settings: `userManagement.showSetupOnFirstLoad` is true until an owner exists. */
	async needsOwnerSetup(): Promise<boolean> {
		const settings = await this.rest<{ userManagement: { showSetupOnFirstLoad?: boolean } }>(
			'GET',
			'/rest/settings',
		);
		return settings.userManagement.showSetupOnFirstLoad === true;
	}

	/** POST /rest/owner/setup: creates the owner account and logs in as it. */
	async setupOwner(owner: OwnerLogin): Promise<void> {
		await this.rest('POST', '/rest/owner/setup', owner);
	}

	/** POST /rest/login. */
	async login(email: string, password: string): Promise<void> {
		await this.rest('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Creates a public-API key (POST /rest/api-keys) with every scope the owner may grant, and uses it. */
	async createApiKey(label: string): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/rest/api-keys/scopes');
		const created = await this.rest<{ rawApiKey: string }>('POST', '/rest/api-keys', {
			label,
			expiresAt: null,
			scopes,
		});
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	/** Calls the editor REST API with the session cookie; returns `data` of n8n's `{ data }` envelope. */
	async rest<T = unknown>(
		method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
		path: string,
		json?: unknown,
	): Promise<T> {
		const response = await this.got(`${this.baseUrl}${path}`, {
			method,
			json,
			headers: { cookie: this.cookie, 'browser-id': BROWSER_ID },
			throwHttpErrors: false,
			responseType: 'json',
		});
		const setCookie = response.headers['set-cookie']?.find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		if (response.statusCode >= 400) {
			throw new Error(
				`n8n REST ${method} ${path} answered ${response.statusCode}: ${JSON.stringify(response.body)}`,
			);
		}
		const body = response.body as { data?: T };
		return (body && typeof body === 'object' && 'data' in body ? body.data : body) as T;
	}

	/** Calls the public API (/api/v1) with the API key. */
	async publicApi<T = unknown>(
		method: 'GET' | 'POST' | 'PUT' | 'DELETE',
		path: string,
		json?: unknown,
	): Promise<T> {
		if (!this.apiKey) throw new Error('No API key: call createApiKey() first');
		const response = await this.got(`${this.baseUrl}/api/v1${path}`, {
			method,
			json,
			headers: { 'x-n8n-api-key': this.apiKey },
			throwHttpErrors: false,
			responseType: 'json',
		});
		if (response.statusCode >= 400) {
			throw new Error(
				`n8n public API ${method} ${path} answered ${response.statusCode}: ${JSON.stringify(response.body)}`,
			);
		}
		return response.body as T;
	}

	/** GET a static file the editor loads (e.g. /types/nodes.json) with the session cookie. */
	async getJson<T = unknown>(path: string): Promise<T> {
		return this.got(`${this.baseUrl}${path}`, {
			headers: { cookie: this.cookie, 'browser-id': BROWSER_ID },
		}).json<T>();
	}

	/**
	 * n8n >= 2.36 publishes (activates) and unpublishes workflows in the background: the public API answers
	 * before the triggers are activated or removed (0.3 to 1.6 s measured on 2.41.1). Its editor API tells
	 * the state: GET /rest/workflows/:id/publication-status. Older n8n has no such route (404) and
	 * activates synchronously. Returns false when the route does not exist.
	 */
	async waitForPublication(
		id: string,
		wanted: 'published' | 'not_published',
		timeoutMs = 30_000,
	): Promise<boolean> {
		let exists = true;
		await pollUntil(
			`workflow ${id} ${wanted}`,
			async () => {
				const response = await this.got(`${this.baseUrl}/rest/workflows/${id}/publication-status`, {
					headers: { cookie: this.cookie, 'browser-id': BROWSER_ID },
					throwHttpErrors: false,
					responseType: 'json',
				});
				if (response.statusCode === 404) {
					exists = false;
					return true;
				}
				const status = (response.body as { data?: PublicationStatus }).data;
				if (response.statusCode !== 200 || !status)
					throw new Error(`publication-status of ${id} answered ${response.statusCode}`);
				if (wanted === 'published' && (status.status === 'failed' || status.status === 'partial')) {
					const errors = status.triggers.map((trigger) => trigger.errorMessage).filter(Boolean);
					throw new Error(`workflow ${id} activation ${status.status}: ${errors.join('; ')}`);
				}
				return status.status === wanted;
			},
			timeoutMs,
		);
		return exists;
	}

	/** Activates the workflow and waits until its triggers are active and its production webhooks answer. */
	async activateWorkflow(id: string, webhookUrls: string[] = []): Promise<void> {
		await this.publicApi('POST', `/workflows/${id}/activate`);
		await this.waitForPublication(id, 'published');
		await waitForWebhooks(webhookUrls, 'registered');
	}

	/**
	 * Deactivates the workflow and waits until n8n has removed its triggers. No webhook probe here: on
	 * 2.41 a lookup racing with the removal can put the webhook back into n8n's cache.
	 */
	async deactivateWorkflow(id: string): Promise<void> {
		await this.publicApi('POST', `/workflows/${id}/deactivate`);
		await this.waitForPublication(id, 'not_published');
	}

	async listExecutions(workflowId: string): Promise<N8nExecution[]> {
		const page = await this.publicApi<{ data: N8nExecution[] }>(
			'GET',
			`/executions?workflowId=${encodeURIComponent(workflowId)}&includeData=true&limit=50`,
		);
		return page.data;
	}

	async getExecution(id: string | number): Promise<N8nExecution> {
		return this.publicApi<N8nExecution>('GET', `/executions/${id}?includeData=true`);
	}
}

interface PublicationStatus {
	status: 'published' | 'not_published' | 'in_progress' | 'partial' | 'failed';
	triggers: { nodeId: string; status: string; errorMessage: string | null }[];
}

export interface N8nNodeRun {
	data?: {
		main?: (
			| {
					json: Record<string, unknown>;
					binary?: Record<string, { mimeType: string; fileName?: string; fileSize?: string }>;
			  }[]
			| null
		)[];
	};
	error?: { message: string; description?: string };
	executionStatus?: string;
}

export interface N8nExecution {
	id: string | number;
	finished: boolean;
	status: string;
	mode: string;
	workflowId: string;
	data?: {
		resultData: {
			runData: Record<string, N8nNodeRun[]>;
			error?: { message: string; description?: string; node?: { name: string } };
			lastNodeExecuted?: string;
		};
	};
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` every `intervalMs` until it returns true; throws naming `what` after `timeoutMs`.
 * The suites wait for n8n this way, never with a fixed sleep.
 */
export async function pollUntil(
	what: string,
	check: () => boolean | Promise<boolean>,
	timeoutMs = 30_000,
	intervalMs = 100,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (Date.now() >= deadline)
			throw new Error(`${what}: not reached within ${timeoutMs / 1000} s`);
		await sleep(intervalMs);
	}
}

/**
 * True when n8n serves a production POST webhook at `url`. A CORS preflight (OPTIONS with an Origin)
 * looks the webhook up without starting an execution: 204 when it is registered, an error status
 * (404, or 500 on n8n 2.41) while it is not.
 */
export async function isWebhookRegistered(url: string): Promise<boolean> {
	const response = await fetch(url, {
		method: 'OPTIONS',
		headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
	});
	await response.arrayBuffer();
	return response.status === 204;
}

export async function waitForWebhooks(
	urls: string[],
	state: 'registered',
	timeoutMs = 30_000,
): Promise<void> {
	for (const url of urls) {
		await pollUntil(`webhook ${url} ${state}`, () => isWebhookRegistered(url), timeoutMs);
	}
}
