/**
 * The node classes of the package, found the way n8n finds them: each `nodes/<Folder>/<Folder>.node.ts`
 * exports class `<Folder>` whose `description.name` is the folder name in lower camel case
 * (`ChakraWhatsApp` -> `chakraWhatsApp`). Loaded on first use, so one node's test does not load the others.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

const NODES_DIR = join(__dirname, '..', '..', 'nodes');

/** `chakraWhatsApp` -> `ChakraWhatsApp`. */
export function folderOf(typeName: string): string {
	return typeName.charAt(0).toUpperCase() + typeName.slice(1);
}

export function loadNodeClass(typeName: string): (new () => INodeType) | undefined {
	const folder = folderOf(typeName);
	const file = join(NODES_DIR, folder, `${folder}.node.ts`);
	if (!existsSync(file)) return undefined;
	const exported = require(file) as Record<string, unknown>;
	const NodeClass = exported[folder];
	return typeof NodeClass === 'function' ? (NodeClass as new () => INodeType) : undefined;
}

/** Type names (`description.name`) of every node folder present. */
export function nodeTypeNames(): string[] {
	return readdirSync(NODES_DIR)
		.filter((folder) => existsSync(join(NODES_DIR, folder, `${folder}.node.ts`)))
		.map((folder) => folder.charAt(0).toLowerCase() + folder.slice(1));
}
