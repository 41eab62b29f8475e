/**
 * The repository holds everything its files refer to: no tracked file may point at the ChakraHQ
 * contract or the shared folder that sat beside the developers' clone. A user's clone has neither, so
 * a test reading them fails there (issue 15). The package's own reference is docs/api-reference.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const THIS_FILE = relative(ROOT, __filename).split(sep).join('/');

/** Does `segments` (relative to the folder of `file`) lead out of the repository? */
function leavesRepository(file: string, segments: string[]): boolean {
	const target = resolve(ROOT, dirname(file), ...segments);
	return target !== ROOT && !target.startsWith(ROOT + sep);
}

/**
 * References in `text` (the content of `file`, relative to the repository root) that leave the
 * repository. `../shared/...` and `'..', 'shared'` path joins are resolved from the file's folder, so
 * the package's own `nodes/shared` (`from '../shared/fields'`) stays allowed.
 */
export function outsideReferences(file: string, text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(/chakra-api\.md|\/work\/shared\b/g)) found.push(match[0]);
	for (const match of text.matchAll(/(?:\.\.\/)+shared\b/g)) {
		if (leavesRepository(file, match[0].split('/'))) found.push(match[0]);
	}
	for (const match of text.matchAll(/(?:(['"`])\.\.\1\s*,\s*)+(['"`])shared\2/g)) {
		const ups = match[0].match(/\.\./g)!.length;
		if (leavesRepository(file, [...Array<string>(ups).fill('..'), 'shared'])) found.push(match[0]);
	}
	return found;
}

describe('the repository is self-contained', () => {
	it('recognises references that leave the repository, and only those', () => {
		// The forbidden spellings are assembled here, so this file holds none of them literally.
		const up = '..';
		const shared = 'shared';
		const contract = ['chakra-api', 'md'].join('.');
		const pathJoin = `'${up}', '${up}', '${up}', '${shared}'`;
		expect(
			outsideReferences('test/shared/endpoints.test.ts', `join(__dirname, ${pathJoin}, 'x.md')`),
		).toEqual([pathJoin]);
		expect(outsideReferences('README.md', `see \`${up}/${shared}/design.md\``)).toEqual([
			`${up}/${shared}`,
		]);
		expect(
			outsideReferences('docs/DEVELOPING.md', `the contract (/work/${shared}/${contract})`),
		).toEqual([`/work/${shared}`, contract]);
		expect(
			outsideReferences(
				'nodes/ChakraCrm/resources/lead/create.ts',
				"import { x } from '../../../shared/validation';",
			),
		).toEqual([]);
		expect(
			outsideReferences(
				'nodes/ChakraWhatsApp/resources/checks.ts',
				"import { x } from '../../shared/validation';",
			),
		).toEqual([]);
		expect(
			outsideReferences('test/nodes/x.test.ts', "join(__dirname, '..', '..', 'nodes', 'shared')"),
		).toEqual([]);
		expect(outsideReferences('test/x.test.ts', "join(__dirname, '..', 'shared')")).toEqual([]);
	});

	it('has no tracked file that refers to a file outside it', () => {
		const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
			.split('\0')
			// This file names the forbidden references in its own examples.
			.filter((file) => file && file !== THIS_FILE && !/\.(png|jpe?g|gif|ico|woff2?)$/i.test(file));
		expect(files.length).toBeGreaterThan(100);
		const offences: string[] = [];
		for (const file of files) {
			let text: string;
			try {
				text = readFileSync(join(ROOT, file), 'utf8');
			} catch {
				continue; // deleted in the work tree but still in the index
			}
			for (const reference of outsideReferences(file, text)) offences.push(`${file}: ${reference}`);
		}
		expect(offences).toEqual([]);
	});
});
