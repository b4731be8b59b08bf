/**
 * The job summary: one table (a row per model × region, a column per gate), who the caller was, what the
 * probe changed in the account, then the findings with their fixes. Rendered to an HTML/markdown string
 * (escaped: model IDs and AWS messages are untrusted) so the action and the PR comment share it.
 */
import { code, escapeHtml } from '../sanitize.js'
import { CALL_OPERATION } from '../calls.js'
import { CREDENTIAL_SOURCE_WORDS, GATES, GATE_TITLES, type Report } from '../types.js'
import {
  distinctSeen,
  findingTitle,
  groupFindings,
  headline,
  STATUS_MARK,
  VERDICT_MARK,
  type Finding
} from './findings.js'

export function renderSummary(report: Report, iamPolicy: string): string {
  const lines: string[] = []
  lines.push(`<h2>${VERDICT_MARK[report.result]} ${escapeHtml(headline(report))}</h2>`)
  lines.push(`<p>${callerLine(report)}</p>`)
  for (const note of report.credentialNotes ?? []) lines.push(`<p>⚠️ ${escapeHtml(note)}</p>`)
  lines.push(renderTable(report))
  lines.push(
    `<p>${STATUS_MARK.pass} open · ${STATUS_MARK.fail} closed · ${STATUS_MARK.warn} open with a caveat, or undecided (a fault) · ${STATUS_MARK.skip} not evaluated · ${VERDICT_MARK.inconclusive} inconclusive: nothing closed, nothing proven</p>`
  )
  if (report.changes.length > 0) {
    lines.push('<h3>Changes made to the account</h3>', '<ul>')
    for (const change of report.changes) {
      const what =
        change.action === 'use-case-form-submitted'
          ? 'Submitted the Anthropic use-case form'
          : `Created the model agreement for ${code(change.model ?? '')}${change.offerId ? ` (offer ${code(change.offerId)})` : ''}`
      lines.push(`<li>${what} in ${code(change.region)}</li>`)
    }
    lines.push('</ul>')
  }
  const failures = groupFindings(report, 'fail')
  if (failures.length > 0) {
    lines.push('<h3>What is closed, and how to open it</h3>')
    for (const finding of failures) lines.push(renderFinding(finding))
  }
  if (iamPolicy) {
    lines.push(
      '<h3>Least-privilege IAM policy for the failing checks</h3>',
      '<p>Attach to the role the workflow uses (also in the <code>iam-policy</code> output):</p>',
      `<pre lang="json">${escapeHtml(iamPolicy)}</pre>`
    )
  }
  const warnings = groupFindings(report, 'warn')
  if (warnings.length > 0) {
    lines.push('<h3>Warnings: caveats, and what could not be decided</h3>')
    for (const finding of warnings) lines.push(renderFinding(finding))
  }
  return lines.join('\n') + '\n'
}

/** Who was checked, and through which credentials; and the calls that were made. */
function callerLine(report: Report): string {
  const parts: string[] = []
  if (report.identity)
    parts.push(`Caller ${code(report.identity.arn)} in account ${code(report.identity.account)}`)
  if (report.credentialSource)
    parts.push(`credentials from ${escapeHtml(CREDENTIAL_SOURCE_WORDS[report.credentialSource])}`)
  const calls = [...new Set(report.checks.flatMap(check => check.calls.map(call => call.call)))]
  if (calls.length > 0) parts.push(`calls: ${calls.map(call => code(CALL_OPERATION[call])).join(', ')}`)
  return parts.join(' · ')
}

function renderTable(report: Report): string {
  const header = ['Model', 'Region', ...GATES.map(gate => GATE_TITLES[gate]), 'Result']
  const rows = report.checks.map(check => {
    const cells = [
      code(check.model),
      escapeHtml(check.region),
      ...GATES.map(gate => `${STATUS_MARK[check.gates[gate].status]} ${check.gates[gate].status}`),
      `${VERDICT_MARK[check.result]} ${check.result}`
    ]
    return `<tr>${cells.map(cell => `<td>${cell}</td>`).join('')}</tr>`
  })
  return `<table>\n<tr>${header.map(cell => `<th>${cell}</th>`).join('')}</tr>\n${rows.join('\n')}\n</table>`
}

function renderSeen(finding: Finding): string {
  const { lines, more } = distinctSeen(finding)
  if (lines.length === 1 && !lines[0]!.where) return `<p><b>Seen:</b> ${escapeHtml(lines[0]!.detail)}</p>`
  const items = lines.map(line => `<li>${code(line.where ?? '')}: ${escapeHtml(line.detail)}</li>`)
  if (more > 0) items.push(`<li>… and ${more} more alike</li>`)
  return `<p><b>Seen:</b></p>\n<ul>\n${items.join('\n')}\n</ul>`
}

function renderFinding(finding: Finding): string {
  const places = finding.checks.map(check => `${code(check.model)} @ ${escapeHtml(check.region)}`)
  const shown =
    places.slice(0, 12).join(', ') + (places.length > 12 ? `, and ${places.length - 12} more` : '')
  const mark = STATUS_MARK[finding.status]
  return [
    `<h4>${mark} ${escapeHtml(findingTitle(finding))}</h4>`,
    `<p><b>Where:</b> ${shown}</p>`,
    renderSeen(finding),
    finding.fix ? `<p><b>Fix:</b> ${escapeHtml(finding.fix)}</p>` : '',
    ...finding.hints.map(line => `<p>${escapeHtml(line)}</p>`),
    ...finding.trustPolicies.map(
      statement =>
        `<p>Trust policy statement that admits this token:</p>\n<pre lang="json">${escapeHtml(JSON.stringify(statement, null, 2))}</pre>`
    )
  ]
    .filter(Boolean)
    .join('\n')
}
