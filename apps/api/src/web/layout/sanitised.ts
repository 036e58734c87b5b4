import sanitizeHtml from 'sanitize-html';

/**
 * HTML from outside (the key findings of a published page) cut down to text structure: no
 * scripts, styles, attributes other than a link's address, or schemes other than web and mail.
 * The one place the pages take markup they did not write: templates show it with `| safe`.
 */
export function sanitised(untrusted: string): string {
  return sanitizeHtml(untrusted, {
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
  });
}
