import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  CLARA_DATA_DIR: z.string().default('./.clara'),
  CLARA_ADMIN_EMAIL: z.string().email().default('admin@clara.local'),
  CLARA_ADMIN_PASSWORD: z.string().min(8).optional(),
  CLARA_DEMO: bool.default(true),
  CLARA_PUBLIC_URL: z.string().url().optional(),
  CLARA_SECURE_COOKIES: bool.default(false),
  // Only behind a reverse proxy: otherwise X-Forwarded-For is the client's word and per-IP limits could be dodged.
  CLARA_TRUST_PROXY: bool.default(false),
  CLARA_SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 7),
  CLARA_JOBS: bool.default(true),
  // Processes `clara serve` runs (PostgreSQL only): a number, or "auto" for one per core.
  CLARA_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
  CLARA_JOB_POLL_MS: z.coerce.number().int().positive().default(1000),
  // Jobs one process works at the same time (they mostly wait on the database).
  CLARA_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  CLARA_JOB_RETENTION_DAYS: z.coerce.number().positive().default(7),
  // New tickets wait while the oldest due job (a follow-up: the automatic answer) is this far behind (0: never).
  CLARA_INTAKE_MAX_LAG_MS: z.coerce.number().int().min(0).default(1000),
  // The longest a new ticket waits for that; then it is taken anyway.
  CLARA_INTAKE_MAX_WAIT_MS: z.coerce.number().int().min(0).default(5000),
  CLARA_LOGIN_MAX_PER_IP: z.coerce.number().int().positive().default(30),
  CLARA_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  CLARA_PUBLIC_INTAKE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  CLARA_EMBEDDINGS: z.enum(['auto', 'transformers', 'ollama', 'off']).default('auto'),
  CLARA_EMBEDDING_MODEL: z.string().default('Xenova/all-MiniLM-L6-v2'),
  CLARA_MODEL_DIR: z.string().optional(),
  CLARA_OLLAMA_URL: z.string().url().optional(),
  CLARA_OLLAMA_EMBED_MODEL: z.string().default('all-minilm'),
  CLARA_LLM_URL: z.string().url().optional(),
  CLARA_LLM_MODEL: z.string().default('llama3.1:8b'),
  CLARA_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  CLARA_AUTORESOLVE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.9),
  // Agents' label corrections since the last training that start a classifier retraining by themselves (0: never).
  CLARA_CLASSIFIER_RETRAIN_AFTER: z.coerce.number().int().min(0).default(50),
  // Email channel (#5): our address, outbound SMTP, optional inbound listener and IMAP mailbox.
  CLARA_SUPPORT_ADDRESS: z.string().email().default('support@clara.local'),
  CLARA_SUPPORT_NAME: z.string().default('Clara Support'),
  CLARA_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  CLARA_SMTP_LISTEN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  CLARA_SMTP_LISTEN_HOST: z.string().default('0.0.0.0'),
  CLARA_IMAP_URL: z.string().regex(/^imaps?:\/\//, 'must be an imap:// or imaps:// URL').optional(),
  CLARA_EMAIL_MAX_ATTEMPTS: z.coerce.number().int().positive().default(6),
  CLARA_EMAIL_RETRY_MS: z.coerce.number().int().positive().default(60_000),
  CLARA_EMAIL_MAX_ATTACHMENT_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  // Bearer token Prometheus sends for GET /metrics (Authorization: Bearer …); unset, only staff with system:read may read them.
  CLARA_METRICS_TOKEN: z.string().min(16).optional(),
  // Per file attached in the web app (/support, the status page, the agents' composer).
  CLARA_UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  // AES-256-GCM key for secrets stored in the database (mailbox passwords): 32 bytes as hex or base64.
  CLARA_SECRET_KEY: z.string().min(32).optional(),
  // Voice channel (#8): speech-to-text engine, limits and text-to-speech.
  CLARA_STT_ENGINE: z.enum(['auto', 'whisper-server', 'transformers', 'pocketsphinx', 'none']).default('auto'),
  CLARA_STT_URL: z.string().url().optional(),
  CLARA_STT_MODEL: z.string().default('whisper-1'),
  CLARA_STT_API_KEY: z.string().optional(),
  CLARA_STT_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  CLARA_STT_MODEL_DIR: z.string().optional(),
  CLARA_POCKETSPHINX_MODEL_DIR: z.string().default('/usr/share/pocketsphinx/model/en-us'),
  CLARA_VOICE_DOMAIN_LM: bool.default(true),
  CLARA_VOICE_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  CLARA_VOICE_MAX_SECONDS: z.coerce.number().positive().default(300),
  CLARA_TTS_CMD: z.string().optional(),
  CLARA_TTS_VOICE: z.string().regex(/^[\w+-]+$/).default('en-us'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

// The only place that reads process.env: every bad key is listed at once.
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, ...overrides };
}
