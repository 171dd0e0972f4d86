import { HeaderSyntaxError, isToken, leadingToken, parseParameters } from './header-params.ts';

/**
 * A strict parser of a whole, already-read `multipart/form-data` body (RFC 7578 over RFC 2046):
 * the boundary from the content type, the preamble and epilogue ignored, CRLF delimiters (bare
 * LF is malformed), the close delimiter required, each part's `Content-Disposition: form-data;
 * name=…[; filename=…]`, `Content-Type` and `Content-Transfer-Encoding`. Parts are byte views of
 * the input; turning them into form values is the caller's choice.
 */

/** Why a body is not a well-formed `multipart/form-data` body, in words a client can act on. */
export class MultipartError extends Error {
  override readonly name = 'MultipartError';
}

export interface MultipartPart {
  readonly name: string;
  /** Present for a file part (`filename` given, possibly empty), absent for a plain field. */
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

export interface MultipartLimits {
  /** Parts beyond this many are refused. */
  readonly maxParts: number;
  /** Bytes of one part's header block (all its header lines) beyond this are refused. */
  readonly maxHeaderBytes: number;
}

export const DEFAULT_MULTIPART_LIMITS: MultipartLimits = { maxParts: 64, maxHeaderBytes: 8 * 1024 };

// RFC 2046 §5.1.1: bcharsnospace, plus space anywhere but last; 1 to 70 characters.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
const BCHARS_RUN = /[0-9A-Za-z'()+_,\-./:=?]+/y;
const HEADERS_END = Buffer.from('\r\n\r\n');
const DASH = 0x2d;
const CR = 0x0d;
const LF = 0x0a;
// Identity encodings and base64 (RFC 2045 §6): RFC 7578 deprecates the header, some clients send it.
const TRANSFER_ENCODINGS = new Set(['7bit', '8bit', 'binary', 'base64']);
const BARE_CR_OR_LF = /[\r\n]/;
const OUTER_SPACE = /^[ \t]+|[ \t]+$/g;
const HTML_ESCAPE = /%(22|0d|0a)/gi;

/**
 * The boundary of a `multipart/form-data` content type, quoted or not. An unquoted boundary may
 * hold the boundary characters that are not token characters (`:`, `/`, `=`, …): clients send
 * them unquoted and the route's media-type check lets them through.
 */
export function multipartBoundary(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  const essence = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  if (essence !== 'multipart/form-data') throw new MultipartError(`content type is not multipart/form-data`);
  let params: Map<string, string>;
  try {
    params =
      semicolon === -1 ? new Map<string, string>() : parseParameters(contentType, semicolon, BCHARS_RUN);
  } catch (error) {
    if (error instanceof HeaderSyntaxError) throw new MultipartError(`content type: ${error.message}`);
    throw error;
  }
  const boundary = params.get('boundary');
  if (boundary === undefined) throw new MultipartError('content type has no boundary parameter');
  if (!BOUNDARY.test(boundary)) {
    throw new MultipartError('boundary must be 1 to 70 characters of RFC 2046 bchars, not ending in a space');
  }
  return boundary;
}

/** Just past transport padding (spaces, tabs) and a CRLF at `at`, or -1 if no CRLF follows. */
function lineEnd(body: Buffer, at: number): number {
  let pos = at;
  while (body[pos] === 0x20 || body[pos] === 0x09) pos += 1;
  return body[pos] === CR && body[pos + 1] === LF ? pos + 2 : -1;
}

type Delimiter = { kind: 'part'; next: number } | { kind: 'close' } | undefined;

/** What follows `--boundary` at `at`: another part (starting at `next`), the close, or neither. */
function afterBoundary(body: Buffer, at: number): Delimiter {
  if (body[at] === DASH && body[at + 1] === DASH) {
    const end = at + 2;
    return lineEnd(body, end) !== -1 || paddingToEnd(body, end) ? { kind: 'close' } : undefined;
  }
  const next = lineEnd(body, at);
  return next === -1 ? undefined : { kind: 'part', next };
}

/**
 * The first delimiter (`CRLF--boundary` then CRLF or `--`) at or after `from`. One followed by
 * anything else is content, as RFC 2046's delimiter grammar has it.
 */
function nextDelimiter(
  body: Buffer,
  delimiter: Buffer,
  from: number,
): { at: number; found: NonNullable<Delimiter> } | undefined {
  for (let at = body.indexOf(delimiter, from); at !== -1; at = body.indexOf(delimiter, at + 1)) {
    const found = afterBoundary(body, at + delimiter.length);
    if (found) return { at, found };
  }
  return undefined;
}

function paddingToEnd(body: Buffer, at: number): boolean {
  for (let pos = at; pos < body.length; pos += 1) if (body[pos] !== 0x20 && body[pos] !== 0x09) return false;
  return true;
}

/** The value of a part's `Content-Disposition`: `form-data` with a `name`, maybe a `filename`. */
function disposition(value: string): { name: string; filename: string | undefined } {
  const type = leadingToken(value);
  if (type.value !== 'form-data') {
    throw new MultipartError(`part Content-Disposition must be form-data, not "${type.value}"`);
  }
  let params: Map<string, string>;
  try {
    params = parseParameters(value, type.end);
  } catch (error) {
    if (error instanceof HeaderSyntaxError)
      throw new MultipartError(`part Content-Disposition: ${error.message}`);
    throw error;
  }
  const name = params.get('name');
  if (name === undefined) throw new MultipartError('part without a name in its Content-Disposition');
  const filename = params.get('filename');
  return { name: htmlUnescape(name), filename: filename === undefined ? undefined : htmlUnescape(filename) };
}

/** Browsers escape `"`, CR and LF in names as %22, %0D, %0A (HTML's form-data encoding). */
function htmlUnescape(value: string): string {
  return value.includes('%')
    ? value.replace(HTML_ESCAPE, (m) => String.fromCharCode(parseInt(m.slice(1), 16)))
    : value;
}

interface PartHeaders {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  base64: boolean;
}

/** The header lines of one part (the text between the boundary line and the empty line). */
function partHeaders(text: string): PartHeaders {
  let found: { name: string; filename: string | undefined } | undefined;
  let contentType: string | undefined;
  let base64 = false;
  for (const line of text === '' ? [] : text.split('\r\n')) {
    const colon = line.indexOf(':');
    const field = colon === -1 ? '' : line.slice(0, colon);
    if (!isToken(field)) {
      throw new MultipartError(`part header line is not "Name: value": "${line.slice(0, 40)}"`);
    }
    if (BARE_CR_OR_LF.test(line)) throw new MultipartError('bare CR or LF in a part header');
    const value = line.slice(colon + 1).replace(OUTER_SPACE, '');
    switch (field.toLowerCase()) {
      case 'content-disposition':
        if (found) throw new MultipartError('part with two Content-Disposition headers');
        found = disposition(value);
        break;
      case 'content-type':
        contentType = value;
        break;
      case 'content-transfer-encoding': {
        const encoding = value.toLowerCase();
        if (!TRANSFER_ENCODINGS.has(encoding)) {
          throw new MultipartError(`unsupported part Content-Transfer-Encoding "${value}"`);
        }
        base64 = encoding === 'base64';
        break;
      }
    }
  }
  if (!found) throw new MultipartError('part without a Content-Disposition header');
  return { name: found.name, filename: found.filename, contentType, base64 };
}

/**
 * The parts of `body`, in order. Throws `MultipartError` naming the first thing that is wrong.
 * `limits` bounds the work a hostile body can cause beyond its size.
 */
export function parseMultipart(
  body: Buffer,
  boundary: string,
  limits: MultipartLimits = DEFAULT_MULTIPART_LIMITS,
): MultipartPart[] {
  if (body.length === 0) throw new MultipartError('empty body');
  const delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  const dashBoundary = delimiter.subarray(2);
  // The first boundary line opens the body or follows the preamble's CRLF.
  let next =
    body.length >= dashBoundary.length && dashBoundary.compare(body, 0, dashBoundary.length) === 0
      ? afterBoundary(body, dashBoundary.length)
      : undefined;
  next ??= nextDelimiter(body, delimiter, 0)?.found;
  if (!next) throw new MultipartError(`no boundary line "--${boundary}" in the body`);
  const parts: MultipartPart[] = [];
  while (next.kind === 'part') {
    if (parts.length === limits.maxParts) throw new MultipartError(`more than ${limits.maxParts} parts`);
    const start = next.next;
    // The boundary line's CRLF doubles as the first half of an empty header block's end. A search
    // past the limit ends this parse, so each byte is searched at most once.
    const end = body.indexOf(HEADERS_END, start - 2);
    if (end === -1 || end - start > limits.maxHeaderBytes) {
      throw new MultipartError(
        end !== -1 || body.length - start > limits.maxHeaderBytes + HEADERS_END.length
          ? `part headers longer than ${limits.maxHeaderBytes} bytes`
          : 'part headers not ended by an empty line',
      );
    }
    const headers = partHeaders(end < start ? '' : body.toString('utf8', start, end));
    const contentStart = end + HEADERS_END.length;
    // The header block's last CRLF may be the delimiter's: then the part is empty.
    const delimited = nextDelimiter(body, delimiter, contentStart - 2);
    if (!delimited) throw new MultipartError(`missing the close delimiter "--${boundary}--"`);
    const content = body.subarray(contentStart, Math.max(contentStart, delimited.at));
    parts.push({
      name: headers.name,
      filename: headers.filename,
      contentType: headers.contentType,
      body: headers.base64 ? Buffer.from(content.toString('latin1'), 'base64') : content,
    });
    next = delimited.found;
  }
  return parts;
}
