/**
 * npm run release -- <patch|minor|major|X.Y.Z>
 *
 * Cuts a release locally; GitHub Actions publishes it (.github/workflows/publish.yml, on the tag):
 * 1. sets the version in package.json and package-lock.json (X.Y.Z may equal the current version when
 *    that version was never tagged, e.g. 0.2.0 prepared during the round),
 * 2. turns CHANGELOG.md's unreleased section (`## [Unreleased]`, `## Unreleased` or
 *    `## X.Y.Z (unreleased)`) into `## [X.Y.Z] - YYYY-MM-DD` under a new empty `## [Unreleased]`,
 * 3. commits those three files as "Release vX.Y.Z" and tags vX.Y.Z (annotated).
 * It does not push: it prints the push command. It refuses a dirty working tree, an existing tag, an
 * empty unreleased section and a section named for another version, before changing anything.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Bump = 'patch' | 'minor' | 'major';

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;
const UNRELEASED_HEADING =
	/^## (?:\[Unreleased\]|Unreleased|\[?(\d+\.\d+\.\d+)\]? \(unreleased\))[ \t]*$/gim;

export class ReleaseError extends Error {}

function parseVersion(version: string): [number, number, number] {
	const match = VERSION.exec(version);
	if (!match) throw new ReleaseError(`"${version}" is not a version X.Y.Z`);
	return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compareVersions(a: string, b: string): number {
	const [x, y] = [parseVersion(a), parseVersion(b)];
	return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The version to release: a bump of the current one, or an explicit X.Y.Z not below it. */
export function nextVersion(current: string, request: string): string {
	const [major, minor, patch] = parseVersion(current);
	if (request === 'major') return `${major + 1}.0.0`;
	if (request === 'minor') return `${major}.${minor + 1}.0`;
	if (request === 'patch') return `${major}.${minor}.${patch + 1}`;
	if (!VERSION.test(request))
		throw new ReleaseError(`Give patch, minor, major or a version X.Y.Z, not "${request}"`);
	if (compareVersions(request, current) < 0)
		throw new ReleaseError(`${request} is below the current version ${current}`);
	return request;
}

/** CHANGELOG.md with its unreleased section released as `version` on `date` (YYYY-MM-DD). */
export function releaseChangelog(changelog: string, version: string, date: string): string {
	const headings = [...changelog.matchAll(UNRELEASED_HEADING)];
	if (headings.length !== 1) {
		throw new ReleaseError(
			`CHANGELOG.md needs exactly one unreleased section heading, found ${headings.length}`,
		);
	}
	const [heading] = headings;
	const named = heading[1];
	if (named && named !== version) {
		throw new ReleaseError(`CHANGELOG.md's unreleased section is for ${named}, not ${version}`);
	}
	const start = heading.index + heading[0].length;
	const next = changelog.slice(start).search(/^## /m);
	const section = changelog.slice(start, next === -1 ? undefined : start + next);
	if (!/^\s*[-*] \S/m.test(section))
		throw new ReleaseError("CHANGELOG.md's unreleased section has no entries");
	const released = `## [Unreleased]\n\n## [${version}] - ${date}`;
	return changelog.slice(0, heading.index) + released + changelog.slice(start);
}

/** The JSON file's text with its version (and, in a lockfile, the root package's) set, indentation kept. */
export function withVersion(json: string, version: string): string {
	const data = JSON.parse(json);
	data.version = version;
	if (data.packages?.['']) data.packages[''].version = version;
	const indent = /^[ \t]+/m.exec(json)?.[0] ?? '  ';
	return `${JSON.stringify(data, null, indent)}\n`;
}

function git(cwd: string, ...args: string[]): string {
	return execFileSync('git', args, {
		cwd,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	}).trim();
}

export function release(
	cwd: string,
	request: string,
	today = new Date().toISOString().slice(0, 10),
): string {
	if (git(cwd, 'status', '--porcelain') !== '') {
		throw new ReleaseError('The working tree has uncommitted changes: commit or stash them first');
	}
	const files = {
		manifest: join(cwd, 'package.json'),
		lock: join(cwd, 'package-lock.json'),
		changelog: join(cwd, 'CHANGELOG.md'),
	};
	const manifest = readFileSync(files.manifest, 'utf8');
	const current: string = JSON.parse(manifest).version;
	const version = nextVersion(current, request);
	const tag = `v${version}`;
	if (git(cwd, 'tag', '--list', tag) !== '')
		throw new ReleaseError(`The tag ${tag} exists already`);
	const changelog = releaseChangelog(readFileSync(files.changelog, 'utf8'), version, today);

	writeFileSync(files.manifest, withVersion(manifest, version));
	writeFileSync(files.lock, withVersion(readFileSync(files.lock, 'utf8'), version));
	writeFileSync(files.changelog, changelog);
	git(cwd, 'add', 'package.json', 'package-lock.json', 'CHANGELOG.md');
	git(cwd, 'commit', '--quiet', '-m', `Release ${tag}`);
	git(cwd, 'tag', '--annotate', tag, '-m', tag);
	return tag;
}

if (require.main === module) {
	const [request] = process.argv.slice(2);
	if (!request) {
		console.error('Usage: npm run release -- <patch|minor|major|X.Y.Z>');
		process.exit(1);
	}
	try {
		const cwd = join(__dirname, '..');
		const tag = release(cwd, request);
		const branch = git(cwd, 'rev-parse', '--abbrev-ref', 'HEAD');
		console.log(
			`Committed "Release ${tag}" and tagged ${tag}. Publish it (GitHub Actions, publish.yml) with:`,
		);
		console.log(`  git push --atomic origin ${branch} ${tag}`);
	} catch (error) {
		if (!(error instanceof ReleaseError)) throw error;
		console.error(`release: ${error.message}`);
		process.exit(1);
	}
}
