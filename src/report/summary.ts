/**
 * The job summary (and the PR comment): read in ten seconds. The first screen answers the verdict in words,
 * who was checked and how, what was probed and how long it took, and a compact model × region matrix whose
 * cells name the closed gate. Then one section per closed gate with the exact fix to copy (the policy with every
 * affected ARN, the CLI command), AWS's own words folded; warnings folded; what was not evaluated and why.
 * Everything from outside (model IDs, AWS messages) is escaped; code blocks cannot be broken out of.
 */
import { CALL_OPERATION } from '../calls.js'
import { code, escapeHtml } from '../sanitize.js'
import {
  CREDENTIAL_SOURCE_WORDS,
  GATES,
  GATE_TITLES,
  type CheckResult,
  type GateName,
  type Report
} from '../types.js'
import { fixSnippets } from './commands.js'
import {
  findingTitle,
  groupFindings,
  headline,
  skipReasons,
  STATUS_MARK,
  VERDICT_MARK,
  withoutCaller,
  type Finding
} from './findings.js'

export interface SummaryOptions {
  /** The PR comment: the same view, with where it came from. */
  comment?: { runUrl?: string; commit?: string; time: Date }
}

/** The gates' names in a matrix cell: short, so a cell never wraps. */
export const GATE_SHORT: Record<GateName, string> = {
  credentials: 'Credentials',
  region: 'Region',
  'model-access': 'Access',
  'provider-terms': 'Terms',
  'iam-permission': 'IAM'
}

export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const out: string[] = []
  out.push(`<h2>${VERDICT_MARK[report.result]} ${escapeHtml(headline(report))}</h2>`)
  out.push(`<p>${whoLine(report)}<br>\n${whatLine(report)}</p>`)
  for (const note of report.credentialNotes ?? []) out.push(`<p>⚠️ ${escapeHtml(note)}</p>`)
  out.push(renderMatrix(report))
  out.push(
    `<p><sub>${VERDICT_MARK.pass} proven · ${VERDICT_MARK.fail} closed (the gate is named) · ${VERDICT_MARK.inconclusive} nothing closed, nothing proven · ⚠️ passed with a warning</sub></p>`
  )
  if (report.changes.length > 0) out.push(renderChanges(report))
  for (const finding of groupFindings(report, 'fail'))
    out.push(renderClosed(finding, report, options.comment !== undefined))
  const warnings = groupFindings(report, 'warn')
  if (warnings.length > 0) {
    out.push('<h3>Warnings</h3>')
    for (const finding of warnings) out.push(renderWarning(finding, report))
  }
  const skipped = skipReasons(report)
  if (skipped.length > 0) {
    const items = skipped.map(
      reason =>
        `<li>${escapeHtml(GATE_TITLES[reason.gate])}: ${escapeHtml(reason.detail)} (${places(reason.checks)})</li>`
    )
    out.push(
      `<details><summary>${STATUS_MARK.skip} Not evaluated, and why (${skipped.length})</summary>\n<ul>\n${items.join('\n')}\n</ul>\n</details>`
    )
  }
  if (options.comment) out.push(commentFooter(options.comment))
  return out.join('\n') + '\n'
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
      ? `calls ${probed.calls.map(call => code(CALL_OPERATION[call])).join(', ')}`
      : 'control plane only (invoke: false)',
    probed.bootstrap ? 'bootstrap (create-agreement: may change the account)' : 'read-only',
    `${(probed.durationMs / 1000).toFixed(1)} s`
  ]
  return parts.join(' · ')
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
  return `<table>\n<tr>${header.map(cell => `<th>${cell}</th>`).join('')}</tr>\n${body.join('\n')}\n</table>`
}

/** ✅, ✅ ⚠️, ❌ IAM, ❌ Access + Terms, 🟡 timed out … */
function cellOf(check: CheckResult): string {
  const mark = VERDICT_MARK[check.result]
  if (check.result === 'pass') {
    const warned = GATES.some(gate => check.gates[gate].status === 'warn')
    return warned ? `${mark} ⚠️` : mark
  }
  if (check.result === 'fail') {
    const closed = GATES.filter(gate => check.gates[gate].status === 'fail').map(gate => GATE_SHORT[gate])
    return `${mark} ${closed.join(' + ')}`
  }
  return `${mark} ${escapeHtml(unprovenWord(check))}`
}

/** Why a check proved nothing, in two or three words. */
function unprovenWord(check: CheckResult): string {
  for (const gate of GATES) {
    const result = check.gates[gate]
    if (result.status !== 'warn') continue
    switch (result.cause) {
      case 'timed-out':
        return 'timed out'
      case 'unreachable':
        return 'unreachable'
      case 'cancelled':
        return 'cancelled'
      case 'fork-pull-request':
        return 'fork PR'
      case 'tls-untrusted':
        return 'TLS'
      case 'proxy-failed':
        return 'proxy'
      case 'not-from-aws':
        return 'not AWS'
      case 'service-error':
        return 'AWS 5xx'
      default:
        if (result.cause && !['model-legacy', 'agreement-pending'].includes(result.cause)) return 'fault'
    }
  }
  return 'not called'
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
    return `<li>${what} in ${code(change.region)}</li>`
  })
  return `<h3>Changes made to the account</h3>\n<ul>\n${items.join('\n')}\n</ul>`
}

/** A closed gate: where, the fix in words, the fix to copy, then what AWS said (folded). */
function renderClosed(finding: Finding, report: Report, folded: boolean): string {
  const lines = [
    `<h3>${STATUS_MARK.fail} ${escapeHtml(findingTitle(finding))}</h3>`,
    `<p><b>Where:</b> ${places(finding.checks)}</p>`,
    renderFixes(finding)
  ]
  const snippets = fixSnippets(finding, report).flatMap(snippet => [
    `<p>${escapeHtml(snippet.label)}:</p>`,
    '',
    fence(snippet.lang, snippet.code),
    ''
  ])
  // The PR comment folds the code: the conversation stays short, the fix one click away.
  if (snippets.length > 0 && folded)
    lines.push('<details><summary>The fix to copy</summary>', '', ...snippets, '</details>')
  else lines.push(...snippets)
  lines.push(...finding.hints.map(line => `<p>${escapeHtml(line)}</p>`))
  lines.push(renderSeen(finding, report))
  return lines.filter(Boolean).join('\n')
}

function renderWarning(finding: Finding, report: Report): string {
  const body = [
    `<p><b>Where:</b> ${places(finding.checks)}</p>`,
    renderFixes(finding),
    ...finding.hints.map(line => `<p>${escapeHtml(line)}</p>`),
    renderSeen(finding, report, false)
  ]
  return `<details><summary>${STATUS_MARK.warn} ${escapeHtml(findingTitle(finding))}</summary>\n${body.filter(Boolean).join('\n')}\n</details>`
}

function renderFixes(finding: Finding): string {
  if (finding.fixes.length === 0) return ''
  if (finding.fixes.length === 1) return `<p><b>Fix:</b> ${escapeHtml(finding.fixes[0]!)}</p>`
  return `<p><b>Fix:</b></p>\n<ul>\n${finding.fixes.map(fix => `<li>${escapeHtml(fix)}</li>`).join('\n')}\n</ul>`
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
  const list = `<ul>\n${items.join('\n')}\n</ul>`
  return folded ? `<details><summary>What was seen (${byDetail.size})</summary>\n${list}\n</details>` : list
}

/**
 * A markdown code block (GitHub gives it a copy button). Its content is the probe's own JSON and commands built
 * from validated IDs; a backtick run is broken anyway so nothing can close the fence.
 */
function fence(lang: string, text: string): string {
  return ['```' + lang, text.replace(/`{3,}/g, run => run.split('').join('\u200b')), '```'].join('\n')
}

function commentFooter({ runUrl, commit, time }: NonNullable<SummaryOptions['comment']>): string {
  const parts = [
    runUrl ? `<a href="${escapeHtml(runUrl)}">workflow run</a>` : 'workflow run',
    ...(commit ? [`commit ${code(commit.slice(0, 7))}`] : []),
    `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  ]
  return `<p><sub>bedrock-access-probe · ${parts.join(' · ')}</sub></p>`
}
