import type { ChatType, Flag } from '../domain/index.ts';

/**
 * The development sandbox: the users, chats and messages that the request examples of
 * `openapi/*.yaml` name, so that every example executes as written on a fresh development gateway
 * (see docs/sandbox.md). Change an example and this data together; `test/specs/examples.test.ts`
 * executes every example against it.
 */

/** A sandbox user; `role` says what the docs page's one-click token for it is for. */
export interface SandboxUser {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

/** A sandbox chat, created by `creatorId` (members include the creator). */
export interface SandboxChat {
  readonly id: string;
  readonly type: ChatType;
  readonly creatorId: string;
  readonly memberIds: readonly string[];
}

/** A sandbox message, sent in order; the n-th message of the sandbox gets message number n. */
export interface SandboxMessage {
  readonly chatId: string;
  readonly fromId: string;
  readonly clientId: string;
  readonly content: string;
  readonly isEnc?: Flag;
  readonly receiveIds?: readonly string[];
}

export const ALICE = '0x4c3f6cb0cd7df2977ea98e006b61bb899637d1ca';
export const BOB = '0x8a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d';
export const CAROL = '0x1f2e3d4c5b6a79881726354453627180f9e8d7c6';
/** The group chat of the three users (imchat `target_type: group`, record channel 1). */
export const GROUP_CHAT = 's_a7be32fecc0b2015';
/** The single chat of Alice and Bob (imchat `target_type: user`, record channel 0). */
export const DIRECT_CHAT = 's_0d1e2f3a4b5c6d7e';
/** A group for the destructive examples (revoke-chat-ids, clear-chat-ids), so the others stay intact. */
export const SCRATCH_CHAT = 's_9c8b7a6f5e4d3c2b';

/** Alice is the caller every example is written for; Bob and Carol are the other members. */
export const SANDBOX_USERS: readonly SandboxUser[] = [
  { id: ALICE, name: 'Alice', role: 'the caller of every example' },
  { id: BOB, name: 'Bob', role: "Alice's peer in the single chat, a member of the group" },
  { id: CAROL, name: 'Carol', role: 'a member of the group' },
];

export const SANDBOX_CHATS: readonly SandboxChat[] = [
  { id: GROUP_CHAT, type: 2, creatorId: ALICE, memberIds: [ALICE, BOB, CAROL] },
  { id: DIRECT_CHAT, type: 1, creatorId: ALICE, memberIds: [ALICE, BOB] },
  { id: SCRATCH_CHAT, type: 2, creatorId: ALICE, memberIds: [ALICE, BOB] },
];

/**
 * Group: sequences 1..3 (numbers 1..3); direct chat: sequences 1..2 (numbers 4..5); scratch group:
 * sequence 1 (number 6). The examples
 * refer to these: message `0x9f2c…` (group sequence 2), `logId` 5 (Alice's direct message), etc.
 */
export const SANDBOX_MESSAGES: readonly SandboxMessage[] = [
  {
    chatId: GROUP_CHAT,
    fromId: BOB,
    clientId: '0x5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80',
    content: 'hi all',
  },
  {
    chatId: GROUP_CHAT,
    fromId: ALICE,
    clientId: '0x9f2c1d7e5b3a40c8e6d1f0a2b4c6d8e0f1a3b5c7',
    content: 'hello',
  },
  {
    chatId: GROUP_CHAT,
    fromId: ALICE,
    clientId: '0x1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e',
    content: 'BASE64CIPHERTEXT==',
    isEnc: 1,
    receiveIds: [BOB],
  },
  {
    chatId: DIRECT_CHAT,
    fromId: BOB,
    clientId: '0x6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091',
    content: 'hi Alice',
  },
  {
    chatId: DIRECT_CHAT,
    fromId: ALICE,
    clientId: '0x7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2',
    content: 'hello Bob',
  },
  {
    chatId: SCRATCH_CHAT,
    fromId: BOB,
    clientId: '0xa2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5',
    content: 'clear me',
  },
];
