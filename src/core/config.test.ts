import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('defaults to port 3000, the embedded database in ./.clara and demo data on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, CLARA_DATA_DIR: './.clara', CLARA_DEMO: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('lists every bad key at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', CLARA_DEMO: 'maybe' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('CLARA_DEMO');
  });

  it('reads CLARA_DEMO=0 as off', () => {
    expect(loadConfig({ CLARA_DEMO: '0' }).CLARA_DEMO).toBe(false);
  });
});
