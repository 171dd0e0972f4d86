import fs from 'node:fs';
import path from 'node:path';

/**
 * Takes the data directory's `LOCK` file (holding the process id), refusing when another live
 * process holds it; a stale lock of a dead process is taken over. Returns the lock file's path.
 */
export function lockDataDir(dir: string): string {
  const file = path.join(dir, 'LOCK');
  const holder = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0;
  if (holder && holder !== process.pid) {
    let alive = true;
    try {
      process.kill(holder, 0);
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`data directory ${dir} is in use by process ${holder}`);
  }
  fs.writeFileSync(file, String(process.pid));
  return file;
}
