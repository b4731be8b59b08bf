/**
 * Text hygiene for anything that came from outside (AWS messages, model IDs) before it reaches a log line,
 * an annotation, the job summary or the report. Workflow commands start at the beginning of a line, so
 * one-line text cannot forge one; HTML and table syntax are escaped where they would be interpreted.
 */

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029]+/g

/** Collapse to one printable line, bounded in length. */
export function oneLine(text: string, maxLength = 600): string {
  const flat = text
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** For HTML contexts (the summary table is HTML). `|` is escaped too so markdown tables stay intact. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, char => HTML_ESCAPES[char]!).replace(/\|/g, '&#124;')
}

/** Inline code in HTML: escaped text in <code>. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`
}
