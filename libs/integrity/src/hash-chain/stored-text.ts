/**
 * The canonical texts the integrity tools need, put together from an event's stored canonical
 * parts without parsing them: the embedded store keeps data and metadata (without the chain's own
 * fields) as RFC 8785 text, so the text a hash covers and a line of the canonical export are
 * concatenations. RFC 8785 serialises strings exactly as JSON.stringify does, and sorts an
 * object's keys by UTF-16 code units, which is how JavaScript compares strings.
 */

/** An event as stored: canonical data and metadata text, chain fields apart. */
export interface StoredEventText {
  streamId: string;
  revision: bigint;
  eventId: string;
  type: string;
  /** Canonical JSON of the data. */
  data: string;
  /** Canonical JSON of the metadata without `hash` and `prevHash`. */
  metadata: string;
}

/** canonicalHashText (event-hash.ts) of a stored event: keys data, eventId, metadata, prevHash, revision, streamId, type. */
export function hashTextOfStored(event: StoredEventText, prevHash: string | null): string {
  return (
    `{"data":${event.data},"eventId":${JSON.stringify(event.eventId)},"metadata":${event.metadata},` +
    `"prevHash":${prevHash === null ? 'null' : JSON.stringify(prevHash)},"revision":"${event.revision}",` +
    `"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)}}`
  );
}

/** toExportLine (canonical-jsonl.ts) of a stored event: keys data, eventId, metadata, revision, sequence, streamId, type. */
export function exportLineOfStored(event: StoredEventText, hash: string, prevHash: string | null, sequence: number): string {
  const metadata = withMembers(event.metadata, [
    ['hash', JSON.stringify(hash)],
    ['prevHash', prevHash === null ? 'null' : JSON.stringify(prevHash)],
  ]);
  return (
    `{"data":${event.data},"eventId":${JSON.stringify(event.eventId)},"metadata":${metadata},"revision":${event.revision},` +
    `"sequence":${sequence},"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)}}\n`
  );
}

/**
 * Adds members to a canonical JSON object's text, each at its place in key order. `members` are
 * in key order and absent from the object. Walks only the object's top level: strings are
 * skipped whole, nested values by bracket depth.
 */
export function withMembers(objectText: string, members: [key: string, valueText: string][]): string {
  const merged: string[] = [];
  const member = ([key, value]: [string, string]) => `${JSON.stringify(key)}:${value}`;
  let next = 0;
  let i = 1;
  while (objectText.charCodeAt(i) !== 125 /* } */) {
    const keyEnd = stringEnd(objectText, i);
    const rawKey = objectText.slice(i, keyEnd + 1);
    const key = rawKey.includes('\\') ? (JSON.parse(rawKey) as string) : rawKey.slice(1, -1);
    const end = valueEnd(objectText, keyEnd + 2);
    while (next < members.length && members[next][0] < key) merged.push(member(members[next++]));
    merged.push(objectText.slice(i, end));
    i = objectText.charCodeAt(end) === 44 /* , */ ? end + 1 : end;
  }
  while (next < members.length) merged.push(member(members[next++]));
  return `{${merged.join(',')}}`;
}

/** Index of the closing quote of the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 1;
    else if (c === 34) return i;
  }
  throw new SyntaxError('unterminated string in canonical JSON');
}

/** Index just past the JSON value that starts at `start`. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i);
    else if (c === 123 || c === 91) depth += 1;
    else if (c === 125 || c === 93) {
      if (depth === 0) return i;
      depth -= 1;
      if (depth === 0) return i + 1;
    } else if (c === 44 && depth === 0) return i;
  }
  throw new SyntaxError('unterminated value in canonical JSON');
}
