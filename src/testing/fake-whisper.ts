import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny local server speaking the OpenAI transcription API (POST /v1/audio/transcriptions,
// multipart): no Whisper model can run on the test machines, so this protocol boundary is faked.
export interface FakeWhisper {
  url: string;
  requests: { model: string; responseFormat: string; fileBytes: number; fileType: string }[];
  /** What the next requests answer: a transcript with segments, or an HTTP error status. */
  respond: () => { text: string; segments?: { start: number; end: number; text: string }[] } | { status: number };
  close(): Promise<void>;
}

export async function startFakeWhisper(): Promise<FakeWhisper> {
  const fake: Omit<FakeWhisper, 'url' | 'close'> = { requests: [], respond: () => ({ text: '' }) };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
          res.statusCode = 404;
          return res.end('{}');
        }
        const form = await new Request('http://fake', { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }).formData();
        const file = form.get('file') as File;
        fake.requests.push({ model: String(form.get('model')), responseFormat: String(form.get('response_format')), fileBytes: file.size, fileType: file.type });
        const answer = fake.respond();
        res.setHeader('content-type', 'application/json');
        if ('status' in answer) {
          res.statusCode = answer.status;
          return res.end(JSON.stringify({ error: { message: 'model overloaded' } }));
        }
        res.end(JSON.stringify({ task: 'transcribe', language: 'english', duration: 3, ...answer }));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
