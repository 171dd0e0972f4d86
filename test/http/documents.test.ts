import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dereference, dereferenceFile } from './dereference.ts';
import { startTestGateway, type TestGateway } from './gateway-fixture.ts';

const ROOT = join(import.meta.dirname, '../..');
const names = readdirSync(join(ROOT, 'openapi'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

/** The parts of a document a reader sees; `components` is compared entry by entry below. */
function visible(doc: Record<string, unknown>): Record<string, unknown> {
  const { components: _components, ...rest } = doc;
  return rest;
}

describe('served documents are equivalent to the files', () => {
  it.each(names)('/openapi/%s.json equals its YAML file once references are resolved', async (name) => {
    const res = await gw.call(`/openapi/${name}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const served = (await res.json()) as Record<string, unknown>;
    const file = join(ROOT, 'openapi', `${name}.yaml`);
    const source = dereferenceFile(file) as Record<string, unknown>;
    const resolved = dereference(served, served, undefined) as Record<string, unknown>;
    expect(visible(resolved)).toEqual(visible(source));
    const sourceComponents = (source.components ?? {}) as Record<string, Record<string, unknown>>;
    const servedComponents = (resolved.components ?? {}) as Record<string, Record<string, unknown>>;
    for (const [kind, entries] of Object.entries(sourceComponents)) {
      for (const [key, value] of Object.entries(entries)) {
        expect(servedComponents[kind]?.[key], `components.${kind}.${key}`).toEqual(value);
      }
    }
  });

  it('/asyncapi.json equals asyncapi/push.yaml', async () => {
    const res = await gw.call('/asyncapi.json');
    expect(res.status).toBe(200);
    const served = await res.json();
    const file = join(ROOT, 'asyncapi/push.yaml');
    const raw = parse(readFileSync(file, 'utf8'));
    expect(dereference(served, served, undefined)).toEqual(dereferenceFile(file));
    expect(served).toEqual(raw);
  });

  it('/docs lists every document and loads Swagger UI from the gateway itself', async () => {
    const res = await gw.call('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const name of names) expect(html).toContain(`/openapi/${name}.json`);
    expect(html).toContain('"persistAuthorization":true');
    for (const asset of ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']) {
      expect((await gw.call(`/docs/assets/${asset}`)).status).toBe(200);
    }
  });
});

describe('health', () => {
  it('/healthz is alive and /readyz pings the store', async () => {
    expect(await (await gw.call('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await gw.call('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
