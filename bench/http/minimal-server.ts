import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../../src/store/index.ts';
import { type Fixture, storeReadPage, storeSend } from './store-ops.ts';

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The ceiling servers of `bench/http`: raw `node:http` on the gateway's driver and store, doing
 * only the essential work — `POST /send {id}`: one `findOneAndUpdate` `$inc` and one `insertOne`;
 * `POST /read {after}`: one indexed `find` of 50 — and answering JSON. No auth, no validation,
 * no framework, no event: what any server must at least do for a send and a read.
 */
export function startMinimalServer(store: Store, fixture: Fixture): Promise<number> {
  const server = http.createServer(function minimal(req, res) {
    void (async () => {
      try {
        const body = JSON.parse(await readBody(req)) as { id?: string; after?: number };
        const answer =
          req.url === '/send'
            ? { sequence: await storeSend(store, fixture, String(body.id)) }
            : { items: await storeReadPage(store, fixture, Number(body.after ?? 0)) };
        const text = JSON.stringify(answer);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      } catch {
        res.writeHead(500).end();
      }
    })();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}
