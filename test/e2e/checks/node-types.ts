/**
 * Every node of package.json `n8n.nodes` is a node type of the running n8n (and action nodes also
 * have their AI-tool variant `<type>Tool`); the credential type is known too.
 */
import { nodeTypeNameOf } from '../../../scripts/lib/n8n';
import { PACKAGE_NAME, type E2eEnv } from '../lib/env';
import type { Report } from '../lib/report';

interface NodeTypeDescription {
	name: string;
	displayName: string;
	group?: string[];
	credentials?: { name: string }[];
}

export function isTriggerNode(typeName: string): boolean {
	return typeName.endsWith('Trigger');
}

export async function checkNodeTypes(env: E2eEnv, report: Report): Promise<NodeTypeDescription[]> {
	const nodeTypes = await env.client.getJson<NodeTypeDescription[]>('/types/nodes.json');
	const known = new Map(nodeTypes.map((type) => [type.name, type]));
	for (const file of env.manifest.n8n.nodes) {
		const typeName = `${PACKAGE_NAME}.${nodeTypeNameOf(file)}`;
		await report.check(`node type ${typeName} is loaded by n8n`, () => {
			if (env.missingDistFiles.includes(file))
				throw new Error(`not built: ${file} does not exist (node not written yet?)`);
			const type = known.get(typeName);
			if (!type)
				throw new Error(
					`${typeName} is not among n8n's ${nodeTypes.length} node types; see test/e2e/artifacts/n8n.log`,
				);
			if (!type.credentials?.some((credential) => credential.name === 'chakraApi'))
				throw new Error(`${typeName} does not use the chakraApi credential`);
		});
		if (isTriggerNode(typeName)) continue;
		await report.check(`AI tool variant ${typeName}Tool is loaded by n8n`, () => {
			if (env.missingDistFiles.includes(file)) throw new Error(`not built: ${file}`);
			if (!known.has(`${typeName}Tool`))
				throw new Error(`${typeName}Tool missing: is usableAsTool set on the node?`);
		});
	}
	await report.check('credential type chakraApi is loaded by n8n', async () => {
		const credentialTypes =
			await env.client.getJson<{ name: string; displayName: string }[]>('/types/credentials.json');
		const chakra = credentialTypes.find((type) => type.name === 'chakraApi');
		if (!chakra) throw new Error('chakraApi is not among the credential types');
		if (chakra.displayName !== 'Chakra API')
			throw new Error(`display name is "${chakra.displayName}"`);
	});
	return nodeTypes.filter((type) => type.name.startsWith(`${PACKAGE_NAME}.`));
}
