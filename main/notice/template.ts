/**
 * A tiny mustache-like renderer: `{{name}}` is HTML-escaped, `{{{name}}}` is inserted as is (only for
 * fragments this code built from escaped parts). An unknown placeholder is an error, not a blank.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderTemplate(template: string, values: Record<string, string>, raw: Record<string, string> = {}): string {
  return template
    .replace(/\{\{\{(\w+)\}\}\}/g, (_, k: string) => {
      if (!(k in raw)) throw new Error(`template placeholder {{{${k}}}} has no value`);
      return raw[k]!;
    })
    .replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
      if (!(k in values)) throw new Error(`template placeholder {{${k}}} has no value`);
      return escapeHtml(values[k]!);
    });
}
