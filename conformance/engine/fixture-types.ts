import type { Bindings } from '../generators/bindings.ts';
import type { Operation, SpecSet } from './spec-model.ts';

/**
 * The hooks interface: what a run needs to know about the server's state. The imgate provider
 * builds it through the admin API; a foreign server's `--hooks file.ts` returns it directly.
 *
 * ```ts
 * // hooks.ts — for `imgate-conformance --hooks hooks.ts`
 * export default async function provision(ctx: ProvisionContext): Promise<FixtureSet> {
 *   return {
 *     actors: { owner: { id: 'alice', token: 'eyJ…', num: 1 }, member: {…}, outsider: {…} },
 *     adminToken: 'eyJ…',
 *     chats: { group: { id: 's_1', num: 7, members: ['owner', 'member'] } },
 *     bindings: { chat_id: 's_1', 'imchat.target': 's_1', 'imchat.target_type': 'group' },
 *   };
 * }
 * ```
 */
export interface Actor {
  readonly id: string;
  readonly token: string;
  /** The user's number (push `user_id`), when the server has one. */
  readonly num?: number;
}

export interface ChatFixture {
  readonly id: string;
  /** The chat's number (push `chat_id`). */
  readonly num?: number;
  /** Actor names (keys of `actors`) that are members. */
  readonly members: readonly string[];
}

export interface FixtureSet {
  /** `owner` calls by default; `member` shares its chats; `outsider` is in none of them. */
  readonly actors: Readonly<Record<string, Actor>>;
  readonly adminToken?: string;
  readonly chats: Readonly<Record<string, ChatFixture>>;
  /** Pinned request fields for generated cases (see generators/bindings.ts). */
  readonly bindings: Bindings;
  /**
   * A token the server signed that has expired (or expires at `expiresAt`, ms): the push phase
   * waits for that instant and then expects the channel to refuse it. Without it, `push_auth`
   * tries missing and forged tokens only.
   */
  readonly expiredToken?: { readonly token: string; readonly expiresAt: number };
  /** operationId -> actor name or `admin`; default `owner`. */
  readonly roles?: Readonly<Record<string, string>>;
}

/** What a provisioner is told: `purpose` lets it hand out fresh state per phase. */
export interface ProvisionContext {
  readonly target: string;
  readonly purpose: string;
  readonly seed: number;
  readonly specs: SpecSet;
}

export type Provision = (ctx: ProvisionContext) => Promise<FixtureSet>;

/** The token an operation is called with under a fixture set. */
export function tokenFor(fixtures: FixtureSet, operation: Operation, as?: string): string | undefined {
  const role = as ?? fixtures.roles?.[operation.operationId] ?? 'owner';
  return role === 'admin' ? fixtures.adminToken : fixtures.actors[role]?.token;
}
