import escapeHtml from 'escape-html';
import sanitizeHtml from 'sanitize-html';

/** Markup that may go into a page as it is: built by `html`, or vouched for by `raw` or `sanitised`. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** `false`, null and undefined render as nothing, so `${condition && html`...`}` reads naturally. */
export type Interpolation = SafeHtml | string | number | false | null | undefined | readonly Interpolation[];

/**
 * The pages' only template engine: every interpolated value is escaped (text and quoted
 * attribute values alike) unless it is already SafeHtml; lists are joined. Attribute values in
 * templates must always be quoted.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

function render(value: Interpolation): string {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Markup written in this code base. Never for anything that came from a request, a page or the ledger. */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

/**
 * HTML from outside (the key findings of a published page) cut down to text structure: no
 * scripts, styles, attributes other than a link's address, or schemes other than web and mail.
 */
export function sanitised(untrusted: string): SafeHtml {
  return new SafeHtml(
    sanitizeHtml(untrusted, {
      allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a'],
      allowedAttributes: { a: ['href', 'rel'] },
      allowedSchemes: ['https', 'http', 'mailto'],
      transformTags: {
        p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
        ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
        ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
        a: sanitizeHtml.simpleTransform('a', { class: 'govuk-link', rel: 'noreferrer' }),
      },
      allowedClasses: { p: ['govuk-body'], ul: ['govuk-list', 'govuk-list--bullet'], ol: ['govuk-list', 'govuk-list--number'], a: ['govuk-link'] },
    }),
  );
}
