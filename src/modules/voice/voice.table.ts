import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tickets } from '../tickets/tickets.table';
import type { AudioFormat } from './audio-format';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const TRANSCRIPTION_STATES = ['transcribing', 'transcribed', 'failed'] as const;
export type TranscriptionState = (typeof TRANSCRIPTION_STATES)[number];

// The customer's original recording, kept in the database with its ticket: a failed transcription
// never loses it, and staff can always listen to what was actually said.
export const voiceRecordings = pgTable(
  'voice_recordings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .unique()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    format: text('format').$type<AudioFormat>().notNull(),
    mimeType: text('mime_type').notNull(),
    filename: text('filename'),
    sizeBytes: integer('size_bytes').notNull(),
    durationMs: integer('duration_ms').notNull(),
    audio: bytea('audio').notNull(),
    state: text('state').$type<TranscriptionState>().notNull().default('transcribing'),
    model: text('model'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    transcribedAt: timestamp('transcribed_at', { withTimezone: true }),
  },
  (t) => [index('voice_recordings_state_idx').on(t.state, t.createdAt)],
);

// Rendered speech of a reply, keyed by engine and text: a reply is spoken once, played many times.
export const voiceSpeechCache = pgTable('voice_speech_cache', {
  key: text('key').primaryKey(),
  mimeType: text('mime_type').notNull(),
  audio: bytea('audio').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// PocketSphinx domain language models built from the knowledge base and the classifier's texts;
// the fingerprint of the corpus says whether the newest one is still current.
export const voiceLanguageModels = pgTable('voice_language_models', {
  id: uuid('id').primaryKey().defaultRandom(),
  fingerprint: text('fingerprint').notNull().unique(),
  arpa: text('arpa').notNull(),
  dictionary: text('dictionary').notNull(),
  stats: jsonb('stats').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type VoiceRecordingRow = typeof voiceRecordings.$inferSelect;
export type VoiceLanguageModelRow = typeof voiceLanguageModels.$inferSelect;
