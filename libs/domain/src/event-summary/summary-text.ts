/** A summary is one line: free text longer than this is shortened there; the full text stays in the entry's data. */
const MAX_QUOTE = 240;

/** "national-thematic", "InProgress" or "plannedCompletionDate" as words. */
export function words(name: string): string {
  return name
    .replace(/-/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** Free text on one line, shortened if long. */
export function text(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat;
}

/** Free text with more of the summary after it: its closing full stop goes, so that no ".;" or ".," follows it. */
export function clause(value: string): string {
  return text(value).replace(/(?<!\.)\.$/, '');
}

export function quote(value: string): string {
  return `"${text(value)}"`;
}
