import type { Collection, Db } from 'mongodb';
import type { User, UserRepository } from '../domain/index.ts';
import { isDuplicateKey } from './mongo-errors.ts';

/** `users` documents: the user id is the `_id`; `num` has a unique index. */
export interface UserDocument {
  _id: string;
  num: number;
  name: string;
  createdAt: number;
}

function toUser(doc: UserDocument): User {
  return { id: doc._id, num: doc.num, name: doc.name, createdAt: doc.createdAt };
}

/** Users by id; uniqueness of id and number is left to the indexes. */
export function createUserRepository(db: Db): UserRepository {
  const users: Collection<UserDocument> = db.collection('users');
  return {
    async insert(user) {
      try {
        await users.insertOne({ _id: user.id, num: user.num, name: user.name, createdAt: user.createdAt });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    async get(id) {
      const doc = await users.findOne({ _id: id });
      return doc ? toUser(doc) : null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const docs = await users.find({ _id: { $in: [...ids] } }).toArray();
      return docs.map(toUser);
    },
  };
}
