/**
 * The one shape of the package (docs/DEVELOPING.md, "Layout"): small files, one process module, no
 * dead entry point, the format check in CI.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function filesBelow(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesBelow(path) : [path];
	});
}

const nodeSources = filesBelow(join(ROOT, 'nodes')).filter((file) => file.endsWith('.ts'));

describe('layout', () => {
	it('no file in nodes/ is over 400 lines', () => {
		const long = nodeSources
			.map(
				(file) =>
					[relative(ROOT, file), readFileSync(file, 'utf8').split('\n').length - 1] as const,
			)
			.filter(([, lines]) => lines > 400);
		expect(long).toEqual([]);
	});

	it('one process module (nodes/shared/process) is imported by both the CRM and the Platform node', () => {
		const importers = (folder: string) =>
			nodeSources.filter(
				(file) =>
					file.includes(`${join('nodes', folder)}/`) &&
					/from '(\.\.\/)+shared\/process\//.test(readFileSync(file, 'utf8')),
			);
		expect(importers('ChakraCrm').length).toBeGreaterThan(0);
		expect(importers('ChakraPlatform').length).toBeGreaterThan(0);
	});

	it('no operation file exports an empty field list', () => {
		const empty = nodeSources.filter((file) =>
			/export const \w+: INodeProperties\[\] = \[\];/.test(readFileSync(file, 'utf8')),
		);
		expect(empty).toEqual([]);
	});

	it('package.json has no main that points at no file', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main?: string };
		expect(pkg.main).toBeUndefined();
	});

	it('CI checks the format with Prettier, and every file is formatted', () => {
		expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toContain('npm run -s format:check');
		const prettier = join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
		expect(() =>
			execFileSync(process.execPath, [prettier, '--check', 'nodes', 'credentials'], {
				cwd: ROOT,
				stdio: 'pipe',
			}),
		).not.toThrow();
	});
});
