// n8n's community-package scanner (@n8n/scan-community-package) on this package before it is published.
// `npx @n8n/scan-community-package <name>` only takes a published name: it checks the npm provenance,
// downloads the attested GitHub source and the registry tarball, and lints both with analyzePackage and
// its own rule config. This runs the same two analyzer legs, with the scanner's own exported functions,
// on the local source and on the tarball `npm pack` makes, and exits 1 on any finding (error).
// The provenance leg needs a published version: .github/workflows/publish.yml publishes with provenance.
//
// Usage: node scripts/scan-package.mjs [--tarball <file.tgz>] [--source <dir>]
//   --tarball  a packed package (default: `npm pack` of this repository, which runs prepack: clean + build)
//   --source   the source checkout to lint (default: this repository)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

// The tarball leg's patterns, as analyzePackageByName passes them: compiled .js and the published
// package.json (the source leg covers .ts better).
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

// eslint-plugin-n8n-nodes-base reads NODE_ENV when loaded: under 'test' (as jest sets it) its node rules
// take every file for a trigger node and a credential file, so the scan would not be n8n's.
if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
const scannerModule = '@n8n/scan-community-package/scanner/scanner.mjs';
const scannerRequire = createRequire(import.meta.resolve(scannerModule));
// The scanner makes a temporary folder when loaded (for downloads this script does not use): remove it at exit.
scannerRequire('tmp').setGracefulCleanup();
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerModule);

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function optionValue(name) {
	const index = process.argv.indexOf(name);
	if (index === -1) return undefined;
	const value = process.argv[index + 1];
	if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
	return path.resolve(value);
}

function run(command, args, cwd) {
	const result = spawnSync(command, args, {
		cwd,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (result.status !== 0)
		throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
	return result.stdout;
}

// prepack (clean + build) first, as `npm pack` would, but apart, so its output stays out of pack's JSON.
function packRepository(workDir) {
	run('npm', ['run', '--silent', 'prepack'], repository);
	const [packed] = JSON.parse(
		run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], repository),
	);
	return path.join(workDir, packed.filename);
}

// As the scanner's downloadAndExtractPackage: the tarball's package/ folder becomes the package root.
function extractTarball(tarball, workDir) {
	const packageDir = path.join(workDir, 'package');
	mkdirSync(packageDir);
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], workDir);
	return packageDir;
}

function report(leg, where, files, result) {
	if (result.passed) {
		console.log(`scan ${leg}: ${files} files, 0 findings (${where})`);
		return true;
	}
	console.log(`scan ${leg}: FAILED (${where}): ${result.message}`);
	if (result.details) console.log(result.details);
	return false;
}

async function main() {
	const source = optionValue('--source') ?? repository;
	const workDir = mkdtempSync(path.join(tmpdir(), 'chakra-scan-'));
	try {
		const tarball = optionValue('--tarball') ?? packRepository(workDir);
		const packageDir = extractTarball(tarball, workDir);
		const sourceResult = await analyzePackage(source, SOURCE_FILE_PATTERNS);
		const tarballResult = await analyzePackage(packageDir, TARBALL_FILE_PATTERNS);
		const sourcePassed = report(
			'source',
			source === repository ? 'this repository' : source,
			countFiles(source, SOURCE_FILE_PATTERNS),
			sourceResult,
		);
		const tarballPassed = report(
			'tarball',
			path.basename(tarball),
			countFiles(packageDir, TARBALL_FILE_PATTERNS),
			tarballResult,
		);
		console.log(
			'scan provenance: not checked here (needs the published version; publish.yml publishes with --provenance)',
		);
		return sourcePassed && tarballPassed ? 0 : 1;
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

// The same file selection analyzePackage makes, for the report (fast-glob as the scanner resolves it).
const glob = scannerRequire('fast-glob');
function countFiles(dir, patterns) {
	return glob.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] })
		.length;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`scan: ${error.message}`);
		process.exit(1);
	},
);
