import type { Db } from 'mongodb';
import type { FocusRepository } from '../domain/index.ts';
import { createMarkCollection } from './per-user-marks.ts';

/** `focus`: messages a user starred (record `/app/record/focus`). */
export function createFocusRepository(db: Db): FocusRepository {
  const marks = createMarkCollection(db, 'focus');
  return {
    focus: (userId, message, at) => marks.mark(userId, [message], at),
    focusedAmong: (userId, nums) => marks.markedAmong(userId, nums),
  };
}
