import { beforeAll, describe, expect, it } from 'vitest';
import { type CommandRow, measureCommands } from '../../bench/commands/operations.ts';

/**
 * The hot path measured in store commands at the wire (DESIGN "Store"; issue 10), through a real
 * gateway whose driver counts every command it sends: a send in at most 3 including its event (a
 * lone send; concurrent sends share the event log's inserts, `event-appender.test.ts`), the first
 * page of a read in at most 2, bulk recalls and clears in a number that does not grow with the
 * message count.
 */
const BUDGETS: ReadonlyArray<[string, number]> = [
  ['POST /message/send', 3],
  ['POST /im.chat/send', 3],
  ['POST /record/push', 3],
  ['POST /message/send, 32 at once', 80], // 3 each without sharing the events inserts (68 measured)
  ['POST /message/send (retry of a known id)', 4],
  ['POST /message/list (50)', 2],
  ['POST /im.chat/pull (50)', 2],
  ['POST /im.chat/pull (50, start_recall_index 1)', 3],
  ['POST /app/record/pri-chat-record (50)', 2],
  ['POST /app/record/sync-record (50)', 2],
  ['POST /messages/detail (2)', 2],
  ['POST /messages/revoke-chat-ids (40)', 5],
  ['POST /chat/mine-list', 1],
];

const CONSTANT: ReadonlyArray<[string, string]> = [
  ['POST /messages/delete-batch (1)', 'POST /messages/delete-batch (10)'],
  ['POST /messages/revoke-chat-ids (1)', 'POST /messages/revoke-chat-ids (40)'],
  ['POST /messages/clear-chat-ids (1)', 'POST /messages/clear-chat-ids (40)'],
];

describe('store commands per operation', () => {
  let rows: Map<string, CommandRow>;
  beforeAll(async () => {
    rows = new Map((await measureCommands()).map((row) => [row.operation, row]));
  }, 120_000);

  it.each(BUDGETS)('%s takes at most %i commands', (operation, budget) => {
    const row = rows.get(operation);
    expect(row, operation).toBeDefined();
    expect(row?.commands, row?.trace).toBeLessThanOrEqual(budget);
  });

  it.each(CONSTANT)('%s and %s take the same number of commands', (small, large) => {
    expect(rows.get(large)?.commands, rows.get(large)?.trace).toBe(rows.get(small)?.commands);
  });

  it('a send updates its chat, inserts its message and appends its event, and reads nothing', () => {
    expect(rows.get('POST /message/send')?.trace).toBe('findAndModify:chats insert:messages insert:events');
  });
});
