#!/usr/bin/env bash
# npm run lint:n8n: `n8n-node lint` on what ships (nodes/, credentials/, icons/, package.json), set up
# exactly as n8n's Cloud verification expects it: n8n's default eslint.config.mjs (from @n8n/node-cli's
# own template) and "strict": true, which makes `n8n-node lint` refuse any other config. The repository
# itself cannot be that package: its tests and scripts use process, fs and console, which n8n's config
# forbids in every *.ts file; so the shipped files are staged in a temporary folder.
# `npm run lint` applies the same n8n config to the shipped code in the repository, with more rules.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
stage="$(mktemp -d "${TMPDIR:-/tmp}/chakra-n8n-lint-XXXXXX")"
trap 'rm -rf "$stage"' EXIT

cp -r nodes credentials icons "$stage/"
ln -s "$root/node_modules" "$stage/node_modules"
cp node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs "$stage/eslint.config.mjs"
node -e '
const fs = require("fs");
const [stage] = process.argv.slice(1);
const manifest = JSON.parse(fs.readFileSync("package.json", "utf8"));
manifest.n8n.strict = true;
fs.writeFileSync(`${stage}/package.json`, JSON.stringify(manifest, null, 2) + "\n");
const tsconfig = JSON.parse(fs.readFileSync("tsconfig.json", "utf8"));
tsconfig.include = tsconfig.include.filter((pattern) => /^(nodes|credentials)\//.test(pattern));
fs.writeFileSync(`${stage}/tsconfig.json`, JSON.stringify(tsconfig, null, 2) + "\n");
' "$stage"

cd "$stage"
# Plain text to match: picocolors colours the words when CI is set.
status="$(NO_COLOR=1 npx --no-install n8n-node cloud-support </dev/null)"
echo "$status"
if ! grep -q 'Cloud support is ENABLED' <<<"$status"; then
	echo "lint:n8n: the staged package is not set up as n8n-node cloud-support expects" >&2
	exit 1
fi
npx --no-install n8n-node lint
echo "lint:n8n: n8n-node lint in strict mode with n8n's default config: 0 problems on $(find nodes credentials -name '*.ts' | wc -l) files and package.json"
