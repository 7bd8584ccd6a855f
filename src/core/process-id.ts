import { hostname } from 'node:os';

/** Which Clara process this is (host:pid): in job locks, mail ids, recent errors and /health. */
export const PROCESS_ID = `${hostname()}:${process.pid}`;
