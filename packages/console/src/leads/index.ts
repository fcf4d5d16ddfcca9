/** @module What only leads see: the audit log and the candidates' ratings. */
export { AuditView } from './AuditView.tsx';
export { RATED_CONVERSATIONS, RatingsView } from './RatingsView.tsx';
