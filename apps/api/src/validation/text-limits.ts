/**
 * Longest accepted text per kind of field, in characters. Oversize text is refused with a 400 that
 * names the field, never truncated.
 */
export const TEXT_LIMITS = {
  /** A person's or organisation's name, a role. */
  name: 200,
  /** A reference such as "REC 03", a short code. */
  reference: 64,
  /** A title or a one-line summary. */
  title: 500,
  /** A reason, a commitment, a narrative. */
  text: 10_000,
  /** Published text kept verbatim: key findings (HTML), a finding's text, published comments. */
  document: 100_000,
  url: 2_048,
  /** An id given in a body (an earlier event's, an evidence id). */
  id: 128,
} as const;

/** Longest list accepted in a body (findings of an inspection, sub-items, addressees). */
export const LIST_LIMIT = 200;
