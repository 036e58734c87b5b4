import sanitizeHtml from 'sanitize-html';

/**
 * Key findings arrive as HTML copied from a published page. Only text structure is kept (no
 * scripts, styles, frames or event handlers), so the recorded HTML is safe to show as it is.
 */
export function sanitiseKeyFindings(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'h2', 'h3', 'h4', 'blockquote', 'a'],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['https', 'http', 'mailto'],
  });
}
