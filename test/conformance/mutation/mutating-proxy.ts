import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import type { Mutation, WireMemory } from './mutation-types.ts';

export interface MutatingProxy {
  readonly url: string;
  close(): Promise<void>;
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parse(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A reverse proxy on 127.0.0.1 in front of a real server: HTTP answers and WebSocket frames pass
 * through one `Mutation` (reorder, drop, duplicate, rewrite), so the suite can be shown to catch
 * a wire-level breach of each promise. Without a mutation it is transparent.
 */
export async function startMutatingProxy(target: string, mutation?: Mutation): Promise<MutatingProxy> {
  const upstream = new URL(target);
  const memory: WireMemory = { calls: new Map(), facts: new Map() };
  const clients = new Set<WebSocket>();
  const server: Server = createServer(
    (req, res) =>
      void (async () => {
        const body = await readAll(req);
        const headers = { ...req.headers, host: upstream.host };
        const answer: { status: number; headers: Record<string, string>; bytes: Buffer } = await new Promise<{
          status: number;
          headers: Record<string, string>;
          bytes: Buffer;
        }>((resolve, reject) => {
          const out = request(
            { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
            (r) => {
              readAll(r).then((bytes) => {
                const h: Record<string, string> = {};
                for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) h[k] = String(v);
                resolve({ status: r.statusCode ?? 502, headers: h, bytes });
              }, reject);
            },
          );
          out.on('error', reject);
          out.end(body);
        }).catch(() => ({ status: 502, headers: {}, bytes: Buffer.alloc(0) }));
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const json = parse(answer.bytes);
        const requestBody = parse(body) ?? body.toString('utf8');
        const rewritten =
          mutation?.answer && json !== undefined && answer.status < 300
            ? mutation.answer({ path, request: requestBody, answer: json, memory, raw: body })
            : undefined;
        const bytes = rewritten === undefined ? answer.bytes : Buffer.from(JSON.stringify(rewritten));
        const { 'content-length': _, 'transfer-encoding': __, ...rest } = answer.headers;
        res.writeHead(answer.status, { ...rest, 'content-length': String(bytes.length) });
        res.end(bytes);
      })(),
  );
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `ws://${upstream.host}`);
    const headers: Record<string, string> = req.headers.authorization
      ? { authorization: req.headers.authorization }
      : {};
    const open = (u: URL, h: Record<string, string>, retry: boolean) => {
      const up = new WebSocket(u, { headers: h });
      up.once('unexpected-response', (_r, res) => {
        up.removeAllListeners('error');
        up.on('error', () => undefined);
        up.terminate();
        const good = mutation?.credentials?.(memory);
        if (retry && good) return open(new URL(good.url), good.headers, false);
        socket.end(
          `HTTP/1.1 ${res.statusCode ?? 502} Refused\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`,
        );
      });
      up.once('error', () => socket.destroy());
      up.once('open', () => {
        memory.facts.set('ws:good', { url: u.toString(), headers: h });
        wss.handleUpgrade(req, socket, head, (client) => {
          clients.add(client);
          up.on('message', (data: Buffer) => {
            const text = data.toString('utf8');
            const frames = mutation?.frame ? mutation.frame(text, memory) : [text];
            for (const f of frames) client.send(f);
            if (mutation?.broadcast) for (const other of clients) if (other !== client) other.send(text);
          });
          client.on('close', () => {
            clients.delete(client);
            up.terminate();
          });
          up.on('close', () => client.close());
        });
      });
    };
    open(url, headers, true);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
