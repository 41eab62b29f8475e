/** The node's own documentation page (docs/nodes/<Node>.md), opened by the editor's "Docs" link. */
export function nodeDocumentationUrl(nodeClass: string): string {
	return `https://github.com/chakrahq/n8n-nodes-chakrahq/blob/main/docs/nodes/${nodeClass}.md`;
}
