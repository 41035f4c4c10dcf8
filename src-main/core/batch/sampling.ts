/**
 * QA sampling: whether a landed page is drawn for review. Decided from the job and the page's
 * place in it by a hash, so the draw is spread evenly, cannot be steered by page content, and a
 * resumed job draws exactly the pages an uninterrupted run would have.
 */
import { createHash } from 'node:crypto';

export function isSampled(jobId: number, seq: number, percent: number): boolean {
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  const digest = createHash('sha256').update(`sohoa-qa:${jobId}:${seq}`).digest();
  // 32 bits of the hash as a uniform draw in [0, 1).
  return digest.readUInt32BE(0) / 2 ** 32 < percent / 100;
}
