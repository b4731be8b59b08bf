/**
 * Building markdown that GitHub's parser (cmark-gfm) reads as intended. Under CommonMark an HTML block (a line
 * that starts with <p>, <table>, <details> …) runs until the next blank line, and nothing inside it is markdown:
 * a code fence right after `<p>…</p>` without a blank line between stays literal text. So a document is a list of
 * blocks joined by blank lines, an HTML block never holds a blank line (text from outside could otherwise end it
 * early and turn the rest into markdown), and a code block is a fence no line of its content can close.
 */

/** One HTML block: its lines, with any blank line removed so the block cannot end early. */
export function htmlBlock(...lines: string[]): string {
  return lines
    .join('\n')
    .split('\n')
    .filter(line => line.trim() !== '')
    .join('\n')
}

/**
 * A fenced code block (GitHub gives it a copy button). The fence is longer than any run of backticks in the
 * content, so the content is shown exactly as it is, to copy: nothing in it can close the fence.
 */
export function fence(lang: string, text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map(match => match[0].length))
  const marks = '`'.repeat(Math.max(3, longest + 1))
  return `${marks}${lang}\n${text}\n${marks}`
}

/** The blocks of a document, a blank line between each: what cmark-gfm needs to tell them apart. */
export function document(blocks: string[]): string {
  return blocks.filter(block => block.trim() !== '').join('\n\n') + '\n'
}
