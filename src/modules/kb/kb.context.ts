import type { CoreContext } from '../../core/context';
import type { KbRuntime } from './kb-runtime';

export interface KbContext extends CoreContext {
  kb: KbRuntime;
}
