/**
 * The job summary (and the PR comment): read in ten seconds. The first screen answers the verdict in words, who
 * was checked and how, what was probed, how to get a verdict when there is none, a model × region matrix whose
 * cells name the closed gate, and the six gates with how many checks proved each open. Then one section per
 * closed gate with the exact fix to copy (the policy with every affected ARN, the command that attaches it to
 * this caller), AWS's own words folded; faults said once; warnings folded; what was not evaluated and why.
 *
 * GitHub parses it with cmark-gfm and sanitizes the HTML (markdown.ts says what that asks of the text): every
 * block is separated by a blank line, everything from outside (model IDs, AWS messages, token claims) is escaped
 * inside an HTML block or shown in a code block it cannot close.
 */
import { CALL_OPERATION } from '../../bedrock/calls.js'
import { code, escapeHtml, proseHtml } from '../../support/text.js'
import { CREDENTIAL_SOURCE_WORDS, type CheckResult, type Report } from '../../types.js'
import { GATES, GATE_TITLES } from '../../causes/index.js'
import { principalOf, trustPolicySnippets, type FixSnippet } from '../../causes/commands.js'
import { fixSnippets } from './commands.js'
import {
  actionsForAVerdict,
  checkWords,
  hasWarnings,
  findingTitle,
  gateTallies,
  groupFindings,
  headline,
  isFault,
  skipReasons,
  STATUS_MARK,
  VERDICT_MARK,
  withoutCaller,
  type Finding,
  type GateTally
} from '../build/findings.js'
import { document, fence, htmlBlock } from './markdown.js'
import { formFields, formLine, managementRefusal } from '../build/use-case-form.js'

export interface SummaryOptions {
  /** The watch issue: the same view with its code folded, and where it came from (the PR comment is renderComment). */
  comment?: { runUrl?: string; commit?: string; time: Date }
}

export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const folded = options.comment !== undefined
  const tallies = gateTallies(report)
  const blocks: string[] = [
    `<h2>${VERDICT_MARK[report.result]} ${escapeHtml(headline(report))}</h2>`,
    htmlBlock(`<p>${whoLine(report)}<br>`, `${whatLine(report)}</p>`),
    ...(report.credentialNotes ?? []).map(note => `<p>⚠️ ${escapeHtml(note)}</p>`),
    ...formBlocks(report),
    renderActions(report),
    renderMatrix(report),
    renderGateTable(tallies),
    renderLegend(report, tallies)
  ]
  if (report.changes.length > 0) blocks.push(renderChanges(report))
  blocks.push(...renderManagementRefusal(report))
  for (const finding of groupFindings(report, 'fail'))
    blocks.push(...renderClosed(finding, report, folded ? 'folded' : 'summary'))
  const warnings = groupFindings(report, 'warn')
  const faults = warnings.filter(finding => finding.fault)
  if (faults.length > 0) {
    blocks.push('<h3>Could not be decided</h3>')
    for (const finding of faults) blocks.push(renderFolded(finding, report))
  }
  const caveats = warnings.filter(finding => !finding.fault)
  if (caveats.length > 0) {
    blocks.push('<h3>Warnings</h3>')
    for (const finding of caveats) blocks.push(renderFolded(finding, report))
  }
  const skipped = skipReasons(report)
  if (skipped.length > 0) {
    blocks.push(
      htmlBlock(
        `<details><summary>${STATUS_MARK.skip} Not evaluated, and why (${skipped.length})</summary>`,
        '<ul>',
        ...skipped.map(
          reason =>
            `<li>${escapeHtml(GATE_TITLES[reason.gate])}: ${escapeHtml(reason.detail)} (${places(reason.checks)})</li>`
        ),
        '</ul>',
        '</details>'
      )
    )
  }
  blocks.push(renderQuotasRead(report))
  if (options.comment) blocks.push(commentFooter(options.comment))
  return document(blocks)
}

/** The most checks whose grid the PR comment shows; a larger run's grid is the job summary's. */
export const COMMENT_GRID_MAX = 12

/**
 * The PR comment: a digest of the summary for a reviewer, never the whole of it (a large run's summary is longer
 * than a conversation should carry). The verdict, who and what, the grid while it is small, the gate table (which
 * gate is closed for how many checks), what changed, each
 * closed gate's cause once with where and its fix (the code folded), one line per warning and per fault, and the
 * way to the full report: the job summary of the run.
 */
export function renderComment(report: Report, comment: NonNullable<SummaryOptions['comment']>): string {
  const blocks: string[] = [
    `<h2>${VERDICT_MARK[report.result]} ${escapeHtml(headline(report))}</h2>`,
    htmlBlock(`<p>${whoLine(report)}<br>`, `${whatLine(report)}</p>`),
    renderActions(report)
  ]
  if (report.checks.length <= COMMENT_GRID_MAX) blocks.push(renderMatrix(report))
  // The gate table is seven rows whatever the run's size: which gate is closed, for how many checks.
  const tallies = gateTallies(report)
  blocks.push(renderGateTable(tallies), renderLegend(report, tallies))
  if (report.changes.length > 0) blocks.push(renderChanges(report))
  blocks.push(...renderManagementRefusal(report))
  for (const finding of groupFindings(report, 'fail')) blocks.push(...renderClosed(finding, report, 'digest'))
  const warnings = groupFindings(report, 'warn')
  const line = (finding: Finding) => {
    const mark = finding.fault ? VERDICT_MARK.inconclusive : STATUS_MARK.warn
    return `<li>${mark} ${escapeHtml(findingTitle(finding))}: ${places(finding.checks, 3)}</li>`
  }
  if (warnings.length > 0) blocks.push(htmlBlock('<ul>', ...warnings.map(line), '</ul>'))
  const where = comment.runUrl
    ? `the <a href="${escapeHtml(comment.runUrl)}">job summary of this run</a>`
    : 'the job summary of this run'
  blocks.push(
    `<p>Every gate of every check, the warnings' fixes and the quotas read are in ${where}.</p>`,
    commentFooter(comment)
  )
  return document(blocks)
}

/** Who was checked, once: the caller, the account, where the credentials came from. */
function whoLine(report: Report): string {
  const accounts = accountsOf(report)
  const parts: string[] = []
  if (accounts.length > 1) parts.push(`<b>Accounts</b> ${accounts.map(code).join(', ')}`)
  else if (report.identity)
    parts.push(`<b>Caller</b> ${code(report.identity.arn)} in account ${code(report.identity.account)}`)
  else parts.push('<b>Caller</b> not established')
  if (report.credentialSource)
    parts.push(`credentials from ${escapeHtml(CREDENTIAL_SOURCE_WORDS[report.credentialSource])}`)
  return parts.join(' · ')
}

/** What was probed, how, and how long it took. */
function whatLine(report: Report): string {
  const probed = report.probed
  const checks = `${report.checks.length} check${report.checks.length === 1 ? '' : 's'}`
  if (!probed) return `<b>Probed</b> ${checks}`
  const parts = [
    `<b>Probed</b> ${probed.models} model${probed.models === 1 ? '' : 's'} × ${probed.regions.length} region${probed.regions.length === 1 ? '' : 's'} (${checks})`,
    probed.invoke
      ? `calls ${probed.calls.map(call => code(CALL_OPERATION[call])).join(', ')}` +
        (probed.serviceTier ? ` in the ${code(probed.serviceTier)} service tier` : '')
      : 'control plane only (invoke: false)',
    probed.bootstrap ? 'bootstrap (create-agreement: may change the account)' : 'read-only',
    `${(probed.durationMs / 1000).toFixed(1)} s`
  ]
  return parts.join(' · ')
}

/** For checks that proved nothing: what to do to get a verdict, on the first screen. */
function renderActions(report: Report): string {
  const actions = actionsForAVerdict(report)
  if (actions.length === 0) return ''
  if (actions.length === 1 && actions[0]!.checks.length === report.checks.length)
    return `<p><b>To get a verdict:</b> ${proseHtml(actions[0]!.action)}</p>`
  return htmlBlock(
    '<p><b>To get a verdict:</b></p>',
    '<ul>',
    ...actions.map(({ action, checks }) => `<li>${proseHtml(action)} (${places(checks, 3)})</li>`),
    '</ul>'
  )
}

function accountsOf(report: Report): string[] {
  return [...new Set(report.checks.flatMap(check => (check.account ? [check.account] : [])))]
}

/**
 * Rows are models (per account in a merged report), columns are regions: a 14-check run is 7 short rows. A cell
 * is the check's mark and, unless it passed, the gate that decided it.
 */
function renderMatrix(report: Report): string {
  const regions = report.probed?.regions.length
    ? [...report.probed.regions, ...report.checks.map(check => check.region)]
    : report.checks.map(check => check.region)
  const columns = [...new Set(regions)]
  const merged = accountsOf(report).length > 1
  const rowKey = (check: CheckResult) => `${merged ? (check.account ?? '') : ''}\u0000${check.model}`
  const rows = new Map<string, Map<string, CheckResult>>()
  for (const check of report.checks) {
    const row = rows.get(rowKey(check)) ?? new Map<string, CheckResult>()
    row.set(check.region, check)
    rows.set(rowKey(check), row)
  }
  const header = [...(merged ? ['Account'] : []), 'Model', ...columns.map(region => escapeHtml(region))]
  const body = [...rows.entries()].map(([key, row]) => {
    const [account, model] = key.split('\u0000') as [string, string]
    const cells = [
      ...(merged ? [code(account)] : []),
      code(model),
      ...columns.map(region => {
        const check = row.get(region)
        return check ? cellOf(check) : '—'
      })
    ]
    return `<tr>${cells.map(cell => `<td>${cell}</td>`).join('')}</tr>`
  })
  return htmlBlock(
    '<table>',
    `<tr>${header.map(cell => `<th>${cell}</th>`).join('')}</tr>`,
    ...body,
    '</table>'
  )
}

/** The six gates (the action's promise: five for access, capacity for today): for how many checks each was proven open, closed, or not evaluated. */
function renderGateTable(tallies: GateTally[]): string {
  const anyNotNeeded = tallies.some(tally => tally.notNeeded > 0)
  const count = (n: number) => (n === 0 ? '—' : String(n))
  const header = ['Gate', 'Proven open', 'Closed', 'Not evaluated', ...(anyNotNeeded ? ['Not needed'] : [])]
  const rows = tallies.map(tally => {
    const cells = [
      escapeHtml(GATE_TITLES[tally.gate]),
      count(tally.open),
      count(tally.closed),
      count(tally.unproven),
      ...(anyNotNeeded ? [count(tally.notNeeded)] : [])
    ]
    return `<tr>${cells.map(cell => `<td>${cell}</td>`).join('')}</tr>`
  })
  return htmlBlock(
    '<table>',
    `<tr>${header.map(cell => `<th>${cell}</th>`).join('')}</tr>`,
    ...rows,
    '</table>'
  )
}

/** ✅, ✅ ⚠️, ❌ IAM, ❌ Access + Terms, 🟡 timed out … */
function cellOf(check: CheckResult): string {
  const words = checkWords(check)
  return escapeHtml(words ? `${VERDICT_MARK[check.result]} ${words}` : VERDICT_MARK[check.result])
}

/** The marks the matrix uses, explained; a mark that is not in the table is not in the legend. */
function renderLegend(report: Report, tallies: GateTally[]): string {
  const results = new Set(report.checks.map(check => check.result))
  const parts: string[] = []
  if (results.has('pass')) parts.push(`${VERDICT_MARK.pass} proven`)
  if (report.checks.some(check => check.result === 'pass' && hasWarnings(check)))
    parts.push('⚠️ proven, with a warning')
  if (results.has('fail')) parts.push(`${VERDICT_MARK.fail} closed (the gate is named)`)
  if (results.has('inconclusive'))
    parts.push(`${VERDICT_MARK.inconclusive} nothing closed, nothing proven (why is named)`)
  // The gate table's words too, where its columns hold a number.
  if (tallies.some(tally => tally.unproven > 0))
    parts.push(
      'Not evaluated: not decided for that check (not read, not called, or behind a closed gate; "Not evaluated, and why" names the reason)'
    )
  if (tallies.some(tally => tally.notNeeded > 0)) parts.push('Not needed: nothing to accept for the model')
  return parts.length > 0 ? `<p><sub>${parts.join(' · ')}</sub></p>` : ''
}

function places(checks: CheckResult[], limit = 12): string {
  const shown = checks
    .slice(0, limit)
    .map(
      check =>
        `${code(check.model)} @ ${escapeHtml(check.region)}${check.account ? ` (${code(check.account)})` : ''}`
    )
  return shown.join(', ') + (checks.length > limit ? `, and ${checks.length - limit} more` : '')
}

function renderChanges(report: Report): string {
  const items = report.changes.map(change => {
    const what =
      change.action === 'use-case-form-submitted'
        ? 'Submitted the Anthropic use-case form'
        : `Created the model agreement for ${code(change.model ?? '')}${change.offerId ? ` (offer ${code(change.offerId)})` : ''}`
    return `<li>${what} in ${code(change.region)}${change.account ? ` of account ${code(change.account)}` : ''}</li>`
  })
  return htmlBlock('<h3>Changes made to the account</h3>', '<ul>', ...items, '</ul>')
}

/**
 * Where the Anthropic use-case form was found or submitted, in one line, when it was looked at; and, where it is
 * not on file, the fields this run submitted (or create-agreement: true would), folded.
 */
function formBlocks(report: Report): string[] {
  const line = report.useCaseForm ? formLine(report.useCaseForm) : undefined
  const shown = formFields(report.useCaseForm)
  return [
    ...(line ? [`<p>📝 ${escapeHtml(line)}</p>`] : []),
    ...(shown
      ? [
          htmlBlock(
            `<details><summary>${escapeHtml(shown.heading)}</summary>`,
            '<table>',
            '<tr><th>Field</th><th>Value</th></tr>',
            ...shown.fields.map(
              ({ name, value }) => `<tr><td>${code(name)}</td><td>${escapeHtml(value)}</td></tr>`
            ),
            '</table>',
            '</details>'
          )
        ]
      : [])
  ]
}

/** A refused management role: a finding of its own, with the role named and the statement that admits the token. */
function renderManagementRefusal(report: Report): string[] {
  const refusal = managementRefusal(report.useCaseForm)
  if (!refusal) return []
  const principal = principalOf(refusal.roleArn)
  const snippets = refusal.trustPolicy
    ? trustPolicySnippets(refusal.trustPolicy, principal.kind === 'role' ? principal.name : undefined)
    : []
  return [
    htmlBlock(
      `<h3>${STATUS_MARK.fail} ${escapeHtml(refusal.title)}</h3>`,
      `<p><b>Where:</b> ${code(refusal.roleArn)} (management-role-to-assume, for the Anthropic use-case form only; the checks ran with the member identity)</p>`,
      ...(refusal.fix ? [`<p><b>Fix:</b> ${proseHtml(refusal.fix)}</p>`] : [])
    ),
    ...snippets.flatMap(snippetBlocks),
    htmlBlock(
      '<details><summary>What was seen (1)</summary>',
      `<ul><li>${escapeHtml(refusal.detail)}</li></ul>`,
      '</details>'
    )
  ]
}

/** A closed gate: where, the fix in words, the fix to copy, then what AWS said (folded). */
/**
 * A closed gate's cause: its title, where, the fix and the code to copy. The summary shows the code, a folded view
 * (the watch issue) folds it, and the PR comment's digest folds it and leaves out the hints and what was seen.
 */
function renderClosed(finding: Finding, report: Report, view: 'summary' | 'folded' | 'digest'): string[] {
  const blocks = [
    htmlBlock(
      `<h3>${STATUS_MARK.fail} ${escapeHtml(findingTitle(finding))}</h3>`,
      `<p><b>Where:</b> ${places(finding.checks, view === 'digest' ? 6 : undefined)}</p>`,
      renderFixes(finding)
    )
  ]
  const snippets = fixSnippets(finding, report).flatMap(snippetBlocks)
  // A comment or issue folds the code: the conversation stays short, the fix one click away.
  if (snippets.length > 0 && view !== 'summary')
    blocks.push('<details><summary>The fix to copy</summary>', ...snippets, '</details>')
  else blocks.push(...snippets)
  if (view === 'digest') return blocks
  if (finding.hints.length > 0)
    blocks.push(htmlBlock(...finding.hints.map(line => `<p>${proseHtml(line)}</p>`)))
  blocks.push(renderSeen(finding, report))
  return blocks
}

/** A snippet: its label in words, then the code block to copy. */
function snippetBlocks(snippet: FixSnippet): string[] {
  return [`<p>${proseHtml(snippet.label)}:</p>`, fence(snippet.lang, snippet.code)]
}

/** A warning or a fault, folded: the title says it; where, the fix and what was seen are one click away. */
function renderFolded(finding: Finding, report: Report): string {
  const title = findingTitle(finding)
  const mark = finding.fault ? VERDICT_MARK.inconclusive : STATUS_MARK.warn
  const head = htmlBlock(
    `<details><summary>${mark} ${escapeHtml(title)}</summary>`,
    `<p><b>Where:</b> ${places(finding.checks)}${finding.fault ? gatesTouched(finding) : ''}</p>`,
    renderFixes(finding)
  )
  const tail = htmlBlock(
    ...finding.hints.map(line => `<p>${proseHtml(line)}</p>`),
    renderSeen(finding, report, false),
    '</details>'
  )
  // A warning's fix is as exact as a closed gate's: its commands (a quota increase, say) are code to copy, each a
  // block of its own so that GitHub's parser reads the fence inside the fold.
  const snippets = fixSnippets(finding, report).flatMap(snippetBlocks)
  return snippets.length === 0 ? htmlBlock(head, tail) : [head, ...snippets, tail].join('\n\n')
}

/** The gates a fault left undecided, so it is said once for all of them. */
function gatesTouched(finding: Finding): string {
  const gates = GATES.filter(gate =>
    finding.checks.some(check => isFault(check.gates[gate]) && check.gates[gate].cause === finding.cause)
  )
  return gates.length > 1 ? ` (${gates.map(gate => escapeHtml(GATE_TITLES[gate])).join(', ')})` : ''
}

function renderFixes(finding: Finding): string {
  if (finding.fixes.length === 0) return ''
  if (finding.fixes.length === 1) return `<p><b>Fix:</b> ${proseHtml(finding.fixes[0]!)}</p>`
  return htmlBlock(
    '<p><b>Fix:</b></p>',
    '<ul>',
    ...finding.fixes.map(fix => `<li>${proseHtml(fix)}</li>`),
    '</ul>'
  )
}

/** AWS's own words, each distinct message once, without the caller's ARN (it is named above the table). */
function renderSeen(finding: Finding, report: Report, folded = true): string {
  const byDetail = new Map<string, CheckResult[]>()
  for (const { check, detail } of finding.seen) {
    const text = withoutCaller(detail, report)
    byDetail.set(text, [...(byDetail.get(text) ?? []), check])
  }
  const items = [...byDetail.entries()].map(([detail, checks]) =>
    byDetail.size === 1
      ? `<li>${escapeHtml(detail)}</li>`
      : `<li>${places(checks, 3)}: ${escapeHtml(detail)}</li>`
  )
  const list = htmlBlock('<ul>', ...items, '</ul>')
  return folded
    ? htmlBlock(`<details><summary>What was seen (${byDetail.size})</summary>`, list, '</details>')
    : list
}

/** The quotas the checks' calls count against, as Service Quotas gave them, folded: each quota once per region. */
function renderQuotasRead(report: Report): string {
  const rows = new Map<string, string>()
  for (const check of report.checks) {
    for (const quota of check.quotas ?? []) {
      const key = `${check.region}|${quota.code}`
      if (rows.has(key)) continue
      const cells = [
        escapeHtml(check.region),
        escapeHtml(quota.name),
        code(quota.code),
        quota.applied === undefined ? 'unknown' : String(quota.applied),
        quota.default === undefined ? '—' : String(quota.default),
        quota.adjustable === undefined ? '—' : quota.adjustable ? 'yes' : 'no'
      ]
      rows.set(key, `<tr>${cells.map(cell => `<td>${cell}</td>`).join('')}</tr>`)
    }
  }
  if (rows.size === 0) return ''
  const header = ['Region', 'Quota', 'Code', 'Applied', 'AWS default', 'Adjustable']
  return htmlBlock(
    `<details><summary>Quotas read (${rows.size})</summary>`,
    '<table>',
    `<tr>${header.map(cell => `<th>${cell}</th>`).join('')}</tr>`,
    ...rows.values(),
    '</table>',
    '</details>'
  )
}

function commentFooter({ runUrl, commit, time }: NonNullable<SummaryOptions['comment']>): string {
  const parts = [
    runUrl ? `<a href="${escapeHtml(runUrl)}">workflow run</a>` : 'workflow run',
    ...(commit ? [`commit ${code(commit.slice(0, 7))}`] : []),
    `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  ]
  return `<p><sub>bedrock-access-probe · ${parts.join(' · ')}</sub></p>`
}
