/**
 * What GitHub shows for a job summary or a comment: the markdown parsed by cmark-gfm (GitHub's own fork of cmark,
 * through its Node bindings) with the GitHub Flavored Markdown extensions GitHub enables, raw HTML let through as
 * GitHub does for summaries and comments, then sanitized by GitHub's published allowlist of elements and
 * attributes. Tests assert on this and `npm run render` screenshots it, so what they see is what GitHub renders,
 * not what we hope it renders.
 *
 * The allowlist is the one GitHub published for its markup pipeline: github/markup's README ("HTML sanitization")
 * and html-pipeline's SanitizationFilter::WHITELIST (lib/html/pipeline/sanitization_filter.rb), which also allows
 * details and summary, keeps list items only inside lists and table parts only inside tables, and removes script
 * with its content. It is applied by hast-util-sanitize (the unified project's sanitizer), not by hand.
 */
import cmark from 'cmark-gfm'
import type { Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { sanitize, type Schema } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { find, html } from 'property-information'

/** GFM as GitHub renders it: tables, strikethrough, autolinks, task lists, footnotes, and the tag filter. */
const CMARK_OPTIONS = {
  unsafe: true,
  githubPreLang: true,
  footnotes: true,
  extensions: { table: true, strikethrough: true, autolink: true, tagfilter: true, tasklist: true }
} as const

export const GITHUB_ELEMENTS = (
  'h1 h2 h3 h4 h5 h6 h7 h8 br b i strong em a pre code img tt div ins del sup sub p ol ul table ' +
  'thead tbody tfoot blockquote dl dt dd kbd q samp var hr ruby rt rp li tr td th s strike summary ' +
  'details'
).split(' ')

/** Attributes allowed on every element (html-pipeline's :all). The lists are space-separated, as the Ruby source has them. */
const ON_EVERY_ELEMENT = (
  'abbr accept accept-charset accesskey action align alt axis border cellpadding cellspacing char ' +
  'charoff charset checked clear cols colspan color compact coords datetime dir disabled enctype ' +
  'for frame headers height hreflang hspace ismap label lang maxlength media method multiple name ' +
  'nohref noshade nowrap open prompt readonly rel rev rows rowspan rules scope selected shape size ' +
  'span start summary tabindex target title type usemap valign value vspace width itemprop'
).split(' ')

const ON_ELEMENT: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'longdesc'],
  div: ['itemscope', 'itemtype'],
  blockquote: ['cite'],
  del: ['cite'],
  ins: ['cite'],
  q: ['cite']
}

/** hast names attributes by their DOM property (colspan is colSpan): the lists above are HTML's names. */
const property = (attribute: string) => find(html, attribute).property

const TABLE_PARTS = ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']

export const GITHUB_SCHEMA: Schema = {
  tagNames: GITHUB_ELEMENTS,
  attributes: {
    ...Object.fromEntries(Object.entries(ON_ELEMENT).map(([tag, names]) => [tag, names.map(property)])),
    '*': ON_EVERY_ELEMENT.map(property)
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'github-windows', 'github-mac'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https']
  },
  ancestors: { li: ['ol', 'ul'], ...Object.fromEntries(TABLE_PARTS.map(tag => [tag, ['table']])) },
  strip: ['script'],
  // GitHub prefixes ids and names so a page's own cannot be clobbered.
  clobberPrefix: 'user-content-',
  clobber: ['id', 'name'],
  allowComments: false,
  allowDoctypes: false
}

/** The document GitHub shows for this markdown (a job summary, a PR or issue comment), as a tree. */
export function githubTree(markdown: string): Root {
  const unsafe = fromHtml(cmark.renderHtmlSync(markdown, CMARK_OPTIONS), { fragment: true })
  return sanitize(unsafe, GITHUB_SCHEMA) as Root
}

/** The HTML GitHub shows for this markdown. */
export function renderAsGitHub(markdown: string): string {
  return toHtml(githubTree(markdown))
}
