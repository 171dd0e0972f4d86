/**
 * The `; name=value` parameters of a header value (RFC 9110 §5.6.6): a value is a token or a
 * quoted-string. Shared by the multipart body's `Content-Type` (boundary) and its parts'
 * `Content-Disposition`.
 */

/** Why a header value is not `type *( OWS ";" OWS name=value )`. */
export class HeaderSyntaxError extends Error {
  override readonly name = 'HeaderSyntaxError';
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

function skipSpace(text: string, at: number): number {
  while (isSpace(text[at])) at += 1;
  return at;
}

/** The run of characters at `at` that `accept` takes; `end` is just past it. */
function run(text: string, at: number, accept: (char: string) => boolean): { value: string; end: number } {
  let end = at;
  while (end < text.length && accept(text[end] ?? '')) end += 1;
  return { value: text.slice(at, end), end };
}

function isTokenChar(char: string): boolean {
  return TCHAR.test(char);
}

/** Whether `text` is a non-empty token (a header field name, a parameter name). */
export function isToken(text: string): boolean {
  return TOKEN.test(text);
}

/** A quoted-string at `at` (which holds the opening quote), its quoted-pairs (`\x`) undone. */
function quotedString(text: string, at: number): { value: string; end: number } {
  let value = '';
  for (let i = at + 1; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '"') return { value, end: i + 1 };
    if (char === '\\') {
      i += 1;
      if (i >= text.length) break;
      value += text[i];
    } else if (char < ' ' && char !== '\t') {
      throw new HeaderSyntaxError('control character inside a quoted string');
    } else {
      value += char;
    }
  }
  throw new HeaderSyntaxError('unterminated quoted string');
}

/**
 * The parameters after `at` in `text`, names lower-cased. `unquoted` says which characters an
 * unquoted value may hold (tokens by default). A repeated parameter is an error: which of the two
 * a peer would use is ambiguous.
 */
export function parseParameters(
  text: string,
  at: number,
  unquoted: (char: string) => boolean = isTokenChar,
): Map<string, string> {
  const params = new Map<string, string>();
  let pos = skipSpace(text, at);
  while (pos < text.length) {
    if (text[pos] !== ';') throw new HeaderSyntaxError(`expected ";" at "${text.slice(pos, pos + 16)}"`);
    pos = skipSpace(text, pos + 1);
    if (pos >= text.length) break;
    if (text[pos] === ';') continue;
    const name = run(text, pos, isTokenChar);
    if (name.value === '' || text[name.end] !== '=') {
      throw new HeaderSyntaxError(`expected name=value at "${text.slice(pos, pos + 16)}"`);
    }
    const value =
      text[name.end + 1] === '"' ? quotedString(text, name.end + 1) : run(text, name.end + 1, unquoted);
    if (value.value === '' && text[name.end + 1] !== '"') {
      throw new HeaderSyntaxError(`parameter ${name.value} has no value`);
    }
    const key = name.value.toLowerCase();
    if (params.has(key)) throw new HeaderSyntaxError(`parameter ${key} given twice`);
    params.set(key, value.value);
    pos = skipSpace(text, value.end);
  }
  return params;
}

/** The leading token of a header value (a disposition type), lower-cased, and where it ends. */
export function leadingToken(text: string): { value: string; end: number } {
  const start = skipSpace(text, 0);
  const token = run(text, start, isTokenChar);
  return { value: token.value.toLowerCase(), end: token.end };
}
