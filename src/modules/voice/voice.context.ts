import type { TicketsContext } from '../tickets';
import type { VoiceRuntime } from './voice-runtime';

export interface VoiceContext extends TicketsContext {
  voice: VoiceRuntime;
}
