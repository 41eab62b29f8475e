/**
 * 3. Memory: peak RSS growth of the n8n main process (regular mode: the webhook-started execution
 * runs there) while a 50 MB file is uploaded (C9) and downloaded (C10), by the Chakra WhatsApp node
 * and, for comparison, by an HTTP Request node doing the same call.
 *
 * Each measurement runs in a freshly started n8n, after a warm-up with a 1 MB file (so that module
 * loading and first-use caches are not counted). The peak is the kernel's own high-water mark
 * (VmHWM), reset to the current RSS right before the run through /proc/<pid>/clear_refs, so no
 * short spike is missed between samples.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { loadGot } from '../../scripts/lib/api';
import { residentBytes, sampleMemory } from '../../scripts/lib/n8n';
import { deterministicBytes } from '../fake-chakra';
import {
	CHAKRA_WHATSAPP,
	chakraCredentials,
	createActiveWorkflow,
	FAKE_IDS,
	lastExecutionId,
	log,
	n8nErrorLines,
	nodeRun,
	waitForExecution,
	webhookNode,
	webhookUrl,
	type BenchEnv,
} from './lib/env';
import { sleep } from './lib/stats';

export type MemoryCase = 'upload' | 'download';
export type MemoryVariant = 'chakra' | 'http';
export const MEMORY_CASES: MemoryCase[] = ['upload', 'download'];
export const MEMORY_VARIANTS: MemoryVariant[] = ['chakra', 'http'];

export interface MemoryRun {
	/** VmHWM after the run minus VmRSS before it, n8n main process. */
	growthBytes: number;
	/** Peak of the whole n8n process tree (main + task runners), sampled every 20 ms, minus its RSS before. */
	treeGrowthBytes: number;
	/** Wall time of the node under test, ms. */
	nodeMs: number;
}

export interface MemoryResult {
	fileBytes: number;
	runs: Record<MemoryCase, Record<MemoryVariant, MemoryRun[]>>;
	errors: string[];
}

const NODE_NAME = 'Node under test';
const WARM_BYTES = 1024 * 1024;
// Meta media ids are digits; the nodes refuse anything else before any request.
const MEDIA_BIG = '5050505050505050';
const MEDIA_WARM = '1010101010101010';

/** VmHWM (peak RSS since the last reset) of a process, bytes. */
function peakResidentBytes(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
	return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** Resets VmHWM to the current RSS (Linux >= 4.0; needs the same user or root). */
function resetPeakResident(pid: number): void {
	fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export class MemoryBench {
	private workflowIds = {} as Record<MemoryCase, Record<MemoryVariant, string>>;
	/** Folder inside n8n's default allowed file area (~/.n8n-files) holding the files to upload. */
	private filesDir = '';

	constructor(
		private readonly env: BenchEnv,
		private readonly fileBytes: number,
	) {}

	private pathOf(name: string): string {
		return path.join(this.filesDir, name);
	}

	async setUp(): Promise<void> {
		const allowed = path.join(os.homedir(), '.n8n-files');
		fs.mkdirSync(allowed, { recursive: true });
		this.filesDir = fs.mkdtempSync(path.join(allowed, 'chakra-bench-'));
		fs.writeFileSync(this.pathOf('big.bin'), deterministicBytes(this.fileBytes, 7));
		fs.writeFileSync(this.pathOf('warm.bin'), deterministicBytes(WARM_BYTES, 3));
		const { baseUrl, token } = this.env.fake;
		const auth = {
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${token}` }] },
		};
		const readFile = {
			name: 'Read File',
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1.1,
			parameters: { operation: 'read', fileSelector: '={{ $json.body.file }}', options: {} },
		};
		const chakra = (parameters: Record<string, unknown>) => ({
			name: NODE_NAME,
			type: CHAKRA_WHATSAPP,
			typeVersion: 1,
			credentials: chakraCredentials(this.env),
			parameters,
		});
		const httpRequest = (parameters: Record<string, unknown>) => ({
			name: NODE_NAME,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.4,
			parameters,
		});
		const nodes = {
			upload: {
				chakra: [
					readFile,
					chakra({
						resource: 'media',
						operation: 'upload',
						pluginId: FAKE_IDS.pluginId,
						binaryPropertyName: 'data',
						options: {},
					}),
				],
				http: [
					readFile,
					httpRequest({
						method: 'POST',
						url: `${baseUrl}/v1/ext/plugin/whatsapp/${FAKE_IDS.pluginId}/upload-public-media`,
						...auth,
						sendBody: true,
						contentType: 'multipart-form-data',
						bodyParameters: {
							parameters: [
								{ parameterType: 'formBinaryData', name: 'file', inputDataFieldName: 'data' },
							],
						},
						options: {},
					}),
				],
			},
			download: {
				chakra: [
					chakra({
						resource: 'media',
						operation: 'download',
						whatsappApiVersion: 'v24.0',
						whatsappMediaId: '={{ $json.body.mediaId }}',
						binaryPropertyName: 'data',
						options: {},
					}),
				],
				http: [
					httpRequest({
						method: 'GET',
						url: `=${baseUrl}/v1/whatsapp/v24.0/media/{{ $json.body.mediaId }}/show`,
						...auth,
						options: {
							response: { response: { responseFormat: 'file', outputPropertyName: 'data' } },
						},
					}),
				],
			},
		};
		for (const memoryCase of MEMORY_CASES) {
			this.workflowIds[memoryCase] = {} as Record<MemoryVariant, string>;
			for (const variant of MEMORY_VARIANTS) {
				this.workflowIds[memoryCase][variant] = await createActiveWorkflow(
					this.env,
					`bench: ${memoryCase} 50 MB, ${variant}`,
					[
						webhookNode(`bench-memory-${memoryCase}-${variant}`, 'lastNode'),
						...nodes[memoryCase][variant],
					],
				);
			}
		}
		await this.seedMedia();
	}

	private async seedMedia(): Promise<void> {
		await this.env.fake.addMedia({
			mediaId: MEDIA_BIG,
			size: this.fileBytes,
			mimeType: 'video/mp4',
			filename: 'big.mp4',
		});
		await this.env.fake.addMedia({
			mediaId: MEDIA_WARM,
			size: WARM_BYTES,
			mimeType: 'video/mp4',
			filename: 'warm.mp4',
		});
	}

	/** Starts one execution and waits for it; retries while n8n has not re-registered the webhook (404, bounded). */
	private async execute(
		memoryCase: MemoryCase,
		variant: MemoryVariant,
		big: boolean,
	): Promise<{ nodeMs: number; outputBytes: number }> {
		const workflowId = this.workflowIds[memoryCase][variant];
		const before = await lastExecutionId(this.env, workflowId);
		const got = await loadGot();
		const body =
			memoryCase === 'upload'
				? { file: this.pathOf(big ? 'big.bin' : 'warm.bin') }
				: { mediaId: big ? MEDIA_BIG : MEDIA_WARM };
		const url = webhookUrl(this.env, `bench-memory-${memoryCase}-${variant}`);
		for (let attempt = 0; ; attempt++) {
			const response = await got.post(url, {
				json: body,
				throwHttpErrors: false,
				retry: { limit: 0 },
				timeout: { request: 300_000 },
			});
			if (response.statusCode !== 404) break;
			if (attempt > 300) throw new Error(`${url} still answers 404 after the restart`);
			await sleep(200);
		}
		const execution = await waitForExecution(this.env, workflowId, before);
		const node = nodeRun(execution, NODE_NAME);
		if (execution.status !== 'success' || node.error) {
			throw new Error(
				`${memoryCase}/${variant}: execution ${execution.id} ${execution.status}: ${node.error ?? ''}\n${n8nErrorLines(this.env)}`,
			);
		}
		const json = (execution.data?.resultData.runData[NODE_NAME]?.[0]?.data?.main?.[0]?.[0]?.json ??
			{}) as Record<string, unknown>;
		let outputBytes = Number.NaN;
		if (memoryCase === 'upload') {
			const upload = await this.env.fake.requests('C9');
			outputBytes = upload.lastMultipart?.files.file?.size ?? Number.NaN;
		} else {
			const binary =
				execution.data?.resultData.runData[NODE_NAME]?.[0]?.data?.main?.[0]?.[0]?.binary?.data;
			outputBytes =
				typeof json.fileSize === 'number' ? json.fileSize : parseFileSize(binary?.fileSize);
		}
		return { nodeMs: node.executionTime, outputBytes };
	}

	async runOnce(memoryCase: MemoryCase, variant: MemoryVariant): Promise<MemoryRun> {
		await this.env.restartN8n();
		const pid = this.env.server.process.pid as number;
		await this.execute(memoryCase, variant, false);
		// n8n keeps working for a while after a start (activation, pruning, caches): wait until its RSS
		// moves by less than 1 MB in a second (at most 15 s), so that growth belongs to the measured run.
		let baseline = residentBytes(pid);
		for (let waited = 0; waited < 15; waited++) {
			await sleep(1_000);
			const now = residentBytes(pid);
			const settled = Math.abs(now - baseline) < 1024 * 1024;
			baseline = now;
			if (settled) break;
		}
		const tree = sampleMemory(pid, 20);
		const treeBaseline = tree.peakTree();
		resetPeakResident(pid);
		try {
			const { nodeMs, outputBytes } = await this.execute(memoryCase, variant, true);
			if (!(Math.abs(outputBytes - this.fileBytes) <= this.fileBytes * 0.05)) {
				throw new Error(
					`${memoryCase}/${variant}: moved ${outputBytes} bytes, expected ${this.fileBytes}`,
				);
			}
			return {
				growthBytes: peakResidentBytes(pid) - baseline,
				treeGrowthBytes: tree.peakTree() - treeBaseline,
				nodeMs,
			};
		} finally {
			tree.stop();
		}
	}

	async measure(runs: number): Promise<MemoryResult> {
		const result: MemoryResult = {
			fileBytes: this.fileBytes,
			runs: { upload: { chakra: [], http: [] }, download: { chakra: [], http: [] } },
			errors: [],
		};
		for (let run = 0; run < runs; run++) {
			for (const memoryCase of MEMORY_CASES) {
				for (const variant of MEMORY_VARIANTS) {
					try {
						const measured = await this.runOnce(memoryCase, variant);
						result.runs[memoryCase][variant].push(measured);
						log(
							`  memory run ${run + 1}/${runs}, ${memoryCase} ${variant}: +${(measured.growthBytes / 1024 / 1024).toFixed(0)} MB peak RSS`,
						);
					} catch (error) {
						result.errors.push((error as Error).message);
						log(`  memory ${memoryCase} ${variant} failed: ${(error as Error).message}`);
					}
				}
			}
		}
		return result;
	}

	cleanUp(): void {
		if (this.filesDir) fs.rmSync(this.filesDir, { recursive: true, force: true });
	}
}

function parseFileSize(text: string | undefined): number {
	const match = /^([0-9.]+)\s*(B|kB|KB|MB|GB)$/i.exec(text ?? '');
	if (!match) return Number.NaN;
	const factor = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[
		match[2].toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'
	];
	return Number(match[1]) * factor;
}
