import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { postImChatSendRoute } from '../../src/generated/imchat/routes.ts';

/** The handler body both imchatSend apps share: answers from the body, touches no store. */
function sendAnswer(body: { msg: string }): { msg_index: number; timestamp: number } {
  return { msg_index: body.msg.length, timestamp: 1_700_000_000_000_000_000 };
}

/** `/im.chat/send` through @hono/zod-openapi: the generated route, its zod schema validating the body. */
export function validatedApp(): { fetch: (request: Request) => Response | Promise<Response> } {
  const app = new OpenAPIHono();
  app.openapi(postImChatSendRoute, function imchatSend(c) {
    return c.json(sendAnswer(c.req.valid('json')), 200);
  });
  return app;
}

/** The same path and handler body on a plain Hono route: the JSON body is parsed, not validated. */
export function plainApp(): { fetch: (request: Request) => Response | Promise<Response> } {
  const app = new Hono();
  app.post('/im.chat/send', async function imchatSend(c) {
    return c.json(sendAnswer(await c.req.json<{ msg: string }>()), 200);
  });
  return app;
}

/** Hello world on Hono + @hono/node-server. */
export function honoHelloApp(): { fetch: (request: Request) => Response | Promise<Response> } {
  const app = new Hono();
  app.get('/', (c) => c.text('Hello World'));
  return app;
}

/** Serves a fetch app on @hono/node-server at an ephemeral loopback port. */
export function serveFetch(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<number> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    server.on('error', (error: Error) => {
      throw error;
    });
  });
}

/** Hello world on raw `node:http`: the ceiling of the Hono hello world. */
export function serveNodeHello(): Promise<number> {
  const server = http.createServer(function hello(_req, res) {
    res.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8' });
    res.end('Hello World');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}
