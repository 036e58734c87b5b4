import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What was written: its SHA-256 (lower-case hex) and size, for the manifest. */
export interface WrittenOutput {
  sha256: string;
  bytes: number;
}

/** Passes bytes through unchanged while hashing and counting them. */
export class HashingPassThrough extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  result(): WrittenOutput {
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}

const CHUNK_CHARS = 64 * 1024;

/** Joins small texts into chunks of about 64 KiB: one stream write per line would cost more than the line. */
async function* batched(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const text of texts) {
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer.length > 0) yield buffer;
}

/**
 * Writes texts to `out` with backpressure: the texts are pulled only as fast as `out` takes them,
 * so memory stays flat however many there are. Ends `out`.
 */
export async function writeTexts(texts: AsyncIterable<string>, out: Writable): Promise<WrittenOutput> {
  const hashing = new HashingPassThrough();
  await pipeline(Readable.from(batched(texts)), hashing, out);
  return hashing.result();
}
