import pino from 'pino';
import { type RunningGateway, startGateway } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config/index.ts';
import { CommandCounter, describeCommands, type WireCommand } from '../../src/store/index.ts';

/** One operation measured at the wire: store commands of one steady-state call. */
export interface CommandRow {
  readonly operation: string;
  readonly commands: number;
  readonly trace: string;
}

/** What an operation's setup hands to its measured call. */
interface World {
  post(path: string, token: string, body: unknown): Promise<unknown>;
  form(path: string, token: string, frame: unknown): Promise<unknown>;
  readonly tokens: { readonly a: string; readonly b: string; readonly admin: string };
  /** A fresh group of a (creator) and b with `count` messages from a; their client ids and record numbers. */
  group(count: number): Promise<{ chatId: string; ids: string[]; nums: number[] }>;
  readonly direct: string;
}

interface OperationCase {
  readonly name: string;
  /** Prepares one call and returns it; the call's commands are the ones counted. */
  prepare(world: World): Promise<() => Promise<unknown>>;
}

let unique = 0;
function fresh(prefix: string): string {
  unique += 1;
  return `${prefix}_${unique}`;
}
const PAGE = 50;
/** How many sends the concurrent case fires together (the HTTP bench's concurrency). */
const CONCURRENT_SENDS = 32;

/** A long trace as counts per command, in first-seen order (`insert:events ×3`). */
function traceOf(commands: readonly WireCommand[]): string {
  if (commands.length <= 12) return describeCommands(commands);
  const counts = new Map<string, number>();
  for (const c of commands) {
    const key = describeCommands([c]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`).join(' ');
}

/** Every dialect operation that touches messages, with the sizes the issue budgets. */
export const OPERATIONS: readonly OperationCase[] = [
  {
    name: 'POST /message/send',
    prepare: async (w) => {
      const g = await w.group(1);
      return () => w.post('/message/send', w.tokens.a, { id: fresh('m'), chat_id: g.chatId, content: 'x' });
    },
  },
  {
    // Concurrent sends share the event log's inserts (group commit): fewer than 3 commands a send.
    name: `POST /message/send, ${CONCURRENT_SENDS} at once`,
    prepare: async (w) => {
      const g = await w.group(1);
      return () =>
        Promise.all(
          Array.from({ length: CONCURRENT_SENDS }, () =>
            w.post('/message/send', w.tokens.a, { id: fresh('m'), chat_id: g.chatId, content: 'x' }),
          ),
        );
    },
  },
  {
    name: 'POST /message/send (retry of a known id)',
    prepare: async (w) => {
      const g = await w.group(3);
      return () => w.post('/message/send', w.tokens.a, { id: g.ids[2], chat_id: g.chatId, content: 'm2' });
    },
  },
  {
    name: 'POST /im.chat/send',
    prepare: async (w) => {
      const g = await w.group(1);
      return () => w.post('/im.chat/send', w.tokens.a, { target: g.chatId, target_type: 'group', msg: 'x' });
    },
  },
  {
    name: 'POST /record/push',
    prepare: async (w) => {
      const g = await w.group(1);
      const frame = () => ({ channelType: 1, target: g.chatId, msgId: fresh('r'), msgType: 1, msg: 'x' });
      return () => w.form('/record/push', w.tokens.a, frame());
    },
  },
  {
    name: 'POST /message/list (50)',
    prepare: async (w) => {
      const g = await w.group(PAGE + 10);
      return () =>
        w.post('/message/list', w.tokens.b, {
          chat_id: g.chatId,
          sequence: 5,
          direction: 'down',
          count: PAGE,
        });
    },
  },
  {
    name: 'POST /im.chat/pull (50)',
    prepare: async (w) => {
      const g = await w.group(PAGE + 10);
      const body = {
        target: g.chatId,
        target_type: 'group',
        direction: 'after',
        start_msg_index: 5,
        count: PAGE,
      };
      return () => w.post('/im.chat/pull', w.tokens.b, body);
    },
  },
  {
    name: 'POST /im.chat/pull (50, start_recall_index 1)',
    prepare: async (w) => {
      const g = await w.group(PAGE + 10);
      await w.post('/im.chat/recall', w.tokens.a, { target: g.chatId, target_type: 'group', msg_index: 7 });
      const body = {
        target: g.chatId,
        target_type: 'group',
        direction: 'after',
        start_msg_index: 5,
        start_recall_index: 1,
        count: PAGE,
      };
      return () => w.post('/im.chat/pull', w.tokens.b, body);
    },
  },
  {
    name: 'POST /app/record/pri-chat-record (50)',
    prepare: async (w) => () =>
      w.post('/app/record/pri-chat-record', w.tokens.b, { targetId: 'a', count: PAGE, logId: '0' }),
  },
  {
    name: 'POST /app/record/sync-record (50)',
    prepare: async (w) => () => w.post('/app/record/sync-record', w.tokens.b, { count: PAGE }),
  },
  {
    name: 'POST /messages/detail (2)',
    prepare: async (w) => {
      const g = await w.group(3);
      return () => w.post('/messages/detail', w.tokens.b, { ids: g.ids.slice(0, 2) });
    },
  },
  {
    name: 'POST /im.chat/ack',
    prepare: async (w) => {
      const g = await w.group(5);
      return () =>
        w.post('/im.chat/ack', w.tokens.b, { target: g.chatId, target_type: 'group', msg_index: 4 });
    },
  },
  {
    name: 'POST /im.chat/recall',
    prepare: async (w) => {
      const g = await w.group(3);
      return () =>
        w.post('/im.chat/recall', w.tokens.a, { target: g.chatId, target_type: 'group', msg_index: 2 });
    },
  },
  {
    name: 'POST /app/record/revoke',
    prepare: async (w) => {
      const g = await w.group(3);
      return () => w.post('/app/record/revoke', w.tokens.a, { type: 1, logId: g.nums[1] });
    },
  },
  {
    name: 'POST /app/record/focus',
    prepare: async (w) => {
      const g = await w.group(3);
      return () => w.post('/app/record/focus', w.tokens.b, { type: 1, logId: g.nums[1] });
    },
  },
  ...[1, 10].map((n) => ({
    name: `POST /messages/delete-batch (${n})`,
    prepare: async (w: World) => {
      const g = await w.group(n);
      return () => w.post('/messages/delete-batch', w.tokens.a, { ids: g.ids });
    },
  })),
  {
    name: 'POST /messages/delete-self-all (10)',
    prepare: async (w) => {
      const g = await w.group(10);
      return () => w.post('/messages/delete-self-all', w.tokens.b, { ids: g.ids });
    },
  },
  {
    name: 'POST /messages/delete-chat-ids (40)',
    prepare: async (w) => {
      const g = await w.group(40);
      return () => w.post('/messages/delete-chat-ids', w.tokens.a, { chat_ids: [g.chatId] });
    },
  },
  ...[1, 40].map((n) => ({
    name: `POST /messages/revoke-chat-ids (${n})`,
    prepare: async (w: World) => {
      const g = await w.group(n);
      return () => w.post('/messages/revoke-chat-ids', w.tokens.a, { chat_ids: [g.chatId] });
    },
  })),
  ...[1, 40].map((n) => ({
    name: `POST /messages/clear-chat-ids (${n})`,
    prepare: async (w: World) => {
      const g = await w.group(n);
      return () => w.post('/messages/clear-chat-ids', w.tokens.admin, { chat_ids: [g.chatId] });
    },
  })),
  {
    name: 'POST /messages/delete-self-chat-ids',
    prepare: async (w) => {
      const g = await w.group(3);
      return () => w.post('/messages/delete-self-chat-ids', w.tokens.b, { chat_ids: [g.chatId] });
    },
  },
  {
    name: 'POST /chat/mine-list',
    prepare: async (w) => () => w.post('/chat/mine-list', w.tokens.b, {}),
  },
  {
    name: 'POST /chat/detail',
    prepare: async (w) => () => w.post('/chat/detail', w.tokens.b, { ids: [w.direct] }),
  },
];

async function call(gateway: RunningGateway, path: string, token: string, init: RequestInit) {
  const response = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/**
 * Starts a gateway over an in-memory embedded store with a `CommandCounter` on its driver,
 * provisions users a and b (a direct chat with messages), and measures each operation once
 * warmed up (caches and number blocks filled by one earlier call of the same kind).
 */
export async function measureCommands(only?: (name: string) => boolean): Promise<CommandRow[]> {
  const counter = new CommandCounter();
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: 'memory',
    JWT_SECRET: 'c'.repeat(40),
    LOG_LEVEL: 'silent',
  });
  const gateway = await startGateway(config, {
    logger: pino({ level: 'silent' }),
    onStoreCommand: counter.onCommand,
  });
  try {
    const mint = gateway.mintToken;
    if (!mint) throw new Error('no token minter');
    const token = async (sub: string, admin = false) => (await mint({ sub, admin, ttlSeconds: 3600 })).token;
    const tokens = { a: await token('a'), b: await token('b'), admin: await token('root', true) };
    const post = (path: string, t: string, body: unknown) =>
      call(gateway, path, t, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const form = (path: string, t: string, frame: unknown) => {
      const data = new FormData();
      data.append('file', new Blob([JSON.stringify(frame)], { type: 'application/json' }), 'frame.json');
      return call(gateway, path, t, { body: data });
    };
    for (const id of ['a', 'b']) await post('/admin/users', tokens.admin, { id });
    const direct = (
      (await post('/admin/chats', tokens.admin, { type: 1, creator_id: 'a', member_ids: ['b'] })) as {
        id: string;
      }
    ).id;
    for (let i = 0; i < PAGE + 5; i++) {
      await form('/record/push', tokens.a, {
        channelType: 0,
        target: 'b',
        msgId: fresh('d'),
        msgType: 1,
        msg: 'x',
      });
    }
    const world: World = {
      post,
      form,
      tokens,
      direct,
      async group(count) {
        const chat = (await post('/admin/chats', tokens.admin, {
          type: 2,
          creator_id: 'a',
          member_ids: ['b'],
        })) as {
          id: string;
        };
        const ids: string[] = [];
        const nums: number[] = [];
        for (let i = 0; i < count; i++) {
          const msgId = fresh('g');
          const frame = { channelType: 1, target: chat.id, msgId, msgType: 1, msg: `m${i}` };
          nums.push(((await form('/record/push', tokens.a, frame)) as { logId: number }).logId);
          ids.push(msgId);
        }
        return { chatId: chat.id, ids, nums };
      },
    };
    const rows: CommandRow[] = [];
    for (const operation of OPERATIONS.filter((o) => only?.(o.name) ?? true)) {
      await (
        await operation.prepare(world)
      )(); // warm-up: caches, number blocks
      const run = await operation.prepare(world);
      counter.take();
      await run();
      const commands = counter.take();
      rows.push({ operation: operation.name, commands: commands.length, trace: traceOf(commands) });
    }
    return rows;
  } finally {
    await gateway.close();
  }
}
