import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { PushConnection } from '../../src/push/push-connection.ts';
import { ConnectionRegistry } from '../../src/push/registry.ts';

/** Just enough of a `ws` socket: a settable `bufferedAmount` and a record of what was done to it. */
class FakeSocket extends EventEmitter {
  readonly CLOSED = 3;
  readyState = 1;
  bufferedAmount = 0;
  sent: Buffer[] = [];
  closedWith: number | undefined;
  terminated = false;
  send(frame: Buffer): void {
    this.sent.push(frame);
    this.bufferedAmount += frame.length;
  }
  close(code: number): void {
    this.closedWith = code;
  }
  ping(): void {}
  terminate(): void {
    this.terminated = true;
    this.readyState = this.CLOSED;
    this.emit('close');
  }
}

function connection(userId: string, queueLimit = 3, onSlowConsumer = () => {}) {
  const socket = new FakeSocket();
  const tcp = {
    destroyed: false,
    uncorks: 0,
    cork() {},
    /** Uncorking hands everything to the (infinitely fast) kernel. */
    uncork() {
      tcp.uncorks += 1;
      socket.bufferedAmount = 0;
    },
  };
  const conn = new PushConnection(socket as unknown as WebSocket, tcp as unknown as Duplex, userId, 'seed', {
    queueLimit,
    backlogBytes: Number.MAX_SAFE_INTEGER,
    closeGraceMs: 0,
    onSlowConsumer,
  });
  return { socket, conn, tcp };
}

describe('connection registry', () => {
  it('keeps every connection of a user and forgets users without any', () => {
    const registry = new ConnectionRegistry();
    const a1 = connection('alice').conn;
    const a2 = connection('alice').conn;
    const b = connection('bob').conn;
    for (const c of [a1, a2, b, a1]) registry.add(c);
    expect([registry.connections, registry.users]).toEqual([3, 2]);
    expect([...registry.connectionsOf('alice')]).toEqual([a1, a2]);
    expect(registry.connectionsOf('carol').size).toBe(0);
    registry.remove(a1);
    registry.remove(a1);
    registry.remove(a2);
    expect([registry.connections, registry.users]).toEqual([1, 1]);
    expect([...registry.all()]).toEqual([b]);
  });
});

describe('per-connection queue bound', () => {
  it('queues up to the limit, then closes with 4429 and queues nothing more', () => {
    let cutOff = 0;
    const { socket, conn } = connection('alice', 3, () => {
      cutOff += 1;
    });
    const frame = Buffer.from('{"type":"chat.message"}');
    expect([conn.send(frame), conn.send(frame), conn.send(frame)]).toEqual([true, true, true]);
    expect(conn.send(frame)).toBe(false);
    expect(conn.send(frame)).toBe(false);
    expect(socket.sent.length).toBe(3);
    expect(socket.closedWith).toBe(4429);
    expect(socket.terminated).toBe(true);
    expect(cutOff).toBe(1);
  });

  it('never cuts off a reader whose writes reach the kernel', () => {
    const { socket, conn } = connection('alice', 3);
    const frame = Buffer.from('{}');
    for (let i = 0; i < 1_000; i += 1) {
      expect(conn.send(frame)).toBe(true);
      socket.bufferedAmount = 0;
    }
    expect(socket.closedWith).toBeUndefined();
  });

  it('does not count a batch held for one turn as lag, and never holds more than the limit', () => {
    const { socket, conn, tcp } = connection('alice', 3);
    const frame = Buffer.from('{}');
    expect(conn.hold()).toBe(true);
    expect(conn.hold()).toBe(false);
    for (let i = 0; i < 3; i += 1) expect(conn.send(frame)).toBe(true);
    expect(socket.bufferedAmount).toBe(6);
    expect(tcp.uncorks).toBe(0);
    // The fourth frame of the batch releases it first (the kernel takes it all), then goes out itself.
    expect(conn.send(frame)).toBe(true);
    expect(tcp.uncorks).toBe(1);
    expect(socket.closedWith).toBeUndefined();
    // Unheld, the real backlog counts again.
    socket.bufferedAmount = 6;
    expect(conn.send(frame)).toBe(false);
    expect(socket.closedWith).toBe(4429);
  });
});
