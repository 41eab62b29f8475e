/**
 * The fake ChakraHQ server in a child process of its own, so that the benchmark driver's own request
 * loops (raw got, webhook deliveries) never share an event loop with it. The parent talks to it over
 * the IPC channel of `fork()`: set the added latency, reset, seed media, count requests.
 *
 * Child side: this file run with `process.send` available. Parent side: `startFakeProcess()`.
 */
import { fork, type ChildProcess } from 'node:child_process';

import { FakeChakra, type ThroughputOptions, type ThroughputStats } from '../../fake-chakra';

type Command =
	| { id: number; type: 'latency'; ms: number }
	| { id: number; type: 'reset' }
	| {
			id: number;
			type: 'addMedia';
			mediaId: string;
			size: number;
			mimeType: string;
			filename: string;
	  }
	| { id: number; type: 'requests'; cid: string }
	| { id: number; type: 'throughput'; options: ThroughputOptions | null }
	| { id: number; type: 'deliveries' };

/** What `deliveries` answers: accepted sends per recipient, summed up, and the throughput refusals. */
export interface DeliverySummary {
	/** Sends accepted (C1-C4, read receipts excluded). */
	accepted: number;
	/** Distinct recipients accepted at least once. */
	recipients: number;
	/** Sends beyond the first to the same recipient. */
	duplicates: number;
	stats: ThroughputStats | null;
}

/** What `requests` answers: how many requests a C-id got, their statuses, and the last JSON body. */
export interface RequestSummary {
	count: number;
	statuses: Record<string, number>;
	lastBody: unknown;
	lastHeaders: Record<string, unknown>;
	lastMultipart?: {
		fields: Record<string, string>;
		files: Record<string, { filename: string; contentType: string; size: number }>;
	};
}

export interface FakeProcess {
	baseUrl: string;
	token: string;
	pid: number;
	setLatency(ms: number): Promise<void>;
	reset(): Promise<void>;
	addMedia(media: {
		mediaId: string;
		size: number;
		mimeType: string;
		filename: string;
	}): Promise<void>;
	requests(cid: string): Promise<RequestSummary>;
	/** Meta's throughput limits on sends (test/fake-chakra/throughput.ts); null = none. Kept across reset. */
	setThroughput(options: ThroughputOptions | null): Promise<void>;
	deliveries(): Promise<DeliverySummary>;
	stop(): Promise<void>;
}

async function childMain(): Promise<void> {
	const fake = await FakeChakra.start({
		host: '127.0.0.1',
		latencyMs: 0,
		maxRecordedRequests: 5_000,
	});
	let throughput: ThroughputOptions | undefined;
	const answer = (id: number, result: unknown): void => {
		process.send?.({ id, result });
	};
	process.on('message', (command: Command) => {
		switch (command.type) {
			case 'latency':
				fake.latencyMs = command.ms;
				return answer(command.id, true);
			case 'reset':
				fake.reset();
				fake.setThroughput(throughput);
				return answer(command.id, true);
			case 'throughput':
				throughput = command.options ?? undefined;
				fake.setThroughput(throughput);
				return answer(command.id, true);
			case 'deliveries': {
				const counts = [...fake.acceptedPerRecipient().values()];
				const accepted = counts.reduce((sum, count) => sum + count, 0);
				const summary: DeliverySummary = {
					accepted,
					recipients: counts.length,
					duplicates: accepted - counts.length,
					stats: fake.throughput?.stats ?? null,
				};
				return answer(command.id, summary);
			}
			case 'addMedia':
				fake.addMedia({
					id: command.mediaId,
					size: command.size,
					mimeType: command.mimeType,
					filename: command.filename,
				});
				return answer(command.id, true);
			case 'requests': {
				const list = fake.requestsFor(command.cid);
				const last = list[list.length - 1];
				const statuses: Record<string, number> = {};
				for (const request of list) statuses[request.status] = (statuses[request.status] ?? 0) + 1;
				const summary: RequestSummary = {
					count: list.length,
					statuses,
					lastBody: last?.body,
					lastHeaders: { ...(last?.headers ?? {}) },
					lastMultipart: last?.multipart
						? {
								fields: last.multipart.fields,
								files: Object.fromEntries(
									Object.entries(last.multipart.files).map(([name, file]) => [
										name,
										{
											filename: file.filename,
											contentType: file.contentType,
											size: file.data.length,
										},
									]),
								),
							}
						: undefined,
				};
				return answer(command.id, summary);
			}
		}
	});
	process.on('disconnect', () => {
		void fake.stop().finally(() => process.exit(0));
	});
	process.send?.({ ready: true, baseUrl: fake.baseUrl, token: fake.token });
}

/** Starts the fake server in a child process (ts-node, like `npm run fake-chakra`). */
export function startFakeProcess(): Promise<FakeProcess> {
	return new Promise((resolve, reject) => {
		const child: ChildProcess = fork(__filename, [], {
			execArgv: ['-r', 'ts-node/register/transpile-only'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let nextId = 1;
		const pending = new Map<number, (result: unknown) => void>();
		const call = <T>(command: Record<string, unknown>): Promise<T> =>
			new Promise((done, fail) => {
				if (!child.connected) return fail(new Error('the fake ChakraHQ process is gone'));
				const id = nextId++;
				pending.set(id, done as (result: unknown) => void);
				child.send({ ...command, id });
			});
		const stop = (): Promise<void> =>
			new Promise((done) => {
				if (child.exitCode !== null || child.signalCode !== null) return done();
				const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
				child.once('exit', () => {
					clearTimeout(timer);
					done();
				});
				if (child.connected) child.disconnect();
				else child.kill('SIGTERM');
			});
		child.once('error', reject);
		child.once('exit', (code) =>
			reject(new Error(`the fake ChakraHQ process exited with code ${code} while starting`)),
		);
		child.on(
			'message',
			(message: {
				id?: number;
				result?: unknown;
				ready?: boolean;
				baseUrl?: string;
				token?: string;
			}) => {
				if (message.ready) {
					resolve({
						baseUrl: message.baseUrl as string,
						token: message.token as string,
						pid: child.pid as number,
						setLatency: (ms) => call({ type: 'latency', ms }),
						reset: () => call({ type: 'reset' }),
						addMedia: (media) => call({ type: 'addMedia', ...media }),
						requests: (cid) => call<RequestSummary>({ type: 'requests', cid }),
						setThroughput: (options) => call({ type: 'throughput', options }),
						deliveries: () => call<DeliverySummary>({ type: 'deliveries' }),
						stop,
					});
					return;
				}
				if (message.id !== undefined) {
					pending.get(message.id)?.(message.result);
					pending.delete(message.id);
				}
			},
		);
	});
}

if (require.main === module && process.send) {
	childMain().catch((error: Error) => {
		process.stderr.write(`bench fake ChakraHQ failed: ${error.message}\n`);
		process.exit(1);
	});
}
