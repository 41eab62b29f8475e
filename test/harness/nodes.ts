/**
 * Every node class of the package, found the way n8n finds them: each `nodes/<Folder>/<Folder>.node.ts`
 * exports its class. The harness registers them under `n8n-nodes-chakrahq.<description.name>`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

const NODES_DIR = join(__dirname, '..', '..', 'nodes');

function loadNodeClasses(): Array<new () => INodeType> {
	const classes: Array<new () => INodeType> = [];
	for (const folder of readdirSync(NODES_DIR)) {
		const file = join(NODES_DIR, folder, `${folder}.node.ts`);
		if (!existsSync(file)) continue;
		const exported = require(file) as Record<string, unknown>;
		const NodeClass = exported[folder];
		if (typeof NodeClass === 'function') classes.push(NodeClass as new () => INodeType);
	}
	return classes;
}

export const ALL_NODE_CLASSES = loadNodeClasses();
