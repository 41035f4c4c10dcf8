/**
 * A shared upload cap: every byte of every concurrent upload passes one token bucket, so the
 * counter's line keeps room for the clerks' other work. Bytes are released in small slices to
 * keep the rate smooth instead of bursting a whole chunk and pausing.
 */
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

const SLICE = 16 * 1024;
/** Up to this much sending may run ahead of the ideal schedule. */
const BURST_MS = 50;

export class Throttle {
  private freeAt = 0;
  /** Bytes released so far (what actually went to the line). */
  bytesReleased = 0;

  constructor(private readonly bytesPerSecond: number) {}

  async take(bytes: number): Promise<void> {
    this.bytesReleased += bytes;
    if (this.bytesPerSecond <= 0) return;
    const now = performance.now();
    this.freeAt = Math.max(now, this.freeAt) + (bytes * 1000) / this.bytesPerSecond;
    const wait = this.freeAt - now - BURST_MS;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** A pass-through stream that paces what flows through it. */
  stream(): Transform {
    const take = (bytes: number): Promise<void> => this.take(bytes);
    return new Transform({
      transform(chunk: Buffer, _encoding, callback: TransformCallback) {
        void (async () => {
          for (let at = 0; at < chunk.length; at += SLICE) {
            const piece = chunk.subarray(at, Math.min(chunk.length, at + SLICE));
            await take(piece.length);
            this.push(piece);
          }
        })().then(() => callback(), callback);
      },
    });
  }
}
