/**
 * A data file is damaged where intact records still follow, so replaying up to the damage (and
 * cutting the rest off, as is done for a torn tail) would silently lose acknowledged writes. The
 * server refuses to start instead and names the file and offset; `imgate mongo --repair` keeps a
 * copy of the file and recovers every intact record.
 */
export class DataDamagedError extends Error {
  override readonly name = 'DataDamagedError';

  constructor(
    readonly dir: string,
    readonly file: string,
    readonly offset: number,
    detail: string,
  ) {
    super(
      `embedded-mongo: ${file} is damaged at byte ${offset} (${detail}); refusing to start, nothing was changed. ` +
        `Run \`imgate mongo --repair --data ${dir}\` to keep a copy of the damaged file and recover every intact record.`,
    );
  }
}
