// CI check of what `npm pack` would publish: every credential and node that package.json lists for
// n8n, with their codex files and icons, and nothing but dist/, README, LICENSE, CHANGELOG and
// package.json. It runs prepack (clean + build) first, as `npm pack` does, so a stale build cannot
// hide a broken one.
const { execFileSync } = require('node:child_process');
const manifest = require('../package.json');

execFileSync('npm', ['run', '-s', 'prepack'], { stdio: ['ignore', 'ignore', 'inherit'] });
const [pack] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
const files = pack.files.map((file) => file.path);
const problems = [];
for (const required of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) {
	if (!files.includes(required)) problems.push(`missing ${required}`);
}
for (const node of manifest.n8n.nodes) {
	const codex = node.replace(/\.js$/, '.json');
	if (!files.includes(codex)) problems.push(`missing ${codex}`);
}
// The icons each built node and the credential name (`file:../../icons/x.svg` from dist/nodes/<Node>/).
const path = require('node:path');
const icons = new Set();
for (const entry of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) {
	const exported = require(path.join('..', entry));
	for (const Class of Object.values(exported)) {
		const instance = new Class();
		const icon = instance.description?.icon ?? instance.icon;
		for (const file of Object.values(icon ?? {}))
			icons.add(path.posix.join(path.posix.dirname(entry), String(file).replace(/^file:/, '')));
	}
}
for (const icon of icons) if (!files.includes(icon)) problems.push(`missing ${icon}`);
const allowed = /^(dist\/.+\.(js|json|svg)|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;
for (const file of files) if (!allowed.test(file)) problems.push(`unexpected ${file}`);
console.log(
	`npm pack: ${files.length} files, ${(pack.size / 1024).toFixed(1)} KB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KB unpacked`,
);
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(
	`npm pack: every listed node and credential, codex files and ${icons.size} icons; nothing outside dist/, README, LICENSE, CHANGELOG, package.json`,
);
