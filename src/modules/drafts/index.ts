export { drafts, DRAFT_KINDS, type DraftKind, type DraftRow } from './drafts.table';
export { draftsRoutes } from './drafts.routes';
export { subscribeDrafts } from './drafts.service';
