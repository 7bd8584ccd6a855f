import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runProcess } from './subprocess';

export type TtsEngineName = 'espeak-ng' | 'command';

export interface TextToSpeech {
  readonly name: TtsEngineName;
  /** Part of the cache key: a different voice or command renders anew. */
  readonly id: string;
  /** Returns a WAV file. */
  synthesize(text: string): Promise<Buffer>;
}

export function espeakEngine(binary: string, voice: string): TextToSpeech {
  return {
    name: 'espeak-ng',
    id: `espeak-ng:${voice}`,
    async synthesize(text) {
      // Text on stdin, never as an argument: a reply starting with "-" must not become an option.
      const result = await runProcess(binary, ['-v', voice, '-b', '1', '--stdout'], { input: text, timeoutMs: 60_000 });
      if (result.code !== 0 || result.stdout.length < 44) throw new Error(`espeak-ng failed: ${result.stderr.slice(-300)}`);
      return result.stdout;
    },
  };
}

/** Splits a command line on spaces, keeping "quoted parts" together; no shell is involved. */
export function splitCommand(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

// CLARA_TTS_CMD, e.g. `piper --model /voices/en_US-lessac-medium.onnx --output_file {output}`: the
// text goes to stdin; the WAV comes from {output} when the command names it, else from stdout.
export function commandEngine(command: string): TextToSpeech {
  const [program, ...args] = splitCommand(command);
  if (!program) throw new Error('CLARA_TTS_CMD is empty');
  return {
    name: 'command',
    id: `command:${command}`,
    async synthesize(text) {
      const dir = await mkdtemp(join(tmpdir(), 'clara-tts-'));
      try {
        const output = join(dir, 'speech.wav');
        const usesFile = args.some((a) => a.includes('{output}'));
        const result = await runProcess(program, args.map((a) => a.replaceAll('{output}', output)), { input: text, timeoutMs: 120_000 });
        if (result.code !== 0) throw new Error(`${program} exited with ${result.code}: ${result.stderr.slice(-300)}`);
        return usesFile ? await readFile(output) : result.stdout;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

// Replies are written for reading: links, Markdown and the "Sources:" list are not worth hearing.
export function speakableText(body: string, maxChars = 4000): string {
  return body
    .split(/\n\s*Sources:\s*\n/)[0]!
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/https?:\/\/\S+/g, 'the link in the message')
    .replace(/\[\d+\]/g, '')
    .replace(/[#*_`>|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,!?;:])/g, '$1')
    .trim()
    .slice(0, maxChars);
}
