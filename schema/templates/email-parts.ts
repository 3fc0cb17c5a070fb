/** The two parts of an email from one rendered template: the text as written, and HTML with paragraphs, links and the unsubscribe footer. Pure, so the SMTP connector sends and the designer previews the same parts. */

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const linkify = (html: string) =>
  html.replace(/\bhttps?:\/\/[^\s<]+[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);

export function textPart(body: string, unsubscribe: string): string {
  return `${body.trimEnd()}\n\n--\nTo stop these emails, open: ${unsubscribe}\n`;
}

export function htmlPart(body: string, unsubscribe: string, subject?: string): string {
  const paragraphs = body
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${linkify(escapeHtml(p)).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject ?? '')}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    paragraphs,
    `<p style="font-size: small; color: #555"><a href="${escapeHtml(unsubscribe)}">Unsubscribe</a> from these emails.</p>`,
    '</body></html>',
  ].join('\n');
}
