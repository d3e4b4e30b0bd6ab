/**
 * Escaping for the HTML report. Every string that comes from a scenario, a CAD file or
 * summary.json (names, descriptions, citations) goes through `escapeHtml` before it reaches the
 * page, so a call type named `<script>` shows as text. The page's Content-Security-Policy forbids
 * scripts as a second line of defence, but the escaping must hold on its own.
 */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

/**
 * A tagged template that escapes every interpolated value unless it is already {@link SafeHtml}
 * (markup this module's callers built from escaped parts). Arrays are joined without separators.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new SafeHtml(out);
}

/** Markup known to be safe: built by {@link html} or from {@link escapeHtml}d parts. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}
