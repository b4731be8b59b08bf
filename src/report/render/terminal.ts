/**
 * Plain text for terminals and the Actions log, in the job summary's order: the verdict, who and what, how to get
 * a verdict when there is none, the model × region grid naming each check's closed gate, the six gates, then one section per
 * finding, each with its fix to copy (the policy for a closed IAM gate is also the iam-policy output). The action prints each section after the first in a collapsible ::group:: (src/report/publish.ts),
 * unwrapped (the log viewer wraps); the CLI wraps prose at the terminal's width and colours it on a terminal that
 * wants colour. Commands and policies are never wrapped: they are there to be copied.
 */
import { CALL_OPERATION } from '../../bedrock/calls.js'
import { CREDENTIAL_SOURCE_WORDS, type CheckResult, type Report, type Verdict } from '../../types.js'
import { GATE_TITLES } from '../../causes/index.js'
import { principalOf, trustPolicySnippets } from '../../causes/commands.js'
import { fixSnippets } from './commands.js'
import { formFields, formLine, managementRefusal } from '../build/use-case-form.js'
import {
  actionsForAVerdict,
  checkWords,
  distinctSeen,
  findingTitle,
  gateTallies,
  groupFindings,
  hasWarnings,
  headline,
  skipReasons,
  withoutCaller,
  type Finding
} from '../build/findings.js'

export interface TextSection {
  /** The group's title in the log; the first section (the verdict and the checks) has none and stays open. */
  title?: string
  lines: string[]
}

export interface TextOptions {
  /** Wrap prose at this many columns (the CLI: the terminal's width, 80 when not a terminal); unset: no wrapping. */
  width?: number
  /** ANSI colour (the CLI on a terminal that wants it). */
  color?: boolean
  /** One line per check, and the quotas read, too, each in a section of its own (the action's log; --verbose). */
  everyCheck?: boolean
}

const RESULT_WORD: Record<Verdict, string> = { pass: 'pass', fail: 'FAIL', inconclusive: 'unproven' }

type Paint = (style: 'bold' | Verdict | 'dim', text: string) => string

function painter(color: boolean | undefined): Paint {
  if (!color) return (_style, text) => text
  const codes = { bold: '1', dim: '2', pass: '32', fail: '31', inconclusive: '33' } as const
  return (style, text) => `\u001b[${codes[style]}m${text}\u001b[0m`
}

/**
 * Whether a stream wants colour, as Node decides it for its own output: FORCE_COLOR forces it (0 or false turn it
 * off), else NO_COLOR or NODE_DISABLE_COLORS turn it off (no-color.org), else a terminal that is not "dumb".
 */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase())
  if (env.NO_COLOR || env.NODE_DISABLE_COLORS) return false
  return isTTY && env.TERM !== 'dumb'
}

/** Prose folded at `width`, later lines indented by `indent` spaces; a word longer than the width stays whole. */
export function wrap(text: string, width: number | undefined, indent: number): string[] {
  if (!width || text.length <= width) return [text]
  const lead = /^ */.exec(text)![0]
  const lines: string[] = []
  let line = lead
  for (const word of text.slice(lead.length).split(' ')) {
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`
    const limit = lines.length === 0 ? width : width - indent
    if (candidate.length > limit && line.trim() !== '') {
      lines.push(line)
      line = word
    } else line = candidate
  }
  lines.push(line)
  return lines.map((part, index) => (index === 0 ? part : `${' '.repeat(indent)}${part}`))
}

/** How prose is laid out: wrapped at the width, coloured where wanted. */
interface Layout {
  paint: Paint
  prose: (text: string, indent?: number) => string[]
  width: number | undefined
  /**
   * A screen, not a log: each cause with its first places, two of what was seen and two hints (the CLI without
   * --verbose); the action's log and --verbose have them all.
   */
  brief: boolean
}

/** What a brief layout shows of a finding's places, what was seen, and its hints. */
const BRIEF = { places: 4, seen: 2, hints: 2 } as const

export function renderSections(report: Report, options: TextOptions = {}): TextSection[] {
  const layout: Layout = {
    paint: painter(options.color),
    prose: (text, indent = 0) => wrap(text, options.width, indent),
    width: options.width,
    brief: !options.everyCheck
  }
  const sections: TextSection[] = [{ lines: firstScreen(report, layout) }]
  if (options.everyCheck)
    sections.push({
      title: `Every check (${report.checks.length})`,
      lines: checkLines(report, options.width, layout.paint)
    })
  const management = managementSection(report, layout)
  if (management) sections.push(management)
  for (const status of ['fail', 'warn'] as const)
    for (const finding of groupFindings(report, status))
      sections.push(findingSection(finding, report, layout))
  const skipped = skipReasons(report)
  if (skipped.length > 0) {
    sections.push({
      title: `- Not evaluated, and why (${skipped.length})`,
      lines: skipped.flatMap(reason =>
        layout.prose(
          `  ${GATE_TITLES[reason.gate]}: ${reason.detail} (${
            layout.brief ? checkCount(reason.checks.length) : placeList(reason.checks)
          })`,
          4
        )
      )
    })
  }
  // The quotas behind each capacity verdict: detail, for the log and --verbose (a warning names its own quota).
  const quotas = options.everyCheck ? quotasRead(report) : []
  if (quotas.length > 0)
    sections.push({
      title: `Quotas read (${quotas.length})`,
      lines: quotas.flatMap(line => layout.prose(line, 4))
    })
  return sections.map(section =>
    section.title
      ? {
          ...section,
          title: layout
            .prose(section.title, 2)
            .map(line => layout.paint('bold', line))
            .join('\n')
        }
      : section
  )
}

/** The verdict, who and what, how to get a verdict, one line per check, the six gates, the changes made. */
function firstScreen(report: Report, { paint, prose, width }: Layout): string[] {
  const lines: string[] = prose(headline(report), 2).map(line => paint(report.result, line))
  if (report.identity)
    lines.push(...prose(`Caller: ${report.identity.arn} (account ${report.identity.account})`, 2))
  if (report.credentialSource)
    lines.push(...prose(`Credentials: ${CREDENTIAL_SOURCE_WORDS[report.credentialSource]}`, 2))
  for (const note of report.credentialNotes ?? []) lines.push(...prose(`Note: ${note}`, 2))
  const form = report.useCaseForm ? formLine(report.useCaseForm) : undefined
  if (form) lines.push(...prose(form, 2))
  const shown = formFields(report.useCaseForm)
  if (shown)
    lines.push(
      ...prose(`${shown.heading}:`, 2),
      ...shown.fields.flatMap(({ name, value }) => prose(`  ${name}: ${value}`, 4))
    )
  const probed = report.probed
  if (probed) {
    const models = new Set(report.checks.map(check => check.model)).size
    const calls = probed.invoke
      ? `calls ${probed.calls.map(call => CALL_OPERATION[call]).join(', ')}` +
        (probed.serviceTier ? ` (${probed.serviceTier} tier)` : '')
      : 'control plane only'
    lines.push(
      ...prose(
        `Probed: ${models} model${models === 1 ? '' : 's'} × ${probed.regions.join(', ')}; ${calls}; ` +
          `${probed.bootstrap ? 'bootstrap' : 'read-only'}; ${(probed.durationMs / 1000).toFixed(1)} s`,
        2
      )
    )
  }
  for (const { action, checks } of actionsForAVerdict(report)) {
    const where = checks.length === report.checks.length ? '' : ` (${placeList(checks, 3)})`
    const [head = '', ...rest] = prose(`To get a verdict: ${action}${where}`, 2)
    lines.push(head.replace('To get a verdict:', paint('bold', 'To get a verdict:')), ...rest)
  }
  lines.push(
    '',
    ...(checkGrid(report, width, paint) ?? checkLines(report, width, paint)),
    '',
    ...gateTable(report)
  )
  for (const change of report.changes) {
    lines.push(
      ...prose(
        change.action === 'use-case-form-submitted'
          ? `Changed: submitted the Anthropic use-case form in ${change.region}${ofAccount(change.account)}`
          : `Changed: created the model agreement for ${change.model} in ${change.region}${ofAccount(change.account)}`,
        2
      )
    )
  }
  return lines
}

const ofAccount = (account?: string) => (account ? ` of account ${account}` : '')

/** A refused management role, as a section of its own: the role, what STS said, the fix, the trust statement. */
function managementSection(report: Report, { prose }: Layout): TextSection | undefined {
  const refusal = managementRefusal(report.useCaseForm)
  if (!refusal) return undefined
  const labelled = (label: string, text: string) => prose(`  ${`${label}:`.padEnd(6)} ${text}`, 9)
  const principal = principalOf(refusal.roleArn)
  const lines = [
    ...labelled('where', `${refusal.roleArn} (management-role-to-assume, for the use-case form only)`),
    ...labelled('seen', refusal.detail),
    ...(refusal.fix ? labelled('fix', refusal.fix) : [])
  ]
  if (refusal.trustPolicy)
    for (const snippet of trustPolicySnippets(
      refusal.trustPolicy,
      principal.kind === 'role' ? principal.name : undefined
    ))
      lines.push(...prose(`  ${snippet.label}:`, 2), ...snippet.code.split('\n').map(line => `    ${line}`))
  return { title: `✗ ${refusal.title}`, lines }
}

/** One finding: where, what was seen, the fix in words and to copy (commands and policies are never wrapped). */
function findingSection(finding: Finding, report: Report, { prose, brief }: Layout): TextSection {
  /** "  label: text", wrapped under the text. */
  const labelled = (label: string, text: string) => prose(`  ${`${label}:`.padEnd(6)} ${text}`, 9)
  const lines = labelled('where', placeList(finding.checks, brief ? BRIEF.places : undefined))
  const { lines: seen, more } = distinctSeen(finding, brief ? BRIEF.seen : undefined)
  for (const line of seen)
    lines.push(
      ...labelled('seen', `${line.where ? `${line.where}: ` : ''}${withoutCaller(line.detail, report)}`)
    )
  if (more > 0) lines.push(...labelled('seen', `… and ${more} more alike`))
  for (const fix of finding.fixes) lines.push(...labelled('fix', fix))
  const hints = brief ? finding.hints.slice(0, BRIEF.hints) : finding.hints
  for (const line of hints) lines.push(...labelled('hint', line))
  if (hints.length < finding.hints.length)
    lines.push(...labelled('hint', `… and ${finding.hints.length - hints.length} more (--verbose)`))
  for (const snippet of fixSnippets(finding, report))
    lines.push(
      ...prose(`  ${snippet.label.replace(/`/g, '')}:`, 2),
      ...snippet.code.split('\n').map(line => `    ${line}`)
    )
  const mark = finding.fault ? '?' : finding.status === 'fail' ? '✗' : '!'
  return { title: `${mark} ${findingTitle(finding)}`, lines }
}

/** Each quota the checks' calls count against, once per region: applied, and AWS's default. */
function quotasRead(report: Report): string[] {
  const lines = new Map<string, string>()
  for (const check of report.checks)
    for (const quota of check.quotas ?? []) {
      const applied = quota.applied === undefined ? 'unknown' : String(quota.applied)
      const standard = quota.default === undefined ? '' : ` (AWS default ${quota.default})`
      lines.set(
        `${check.region}|${quota.code}`,
        `  ${check.region}  ${quota.name} (${quota.code}): ${applied}${standard}`
      )
    }
  return [...lines.values()]
}

function checkCount(count: number): string {
  return `${count} check${count === 1 ? '' : 's'}`
}

function placeList(checks: CheckResult[], limit = 12): string {
  const shown = checks.slice(0, limit).map(check => `${check.model} @ ${check.region}`)
  return shown.join(', ') + (checks.length > limit ? `, and ${checks.length - limit} more` : '')
}

/** A grid cell: ok, ok* (a warning below), the closed gates by name, or ? and why nothing was proven. */
function gridCell(check: CheckResult | undefined): string {
  if (!check) return '-'
  if (check.result === 'pass') return hasWarnings(check) ? 'ok*' : 'ok'
  const words = checkWords(check)
  return check.result === 'fail' ? words : `? ${words}`.trimEnd()
}

/**
 * The model × region grid, as the job summary has it: a row per model, a column per region, a cell per check
 * (ASCII, so that the columns stay aligned in any terminal). Regions are numbered under a key when their names do
 * not fit the width; undefined (one line per check instead) when even that does not fit, or for a merged report,
 * whose checks are per account.
 */
function checkGrid(report: Report, width: number | undefined, paint: Paint): string[] | undefined {
  if (new Set(report.checks.map(check => check.account ?? '')).size > 1) return undefined
  const models = [...new Set(report.checks.map(check => check.model))]
  const regions = [...new Set(report.checks.map(check => check.region))]
  const at = new Map(report.checks.map(check => [`${check.model}@${check.region}`, check]))
  const cells = models.map(model => regions.map(region => at.get(`${model}@${region}`)))
  const modelWidth = Math.max('MODEL'.length, ...models.map(model => model.length))
  const layout = (headers: string[]) => {
    const widths = headers.map((header, column) =>
      Math.max(header.length, ...cells.map(row => gridCell(row[column]).length))
    )
    return { headers, widths, total: modelWidth + widths.reduce((sum, w) => sum + w + 2, 0) }
  }
  let grid = layout(regions)
  let key: string[] = []
  if (width !== undefined && grid.total > width) {
    grid = layout(regions.map((_, index) => `[${index + 1}]`))
    key = wrap(regions.map((region, index) => `[${index + 1}] ${region}`).join('  '), width, 4)
    if (grid.total > width) return undefined
  }
  const header = ['MODEL'.padEnd(modelWidth), ...grid.headers.map((h, i) => h.padEnd(grid.widths[i]!))]
  const rows = models.map((model, row) =>
    [
      model.padEnd(modelWidth),
      ...cells[row]!.map((check, column) => {
        const text = gridCell(check).padEnd(grid.widths[column]!)
        return check && check.result !== 'pass' ? paint(check.result, text) : text
      })
    ]
      .join('  ')
      .trimEnd()
  )
  // A mark that is not in the grid is not in the legend.
  const legend = [
    ...(report.checks.some(check => check.result === 'pass') ? ['ok: proven'] : []),
    ...(report.checks.some(check => check.result === 'pass' && hasWarnings(check))
      ? ['ok*: proven, with a warning below']
      : []),
    ...(report.checks.some(check => check.result === 'fail') ? ['a gate named: closed there'] : []),
    ...(report.checks.some(check => check.result === 'inconclusive')
      ? ['?: nothing closed, nothing proven']
      : [])
  ]
  return [...key, header.join('  ').trimEnd(), ...rows, ...wrap(legend.join(' · '), width, 2)]
}

/**
 * One line per check: its result, the model and region, and the gate that decided it. Aligned in columns when
 * they fit the width, else one check per line as a sentence.
 */
function checkLines(report: Report, width: number | undefined, paint: Paint): string[] {
  const merged = new Set(report.checks.map(check => check.account ?? '')).size > 1
  const rows = report.checks.map(check => ({
    check,
    cells: [
      RESULT_WORD[check.result],
      ...(merged ? [check.account ?? ''] : []),
      check.model,
      check.region,
      checkWords(check)
    ]
  }))
  const widths =
    rows[0]?.cells.map((_, column) => Math.max(...rows.map(row => row.cells[column]!.length))) ?? []
  const total = widths.reduce((sum, w) => sum + w + 2, 0)
  if (width !== undefined && total > width) {
    return rows.flatMap(({ check, cells }) =>
      wrap(
        `${paint(check.result, cells[0]!)} ${cells.slice(1, -1).join(' @ ')}${cells.at(-1) ? `: ${cells.at(-1)}` : ''}`,
        width,
        2
      )
    )
  }
  return rows.map(({ check, cells }) =>
    cells
      .map((cell, column) => {
        const padded = cell.padEnd(widths[column]!)
        return column === 0 ? paint(check.result, padded) : padded
      })
      .join('  ')
      .trimEnd()
  )
}

/** The six gates: for how many checks each was proven open, closed, not evaluated (or not needed). */
function gateTable(report: Report): string[] {
  const tallies = gateTallies(report)
  const anyNotNeeded = tallies.some(tally => tally.notNeeded > 0)
  const count = (n: number) => (n === 0 ? '-' : String(n))
  const header = ['GATE', 'OPEN', 'CLOSED', 'NOT EVALUATED', ...(anyNotNeeded ? ['NOT NEEDED'] : [])]
  const rows = tallies.map(tally => [
    GATE_TITLES[tally.gate],
    count(tally.open),
    count(tally.closed),
    count(tally.unproven),
    ...(anyNotNeeded ? [count(tally.notNeeded)] : [])
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map(row => row[column]!.length))
  )
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd()
  return [format(header), ...rows.map(format)]
}

/** Every section in turn, titled: the CLI's output and `npm run demo`. */
export function renderText(report: Report, options: TextOptions = {}): string {
  return (
    renderSections(report, options)
      .map(section => [...(section.title ? ['', section.title] : []), ...section.lines].join('\n'))
      .join('\n') + '\n'
  )
}
