/**
 * Text hygiene for anything that came from outside (AWS messages, model IDs, token claims) before it reaches a
 * log line, an annotation, the job summary or the report: one line, no forged workflow commands, HTML and
 * table syntax escaped where they would be interpreted.
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

/**
 * Words for an HTML block, where GitHub's parser reads no markdown: escaped, with each `command` as inline code
 * (a fix that names a command would otherwise show its backticks).
 */
export function proseHtml(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map(part => (/^`[^`]+`$/.test(part) ? code(part.slice(1, -1)) : escapeHtml(part)))
    .join('')
}

/** U+200B ZERO WIDTH SPACE: invisible, and not white space to the runner, so it breaks a command's syntax. */
const BREAK = '\u200b'

/**
 * Every line the probe prints, made inert for the runner: `::name::` at the start of a line (after white space)
 * and the older `##[name]` form, which the runner obeys anywhere in a line (actions/runner ActionCommand).
 */
export function neutraliseCommands(text: string): string {
  return text
    .split('\n')
    .map(line => line.replaceAll('##[', `##${BREAK}[`).replace(/^(\s*)::/, `$1${BREAK}::`))
    .join('\n')
}

/** "a", "a or b", "a, b or c": the choices of a "did you mean" (regions, model IDs); "a, b and c" with 'and'. */
export function choices(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`
    : (items[0] ?? '')
}
