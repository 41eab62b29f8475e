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
		const settings = await this.rest<{ userManagement: { showSetupOnFirstLoad?: boolean } }>('GET', '/rest/settings');
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
		const created = await this.rest<{ rawApiKey: string }>('POST', '/rest/api-keys', { label, expiresAt: null, scopes });
		this.apiKey = created.rawApiKey;
		return this.apiKey;
	}

	/** Calls the editor REST API with the session cookie; returns `data` of n8n's `{ data }` envelope. */
	async rest<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, json?: unknown): Promise<T> {
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
			throw new Error(`n8n REST ${method} ${path} answered ${response.statusCode}: ${JSON.stringify(response.body)}`);
		}
		const body = response.body as { data?: T };
		return (body && typeof body === 'object' && 'data' in body ? body.data : body) as T;
	}

	/** Calls the public API (/api/v1) with the API key. */
	async publicApi<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, json?: unknown): Promise<T> {
		if (!this.apiKey) throw new Error('No API key: call createApiKey() first');
		const response = await this.got(`${this.baseUrl}/api/v1${path}`, {
			method,
			json,
			headers: { 'x-n8n-api-key': this.apiKey },
			throwHttpErrors: false,
			responseType: 'json',
		});
		if (response.statusCode >= 400) {
			throw new Error(`n8n public API ${method} ${path} answered ${response.statusCode}: ${JSON.stringify(response.body)}`);
		}
		return response.body as T;
	}

	/** GET a static file the editor loads (e.g. /types/nodes.json) with the session cookie. */
	async getJson<T = unknown>(path: string): Promise<T> {
		return this.got(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie, 'browser-id': BROWSER_ID } }).json<T>();
	}

	async activateWorkflow(id: string): Promise<void> {
		await this.publicApi('POST', `/workflows/${id}/activate`);
	}

	async deactivateWorkflow(id: string): Promise<void> {
		await this.publicApi('POST', `/workflows/${id}/deactivate`);
	}

	async listExecutions(workflowId: string): Promise<N8nExecution[]> {
		const page = await this.publicApi<{ data: N8nExecution[] }>('GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&includeData=true&limit=50`);
		return page.data;
	}

	async getExecution(id: string | number): Promise<N8nExecution> {
		return this.publicApi<N8nExecution>('GET', `/executions/${id}?includeData=true`);
	}
}

export interface N8nNodeRun {
	data?: { main?: ({ json: Record<string, unknown>; binary?: Record<string, { mimeType: string; fileName?: string; fileSize?: string }> }[] | null)[] };
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
