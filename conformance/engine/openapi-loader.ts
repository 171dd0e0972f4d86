import { basename, extname, relative } from 'node:path';
import { loadDereferenced } from './dereference.ts';
import { SpecError } from './errors.ts';
import { joinPointer } from './json-pointer.ts';
import type {
  ApiSpec,
  HeaderSpec,
  LinkSpec,
  MediaSpec,
  NamedExample,
  Operation,
  ResponseSpec,
  Schema,
} from './spec-model.ts';

type Node = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function asNode(value: unknown): Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
}

function examplesOf(media: Node): NamedExample[] {
  const named = Object.entries(asNode(media.examples)).map(([name, ex]) => ({
    name,
    value: asNode(ex).value,
  }));
  if ('example' in media) named.push({ name: 'example', value: media.example });
  return named.filter((ex) => ex.value !== undefined);
}

function mediaOf(content: unknown, pointer: string): MediaSpec[] {
  return Object.entries(asNode(content)).map(([mediaType, raw]) => {
    const media = asNode(raw);
    const schema = media.schema === undefined ? undefined : (asNode(media.schema) as Schema);
    return { mediaType, schema, examples: examplesOf(media), pointer: joinPointer(pointer, mediaType) };
  });
}

function headersOf(headers: unknown, pointer: string): HeaderSpec[] {
  return Object.entries(asNode(headers)).map(([name, raw]) => {
    const header = asNode(raw);
    const schema = header.schema === undefined ? undefined : (asNode(header.schema) as Schema);
    return {
      name: name.toLowerCase(),
      required: header.required === true,
      schema,
      pointer: joinPointer(pointer, name),
    };
  });
}

function responsesOf(responses: unknown, pointer: string): ResponseSpec[] {
  return Object.entries(asNode(responses)).map(([status, raw]) => {
    const response = asNode(raw);
    const at = joinPointer(pointer, status);
    return {
      status,
      media: mediaOf(response.content, joinPointer(at, 'content')),
      headers: headersOf(response.headers, joinPointer(at, 'headers')),
      pointer: at,
    };
  });
}

function linksOf(responses: unknown): LinkSpec[] {
  return Object.values(asNode(responses)).flatMap((response) =>
    Object.entries(asNode(asNode(response).links)).map(([name, raw]) => {
      const link = asNode(raw);
      return {
        name,
        operationId: typeof link.operationId === 'string' ? link.operationId : '',
        requestBody: link.requestBody,
        parameters: asNode(link.parameters),
      };
    }),
  );
}

function securityOf(op: Node, doc: Node): { secured: boolean; scopes: string[] } {
  const requirements = (
    Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : []
  ).map(asNode);
  const secured = requirements.length > 0 && !requirements.some((r) => Object.keys(r).length === 0);
  const scopes = requirements.flatMap((r) =>
    Object.values(r).flatMap((v) => (Array.isArray(v) ? v.map(String) : [])),
  );
  return { secured, scopes };
}

function operationOf(
  doc: Node,
  variant: string,
  file: string,
  path: string,
  method: string,
  raw: Node,
): Operation {
  const pointer = joinPointer('#/paths', path, method);
  if (typeof raw.operationId !== 'string')
    throw new SpecError('operation without operationId', file, pointer);
  const body = raw.requestBody === undefined ? undefined : asNode(raw.requestBody);
  const security = securityOf(raw, doc);
  const extensions = Object.fromEntries(Object.entries(raw).filter(([k]) => k.startsWith('x-')));
  const emits = Array.isArray(raw['x-emits']) ? raw['x-emits'].map(String) : [];
  return {
    variant,
    file,
    operationId: raw.operationId,
    method: method.toUpperCase(),
    path,
    pointer,
    summary: typeof raw.summary === 'string' ? raw.summary : '',
    requestBody: body && {
      required: body.required === true,
      media: mediaOf(body.content, joinPointer(pointer, 'requestBody', 'content')),
    },
    responses: responsesOf(raw.responses, joinPointer(pointer, 'responses')),
    secured: security.secured,
    securityScopes: security.scopes,
    emits,
    links: linksOf(raw.responses),
    extensions,
  };
}

/**
 * Loads one OpenAPI 3.0 document as a variant. The variant is `info.x-variant` when present,
 * otherwise the file's base name (`openapi/imchat.yaml` -> `imchat`).
 */
export function loadOpenApi(file: string): ApiSpec {
  const doc = asNode(loadDereferenced(file));
  const shown = relative(process.cwd(), file) || file;
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.0')) {
    throw new SpecError(
      `expected an OpenAPI 3.0 document, found openapi: ${String(doc.openapi)}`,
      shown,
      '#/openapi',
    );
  }
  const info = asNode(doc.info);
  const variant = typeof info['x-variant'] === 'string' ? info['x-variant'] : basename(file, extname(file));
  const operations = Object.entries(asNode(doc.paths)).flatMap(([path, item]) =>
    METHODS.filter((m) => m in asNode(item)).map((m) =>
      operationOf(doc, variant, shown, path, m, asNode(asNode(item)[m])),
    ),
  );
  return { variant, file: shown, title: typeof info.title === 'string' ? info.title : variant, operations };
}
