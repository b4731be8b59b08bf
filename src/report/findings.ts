/**
 * Findings: every non-passing gate of every check, grouped so that twenty checks with the same problem
 * read as one finding with twenty places. Shared by the job summary, the CLI and the PR comment.
 */
import {
  GATES,
  GATE_TITLES,
  type CheckResult,
  type GateName,
  type Cause,
  type GateResult,
  type GateStatus,
  type IamStatement,
  type Report,
  type TrustPolicyStatement,
  type Verdict
} from '../types.js'

export interface Finding {
  gate: GateName
  status: Extract<GateStatus, 'fail' | 'warn'>
  cause: string
  /** What was seen, per check; often the same words with other IDs and ARNs. */
  seen: { check: CheckResult; detail: string }[]
  /** The gate's fix (the per-check IAM statements are merged into the combined policy instead). */
  fix: string
  /** Every distinct fix of the group, in order (an SCP fix names each check's own ARN). */
  fixes: string[]
  /** The least-privilege statements of the group's checks, for one policy that opens them all. */
  statements: IamStatement[]
  /** Hint lines of the checks in this finding, each once. */
  hints: string[]
  /** Trust-policy statements that would admit the workflow's token, each once. */
  trustPolicies: TrustPolicyStatement[]
  checks: CheckResult[]
}

export const STATUS_MARK: Record<GateStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '➖' }
/** A check's or a run's mark: only a proven pass is green. */
export const VERDICT_MARK: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '🟡' }

/** Skipped gates grouped by their reason: what was not evaluated, and why, in one line each. */
export function skipReasons(report: Report): { gate: GateName; detail: string; checks: CheckResult[] }[] {
  const groups = new Map<string, { gate: GateName; detail: string; checks: CheckResult[] }>()
  for (const check of report.checks) {
    for (const gate of GATES) {
      const result = check.gates[gate]
      if (result.status !== 'skip') continue
      const detail = withoutIds(result.detail, check)
      const key = `${gate}|${detail}`
      const group = groups.get(key) ?? { gate, detail, checks: [] }
      group.checks.push(check)
      groups.set(key, group)
    }
  }
  return [...groups.values()]
}

/** A detail with the check's own model and region named generically, so alike reasons group. */
function withoutIds(detail: string, check: CheckResult): string {
  const generic = detail.replaceAll(check.model, 'the model')
  return check.baseModelId ? generic.replaceAll(check.baseModelId, 'the model') : generic
}

/**
 * An AWS message without the caller's ARN (named once, above the table): "User: arn:… is not authorized" reads
 * "User: (the caller) is not authorized".
 */
export function withoutCaller(text: string, report: Pick<Report, 'identity'>): string {
  const arn = report.identity?.arn
  return arn ? text.replaceAll(arn, '(the caller)') : text
}

export function groupFindings(report: Report, status: 'fail' | 'warn'): Finding[] {
  const groups = new Map<string, Finding>()
  for (const check of report.checks) {
    for (const gate of GATES) {
      const result = check.gates[gate]
      if (result.status !== status) continue
      const fix = result.fix ?? ''
      const cause = result.cause ?? 'unspecified'
      // IAM statements differ per check but share one cause and one fix: group on the cause alone there.
      // A merged report keeps each account's findings apart: a policy is attached per account.
      const key = `${gate}|${cause}|${gate === 'iam-permission' ? '' : fix}|${check.account ?? ''}`
      const group = groups.get(key)
      const seen = { check, detail: result.detail }
      const finding = group ?? {
        gate,
        status,
        cause,
        seen: [],
        fix,
        fixes: [],
        statements: [],
        hints: [],
        trustPolicies: [],
        checks: []
      }
      finding.checks.push(check)
      if (fix && !finding.fixes.includes(fix)) finding.fixes.push(fix)
      if (gate === 'iam-permission' && check.iamStatement) finding.statements.push(check.iamStatement)
      finding.seen.push(seen)
      for (const line of hintLines(check, result)) if (!finding.hints.includes(line)) finding.hints.push(line)
      const trust = result.hints?.trustPolicy
      if (trust && !finding.trustPolicies.some(known => JSON.stringify(known) === JSON.stringify(trust)))
        finding.trustPolicies.push(trust)
      groups.set(key, finding)
    }
  }
  // Most important first: the earliest gate (it blocks the ones after it), then the most checks.
  return [...groups.values()].sort(
    (a, b) => GATES.indexOf(a.gate) - GATES.indexOf(b.gate) || b.checks.length - a.checks.length
  )
}

/** A gate's hints as sentences (the trust-policy statement is rendered apart, as JSON). */
function hintLines(check: Pick<CheckResult, 'region'> & { model?: string }, gate: GateResult): string[] {
  const lines: string[] = []
  const hints = gate.hints
  const model = check.model ?? 'this model'
  if (hints?.profiles?.length)
    lines.push(`Profiles in ${check.region} that contain ${model}: ${hints.profiles.join(', ')}.`)
  if (hints?.offeredIn?.length)
    lines.push(`Of the requested regions, ${model} is offered in ${hints.offeredIn.join(', ')}.`)
  return lines
}

/** The fix with its hint sentences: one paragraph that stands on its own (annotations, terminals). */
export function fixWithHints(
  check: Pick<CheckResult, 'region'> & { model?: string },
  gate: GateResult
): string {
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

/** A finding's cause in a few words, for its title; undefined: the gate's status says enough. */
const CAUSE_IN_WORDS: Partial<Record<Cause, string>> = {
  'iam-no-allow': 'no policy allows the call',
  'iam-explicit-deny': 'a policy denies the call',
  'iam-scp-deny': 'a service control policy denies the call',
  'iam-denied': 'access denied',
  'iam-list-denied': 'inference profiles may not be listed',
  'unrecognised-refusal': 'a refusal the probe does not recognise',
  'oidc-trust-policy': 'the role does not trust this token',
  'oidc-invalid-token': 'no OIDC identity provider for this token',
  'oidc-no-token-permission': 'no id-token permission',
  'credentials-expired': 'expired credentials',
  'credentials-invalid': 'invalid credentials',
  'credentials-missing': 'no credentials',
  'wrong-account': 'the wrong account',
  'bearer-key-invalid': 'the API key is refused',
  'bearer-key-expired': 'the API key has expired',
  'bearer-key-region': 'the API key is for another region',
  'bearer-not-permitted': 'API keys not permitted',
  'bearer-denied-scp': 'API keys denied by an SCP',
  'region-not-offered': 'not offered in the region',
  'on-demand-unsupported': 'needs an inference profile',
  'invalid-model-id': 'unknown model identifier',
  'profile-not-found': 'no such inference profile here',
  'agreement-missing': 'no provider agreement',
  'agreement-error': 'the agreement is in error',
  'agreement-pending': 'the agreement is being set up',
  'use-case-missing': 'no Anthropic use-case form',
  'not-entitled': 'not entitled',
  'model-legacy': 'a Legacy model',
  'model-end-of-life': 'end of life',
  'marketplace-permissions': 'never subscribed, and no Marketplace permissions',
  'no-model-access': 'no access to the model',
  throttled: 'throttled (access is in place)',
  'quota-exceeded': 'over quota (access is in place)',
  'timed-out': 'timed out',
  unreachable: 'AWS unreachable',
  'service-error': 'AWS server errors',
  'not-from-aws': 'an answer not from AWS',
  'tls-untrusted': 'an untrusted TLS certificate',
  'proxy-failed': 'the proxy failed',
  fault: 'an unreadable answer',
  cancelled: 'cancelled',
  'account-unverifiable': 'the account could not be checked',
  'fork-pull-request': 'a fork pull request (no OIDC token)',
  'idp-unreachable': "STS could not reach GitHub's keys",
  'oidc-token-unavailable': 'no GitHub OIDC token',
  'probe-request-rejected': "the model refused the probe's request"
}

export function findingTitle(finding: Finding): string {
  const words = CAUSE_IN_WORDS[finding.cause as Cause]
  const count = `${finding.checks.length} check${finding.checks.length === 1 ? '' : 's'}`
  const state = finding.status === 'fail' ? 'closed' : 'warning'
  return `${GATE_TITLES[finding.gate]} ${state}${words ? `: ${words}` : ''} (${count})`
}

const plural = (count: number) => `${count} Bedrock access check${count === 1 ? '' : 's'}`

/** Why nothing could be proven, in words, when every unproven check has the same cause. */
const UNPROVEN_IN_WORDS: Partial<Record<Cause, string>> = {
  unreachable: 'Could not reach AWS from this runner',
  'not-from-aws': 'Something other than AWS answered this runner (a proxy or firewall)',
  'tls-untrusted': 'This runner does not trust the TLS certificate it was shown',
  'timed-out': 'AWS did not answer in time',
  'service-error': 'AWS answered with server errors',
  'proxy-failed': 'The proxy did not carry the requests to AWS',
  cancelled: 'Cancelled before AWS answered',
  'oidc-token-unavailable': 'Could not get a GitHub OIDC token',
  'fork-pull-request': 'This pull request comes from a fork, and GitHub gives forks no OIDC token',
  'idp-unreachable': 'AWS STS could not verify the GitHub OIDC token',
  'read-denied': 'This identity may not read the control plane, and no call proved access',
  'agreement-unreadable':
    "The provider agreement could not be read, so the probe did not call (it could accept the provider's terms)"
}

/** The gate that kept a check from being proven: the first undecided one, else the IAM gate's reason. */
function unprovenCause(check: CheckResult): Cause | undefined {
  for (const gate of GATES) {
    const result = check.gates[gate]
    if (result.status === 'warn' && result.cause && UNPROVEN_IN_WORDS[result.cause] !== undefined)
      return result.cause
  }
  return check.gates['iam-permission'].cause
}

/** The verdict in words: what happened, never a green mark over warnings. */
export function headline(report: Report): string {
  const { counts } = report
  const total = report.checks.length
  if (report.cancelled)
    return `Cancelled before the probe finished: ${counts.pass} of ${plural(total)} proven, nothing more was`
  if (report.result === 'pass') {
    const warned = counts.warn > 0 ? `, ${counts.warn} with warnings` : ''
    return `${total === 1 ? '' : 'All '}${plural(total)} passed: access proven${warned}`
  }
  if (report.result === 'fail') {
    const unproven = counts.inconclusive > 0 ? ` (${counts.inconclusive} more inconclusive)` : ''
    return `${counts.fail} of ${plural(total)} failed: a gate is closed${unproven}`
  }
  const causes = new Set(report.checks.filter(check => check.result === 'inconclusive').map(unprovenCause))
  const [only] = causes
  const words = causes.size === 1 && only ? UNPROVEN_IN_WORDS[only] : undefined
  if (words) return `${words}: nothing was proven (${counts.inconclusive} of ${plural(total)} inconclusive)`
  return `${counts.inconclusive} of ${plural(total)} inconclusive: nothing is closed, but access was not proven`
}
