/**
 * Findings: every non-passing gate of every check, grouped so that twenty checks with the same problem
 * read as one finding with twenty places. Shared by the job summary, the CLI and the PR comment.
 */
import {
  GATES,
  GATE_TITLES,
  type CheckResult,
  type GateName,
  type GateStatus,
  type Report
} from '../types.js'

export interface Finding {
  gate: GateName
  status: Extract<GateStatus, 'fail' | 'warn'>
  cause: string
  /** What was seen, per check; often the same words with other IDs and ARNs. */
  seen: { check: CheckResult; detail: string }[]
  /** Fix text without the per-check IAM statement (the combined policy covers those). */
  fix: string
  checks: CheckResult[]
}

export const STATUS_MARK: Record<GateStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '➖' }

export function groupFindings(report: Report, status: 'fail' | 'warn'): Finding[] {
  const groups = new Map<string, Finding>()
  for (const check of report.checks) {
    for (const gate of GATES) {
      const result = check.gates[gate]
      if (result.status !== status) continue
      const fix = fixText(result.fix)
      const cause = result.cause ?? 'unspecified'
      // IAM statements differ per check but share one cause and one fix: group on the cause alone there.
      const key = `${gate}|${cause}|${gate === 'iam-permission' ? '' : fix}`
      const group = groups.get(key)
      const seen = { check, detail: result.detail }
      if (group) {
        group.checks.push(check)
        group.seen.push(seen)
      } else groups.set(key, { gate, status, cause, seen: [seen], fix, checks: [check] })
    }
  }
  return [...groups.values()].sort((a, b) => GATES.indexOf(a.gate) - GATES.indexOf(b.gate))
}

/** The fix without its trailing JSON policy statement. */
export function fixText(fix: string | undefined): string {
  if (!fix) return ''
  const json = fix.indexOf('\n{')
  return json < 0 ? fix : fix.slice(0, json)
}

/** Details shown for a finding: one line when every check saw the same, else the first few with their place. */
export const SEEN_SHOWN = 5

export function distinctSeen(finding: Finding): {
  lines: { where?: string; detail: string }[]
  more: number
} {
  const details = new Set(finding.seen.map(seen => seen.detail))
  if (details.size === 1) return { lines: [{ detail: finding.seen[0]!.detail }], more: 0 }
  const lines = finding.seen
    .slice(0, SEEN_SHOWN)
    .map(({ check, detail }) => ({ where: `${check.model} @ ${check.region}`, detail }))
  return { lines, more: Math.max(0, finding.seen.length - SEEN_SHOWN) }
}

export function findingTitle(finding: Finding): string {
  return `${GATE_TITLES[finding.gate]}: ${finding.status === 'fail' ? 'closed' : 'warning'} (${finding.checks.length} check${
    finding.checks.length === 1 ? '' : 's'
  })`
}

export function headline(report: Report): string {
  const total = report.checks.length
  if (report.result === 'pass') {
    const warned = report.counts.warn > 0 ? `, ${report.counts.warn} with warnings` : ''
    return `All ${total} Bedrock access check${total === 1 ? '' : 's'} pass${warned}`
  }
  return `${report.counts.fail} of ${total} Bedrock access check${total === 1 ? '' : 's'} fail`
}
