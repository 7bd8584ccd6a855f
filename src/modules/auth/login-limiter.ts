import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../core/config';
import { AppError } from '../../core/errors';

const WINDOW_SECONDS = 15 * 60;

// Per-IP attempts and per-account failures, each in a 15-minute window.
export class LoginLimiter {
  private readonly perIp: RateLimiterMemory;
  private readonly perAccount: RateLimiterMemory;

  constructor(config: Pick<Config, 'CLARA_LOGIN_MAX_PER_IP' | 'CLARA_LOGIN_MAX_FAILURES'>) {
    this.perIp = new RateLimiterMemory({ points: config.CLARA_LOGIN_MAX_PER_IP, duration: WINDOW_SECONDS });
    this.perAccount = new RateLimiterMemory({ points: config.CLARA_LOGIN_MAX_FAILURES, duration: WINDOW_SECONDS });
  }

  async beforeAttempt(ip: string, email: string): Promise<void> {
    await this.perIp.consume(ip).catch((res: unknown) => this.refuse(res, 'Too many login attempts from this address.'));
    const account = await this.perAccount.get(email);
    if (account && account.remainingPoints <= 0) this.refuse(account, 'Too many failed logins for this account.');
  }

  async onFailure(email: string): Promise<void> {
    await this.perAccount.consume(email).catch(() => undefined);
  }

  async onSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }

  private refuse(res: unknown, message: string): never {
    if (!(res instanceof RateLimiterRes)) throw res;
    const retry = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new AppError('RATE_LIMITED', `${message} Try again in ${retry} seconds.`, { retry_after_seconds: retry }, {
      'retry-after': String(retry),
    });
  }
}
