/**
 * Writes a finished yazl archive next to its destination and renames it into place, so a crash
 * or a full disk never leaves a half-written .zip under the name a person or a station will open.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type yazl from 'yazl';
import { AppError, type LocalizedMessage } from '../domain/index.js';

/**
 * @param zip an archive whose entries are all added (`end()` is called here)
 * @param what what the file is, for the error ("gói hỗ trợ" / "support bundle")
 */
export async function writeZipAtomically(
  zip: yazl.ZipFile,
  out: string,
  what: LocalizedMessage,
): Promise<void> {
  zip.end();
  const partial = `${out}.partial`;
  try {
    await new Promise<void>((resolve, reject) => {
      const sink = createWriteStream(partial);
      // yazl reports a source that ends early or late on the archive itself, not on its stream
      zip.on('error', (error: Error) => {
        sink.destroy();
        reject(error);
      });
      zip.outputStream.on('error', reject).pipe(sink).on('error', reject).on('close', resolve);
    });
    renameSync(partial, out);
  } catch (cause) {
    rmSync(partial, { force: true });
    throw new AppError(
      'IO',
      { vi: `Không ghi được ${what.vi} ${out}.`, en: `Cannot write the ${what.en} ${out}.` },
      { cause, details: { out } },
    );
  }
}
