/**
 * Plain-text rendering for terminals (the CLI and `npm run demo`): the gate table, then the findings.
 */
import { CREDENTIAL_SOURCE_WORDS, GATES, GATE_TITLES, type Report } from '../types.js'
import { distinctSeen, findingTitle, groupFindings, headline } from './findings.js'

const SHORT: Record<string, string> = { pass: 'pass', fail: 'FAIL', warn: 'warn', skip: '-' }

export function renderText(report: Report, iamPolicy: string): string {
  const header = ['MODEL', 'REGION', ...GATES.map(gate => GATE_TITLES[gate].toUpperCase()), 'RESULT']
  const rows = report.checks.map(check => [
    check.model,
    check.region,
    ...GATES.map(gate => SHORT[check.gates[gate].status]!),
    check.result === 'fail' ? 'FAIL' : check.result
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map(row => row[column]!.length))
  )
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd()
  const out: string[] = [headline(report)]
  if (report.identity) out.push(`Caller: ${report.identity.arn} (account ${report.identity.account})`)
  if (report.credentialSource) out.push(`Credentials: ${CREDENTIAL_SOURCE_WORDS[report.credentialSource]}`)
  for (const note of report.credentialNotes ?? []) out.push(`Note: ${note}`)
  out.push('', format(header), ...rows.map(format))
  for (const change of report.changes) {
    out.push(
      change.action === 'use-case-form-submitted'
        ? `Changed: submitted the Anthropic use-case form in ${change.region}`
        : `Changed: created the model agreement for ${change.model} in ${change.region}`
    )
  }
  for (const status of ['fail', 'warn'] as const) {
    for (const finding of groupFindings(report, status)) {
      out.push('', `${status === 'fail' ? '✗' : '!'} ${findingTitle(finding)}`)
      out.push(`  where: ${finding.checks.map(check => `${check.model} @ ${check.region}`).join(', ')}`)
      const { lines, more } = distinctSeen(finding)
      for (const line of lines) out.push(`  seen:  ${line.where ? `${line.where}: ` : ''}${line.detail}`)
      if (more > 0) out.push(`  seen:  … and ${more} more alike`)
      if (finding.fix) out.push(`  fix:   ${finding.fix}`)
      for (const line of finding.hints) out.push(`  hint:  ${line}`)
      for (const statement of finding.trustPolicies)
        out.push('  trust policy statement that admits this token:', JSON.stringify(statement, null, 2))
    }
  }
  if (iamPolicy) out.push('', 'Least-privilege IAM policy for the failing checks:', iamPolicy)
  return out.join('\n') + '\n'
}
