/** Every node class of the package; the harness registers them under `n8n-nodes-chakrahq.<name>`. */
import type { INodeType } from 'n8n-workflow';

import { ChakraWhatsApp } from '../../nodes/ChakraWhatsApp/ChakraWhatsApp.node';

export const ALL_NODE_CLASSES: Array<new () => INodeType> = [ChakraWhatsApp];
