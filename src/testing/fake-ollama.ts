import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny local server speaking Ollama's HTTP API (/api/embed, /api/chat): a real model cannot run
// on the test machines, so this is the protocol boundary we fake. Embeddings are hashed bags of
// words (deterministic, similar texts → similar vectors); chat answers come from the test.
export interface FakeOllama {
  url: string;
  chatRequests: { model: string; messages: { role: string; content: string }[] }[];
  reply: (prompt: string) => string;
  close(): Promise<void>;
}

export function hashedEmbedding(text: string, dims = 384): number[] {
  const v = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    const h = createHash('md5').update(word.slice(0, 6)).digest();
    v[h.readUInt16LE(0) % dims]! += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export async function startFakeOllama(): Promise<FakeOllama> {
  const fake: Omit<FakeOllama, 'url' | 'close'> = { chatRequests: [], reply: () => 'NO_ANSWER' };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const json = JSON.parse(body || '{}') as { model?: string; input?: string[]; messages?: { role: string; content: string }[] };
      res.setHeader('content-type', 'application/json');
      if (req.url === '/api/embed') {
        res.end(JSON.stringify({ model: json.model, embeddings: (json.input ?? []).map((t) => hashedEmbedding(t)) }));
      } else if (req.url === '/api/chat') {
        fake.chatRequests.push({ model: json.model ?? '', messages: json.messages ?? [] });
        const prompt = json.messages?.map((m) => m.content).join('\n') ?? '';
        res.end(JSON.stringify({ model: json.model, message: { role: 'assistant', content: fake.reply(prompt) }, done: true }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
