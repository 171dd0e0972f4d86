import WebSocket from 'ws';

/** One frame as received, in arrival order. */
export interface PushFrame {
  readonly at: number;
  readonly text: string;
  /** Parsed JSON, or undefined when the frame is not JSON. */
  readonly json: unknown;
}

/**
 * A push connection for one actor: it collects every frame so that expectations can be judged
 * after the fact (events may arrive before the HTTP response that caused them).
 */
export interface PushListener {
  readonly actor: string;
  readonly frames: PushFrame[];
  close(): void;
}

/**
 * How a connection presents its token: the `token` query parameter (browsers) or the
 * `Authorization: Bearer` header of the upgrade request (asyncapi/push.yaml#/channels/ws/bindings/ws).
 */
export type PushAuth = 'query' | 'header';

/** The WebSocket URL of a channel on the target: `http://h:p` + `/ws` -> `ws://h:p/ws?token=…`. */
export function pushUrl(target: string, address: string, token?: string): string {
  const url = new URL(address, target.endsWith('/') ? target : `${target}/`);
  url.pathname = address;
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token !== undefined) url.searchParams.set('token', token);
  return url.toString();
}

/** Opens a connection and resolves once it is open; `onFrame` sees every frame as it arrives. */
export function listen(
  url: string,
  actor: string,
  onFrame: (frame: PushFrame) => void,
  options: { readonly headers?: Readonly<Record<string, string>>; readonly timeoutMs?: number } = {},
): Promise<PushListener> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, {
      handshakeTimeout: options.timeoutMs ?? 5000,
      headers: { ...options.headers },
    });
    const frames: PushFrame[] = [];
    socket.on('message', (data) => {
      const text = (data as Buffer).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const frame = { at: performance.now(), text, json };
      frames.push(frame);
      onFrame(frame);
    });
    socket.once('open', () => resolve({ actor, frames, close: () => socket.terminate() }));
    socket.once('error', (error) => reject(error));
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused with ${res.statusCode}`)),
    );
  });
}
