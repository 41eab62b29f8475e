// scripts/release.ts: version bump, CHANGELOG release section, commit and tag, in a throw-away git
// repository (nothing is pushed), and its refusals before anything changes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { nextVersion, release, releaseChangelog, withVersion } from '../../scripts/release';

const changelog = (heading: string, entries = '### Added\n- Chakra Platform node.\n') =>
	`# Changelog\n\nIntro.\n\n${heading}\n\n${entries}\n## [0.1.0] - 2026-11-25\n\n### Added\n- First nodes.\n`;

describe('nextVersion', () => {
	it.each([
		['patch', '0.2.0', '0.2.1'],
		['minor', '0.2.3', '0.3.0'],
		['major', '0.2.3', '1.0.0'],
		['0.3.0', '0.2.3', '0.3.0'],
		['0.2.0', '0.2.0', '0.2.0'],
	])('%s from %s is %s', (request, current, expected) => {
		expect(nextVersion(current, request)).toBe(expected);
	});

	it('refuses a version below the current one and anything that is not a version', () => {
		expect(() => nextVersion('0.2.0', '0.1.9')).toThrow('0.1.9 is below the current version 0.2.0');
		expect(() => nextVersion('0.2.0', 'v0.3.0')).toThrow(
			'Give patch, minor, major or a version X.Y.Z, not "v0.3.0"',
		);
	});
});

describe('releaseChangelog', () => {
	it.each(['## [Unreleased]', '## Unreleased', '## 0.2.0 (unreleased)', '## [0.2.0] (unreleased)'])(
		'releases the section under "%s" with the date, under a new empty [Unreleased]',
		(heading) => {
			expect(releaseChangelog(changelog(heading), '0.2.0', '2026-12-05')).toBe(
				changelog('## [Unreleased]\n\n## [0.2.0] - 2026-12-05'),
			);
		},
	);

	it('refuses a section named for another version, an empty section, and no or two sections', () => {
		expect(() =>
			releaseChangelog(changelog('## 0.2.0 (unreleased)'), '0.2.1', '2026-12-05'),
		).toThrow("CHANGELOG.md's unreleased section is for 0.2.0, not 0.2.1");
		expect(() =>
			releaseChangelog(changelog('## [Unreleased]', '### Added\n'), '0.2.0', '2026-12-05'),
		).toThrow("CHANGELOG.md's unreleased section has no entries");
		expect(() =>
			releaseChangelog(changelog('## [0.1.1] - 2026-12-01'), '0.2.0', '2026-12-05'),
		).toThrow('CHANGELOG.md needs exactly one unreleased section heading, found 0');
		expect(() =>
			releaseChangelog(
				changelog('## Unreleased\n\n- A.\n\n## [Unreleased]'),
				'0.2.0',
				'2026-12-05',
			),
		).toThrow('found 2');
	});
});

describe('withVersion', () => {
	it('sets the version of a manifest and of a lockfile root package, keeping the indentation', () => {
		const lock = JSON.stringify(
			{
				name: 'p',
				version: '0.1.0',
				lockfileVersion: 3,
				packages: { '': { name: 'p', version: '0.1.0' }, 'node_modules/x': { version: '0.1.0' } },
			},
			null,
			'\t',
		);
		expect(JSON.parse(withVersion(lock, '0.2.0'))).toEqual({
			name: 'p',
			version: '0.2.0',
			lockfileVersion: 3,
			packages: { '': { name: 'p', version: '0.2.0' }, 'node_modules/x': { version: '0.1.0' } },
		});
		expect(withVersion(lock, '0.2.0')).toContain('\n\t"version": "0.2.0"');
		expect(withVersion('{\n  "name": "p",\n  "version": "0.1.0"\n}\n', '0.1.1')).toBe(
			'{\n  "name": "p",\n  "version": "0.1.1"\n}\n',
		);
	});
});

describe('release (in a temporary git repository)', () => {
	let repo: string;
	const git = (...args: string[]) =>
		execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
	const read = (file: string) => readFileSync(join(repo, file), 'utf8');

	beforeEach(() => {
		repo = mkdtempSync(join(tmpdir(), 'chakra-release-test-'));
		git('init', '--quiet', '--initial-branch', 'main');
		git('config', 'user.name', 'Release Test');
		git('config', 'user.email', 'release-test@example.com');
		writeFileSync(
			join(repo, 'package.json'),
			withVersion('{\n  "name": "n8n-nodes-probe"\n}\n', '0.2.0'),
		);
		writeFileSync(
			join(repo, 'package-lock.json'),
			`${JSON.stringify({ name: 'n8n-nodes-probe', version: '0.2.0', lockfileVersion: 3, packages: { '': { name: 'n8n-nodes-probe', version: '0.2.0' } } }, null, 2)}\n`,
		);
		writeFileSync(join(repo, 'CHANGELOG.md'), changelog('## 0.2.0 (unreleased)'));
		git('add', '.');
		git('commit', '--quiet', '-m', 'Round');
	});

	afterEach(() => {
		rmSync(repo, { recursive: true, force: true });
	});

	it('releases the prepared 0.2.0 (version unchanged): changelog dated, one commit, annotated tag v0.2.0 on it', () => {
		expect(release(repo, '0.2.0', '2026-12-05')).toBe('v0.2.0');
		expect(read('CHANGELOG.md')).toBe(changelog('## [Unreleased]\n\n## [0.2.0] - 2026-12-05'));
		expect(JSON.parse(read('package.json')).version).toBe('0.2.0');
		expect(git('log', '--format=%s', '-1')).toBe('Release v0.2.0');
		expect(git('show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual(['CHANGELOG.md']);
		expect(git('cat-file', '-t', 'v0.2.0')).toBe('tag');
		expect(git('rev-parse', 'v0.2.0^{commit}')).toBe(git('rev-parse', 'HEAD'));
		expect(git('status', '--porcelain')).toBe('');
	});

	it('bumps with patch after a release: package.json, package-lock.json and CHANGELOG.md in the commit', () => {
		release(repo, '0.2.0', '2026-12-05');
		writeFileSync(
			join(repo, 'CHANGELOG.md'),
			read('CHANGELOG.md').replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n- A fix.\n'),
		);
		git('commit', '--quiet', '-am', 'Fix');
		expect(release(repo, 'patch', '2026-12-06')).toBe('v0.2.1');
		expect(JSON.parse(read('package.json')).version).toBe('0.2.1');
		expect(JSON.parse(read('package-lock.json'))).toMatchObject({
			version: '0.2.1',
			packages: { '': { version: '0.2.1' } },
		});
		expect(read('CHANGELOG.md')).toContain(
			'## [Unreleased]\n\n## [0.2.1] - 2026-12-06\n\n### Fixed\n- A fix.\n\n## [0.2.0] - 2026-12-05\n',
		);
		expect(git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual([
			'CHANGELOG.md',
			'package-lock.json',
			'package.json',
		]);
		expect(git('tag', '--list')).toBe('v0.2.0\nv0.2.1');
	});

	it('refuses a dirty working tree and an existing tag, changing nothing', () => {
		writeFileSync(join(repo, 'notes.txt'), 'draft');
		expect(() => release(repo, '0.2.0')).toThrow(
			'The working tree has uncommitted changes: commit or stash them first',
		);
		rmSync(join(repo, 'notes.txt'));
		git('tag', 'v0.2.0');
		expect(() => release(repo, '0.2.0')).toThrow('The tag v0.2.0 exists already');
		expect(read('CHANGELOG.md')).toBe(changelog('## 0.2.0 (unreleased)'));
		expect(git('log', '--format=%s')).toBe('Round');
	});
});
