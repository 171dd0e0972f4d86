import { multipartBoundary, parseMultipart } from './multipart.ts';

// UTF-8 with the BOM stripped and bad bytes replaced: what `File#text()` and undici's form
// fields gave for the same bytes.
const utf8 = new TextDecoder();

/**
 * A whole `multipart/form-data` body as the `FormData` hono's `form` validator reads, every part
 * (file parts too) as its text. Strings, not `File`s: building a `File` and reading it back costs
 * more than the parse itself (blob copy, transferable wrapper, an async read), and the gateway's
 * only multipart operations (`/record/push`, `/record/push2`) take the part `file` as a file or a
 * plain field alike (`FilePartSchema`) and only read its text. A future operation that needs a
 * real upload (`z.file()`, its name or type) must build `File`s here. Throws `MultipartError`.
 */
export function multipartFormData(body: Buffer, contentType: string): FormData {
  const form = new FormData();
  for (const part of parseMultipart(body, multipartBoundary(contentType))) {
    form.append(part.name, utf8.decode(part.body));
  }
  return form;
}
