/**
 * The `; name=value` parameters of a header value (RFC 9110 §5.6.6): a value is a token or a
 * quoted-string. Shared by the multipart body's `Content-Type` (boundary) and its parts'
 * `Content-Disposition`. Sticky regexes scan in place: this runs once per multipart request.
 */

/** Why a header value is not `type *( OWS ";" OWS name=value )`. */
export class HeaderSyntaxError extends Error {
  override readonly name = 'HeaderSyntaxError';
}

/** A run of token characters (tchar) at `lastIndex`. */
export const TOKEN_RUN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const SPACES = /[ \t]*/y;
// DQUOTE *( qdtext / quoted-pair ) DQUOTE: no control characters but HTAB
// eslint-disable-next-line no-control-regex -- the control characters are what it excludes
const QUOTED = /"((?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\[^\x00-\x08\x0a-\x1f\x7f])*)"/y;
const QUOTED_PAIR = /\\(.)/g;

/** The match of the sticky `regex` at `at`, or undefined. */
function matchAt(regex: RegExp, text: string, at: number): string | undefined {
  regex.lastIndex = at;
  return regex.exec(text)?.[0];
}

function skipSpace(text: string, at: number): number {
  return at + (matchAt(SPACES, text, at)?.length ?? 0);
}

/** Whether `text` is a non-empty token (a header field name, a parameter name). */
export function isToken(text: string): boolean {
  return TOKEN.test(text);
}

/** The quoted-string at `at`, its quoted-pairs (`\x`) undone, and where it ends. */
function quotedString(text: string, at: number): { value: string; end: number } {
  QUOTED.lastIndex = at;
  const match = QUOTED.exec(text);
  if (!match) throw new HeaderSyntaxError('unterminated quoted string, or a control character inside one');
  const inner = match[1] ?? '';
  return {
    value: inner.includes('\\') ? inner.replace(QUOTED_PAIR, '$1') : inner,
    end: at + match[0].length,
  };
}

/**
 * The parameters after `at` in `text`, names lower-cased. `unquoted` (sticky) matches what an
 * unquoted value may hold (tokens by default). A repeated parameter is an error: which of the
 * two a peer would use is ambiguous.
 */
export function parseParameters(text: string, at: number, unquoted: RegExp = TOKEN_RUN): Map<string, string> {
  const params = new Map<string, string>();
  let pos = skipSpace(text, at);
  while (pos < text.length) {
    if (text[pos] !== ';') throw new HeaderSyntaxError(`expected ";" at "${text.slice(pos, pos + 16)}"`);
    pos = skipSpace(text, pos + 1);
    if (pos >= text.length) break;
    if (text[pos] === ';') continue;
    const name = matchAt(TOKEN_RUN, text, pos);
    const equals = pos + (name?.length ?? 0);
    if (name === undefined || text[equals] !== '=') {
      throw new HeaderSyntaxError(`expected name=value at "${text.slice(pos, pos + 16)}"`);
    }
    let value: string;
    if (text[equals + 1] === '"') {
      const quoted = quotedString(text, equals + 1);
      value = quoted.value;
      pos = quoted.end;
    } else {
      const token = matchAt(unquoted, text, equals + 1);
      if (token === undefined) throw new HeaderSyntaxError(`parameter ${name} has no value`);
      value = token;
      pos = equals + 1 + token.length;
    }
    const key = name.toLowerCase();
    if (params.has(key)) throw new HeaderSyntaxError(`parameter ${key} given twice`);
    params.set(key, value);
    pos = skipSpace(text, pos);
  }
  return params;
}

/** The leading token of a header value (a disposition type), lower-cased, and where it ends. */
export function leadingToken(text: string): { value: string; end: number } {
  const start = skipSpace(text, 0);
  const token = matchAt(TOKEN_RUN, text, start) ?? '';
  return { value: token.toLowerCase(), end: start + token.length };
}
