// scripts/scan-package.mjs runs n8n's scanner analyzers (@n8n/scan-community-package) on a source
// folder and a packed tarball. A small community package is scanned clean, then with an environment read
// in its compiled node and with a file-system import in its source: each must fail with the rule named.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, '..', '..', 'scripts', 'scan-package.mjs');

const packageJson = {
	name: 'n8n-nodes-probe',
	version: '1.0.0',
	description: 'Scanner probe package.',
	keywords: ['n8n-community-node-package'],
	license: 'MIT',
	homepage: 'https://example.com/n8n-nodes-probe',
	author: { name: 'Probe', email: 'probe@example.com' },
	repository: { type: 'git', url: 'git+https://github.com/example/n8n-nodes-probe.git' },
	files: ['dist'],
	n8n: { n8nNodesApiVersion: 1, credentials: [], nodes: ['dist/nodes/Probe/Probe.node.js'] },
	peerDependencies: { 'n8n-workflow': '*' },
};

const description = `{
		displayName: 'Probe',
		name: 'probe',
		icon: { light: 'file:probe.svg', dark: 'file:probe.dark.svg' },
		subtitle: 'Probe',
		group: ['transform'],
		version: 1,
		description: 'Returns its input',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [],
	}`;

function sourceNode(executeBody: string, extraImport = ''): string {
	return `import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
${extraImport}export class Probe implements INodeType {
	description: INodeTypeDescription = ${description};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		${executeBody}
	}
}
`;
}

function compiledNode(executeBody: string): string {
	return `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Probe = void 0;
const n8n_workflow_1 = require("n8n-workflow");
class Probe {
	constructor() {
		this.description = ${description.replace(/NodeConnectionTypes/g, 'n8n_workflow_1.NodeConnectionTypes')};
	}
	async execute() {
		${executeBody}
	}
}
exports.Probe = Probe;
`;
}

const passThrough = 'return [this.getInputData()];';
const icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';

let workDir: string;

beforeEach(() => {
	workDir = mkdtempSync(join(tmpdir(), 'chakra-scan-test-'));
});

afterEach(() => {
	rmSync(workDir, { recursive: true, force: true });
});

function writePackage(root: string, files: Record<string, string>): void {
	for (const [file, text] of Object.entries({
		'package.json': JSON.stringify(packageJson, null, 2),
		...files,
	})) {
		mkdirSync(join(root, file, '..'), { recursive: true });
		writeFileSync(join(root, file), text);
	}
}

/** Source folder and tarball (package/ prefix, as npm pack makes it), then the scan; exit code and output. */
function scan(source: Record<string, string>, compiled: Record<string, string>) {
	writePackage(join(workDir, 'source'), {
		'nodes/Probe/probe.svg': icon,
		'nodes/Probe/probe.dark.svg': icon,
		...source,
	});
	writePackage(join(workDir, 'package'), {
		'dist/nodes/Probe/probe.svg': icon,
		'dist/nodes/Probe/probe.dark.svg': icon,
		...compiled,
	});
	cpSync(join(workDir, 'package'), join(workDir, 'packed', 'package'), { recursive: true });
	const tar = spawnSync('tar', [
		'-czf',
		join(workDir, 'probe.tgz'),
		'-C',
		join(workDir, 'packed'),
		'package',
	]);
	expect(tar.status).toBe(0);
	const result = spawnSync(
		process.execPath,
		[script, '--source', join(workDir, 'source'), '--tarball', join(workDir, 'probe.tgz')],
		{ encoding: 'utf8' },
	);
	return { status: result.status, output: result.stdout + result.stderr };
}

describe('scripts/scan-package.mjs (n8n scanner analyzers on source and tarball)', () => {
	jest.setTimeout(120_000);

	it('passes a clean package, both legs with 0 findings', () => {
		const { status, output } = scan(
			{ 'nodes/Probe/Probe.node.ts': sourceNode(passThrough) },
			{ 'dist/nodes/Probe/Probe.node.js': compiledNode(passThrough) },
		);
		expect(output).toContain(`scan source: 2 files, 0 findings (${join(workDir, 'source')})`);
		expect(output).toContain('scan tarball: 2 files, 0 findings (probe.tgz)');
		expect(status).toBe(0);
	});

	it('fails when the compiled node in the tarball reads process.env', () => {
		const readsEnvironment =
			'const region = process.env.PROBE_REGION;\n\t\treturn [this.getInputData().map((item) => ({ json: { ...item.json, region } }))];';
		const { status, output } = scan(
			{ 'nodes/Probe/Probe.node.ts': sourceNode(passThrough) },
			{ 'dist/nodes/Probe/Probe.node.js': compiledNode(readsEnvironment) },
		);
		expect(output).toContain(`scan source: 2 files, 0 findings`);
		expect(output).toContain('scan tarball: FAILED (probe.tgz)');
		expect(output).toMatch(
			/dist\/nodes\/Probe\/Probe\.node\.js\n.*error.*@n8n\/community-nodes\/no-restricted-globals/,
		);
		expect(status).toBe(1);
	});

	it('fails when the source node imports the file system', () => {
		const readsFile =
			"return [[{ json: { text: readFileSync('/etc/hostname', 'utf8') }, pairedItem: { item: 0 } }]];";
		const { status, output } = scan(
			{
				'nodes/Probe/Probe.node.ts': sourceNode(
					readsFile,
					"import { readFileSync } from 'node:fs';\n",
				),
			},
			{ 'dist/nodes/Probe/Probe.node.js': compiledNode(passThrough) },
		);
		expect(output).toContain(`scan source: FAILED (${join(workDir, 'source')})`);
		expect(output).toMatch(
			/nodes\/Probe\/Probe\.node\.ts\n.*error.*@n8n\/community-nodes\/no-restricted-imports/,
		);
		expect(output).toContain('scan tarball: 2 files, 0 findings (probe.tgz)');
		expect(status).toBe(1);
	});
});
