import type { INodeProperties } from 'n8n-workflow';

import { processIdField } from '../../../shared/process/fields';

const showOnlyForProcessGet = { resource: ['process'], operation: ['get'] };

export const processGetDescription: INodeProperties[] = [processIdField(showOnlyForProcessGet)];
