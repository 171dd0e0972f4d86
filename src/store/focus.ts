import type { Db } from 'mongodb';
import type { FocusRepository } from '../domain/index.ts';
import { createMarkSet } from './per-user-marks.ts';

/** Messages a user starred (record `/app/record/focus`): `MemberState.focused`. */
export function createFocusRepository(db: Db): FocusRepository {
  const marks = createMarkSet(db, 'focused');
  return { focus: (userId, message) => marks.mark(userId, [message]) };
}
