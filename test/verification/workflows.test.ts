// The GitHub Actions workflows and .ci/run stay what docs/verification.md says they are: CI runs the one
// script on Node 24, a version tag runs it and then publishes with provenance, n8n's checks run before
// the end-to-end step, and npm publish outside GitHub Actions is refused.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('GitHub Actions workflows', () => {
	it('ci.yml runs bash .ci/run on Node 24 and can be called by other workflows', () => {
		const ci = read('.github/workflows/ci.yml');
		expect(ci).toContain('\n  workflow_call:\n');
		expect(ci).toMatch(/uses: actions\/setup-node@v4\n {8}with:\n {10}node-version: 24\n/);
		expect(ci.match(/^ {8}run: .*$/gm)).toEqual(['        run: bash .ci/run']);
	});

	it('publish.yml runs ci.yml on a v*.*.* tag, then npm publish with provenance and an id-token', () => {
		const publish = read('.github/workflows/publish.yml');
		expect(publish).toContain("on:\n  push:\n    tags: ['v*.*.*']\n");
		expect(publish).toContain('  checks:\n    name: Checks\n');
		expect(publish).toContain('    uses: ./.github/workflows/ci.yml\n');
		expect(publish).toContain('    needs: checks\n');
		expect(publish).toContain('    permissions:\n      id-token: write\n      contents: read\n');
		expect(publish).toContain('          registry-url: https://registry.npmjs.org\n');
		expect(publish).toContain(
			'        run: npm publish --provenance --access public\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n',
		);
	});
});

describe('.ci/run', () => {
	it("validates the workflows, runs n8n-node lint and n8n's scanner after the unit tests and before the end-to-end step", () => {
		const steps = [
			'npm test -- --ci',
			'npm run -s check:workflows',
			'npm run -s lint:n8n',
			'npm run -s scan',
			'npm run test:e2e',
		];
		const run = read('.ci/run');
		const positions = steps.map((step) => run.indexOf(`\n${step}\n`));
		expect(positions.every((position) => position > 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	});
});

describe('prepublishOnly', () => {
	const guard = JSON.parse(read('package.json')).scripts.prepublishOnly as string;
	const runGuard = (env: NodeJS.ProcessEnv) =>
		spawnSync('sh', ['-c', guard], { cwd: root, env, encoding: 'utf8' });

	it('refuses npm publish outside GitHub Actions, pointing at the release steps', () => {
		const { GITHUB_ACTIONS: _ignored, ...local } = process.env;
		const result = runGuard(local);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			'Publish from GitHub Actions, which adds the provenance n8n requires',
		);
	});

	it('lets the publish workflow through', () => {
		expect(runGuard({ ...process.env, GITHUB_ACTIONS: 'true' }).status).toBe(0);
	});
});
