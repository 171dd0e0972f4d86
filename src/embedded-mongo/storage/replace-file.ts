import fs from 'node:fs';
import path from 'node:path';

/**
 * Replaces `file` with `data` through a temporary file, fsynced and renamed, then fsyncs the
 * directory: a crash at any point leaves the old content or the new one, never a mix.
 */
export function replaceFile(file: string, parts: readonly Uint8Array[]): void {
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    for (const part of parts) {
      let written = 0;
      while (written < part.length) written += fs.writeSync(fd, part, written);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncDirectory(path.dirname(file));
}

/** Makes a rename or unlink in `dir` durable. */
export function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
