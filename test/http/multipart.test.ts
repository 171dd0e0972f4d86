import { describe, expect, it } from 'vitest';
import { multipartFormData } from '../../src/http/multipart-form.ts';
import { MultipartError, multipartBoundary, parseMultipart } from '../../src/http/multipart.ts';

/** `src/http/multipart.ts` and `multipart-form.ts`: the gateway's own multipart/form-data parser. */

const B = 'XyZ-boundary';
const TYPE = `multipart/form-data; boundary=${B}`;

/** One part: its boundary line, header lines, the empty line, the content and the CRLF before the next. */
function part(headers: readonly string[], content: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${B}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`),
    Buffer.from(content),
    Buffer.from('\r\n'),
  ]);
}
const fileHeaders = [
  'Content-Disposition: form-data; name="file"; filename="frame.json"',
  'Content-Type: application/json',
];
const fieldHeaders = ['Content-Disposition: form-data; name="file"'];
const close = Buffer.from(`--${B}--\r\n`);
const body = (...chunks: (Buffer | string)[]) => Buffer.concat(chunks.map((c) => Buffer.from(c)));

function parse(input: Buffer, limits?: { maxParts: number; maxHeaderBytes: number }) {
  return parseMultipart(input, B, limits).map((p) => ({ ...p, body: p.body.toString('utf8') }));
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MultipartError);
    return (error as Error).message;
  }
  throw new Error('expected a MultipartError');
}

describe('multipartBoundary', () => {
  it('reads a token, a quoted string (escapes undone) and an unquoted value of boundary characters', () => {
    expect(multipartBoundary(TYPE)).toBe(B);
    expect(multipartBoundary('Multipart/Form-Data; BOUNDARY=abc')).toBe('abc');
    expect(multipartBoundary('multipart/form-data;boundary="a b:c"')).toBe('a b:c');
    expect(multipartBoundary('multipart/form-data; boundary="a\\:b"; charset=utf-8')).toBe('a:b');
    expect(multipartBoundary('multipart/form-data; boundary=a/b=c?d')).toBe('a/b=c?d');
    expect(multipartBoundary(`multipart/form-data; boundary=${'z'.repeat(70)}`)).toHaveLength(70);
  });

  it('refuses a missing, empty, too long or ill-formed boundary, and another media type', () => {
    expect(failure(() => multipartBoundary('multipart/form-data'))).toMatch(/no boundary/);
    expect(failure(() => multipartBoundary('multipart/form-data; charset=utf-8'))).toMatch(/no boundary/);
    expect(failure(() => multipartBoundary('multipart/form-data; boundary=""'))).toMatch(/1 to 70/);
    expect(failure(() => multipartBoundary('multipart/form-data; boundary='))).toMatch(/no value/);
    expect(failure(() => multipartBoundary(`multipart/form-data; boundary=${'z'.repeat(71)}`))).toMatch(
      /1 to 70/,
    );
    expect(failure(() => multipartBoundary('multipart/form-data; boundary="ab "'))).toMatch(/space/);
    expect(failure(() => multipartBoundary('multipart/form-data; boundary="a@b"'))).toMatch(/bchars/);
    expect(failure(() => multipartBoundary('multipart/form-data; boundary="abc'))).toMatch(/unterminated/);
    expect(failure(() => multipartBoundary('multipart/form-data; boundary=a; boundary=b'))).toMatch(/twice/);
    expect(failure(() => multipartBoundary('multipart/mixed; boundary=abc'))).toMatch(
      /not multipart\/form-data/,
    );
  });
});

describe('parseMultipart', () => {
  it('reads a file part (name, filename, content type) and a plain field', () => {
    const parts = parse(
      body(part(fileHeaders, '{"a":1}'), part(['Content-Disposition: form-data; name=note'], 'x'), close),
    );
    expect(parts).toEqual([
      { name: 'file', filename: 'frame.json', contentType: 'application/json', body: '{"a":1}' },
      { name: 'note', filename: undefined, contentType: undefined, body: 'x' },
    ]);
  });

  it('accepts a body with no parts, and an empty field', () => {
    expect(parse(close)).toEqual([]);
    expect(parse(body(part(fieldHeaders, ''), close))[0]?.body).toBe('');
    expect(
      parse(body(part(['Content-Disposition: form-data; name="f"; filename=""'], ''), close))[0],
    ).toEqual({
      name: 'f',
      filename: '',
      contentType: undefined,
      body: '',
    });
  });

  it('ignores the preamble and the epilogue', () => {
    const parts = parse(
      body('a preamble\r\n--not-it\r\n', part(fieldHeaders, 'v'), `--${B}--\r\nan epilogue --${B}\r\n`),
    );
    expect(parts.map((p) => p.body)).toEqual(['v']);
  });

  it('keeps CRLFs of the content; takes transport padding and a close delimiter without its CRLF', () => {
    expect(parse(body(part(fieldHeaders, '\r\nline\r\n\r\n'), close))[0]?.body).toBe('\r\nline\r\n\r\n');
    const padded = body(`--${B} \t\r\n`, fieldHeaders[0] ?? '', '\r\n\r\nv\r\n', `--${B}--`);
    expect(parse(padded)[0]?.body).toBe('v');
    expect(parse(body(part(fieldHeaders, 'v'), `--${B}-- \r\n`))[0]?.body).toBe('v');
  });

  it('reads a delimiter right after the header block as an empty part (its CRLF ends the headers)', () => {
    const empty = body(`--${B}\r\n`, fieldHeaders[0] ?? '', `\r\n\r\n--${B}--\r\n`);
    expect(parse(empty)).toEqual([{ name: 'file', filename: undefined, contentType: undefined, body: '' }]);
  });

  it('keeps boundary-like text that is not a delimiter as content', () => {
    const tricky = `--${B} and ${B}\r\n--${B}x\r\n--${B}-x\r\n-${B}`;
    expect(parse(body(part(fieldHeaders, tricky), close))[0]?.body).toBe(tricky);
  });

  it('returns repeated names as separate parts, in order', () => {
    const parts = parse(body(part(fileHeaders, 'one'), part(fieldHeaders, 'two'), close));
    expect(parts.map((p) => [p.name, p.body])).toEqual([
      ['file', 'one'],
      ['file', 'two'],
    ]);
  });

  it('passes UTF-8 content, names and filenames through unchanged', () => {
    const parts = parseMultipart(
      body(
        part(['Content-Disposition: form-data; name="名前"; filename="frame-é.json"'], '{"msg":"你好 é 🙂"}'),
        close,
      ),
      B,
    );
    expect(parts[0]?.name).toBe('名前');
    expect(parts[0]?.filename).toBe('frame-é.json');
    expect(parts[0]?.body.equals(Buffer.from('{"msg":"你好 é 🙂"}'))).toBe(true);
  });

  it('undoes quoted-pairs and the HTML escapes (%22, %0D, %0A) of quoted names', () => {
    const parts = parse(body(part(['Content-Disposition: form-data; name="a\\"b%22c\\\\d%0A"'], 'v'), close));
    expect(parts[0]?.name).toBe('a"b"c\\d\n');
  });

  it('reads header names in any case, ignores unknown headers and parameters, decodes base64', () => {
    const headers = [
      'content-disposition: FORM-DATA; NAME="file"; filename*=utf-8\'\'x.json; size=3',
      'X-Other: whatever',
      'Content-Transfer-Encoding: BASE64',
    ];
    expect(parse(body(part(headers, Buffer.from('{"a":1}').toString('base64')), close))[0]).toMatchObject({
      name: 'file',
      filename: undefined,
      body: '{"a":1}',
    });
  });

  it('refuses an empty body, a body without the boundary line, bare LF line ends', () => {
    expect(failure(() => parse(Buffer.alloc(0)))).toBe('empty body');
    expect(failure(() => parse(Buffer.from('just text')))).toMatch(/no boundary line "--XyZ-boundary"/);
    const lf = body(part(fieldHeaders, 'v'), close).toString().replaceAll('\r\n', '\n');
    expect(failure(() => parse(Buffer.from(lf)))).toMatch(/no boundary line/);
  });

  it('requires the close delimiter', () => {
    expect(failure(() => parse(part(fieldHeaders, 'v')))).toBe(
      'missing the close delimiter "--XyZ-boundary--"',
    );
    expect(failure(() => parse(body(part(fieldHeaders, 'v'), `--${B}`)))).toMatch(
      /missing the close delimiter/,
    );
    expect(failure(() => parse(body(part(fieldHeaders, 'v'), `--${B}-`)))).toMatch(
      /missing the close delimiter/,
    );
    expect(failure(() => parse(body(part(fieldHeaders, 'v'), `--${B}--x`)))).toMatch(
      /missing the close delimiter/,
    );
    const truncated = body(`--${B}\r\n`, fieldHeaders[0] ?? '', '\r\n');
    expect(failure(() => parse(truncated))).toBe('part headers not ended by an empty line');
  });

  it('refuses a part without a name or a form-data disposition, and malformed header lines', () => {
    const noName = body(part(['Content-Disposition: form-data; filename="f.json"'], 'v'), close);
    expect(failure(() => parse(noName))).toBe('part without a name in its Content-Disposition');
    expect(failure(() => parse(body(part(['Content-Type: text/plain'], 'v'), close)))).toBe(
      'part without a Content-Disposition header',
    );
    expect(failure(() => parse(body(part([], 'v'), close)))).toBe(
      'part without a Content-Disposition header',
    );
    expect(
      failure(() => parse(body(part(['Content-Disposition: attachment; name="file"'], 'v'), close))),
    ).toMatch(/must be form-data, not "attachment"/);
    expect(failure(() => parse(body(part([...fieldHeaders, 'not a header'], 'v'), close)))).toMatch(
      /not "Name: value"/,
    );
    expect(failure(() => parse(body(part([...fieldHeaders, ' folded: line'], 'v'), close)))).toMatch(
      /not "Name: value"/,
    );
    expect(failure(() => parse(body(part([...fieldHeaders, ...fieldHeaders], 'v'), close)))).toMatch(
      /two Content-Disposition/,
    );
    expect(failure(() => parse(body(part(['Content-Disposition: form-data; name="a'], 'v'), close)))).toMatch(
      /unterminated quoted string/,
    );
    expect(
      failure(() => parse(body(part(['Content-Disposition: form-data; name = "a"'], 'v'), close))),
    ).toMatch(/expected name=value/);
    expect(
      failure(() => parse(body(part([...fieldHeaders, 'Content-Transfer-Encoding: x-zip'], 'v'), close))),
    ).toMatch(/unsupported part Content-Transfer-Encoding "x-zip"/);
  });

  it('bounds the header block of a part and the number of parts', () => {
    const limits = { maxParts: 2, maxHeaderBytes: 64 };
    const headerOf = (length: number) => `Content-Disposition: form-data; name="${'n'.repeat(length - 39)}"`;
    expect(headerOf(64)).toHaveLength(64);
    expect(parse(body(part([headerOf(64)], 'v'), close), limits)).toHaveLength(1);
    expect(failure(() => parse(body(part([headerOf(65)], 'v'), close), limits))).toBe(
      'part headers longer than 64 bytes',
    );
    const unended = body(`--${B}\r\n`, `X-Long: ${'a'.repeat(100)}`);
    expect(failure(() => parse(unended, limits))).toBe('part headers longer than 64 bytes');
    expect(parse(body(part(fieldHeaders, '1'), part(fieldHeaders, '2'), close), limits)).toHaveLength(2);
    const three = body(part(fieldHeaders, '1'), part(fieldHeaders, '2'), part(fieldHeaders, '3'), close);
    expect(failure(() => parse(three, limits))).toBe('more than 2 parts');
  });
});

describe('multipartFormData', () => {
  /** Every entry as text: what `readFrame` reads from a `File` or a field. */
  async function entries(form: FormData): Promise<[string, string][]> {
    const out: [string, string][] = [];
    for (const [name, value] of form.entries())
      out.push([name, typeof value === 'string' ? value : await value.text()]);
    return out;
  }

  // Bodies undici's parser (what hono used) reads too; the texts must come out the same.
  const agreed: Record<string, Buffer> = {
    'a file part': body(part(fileHeaders, '{"msg":"你好"}'), close),
    'a plain field': body(part(fieldHeaders, '{"msg":"é"}'), close),
    'duplicate file parts': body(part(fileHeaders, 'one'), part(fieldHeaders, 'two'), close),
    'a BOM in a file and in a field': body(
      part(fileHeaders, '\ufeff{}'),
      part(fieldHeaders, '\ufeff[]'),
      close,
    ),
    'invalid UTF-8': body(part(fileHeaders, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), close),
    'base64 transfer encoding': body(
      part(
        [...fileHeaders, 'Content-Transfer-Encoding: base64'],
        Buffer.from('{"a":"ü"}').toString('base64'),
      ),
      close,
    ),
    'no parts': close,
  };
  for (const [name, input] of Object.entries(agreed)) {
    it(`gives the texts undici's parser gave: ${name}`, async () => {
      const theirs = await new Response(input, { headers: { 'content-type': TYPE } }).formData();
      expect(await entries(multipartFormData(input, TYPE))).toEqual(await entries(theirs));
    });
  }

  it('holds every part as a string', () => {
    const form = multipartFormData(
      body(part(fileHeaders, '{}'), close),
      `multipart/form-data; boundary="${B}"`,
    );
    expect(form.get('file')).toBe('{}');
  });

  it('throws MultipartError for a malformed body or content type', () => {
    expect(() => multipartFormData(part(fieldHeaders, 'v'), TYPE)).toThrow(MultipartError);
    expect(() => multipartFormData(close, 'multipart/form-data')).toThrow(MultipartError);
  });
});
