/**
 * What a benchmark module is: something that measures figures and records them in the one table
 * `npm run bench` prints. A module measures at each ledger size (`atSize`), once per run
 * (`once`), or both. Figures that do not depend on the ledger's size are recorded at size 0.
 */
export class Results {
  private readonly figures = new Map<string, Map<number, number>>();
  private readonly units = new Map<string, string>();
  readonly notes: string[] = [];

  set(size: number, key: string, value: number, unit = ''): void {
    if (!this.figures.has(key)) this.figures.set(key, new Map());
    this.figures.get(key)!.set(size, value);
    if (unit !== '') this.units.set(key, unit);
  }

  get(size: number, key: string): number | undefined {
    return this.figures.get(key)?.get(size);
  }

  /** A measure's figures by size, in the order they were recorded. */
  bySize(key: string): [size: number, value: number][] {
    return [...(this.figures.get(key) ?? [])];
  }

  /** Measures in the order they were first recorded. */
  keys(): string[] {
    return [...this.figures.keys()];
  }

  toJson(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [key, bySize] of this.figures) out[key] = Object.fromEntries([...bySize].map(([size, value]) => [size === 0 ? 'any' : String(size), value]));
    return out;
  }
}

export interface SizeContext {
  /** Events in the ledger. */
  events: number;
  /** The generated ledger (embedded store file). Read it; a module that writes works on a copy. */
  ledgerFile: string;
  /** A scratch folder for this size, removed after the run. */
  workDir: string;
  results: Results;
  log(line: string): void;
}

export interface OnceContext {
  /** The largest ledger of the run, with its scratch folder. */
  largest: SizeContext;
  /** A scratch folder, removed after the run. */
  workDir: string;
  results: Results;
  log(line: string): void;
}

export interface BenchModule {
  name: string;
  atSize?(context: SizeContext): Promise<void>;
  once?(context: OnceContext): Promise<void>;
}
