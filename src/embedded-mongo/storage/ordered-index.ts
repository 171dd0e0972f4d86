import type { Document } from 'bson';
import { CommandError } from '../errors.ts';
import { encodeDirected } from './index-key.ts';
import { valuesAtPath } from './key-paths.ts';
import { SortedKeys } from './sorted-keys.ts';
import { documentMatcher, type DocumentTest } from '../query/simple-match.ts';

/** An index as the `createIndexes` command describes it (and `listIndexes` returns it). */
export interface IndexDefinition {
  name: string;
  key: Document;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
}

/**
 * One ordered secondary (or `_id`) index: encoded compound keys in a sorted structure.
 * Multikey: an array value contributes one key per element, as in MongoDB.
 */
export class OrderedIndex {
  readonly name: string;
  readonly fields: ReadonlyArray<readonly [string, number]>;
  readonly unique: boolean;
  readonly entries = new SortedKeys();
  /** True once any document produced several keys: such an index cannot provide sort order. */
  multikey = false;
  private readonly partial: DocumentTest | undefined;
  /** Plain top-level fields and no partial filter: keys can be built without path expansion. */
  private readonly topLevel: boolean;
  /** The top-level fields its keys are read from (the first segment of each key path). */
  private readonly sourceFields: readonly string[];

  constructor(readonly definition: IndexDefinition) {
    this.name = definition.name;
    this.fields = Object.entries(definition.key).map(([field, dir]) => {
      if (typeof dir !== 'number' || (dir !== 1 && dir !== -1)) {
        throw new CommandError(67, `Unsupported index key value ${JSON.stringify(dir)} for ${field}`);
      }
      return [field, dir] as const;
    });
    if (this.fields.length === 0) throw new CommandError(67, 'Index keys cannot be an empty object');
    this.unique = definition.unique === true || this.name === '_id_';
    const filter = definition.partialFilterExpression;
    this.partial = filter ? documentMatcher(filter) : undefined;
    this.topLevel = !this.partial && this.fields.every(([field]) => !field.includes('.'));
    this.sourceFields = this.fields.map(([field]) => field.split('.')[0] as string);
  }

  /**
   * Whether rewriting a document from `before` to `after` (their top-level elements' bytes) can
   * change its keys: not when every field the keys come from is byte for byte the same. A partial
   * filter may read any field, so such an index always counts as changed.
   */
  keysMayChange(before: ReadonlyMap<string, Buffer>, after: ReadonlyMap<string, Buffer>): boolean {
    if (this.partial) return true;
    return this.sourceFields.some((field) => {
      const old = before.get(field);
      const next = after.get(field);
      return old === undefined || next === undefined ? old !== next : !old.equals(next);
    });
  }

  /** True when the index may skip documents (sparse or partial): the planner then ignores it. */
  get isFiltered(): boolean {
    return this.partial !== undefined || this.definition.sparse === true;
  }

  /** Encoded keys of a document; empty when a sparse or partial index excludes it. */
  keysOf(doc: Document): string[] {
    if (this.topLevel) {
      let key = '';
      let present = false;
      for (const [field, dir] of this.fields) {
        const value = doc[field];
        if (Array.isArray(value)) return this.expandedKeysOf(doc);
        if (value !== undefined) present = true;
        key += encodeDirected(value, dir);
      }
      return present || !this.definition.sparse ? [key] : [];
    }
    return this.expandedKeysOf(doc);
  }

  /** The general case: dotted paths, arrays (multikey), partial filters. */
  private expandedKeysOf(doc: Document): string[] {
    if (this.partial && !this.partial(doc)) return [];
    let keys = [''];
    let present = false;
    for (const [field, dir] of this.fields) {
      const values = valuesAtPath(doc, field);
      const expanded = values.flatMap((v) => (Array.isArray(v) ? (v.length ? v : [undefined]) : [v]));
      if (expanded.some((v) => v !== undefined)) present = true;
      const parts = [...new Set(expanded.map((v) => encodeDirected(v, dir)))];
      if (parts.length > 1 && keys.length > 1) {
        throw new CommandError(171, `cannot index parallel arrays [${field}] in index ${this.name}`);
      }
      keys = keys.flatMap((prefix) => parts.map((part) => prefix + part));
    }
    if (!present && this.definition.sparse) return [];
    return keys;
  }

  add(keys: readonly string[], rid: number): void {
    if (keys.length > 1) this.multikey = true;
    for (const key of keys) this.entries.insert(key, rid);
  }

  delete(keys: readonly string[], rid: number): void {
    for (const key of keys) this.entries.remove(key, rid);
  }

  /** A record other than `rid` that already holds one of `keys` in a unique index. */
  conflict(keys: readonly string[], rid: number): number | undefined {
    if (!this.unique) return undefined;
    for (const key of keys) {
      const holder = this.entries.ridsOf(key).find((other) => other !== rid);
      if (holder !== undefined) return holder;
    }
    return undefined;
  }

  /** The `listIndexes` document. */
  describe(): Document {
    const { name, key, ...options } = this.definition;
    return { v: 2, key, name, ...options };
  }
}
