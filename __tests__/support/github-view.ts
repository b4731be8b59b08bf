/**
 * A job summary or PR comment as a reader on GitHub sees it: rendered by GitHub's parser and sanitizer
 * (emulator/github-markdown.ts), then read back as a document, so tests assert on code blocks, tables and
 * elements rather than on the markdown we meant to write.
 */
import type { Element, Root } from 'hast'
import { selectAll } from 'hast-util-select'
import { toHtml } from 'hast-util-to-html'
import { toText } from 'hast-util-to-text'
import { githubTree } from '../../emulator/github-markdown.js'

export interface CodeBlock {
  lang?: string
  text: string
}

export interface GitHubView {
  html: string
  /** Every code block (GitHub gives each a copy button), its language and its text as a reader copies it. */
  codeBlocks: CodeBlock[]
  /** Every table, as rows of cell texts (header row first). */
  tables: string[][][]
  /** Every inline code span outside a code block, as its text. */
  inlineCode: string[]
  /** The element names that survived sanitization. */
  elements: Set<string>
  /** Every attribute that survived, as element[property]. */
  attributes: Set<string>
  /** The text a reader reads, code blocks included. */
  text: string
}

export function githubView(markdown: string): GitHubView {
  const tree: Root = githubTree(markdown)
  const all = selectAll('*', tree)
  const textOf = (node: Element) => toText(node, { whitespace: 'pre' })
  return {
    html: toHtml(tree),
    codeBlocks: selectAll('pre', tree).map(pre => {
      const lang = pre.properties.lang
      return { ...(typeof lang === 'string' ? { lang } : {}), text: textOf(pre).replace(/\n$/, '') }
    }),
    tables: selectAll('table', tree).map(table =>
      selectAll('tr', table).map(row => selectAll('td, th', row).map(cell => toText(cell).trim()))
    ),
    inlineCode: selectAll(':not(pre) > code', tree).map(node => toText(node)),
    elements: new Set(all.map(element => element.tagName)),
    attributes: new Set(
      all.flatMap(element => Object.keys(element.properties).map(name => `${element.tagName}[${name}]`))
    ),
    text: toText(tree, { whitespace: 'pre' })
  }
}

/** The table whose header row starts with `first` (the matrix: Model; the five gates: Gate). */
export function tableStartingWith(view: GitHubView, first: string): string[][] | undefined {
  return view.tables.find(table => table[0]?.[0] === first)
}

/** What the summary itself may put on a page; anything else came from outside text. */
export const SUMMARY_ELEMENTS = new Set(
  'h2 h3 p br b sub code pre table thead tbody tr th td ul li details summary a'.split(' ')
)
export const SUMMARY_ATTRIBUTES = new Set(['pre[lang]', 'a[href]'])
