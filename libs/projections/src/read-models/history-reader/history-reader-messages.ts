import type { PageRequest } from '../shared/reader';
import type { Basis } from '../history/history-keys';
import type { AsAtRegister } from '../history/history.queries';
import type { RegisterFilter } from '../register/register.queries';
import type { Changes, ChangesFilter } from '../timeline/timeline.queries';

/** What a history reader thread is given when it starts. */
export interface HistoryReaderSettings {
  readModelsFile: string;
}

/** The queries a reader thread answers, with the arguments of the synchronous query each runs. */
export interface HistoryQueries {
  asAt: { args: [at: { date: string; basis: Basis }, filter: RegisterFilter, page: PageRequest]; answer: AsAtRegister };
  changes: { args: [filter: ChangesFilter, page: PageRequest]; answer: Changes };
}
export type HistoryQuery = keyof HistoryQueries;

export type ToReader = { type: 'query'; id: number; query: HistoryQuery; args: unknown[] } | { type: 'stop' };

/** An error thrown by a query, as it crosses to the API's thread. */
export interface ThrownError {
  name: string;
  message: string;
  stack?: string;
}

export type FromReader = { type: 'answer'; id: number; answer: unknown } | { type: 'thrown'; id: number; error: ThrownError } | { type: 'failed'; error: ThrownError };
