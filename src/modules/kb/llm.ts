import type { Config } from '../../core/config';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface LlmClient {
  readonly model: string;
  chat(messages: ChatMessage[]): Promise<string>;
}

// Ollama's /api/chat, or any OpenAI-compatible server when the URL ends in /v1.
export function createLlmClient(config: Config): LlmClient | null {
  const base = config.CLARA_LLM_URL;
  if (!base) return null;
  const openAi = /\/v1\/?$/.test(base);
  const model = config.CLARA_LLM_MODEL;
  return {
    model,
    chat: async (messages) => {
      const url = openAi ? `${base.replace(/\/$/, '')}/chat/completions` : new URL('/api/chat', base).toString();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, messages, stream: false, ...(openAi ? { temperature: 0 } : { options: { temperature: 0 } }) }),
        signal: AbortSignal.timeout(config.CLARA_LLM_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`LLM server answered ${res.status}`);
      const body = (await res.json()) as { message?: { content?: string }; choices?: { message?: { content?: string } }[] };
      const content = openAi ? body.choices?.[0]?.message?.content : body.message?.content;
      if (typeof content !== 'string') throw new Error('LLM server: unexpected answer');
      return content;
    },
  };
}
