import type { Document } from 'bson';
import { valueSize } from '../wire/bson-slices.ts';

/** A projection as a tree of field names: `true` takes (or drops) the whole field. */
type PathTree = Map<string, PathTree | true>;

const DOCUMENT = 0x03;
const ARRAY = 0x04;

function isFlag(value: unknown): value is 0 | 1 | boolean {
  return value === 0 || value === 1 || value === true || value === false;
}

/** The tree of `paths`, or undefined when two paths collide (`a` and `a.b`: mongod refuses those). */
function treeOf(paths: readonly string[]): PathTree | undefined {
  const root: PathTree = new Map();
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.some((part) => part === '' || part.startsWith('$'))) return undefined;
    let node = root;
    for (const [i, part] of parts.entries()) {
      const existing = node.get(part);
      if (i === parts.length - 1) {
        if (existing !== undefined) return undefined;
        node.set(part, true);
      } else if (existing === true) {
        return undefined;
      } else {
        const child: PathTree = existing ?? new Map();
        node.set(part, child);
        node = child;
      }
    }
  }
  return root;
}

/**
 * A plain field projection (only 0/1/true/false, no operators) as a tree and its mode, or
 * undefined for anything else — those keep mingo's general projection.
 */
export function plainProjection(projection: Document): { tree: PathTree; include: boolean } | undefined {
  const entries = Object.entries(projection);
  if (!entries.every(([, value]) => isFlag(value))) return undefined;
  const others = entries.filter(([field]) => field !== '_id');
  const idValue = projection._id as unknown;
  const idShown = idValue === undefined || idValue === 1 || idValue === true;
  const paths = others.map(([field]) => field);
  // `{_id: 1}` alone includes only the id; `{_id: 0}` alone drops only the id.
  const include = others.length === 0 ? idShown : others.some(([, value]) => value === 1 || value === true);
  if (include && others.some(([, value]) => value === 0 || value === false)) return undefined;
  if (include === idShown) paths.push('_id');
  const tree = treeOf(paths);
  return tree && { tree, include };
}

/** Writes `doc`'s selected elements into `out`; false when an array lies on a projected path. */
function pick(doc: Buffer, tree: PathTree, include: boolean, out: Buffer[]): boolean {
  const end = doc.readInt32LE(0) - 1;
  let at = 4;
  while (at < end) {
    const type = doc[at] as number;
    const nameEnd = doc.indexOf(0, at + 1);
    const start = nameEnd + 1;
    const next = start + valueSize(doc, type, start);
    const node = tree.get(doc.toString('utf8', at + 1, nameEnd));
    if (node === undefined) {
      if (!include) out.push(doc.subarray(at, next));
    } else if (node === true) {
      if (include) out.push(doc.subarray(at, next));
    } else if (type === DOCUMENT) {
      const inner = subdocument(doc.subarray(start, next), node, include);
      if (!inner) return false;
      out.push(doc.subarray(at, start), inner);
    } else if (type === ARRAY) {
      return false;
    } else if (!include) {
      out.push(doc.subarray(at, next));
    }
    at = next;
  }
  return true;
}

function subdocument(doc: Buffer, tree: PathTree, include: boolean): Buffer | undefined {
  const parts: Buffer[] = [];
  if (!pick(doc, tree, include, parts)) return undefined;
  return encodeDocument(parts);
}

function encodeDocument(elements: readonly Buffer[]): Buffer {
  const size = elements.reduce((sum, element) => sum + element.length, 5);
  const header = Buffer.allocUnsafe(4);
  header.writeInt32LE(size, 0);
  return Buffer.concat([header, ...elements, Buffer.from([0])], size);
}

/**
 * Applies a plain field projection to a stored document without decoding it: the chosen elements'
 * bytes are copied as they are (so every value keeps its BSON type), in the document's order, as
 * mongod does. Dotted paths descend into embedded documents; an embedded document keeps the
 * chosen fields (`{}` when none), a scalar on a dotted inclusion path is left out. Undefined when
 * an array lies on a projected path (its elements would be projected one by one): the caller
 * falls back to the general projection.
 */
export function projectRaw(
  raw: Uint8Array,
  projection: { tree: PathTree; include: boolean },
): Uint8Array | undefined {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  return subdocument(bytes, projection.tree, projection.include);
}
