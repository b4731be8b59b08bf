/**
 * Plain text for terminals and the Actions log: the verdict, who and what, the gate table, then one section per
 * finding. The action prints each section after the first in a collapsible ::group:: (src/main.ts); the CLI
 * prints them one after another.
 */
import { CALL_OPERATION } from '../calls.js'
import { CREDENTIAL_SOURCE_WORDS, GATES, GATE_TITLES, type Report } from '../types.js'
import { fixSnippets } from './commands.js'
import {
  distinctSeen,
  findingTitle,
  groupFindings,
  headline,
  skipReasons,
  withoutCaller
} from './findings.js'

const SHORT: Record<string, string> = { pass: 'pass', fail: 'FAIL', warn: 'warn', skip: '-' }

export interface TextSection {
  /** The group's title in the log; the first section (the verdict and the table) has none and stays open. */
  title?: string
  lines: string[]
}

export function renderSections(report: Report, iamPolicy: string): TextSection[] {
  // A merged report (several accounts) leads with the account.
  const merged = new Set(report.checks.map(check => check.account ?? '')).size > 1
  const header = [
    ...(merged ? ['ACCOUNT'] : []),
    'MODEL',
    'REGION',
    ...GATES.map(gate => GATE_TITLES[gate].toUpperCase()),
    'RESULT'
  ]
  const rows = report.checks.map(check => [
    ...(merged ? [check.account ?? ''] : []),
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
  const first: string[] = [headline(report)]
  if (report.identity) first.push(`Caller: ${report.identity.arn} (account ${report.identity.account})`)
  if (report.credentialSource) first.push(`Credentials: ${CREDENTIAL_SOURCE_WORDS[report.credentialSource]}`)
  for (const note of report.credentialNotes ?? []) first.push(`Note: ${note}`)
  const probed = report.probed
  if (probed) {
    first.push(
      `Probed: ${probed.models} model(s) × ${probed.regions.join(', ')}; ` +
        (probed.invoke
          ? `calls ${probed.calls.map(call => CALL_OPERATION[call]).join(', ')}`
          : 'control plane only') +
        `; ${probed.bootstrap ? 'bootstrap' : 'read-only'}; ${(probed.durationMs / 1000).toFixed(1)} s`
    )
  }
  first.push('', format(header), ...rows.map(format))
  for (const change of report.changes) {
    first.push(
      change.action === 'use-case-form-submitted'
        ? `Changed: submitted the Anthropic use-case form in ${change.region}`
        : `Changed: created the model agreement for ${change.model} in ${change.region}`
    )
  }
  const sections: TextSection[] = [{ lines: first }]

  for (const status of ['fail', 'warn'] as const) {
    for (const finding of groupFindings(report, status)) {
      const lines: string[] = []
      lines.push(`  where: ${finding.checks.map(check => `${check.model} @ ${check.region}`).join(', ')}`)
      const { lines: seen, more } = distinctSeen(finding)
      for (const line of seen)
        lines.push(`  seen:  ${line.where ? `${line.where}: ` : ''}${withoutCaller(line.detail, report)}`)
      if (more > 0) lines.push(`  seen:  … and ${more} more alike`)
      for (const fix of finding.fixes) lines.push(`  fix:   ${fix}`)
      for (const line of finding.hints) lines.push(`  hint:  ${line}`)
      for (const snippet of fixSnippets(finding, report)) {
        // The IAM policy is printed once, below, for every closed check.
        if (snippet.lang === 'json' && finding.gate === 'iam-permission') continue
        lines.push(`  ${snippet.label}:`, ...snippet.code.split('\n').map(line => `    ${line}`))
      }
      sections.push({ title: `${status === 'fail' ? '✗' : '!'} ${findingTitle(finding)}`, lines })
    }
  }
  const skipped = skipReasons(report)
  if (skipped.length > 0) {
    sections.push({
      title: `- Not evaluated, and why (${skipped.length})`,
      lines: skipped.map(
        reason =>
          `  ${GATE_TITLES[reason.gate]}: ${reason.detail} (${reason.checks
            .map(check => `${check.model} @ ${check.region}`)
            .join(', ')})`
      )
    })
  }
  if (iamPolicy) {
    sections.push({
      title: 'Least-privilege IAM policy for the failing checks (also the iam-policy output)',
      lines: iamPolicy.split('\n')
    })
  }
  return sections
}

/** Every section in turn, titled: the CLI's output and `npm run demo`. */
export function renderText(report: Report, iamPolicy: string): string {
  return (
    renderSections(report, iamPolicy)
      .map(section => [...(section.title ? ['', section.title] : []), ...section.lines].join('\n'))
      .join('\n') + '\n'
  )
}
