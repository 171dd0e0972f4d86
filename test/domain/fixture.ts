import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  type Actor,
  type Chat,
  type ChatType,
  type CreateChatInput,
  createDomain,
  type DomainEvent,
  type ImDomain,
} from '../../src/domain/index.ts';
import type { Store } from '../../src/store/index.ts';
import { embeddedTarget } from '../store/targets.ts';

/** A domain over a fresh database of the embedded server, with a recorded event stream. */
export interface DomainFixture {
  readonly store: Store;
  readonly domain: ImDomain;
  /** Every published event, in order. */
  readonly events: DomainEvent[];
  readonly admin: Actor;
  /** The time the next clock reading returns (each reading adds 1 ms). */
  now(): number;
}

export const START_TIME = 1_713_844_846_080;

export function as(userId: string): Actor {
  return { userId, isAdmin: false };
}

/**
 * Registers hooks that start one embedded server per test file and give every test a fresh
 * database; returns an accessor for the current test's fixture.
 */
export function useDomain(): () => DomainFixture {
  let target: Awaited<ReturnType<typeof embeddedTarget.start>>;
  let current: DomainFixture | undefined;
  beforeAll(async () => {
    target = await embeddedTarget.start();
  });
  afterAll(async () => {
    await target.stop();
  });
  beforeEach(async () => {
    const store = await target.open();
    const events: DomainEvent[] = [];
    let time = START_TIME;
    const domain = createDomain({
      store,
      events: { publish: async (event) => void events.push(event) },
      clock: () => time++,
    });
    current = { store, domain, events, admin: { userId: 'root', isAdmin: true }, now: () => time };
  });
  afterEach(() => {
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('fixture used outside a test');
    return current;
  };
}

/** Creates users by id. */
export async function users(f: DomainFixture, ...ids: string[]): Promise<void> {
  for (const id of ids) await f.domain.provisioning.createUser(f.admin, { id });
}

/** Creates a chat of `type` by `creatorId` with these members (users must exist). */
export function chat(
  f: DomainFixture,
  type: ChatType,
  creatorId: string,
  memberIds: string[],
  extra: Partial<CreateChatInput> = {},
): Promise<Chat> {
  return f.domain.provisioning.createChat(f.admin, { type, creatorId, memberIds, ...extra });
}

/** Sends `content` to a chat as `userId`, with an optional client id and receive ids. */
export async function say(
  f: DomainFixture,
  userId: string,
  chatId: string,
  content: string,
  options: { clientId?: string; receiveIds?: string[] } = {},
) {
  const { message } = await f.domain.messaging.send(as(userId), {
    to: { kind: 'chat', chatId },
    content,
    ...options,
  });
  return message;
}
