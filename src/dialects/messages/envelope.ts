/**
 * The success envelope of the messages variant (`openapi/components/messages-schemas.yaml#/OkNullResponse`
 * and its siblings): `{code: 200, data, msg: ""}`. Errors never pass through here; the gateway renders
 * thrown `DomainError`s as `{code, data: null, msg}` (docs/normalization.md A7).
 */
export function ok<Data>(data: Data): { code: 200; data: Data; msg: '' } {
  return { code: 200, data, msg: '' };
}

/** The envelope of operations whose seed answers `data: null` (delete, recall, hide, clear). */
export function okNull(): { code: 200; data: null; msg: '' } {
  return ok(null);
}

/** The `{items}` data of every list-shaped answer (list, detail, mine-list, chat detail). */
export function okItems<Item>(items: Item[]): { code: 200; data: { items: Item[] }; msg: '' } {
  return ok({ items });
}
