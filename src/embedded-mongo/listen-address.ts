import fs from 'node:fs';
import type net from 'node:net';

/** Where the server listens: a TCP host and port, or a Unix domain socket path. */
export type ListenAddress = { kind: 'tcp'; host: string; port: number } | { kind: 'socket'; path: string };

/** Linux's limit on a socket path (108 bytes with the terminating NUL). */
export const MAX_SOCKET_PATH_BYTES = 107;

/**
 * Listens on `address`. A socket file is made unreachable to other local users: a stale file is
 * removed first and the new one is chmod 0600 (the directory it lives in should be 0700 as well,
 * so that nobody can connect in the moment between `listen` and `chmod`).
 */
export async function listenOn(server: net.Server, address: ListenAddress): Promise<void> {
  if (address.kind === 'socket') {
    if (Buffer.byteLength(address.path) > MAX_SOCKET_PATH_BYTES) {
      throw new Error(`socket path ${address.path} is longer than ${MAX_SOCKET_PATH_BYTES} bytes`);
    }
    fs.rmSync(address.path, { force: true });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (address.kind === 'socket') server.listen(address.path, () => resolve());
    else server.listen(address.port, address.host, () => resolve());
  });
  if (address.kind === 'socket') fs.chmodSync(address.path, 0o600);
}

/** The driver's connection string for `address` (a socket path is URL-encoded into the host). */
export function mongoUri(server: net.Server, address: ListenAddress): { uri: string; port: number } {
  if (address.kind === 'socket') {
    return { uri: `mongodb://${encodeURIComponent(address.path)}/?directConnection=true`, port: 0 };
  }
  const port = (server.address() as net.AddressInfo).port;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return { uri: `mongodb://${host}:${port}/?directConnection=true`, port };
}
