import fs from 'node:fs';
import path from 'node:path';
import { rebuildIndexes } from './bulk-index.ts';
import type { Collection } from './collection.ts';
import { DataDamagedError } from './data-damaged.ts';
import { Engine } from './engine.ts';
import { decodeRecords, encodeRecord } from './journal-record.ts';
import { type IndexDefinition, OrderedIndex } from './ordered-index.ts';

const MAGIC = Buffer.from('IMGSNAP1');
/** Magic and the u32 generation the snapshot covers. */
export const SNAPSHOT_HEADER_BYTES = MAGIC.length + 4;
/** Documents per snapshot `put` record, in bytes: small enough that a damaged record loses little. */
const PUT_RECORD_BYTES = 256 * 1024;
const WRITE_CHUNK_BYTES = 8 * 1024 * 1024;
export const SNAPSHOT_FILE = 'snapshot.bin';

class ChunkedWriter {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly fd: number) {}

  write(part: Buffer): void {
    this.parts.push(part);
    this.size += part.length;
    if (this.size >= WRITE_CHUNK_BYTES) this.flush();
  }

  flush(): void {
    const data = Buffer.concat(this.parts);
    let written = 0;
    while (written < data.length) written += fs.writeSync(this.fd, data, written);
    this.parts = [];
    this.size = 0;
  }
}

function writeCollection(out: ChunkedWriter, collection: Collection): void {
  out.write(encodeRecord({ kind: 'create', ns: collection.ns, options: { ...collection.options } }));
  for (const index of collection.indexes.values()) {
    if (index.name !== '_id_')
      out.write(encodeRecord({ kind: 'createIndex', ns: collection.ns, spec: { ...index.definition } }));
  }
  let docs: Uint8Array[] = [];
  let bytes = 0;
  for (const raw of collection.records.values()) {
    docs.push(raw);
    bytes += raw.length;
    if (bytes >= PUT_RECORD_BYTES) {
      out.write(encodeRecord({ kind: 'put', ns: collection.ns, docs }));
      docs = [];
      bytes = 0;
    }
  }
  if (docs.length > 0) out.write(encodeRecord({ kind: 'put', ns: collection.ns, docs }));
}

/**
 * Writes the whole state as a snapshot covering journals up to `generation`: to a temporary file,
 * fsynced, then renamed over the old snapshot (and the directory fsynced), so a crash at any
 * point leaves either the old snapshot or the new one, never a partial one.
 */
export function writeSnapshot(dir: string, engine: Engine, generation: number): void {
  const temp = path.join(dir, `${SNAPSHOT_FILE}.tmp`);
  const fd = fs.openSync(temp, 'w');
  try {
    const out = new ChunkedWriter(fd);
    out.write(snapshotHeader(generation));
    for (const collection of engine.everyCollection()) writeCollection(out, collection);
    out.flush();
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, path.join(dir, SNAPSHOT_FILE));
  const dirFd = fs.openSync(dir, 'r');
  fs.fsyncSync(dirFd);
  fs.closeSync(dirFd);
}

/** True when `data` starts with the snapshot magic and a generation. */
export function hasSnapshotHeader(data: Buffer): boolean {
  return data.length >= SNAPSHOT_HEADER_BYTES && data.subarray(0, MAGIC.length).equals(MAGIC);
}

/** The header of a snapshot covering journals up to `generation`. */
export function snapshotHeader(generation: number): Buffer {
  const header = Buffer.alloc(SNAPSHOT_HEADER_BYTES);
  MAGIC.copy(header);
  header.writeUInt32LE(generation, MAGIC.length);
  return header;
}

/** Loads the snapshot (if any) into a new engine, building indexes in bulk at the end. */
export function loadSnapshot(dir: string): { engine: Engine; generation: number } {
  const engine = new Engine();
  const file = path.join(dir, SNAPSHOT_FILE);
  if (!fs.existsSync(file)) return { engine, generation: 0 };
  const data = fs.readFileSync(file);
  if (!hasSnapshotHeader(data)) throw new DataDamagedError(dir, file, 0, 'no snapshot header');
  const generation = data.readUInt32LE(MAGIC.length);
  const body = data.subarray(MAGIC.length + 4);
  const records = decodeRecords(body);
  let step = records.next();
  for (; !step.done; step = records.next()) {
    const op = step.value;
    const [db, name] = [op.ns.slice(0, op.ns.indexOf('.')), op.ns.slice(op.ns.indexOf('.') + 1)];
    if (op.kind === 'create') engine.apply(op);
    else if (op.kind === 'createIndex') {
      engine
        .ensureCollection(db, name)
        .indexes.set(String(op.spec.name), new OrderedIndex(op.spec as IndexDefinition));
    } else if (op.kind === 'put') {
      const collection = engine.ensureCollection(db, name);
      for (const raw of op.docs) collection.loadRecord(raw);
    }
  }
  if (step.value !== body.length) {
    throw new DataDamagedError(dir, file, step.value + SNAPSHOT_HEADER_BYTES, 'a snapshot must be whole');
  }
  for (const collection of engine.everyCollection()) rebuildIndexes(collection);
  return { engine, generation };
}
