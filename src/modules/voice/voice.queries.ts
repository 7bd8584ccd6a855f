import { eq, ne } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { voiceLanguageModels, voiceRecordings, voiceSpeechCache, type TranscriptionState, type VoiceLanguageModelRow, type VoiceRecordingRow } from './voice.table';

export async function insertRecording(db: Db, values: typeof voiceRecordings.$inferInsert): Promise<VoiceRecordingRow> {
  const [row] = await db.insert(voiceRecordings).values(values).returning();
  return row!;
}

export async function findRecordingByTicket(db: Db, ticketId: string): Promise<VoiceRecordingRow | null> {
  const [row] = await db.select().from(voiceRecordings).where(eq(voiceRecordings.ticketId, ticketId));
  return row ?? null;
}

export async function findRecordingMeta(db: Db, ticketId: string) {
  const [row] = await db
    .select({
      id: voiceRecordings.id,
      format: voiceRecordings.format,
      mimeType: voiceRecordings.mimeType,
      sizeBytes: voiceRecordings.sizeBytes,
      durationMs: voiceRecordings.durationMs,
      state: voiceRecordings.state,
      model: voiceRecordings.model,
      lastError: voiceRecordings.lastError,
      createdAt: voiceRecordings.createdAt,
      transcribedAt: voiceRecordings.transcribedAt,
    })
    .from(voiceRecordings)
    .where(eq(voiceRecordings.ticketId, ticketId));
  return row ?? null;
}

export async function markRecording(db: Db, id: string, values: { state: TranscriptionState; model?: string | null; lastError?: string | null; transcribedAt?: Date | null }): Promise<void> {
  await db.update(voiceRecordings).set(values).where(eq(voiceRecordings.id, id));
}

export async function noteTranscriptionError(db: Db, id: string, lastError: string): Promise<void> {
  await db.update(voiceRecordings).set({ lastError: lastError.slice(0, 2000) }).where(eq(voiceRecordings.id, id));
}

export async function findCachedSpeech(db: Db, key: string) {
  const [row] = await db.select().from(voiceSpeechCache).where(eq(voiceSpeechCache.key, key));
  return row ?? null;
}

export async function storeCachedSpeech(db: Db, values: typeof voiceSpeechCache.$inferInsert): Promise<void> {
  await db.insert(voiceSpeechCache).values(values).onConflictDoNothing();
}

export async function findLanguageModel(db: Db, fingerprint: string): Promise<VoiceLanguageModelRow | null> {
  const [row] = await db.select().from(voiceLanguageModels).where(eq(voiceLanguageModels.fingerprint, fingerprint));
  return row ?? null;
}

export async function insertLanguageModel(db: Db, values: typeof voiceLanguageModels.$inferInsert): Promise<void> {
  await db.insert(voiceLanguageModels).values(values).onConflictDoNothing();
}

/** Keeps only the current model: older ones are never used again. */
export async function deleteLanguageModelsExcept(db: Db, fingerprint: string): Promise<void> {
  await db.delete(voiceLanguageModels).where(ne(voiceLanguageModels.fingerprint, fingerprint));
}
