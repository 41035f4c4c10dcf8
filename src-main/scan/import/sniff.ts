/** The format from the file's first bytes: extensions lie, magic numbers do not. */
export type ImportFormat = 'jpeg' | 'png' | 'tiff' | 'pdf';

export function sniffFormat(head: Buffer): ImportFormat | undefined {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  const tiff = head.subarray(0, 4).toString('latin1');
  if (tiff === 'II*\0' || tiff === 'MM\0*' || tiff === 'II+\0' || tiff === 'MM\0+') return 'tiff';
  // PDF allows up to 1 KiB of junk before the header.
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  return undefined;
}
