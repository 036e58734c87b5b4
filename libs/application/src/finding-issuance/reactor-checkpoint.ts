import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a reactor has got to in the log: the position of the last event whose work is done. */
export interface ReactorCheckpoint {
  load(): bigint | null;
  save(position: bigint): void;
}

/** Kept only while the process runs: the reactor starts from the beginning of the log at each boot. */
export class MemoryCheckpoint implements ReactorCheckpoint {
  private position: bigint | null = null;

  load(): bigint | null {
    return this.position;
  }

  save(position: bigint): void {
    this.position = position;
  }
}

/**
 * A checkpoint in a small file of the instance's own data folder, replaced atomically (written
 * beside, then renamed), so a crash leaves the old or the new position, never half of one. It
 * belongs to the store the folder goes with: each API instance keeps its own.
 */
export class FileCheckpoint implements ReactorCheckpoint {
  constructor(private readonly file: string) {}

  load(): bigint | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const { position } = JSON.parse(text) as { position?: unknown };
    if (typeof position !== 'string' || !/^\d+$/.test(position)) throw new Error(`${this.file} holds no checkpoint position`);
    return BigInt(position);
  }

  save(position: bigint): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify({ position: position.toString(), savedAt: new Date().toISOString() })}\n`);
    fs.renameSync(temporary, this.file);
  }
}
