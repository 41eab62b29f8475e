/**
 * Chakra Trigger: "Download Media" fetches inbound media through C10 from the fake server and
 * attaches it as binary data; a failed download keeps the event, with an error field.
 */
import { FAKE_IDS, FakeChakra, webhookSamples } from '../../fake-chakra';
import { binaryBytes } from '../../harness';
import { deliverSigned, signingCredentials } from './deliveries';
import { expectedEvent } from './expected';

const IMAGE_WAMID = 'wamid.HBgMOTE5OTExMjIzMzQ0FQIAEhgUM0VCMEltYWdlMDAwMDAwMDAwMDAA';

const IMAGE_MESSAGE = {
	from: FAKE_IDS.customerPhone,
	id: IMAGE_WAMID,
	timestamp: '1756322300',
	type: 'image',
	image: {
		caption: 'This is a caption',
		mime_type: 'image/jpeg',
		sha256: 'c2hhMjU2LW9mLXRoZS1mYWtlLWltYWdl',
		id: FAKE_IDS.mediaId,
	},
};

const IMAGE_EVENT = expectedEvent({
	event: 'message',
	from: FAKE_IDS.customerPhone,
	contactName: 'John',
	messageType: 'image',
	text: 'This is a caption',
	mediaId: FAKE_IDS.mediaId,
	wamid: IMAGE_WAMID,
	timestamp: '2025-08-27T19:18:20.000Z',
	timestampMs: 1756322300000,
	phoneNumberId: FAKE_IDS.phoneNumberId,
	wabaId: FAKE_IDS.wabaId,
	raw: IMAGE_MESSAGE,
});

function documentMessage(mediaId: string) {
	return {
		from: FAKE_IDS.customerPhone,
		id: 'wamid.DOC1',
		timestamp: '1756322300',
		type: 'document',
		document: {
			caption: 'Your invoice',
			filename: 'invoice-1042.pdf',
			mime_type: 'application/pdf',
			sha256: 'x',
			id: mediaId,
		},
	};
}

function passThroughWith(message: Record<string, unknown>) {
	const payload = webhookSamples.passThroughText();
	payload.entry[0].changes[0].value.messages = [message];
	return payload;
}

describe('Chakra Trigger: media download (C10)', () => {
	let fake: FakeChakra;
	const credentials = () => signingCredentials(fake.baseUrl, fake.token);

	beforeAll(async () => {
		fake = await FakeChakra.start();
	});
	afterAll(async () => fake.stop());
	beforeEach(() => fake.reset());

	it('attaches an inbound image as binary "data" with the bytes and MIME type the server holds', async () => {
		const result = await deliverSigned(
			webhookSamples.passThroughImage(),
			{ downloadMedia: true },
			credentials(),
		);
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
		const [item] = result.items ?? [];
		expect(item.json).toEqual(IMAGE_EVENT);
		expect(Object.keys(item.binary ?? {})).toEqual(['data']);
		expect(
			binaryBytes(item, 'data').equals(fake.state.media.get(FAKE_IDS.mediaId)?.data as Buffer),
		).toBe(true);
		expect(item.binary?.data.mimeType).toBe('image/jpeg');
		expect(item.binary?.data.fileName).toBe('photo.jpg');
		const [c10] = fake.requestsFor('C10');
		expect(c10.method).toBe('GET');
		expect(c10.path).toBe(`/v1/whatsapp/v24.0/media/${FAKE_IDS.mediaId}/show`);
		expect(c10.headers.authorization).toBe(`Bearer ${fake.token}`);
	});

	it('names a document after the file name in the message, in the chosen field, with the chosen version', async () => {
		const message = documentMessage(FAKE_IDS.mediaIdDocument);
		const result = await deliverSigned(
			passThroughWith(message),
			{ downloadMedia: true, binaryPropertyName: 'invoice', whatsappApiVersion: 'v22.0' },
			credentials(),
		);
		const [item] = result.items ?? [];
		expect(Object.keys(item.binary ?? {})).toEqual(['invoice']);
		expect(
			binaryBytes(item, 'invoice').equals(
				fake.state.media.get(FAKE_IDS.mediaIdDocument)?.data as Buffer,
			),
		).toBe(true);
		expect(item.binary?.invoice.mimeType).toBe('application/pdf');
		expect(item.binary?.invoice.fileName).toBe('invoice-1042.pdf');
		expect(fake.requestsFor('C10').map((request) => request.path)).toEqual([
			`/v1/whatsapp/v22.0/media/${FAKE_IDS.mediaIdDocument}/show`,
		]);
	});

	it('downloads the media of a Chakra-format message too', async () => {
		const message = {
			from: FAKE_IDS.customerPhone,
			id: 'wamid.CIMG',
			type: 'image',
			image: { id: FAKE_IDS.mediaId, mime_type: 'image/jpeg' },
		};
		const result = await deliverSigned(
			webhookSamples.chakraMessage({ message }),
			{ downloadMedia: true },
			credentials(),
		);
		const [item] = result.items ?? [];
		expect(item.json.mediaId).toBe(FAKE_IDS.mediaId);
		expect(
			binaryBytes(item, 'data').equals(fake.state.media.get(FAKE_IDS.mediaId)?.data as Buffer),
		).toBe(true);
	});

	it('keeps the event with an error field and no binary when the download fails', async () => {
		const message = documentMessage('999000111');
		const result = await deliverSigned(
			passThroughWith(message),
			{ downloadMedia: true },
			credentials(),
		);
		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
		const [item] = result.items ?? [];
		expect(item.binary).toBeUndefined();
		expect(item.json).toEqual({
			...expectedEvent({
				event: 'message',
				from: FAKE_IDS.customerPhone,
				contactName: 'John',
				messageType: 'document',
				text: 'Your invoice',
				mediaId: '999000111',
				wamid: 'wamid.DOC1',
				timestamp: '2025-08-27T19:18:20.000Z',
				timestampMs: 1756322300000,
				phoneNumberId: FAKE_IDS.phoneNumberId,
				wabaId: FAKE_IDS.wabaId,
				raw: message,
			}),
			// The fake answers Meta's "object does not exist" error (code 100); its message is passed on.
			error:
				"Media 999000111 could not be downloaded: Unsupported get request. Object with ID '999000111' does not exist, cannot be loaded due to missing permissions, or does not support this operation. (#100)",
		});
	});

	it('downloads each media message of a batch once and leaves text messages without binary', async () => {
		const payload = webhookSamples.passThroughBatch(
			webhookSamples.passThroughText(),
			webhookSamples.passThroughImage(),
		);
		const result = await deliverSigned(payload, { downloadMedia: true }, credentials());
		expect(
			result.items?.map((item) => [item.json.messageType, Object.keys(item.binary ?? {})]),
		).toEqual([
			['text', []],
			['image', ['data']],
		]);
		expect(fake.requestsFor('C10')).toHaveLength(1);
	});

	it('makes no request when "Download Media" is off', async () => {
		const result = await deliverSigned(webhookSamples.passThroughImage(), {}, credentials());
		expect(result.items?.map((item) => item.json)).toEqual([IMAGE_EVENT]);
		expect(result.items?.[0].binary).toBeUndefined();
		expect(fake.requests).toHaveLength(0);
	});
});
