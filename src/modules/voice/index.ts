export { voiceRoutes, publicVoiceRoutes } from './voice.routes';
export { registerVoiceJobs } from './voice.jobs';
export { VoiceRuntime } from './voice-runtime';
export type { VoiceContext } from './voice.context';
export { evaluateVoice, type VoiceEvalReport } from './voice-eval';
