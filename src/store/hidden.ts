import type { Db } from 'mongodb';
import type { HiddenRepository } from '../domain/index.ts';
import { createMarkCollection } from './per-user-marks.ts';

/** `hidden`: messages a user deleted for itself only (`/messages/delete-self-all`). */
export function createHiddenRepository(db: Db, clock: () => number = Date.now): HiddenRepository {
  const marks = createMarkCollection(db, 'hidden');
  return {
    hide: (userId, messages) => marks.mark(userId, messages, clock()),
    hiddenAmong: (userId, nums) => marks.markedAmong(userId, nums),
    hiddenBy: (chatId, nums) => marks.markedBy(chatId, nums),
  };
}
