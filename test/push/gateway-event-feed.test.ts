import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startGateway } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config/index.ts';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.ts';
import { TEST_SECRET } from '../http/gateway-fixture.ts';

/** A pino logger whose JSON lines are kept, to read what the gateway logged at start. */
function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('the gateway chooses its push event feed at start and logs it', () => {
  it.each([
    ['a standalone server', undefined, 'capped-tail'],
    ['a replica set', 'rs0', 'change-stream'],
  ])('on %s it logs eventFeed %s', async (_label, replicaSet, feed) => {
    const mongo = await startEmbeddedMongo(replicaSet ? { replicaSet } : {});
    const { lines, logger } = recordingLogger();
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: 'memory',
      JWT_SECRET: TEST_SECRET,
      MONGODB_URI: mongo.uri,
      MONGODB_DB: 'gateway_event_feed',
    });
    const gateway = await startGateway(config, { logger });
    try {
      const chosen = lines.filter((line) => 'eventFeed' in line);
      expect(chosen.map((line) => line.eventFeed)).toEqual([feed]);
      expect(String(chosen[0]?.msg)).toMatch(/^push bus: sharing events/);
    } finally {
      await gateway.close();
      await mongo.close();
    }
  });
});
