import type { Db } from 'mongodb';
import type { HiddenRepository } from '../domain/index.ts';
import { createMarkSet } from './per-user-marks.ts';

/** Messages a user deleted for itself only (`/messages/delete-self-all`): `MemberState.hidden`. */
export function createHiddenRepository(db: Db): HiddenRepository {
  const marks = createMarkSet(db, 'hidden');
  return { hide: (userId, messages) => marks.mark(userId, messages) };
}
