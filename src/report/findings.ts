/**
 * Findings: every non-passing gate of every check, grouped so that twenty checks with the same problem
 * read as one finding with twenty places. Shared by the job summary, the CLI and the PR comment.
 */
import {
  GATES,
  GATE_TITLES,
  type CheckResult,
  type GateName,
  type GateResult,
  type GateStatus,
  type Report,
  type TrustPolicyStatement
} from '../types.js'

export interface Finding {
  gate: GateName
  status: Extract<GateStatus, 'fail' | 'warn'>
  cause: string
  /** What was seen, per check; often the same words with other IDs and ARNs. */
  seen: { check: CheckResult; detail: string }[]
  /** The gate's fix (the per-check IAM statements are merged into the combined policy instead). */
  fix: string
  /** Hint lines of the checks in this finding, each once. */
  hints: string[]
  /** Trust-policy statements that would admit the workflow's token, each once. */
  trustPolicies: TrustPolicyStatement[]
  checks: CheckResult[]
}

export const STATUS_MARK: Record<GateStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '➖' }

export function groupFindings(report: Report, status: 'fail' | 'warn'): Finding[] {
  const groups = new Map<string, Finding>()
  for (const check of report.checks) {
    for (const gate of GATES) {
      const result = check.gates[gate]
      if (result.status !== status) continue
      const fix = result.fix ?? ''
      const cause = result.cause ?? 'unspecified'
      // IAM statements differ per check but share one cause and one fix: group on the cause alone there.
      const key = `${gate}|${cause}|${gate === 'iam-permission' ? '' : fix}`
      const group = groups.get(key)
      const seen = { check, detail: result.detail }
      const finding = group ?? {
        gate,
        status,
        cause,
        seen: [],
        fix,
        hints: [],
        trustPolicies: [],
        checks: []
      }
      finding.checks.push(check)
      finding.seen.push(seen)
      for (const line of hintLines(check, result)) if (!finding.hints.includes(line)) finding.hints.push(line)
      const trust = result.hints?.trustPolicy
      if (trust && !finding.trustPolicies.some(known => JSON.stringify(known) === JSON.stringify(trust)))
        finding.trustPolicies.push(trust)
      groups.set(key, finding)
    }
  }
  return [...groups.values()].sort((a, b) => GATES.indexOf(a.gate) - GATES.indexOf(b.gate))
}

/** A gate's hints as sentences (the trust-policy statement is rendered apart, as JSON). */
export function hintLines(check: Pick<CheckResult, 'region'>, gate: GateResult): string[] {
  const lines: string[] = []
  const hints = gate.hints
  if (hints?.profiles?.length)
    lines.push(`Profiles in ${check.region} that contain this model: ${hints.profiles.join(', ')}.`)
  if (hints?.offeredIn?.length)
    lines.push(`Of the requested regions, it is offered in ${hints.offeredIn.join(', ')}.`)
  return lines
}

/** The fix with its hint sentences: one paragraph that stands on its own (annotations, terminals). */
export function fixWithHints(check: Pick<CheckResult, 'region'>, gate: GateResult): string {
  return [gate.fix ?? '', ...hintLines(check, gate)].filter(Boolean).join(' ')
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
