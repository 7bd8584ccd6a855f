import type { CoreContext } from '../../core/context';
import type { ActiveClassifier } from './active-classifier';

export interface ClassifyContext extends CoreContext {
  classifier: ActiveClassifier;
}
