/** Every write of the Groups API carries `messaging_product: "whatsapp"` (docs/api-reference.md 3.6). */
export const GROUP_WRITE_REQUEST = { body: { messaging_product: 'whatsapp' } };
