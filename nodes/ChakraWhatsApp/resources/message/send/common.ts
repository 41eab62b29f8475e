/** What the fields of Send (C4/C5) share: where they show and WhatsApp's limits. */
import type { IDataObject } from 'n8n-workflow';

import type { MediaKind } from '../../media/publicMedia';

export const showOnlyForMessageSend = { resource: ['message'], operation: ['send'] };
export const MEDIA_TYPES: MediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];
export const INTERACTIVE_TYPES = ['interactiveButtons', 'interactiveList', 'interactiveCtaUrl'];
export const TEXT_MAX = 4096;
export const CAPTION_MAX = 1024;

export const show = (extra: IDataObject = {}) => ({
	show: { ...showOnlyForMessageSend, ...extra },
});
