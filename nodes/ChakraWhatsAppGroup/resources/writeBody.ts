/** Every write of the Groups API carries `messaging_product: "whatsapp"` (contract 3.6). */
export const GROUP_WRITE_REQUEST = { body: { messaging_product: 'whatsapp' } };
