/**
 * Findings: every non-passing gate of every check, grouped so that twenty checks with the same problem read as
 * one finding with twenty places, and one fault that left several gates undecided (AWS unreachable) reads as one
 * finding, not one per gate. Shared by the job summary, the terminal and the annotations, with the other views
 * of a report they all show: the gate counts, the verdict in words, and how to get a verdict when none was.
 */
import {
  type CheckResult,
  type GateResult,
  type GateStatus,
  type IamStatement,
  type QuotaHint,
  type Report,
  type TrustPolicyStatement,
  type Verdict
} from '../../types.js'
import {
  CAUSES,
  causeOf,
  GATE_SHORT,
  GATES,
  GATE_TITLES,
  isCause,
  isTransient,
  kindOf,
  type Cause,
  type GateName
} from '../../causes/index.js'
import { choices } from '../../support/text.js'
import { managementRefusal } from './use-case-form.js'

export interface Finding {
  /** The gate, or for a fault that left several gates undecided, the first of them. */
  gate: GateName
  status: Extract<GateStatus, 'fail' | 'warn'>
  /** A fault (unreachable, 5xx, timeout …): nothing is closed, and it is said once for every gate it touched. */
  fault: boolean
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
  /** The quotas to raise (capacity), each once per region. */
  quotas: QuotaHint[]
  checks: CheckResult[]
}

export const STATUS_MARK: Record<GateStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '➖' }
/** A check's or a run's mark: only a proven pass is green. */
export const VERDICT_MARK: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '🟡' }

export function hasWarnings(check: CheckResult): boolean {
  return GATES.some(gate => check.gates[gate].status === 'warn')
}

/**
 * A check in a word or two beside its mark: a pass with a warning is ⚠️; a failure names its closed gates
 * (IAM, Access + Terms); an inconclusive check names why (timed out, unreachable, not called).
 */
export function checkWords(check: CheckResult): string {
  if (check.result === 'pass') return hasWarnings(check) ? '⚠️' : ''
  if (check.result === 'fail')
    return GATES.filter(gate => check.gates[gate].status === 'fail')
      .map(gate => GATE_SHORT[gate])
      .join(' + ')
  return unprovenWord(check)
}

/**
 * A gate AWS's answer left pending (a transient cause: a Marketplace subscription still being processed). Not a
 * fault and not a closed gate, so it is read here, before the IAM gate's "refused earlier".
 */
function pendingGate(check: CheckResult): GateResult | undefined {
  return GATES.map(gate => check.gates[gate]).find(
    result => result.status === 'skip' && isTransient(result.cause)
  )
}

/** Why a check proved nothing, in a word or two: the first gate a fault or a gap left undecided, else the call's. */
function unprovenWord(check: CheckResult): string {
  for (const gate of GATES) {
    const result = check.gates[gate]
    if (result.status !== 'warn' || !result.cause) continue
    const spec = causeOf(result.cause)
    if (spec.kind === 'fault' || spec.kind === 'unproven') return spec.cell
  }
  const cause = pendingGate(check)?.cause ?? check.gates['iam-permission'].cause
  const spec = cause ? causeOf(cause) : undefined
  return spec && 'cell' in spec ? spec.cell : 'not called'
}

export function isFault(gate: GateResult): boolean {
  return gate.status === 'warn' && kindOf(gate.cause) === 'fault'
}

/** Skipped gates grouped by their reason: what was not evaluated, and why, in one line each. */
export function skipReasons(report: Report): { gate: GateName; detail: string; checks: CheckResult[] }[] {
  const groups = new Map<string, { gate: GateName; detail: string; checks: CheckResult[] }>()
  for (const check of report.checks) {
    for (const gate of GATES) {
      const result = check.gates[gate]
      if (result.status !== 'skip') continue
      const key = `${gate}|${result.detail}`
      const group = groups.get(key) ?? { gate, detail: result.detail, checks: [] }
      group.checks.push(check)
      groups.set(key, group)
    }
  }
  return [...groups.values()]
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
    // A fault that left several gates of one check undecided is one problem of that check.
    const faultsSeen = new Set<string>()
    for (const gate of GATES) {
      const result = check.gates[gate]
      if (result.status !== status) continue
      const fix = result.fix ?? ''
      const cause = result.cause ?? 'unspecified'
      const fault = isFault(result)
      // One cause is one finding, whatever its places: a fix that names the place (a region, a successor) is
      // one of the finding's fixes. A merged report keeps each account's findings apart: a policy is attached
      // per account.
      const key = fault
        ? `fault|${cause}|${check.account ?? ''}`
        : `${gate}|${cause}|${check.account ?? ''}`
      if (fault) {
        if (faultsSeen.has(key)) continue
        faultsSeen.add(key)
      }
      const finding = groups.get(key) ?? {
        gate,
        status,
        fault,
        cause,
        seen: [],
        fix,
        fixes: [],
        statements: [],
        hints: [],
        trustPolicies: [],
        quotas: [],
        checks: []
      }
      finding.checks.push(check)
      if (fix && !finding.fixes.includes(fix)) finding.fixes.push(fix)
      if (gate === 'iam-permission' && check.iamStatement) finding.statements.push(check.iamStatement)
      finding.seen.push({ check, detail: result.detail })
      for (const line of hintLines(check, result)) if (!finding.hints.includes(line)) finding.hints.push(line)
      const trust = result.hints?.trustPolicy
      if (trust && !finding.trustPolicies.some(known => JSON.stringify(known) === JSON.stringify(trust)))
        finding.trustPolicies.push(trust)
      const quota = result.hints?.quota
      if (quota && !finding.quotas.some(known => known.code === quota.code && known.region === quota.region))
        finding.quotas.push(quota)
      groups.set(key, finding)
    }
  }
  for (const finding of groups.values()) finding.fixes = fixesByRegion(finding)
  // Most important first: the earliest gate (it blocks the ones after it), then the most checks.
  return [...groups.values()].sort(
    (a, b) => GATES.indexOf(a.gate) - GATES.indexOf(b.gate) || b.checks.length - a.checks.length
  )
}

/**
 * A finding's fixes, one per distinct text, where a fix that differs from check to check only by the region it
 * names is said once, for its first region, with the others after it: "… --region us-east-1 … (the same in
 * us-east-2 and us-west-2)". Its command stays one to copy as it is.
 */
function fixesByRegion(finding: Finding): string[] {
  const byTemplate = new Map<string, { fix: string; regions: string[] }>()
  for (const check of finding.checks) {
    const fix = check.gates[finding.gate].fix
    if (!fix) continue
    const template = fix.includes(check.region) ? fix.split(check.region).join('\u0000') : fix
    const known = byTemplate.get(template)
    if (!known) byTemplate.set(template, { fix, regions: [check.region] })
    else if (!known.regions.includes(check.region)) known.regions.push(check.region)
  }
  return [...byTemplate.entries()].map(([template, { fix, regions }]) =>
    !template.includes('\u0000') || regions.length === 1
      ? fix
      : `${fix.replace(/\.$/, '')} (the same in ${choices(regions.slice(1), 'and')})${fix.endsWith('.') ? '.' : ''}`
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

export function distinctSeen(
  finding: Finding,
  shown = SEEN_SHOWN
): {
  lines: { where?: string; detail: string }[]
  more: number
} {
  const details = new Set(finding.seen.map(seen => seen.detail))
  if (details.size === 1) return { lines: [{ detail: finding.seen[0]!.detail }], more: 0 }
  const lines = finding.seen
    .slice(0, shown)
    .map(({ check, detail }) => ({ where: `${check.model} @ ${check.region}`, detail }))
  return { lines, more: Math.max(0, finding.seen.length - shown) }
}

export function findingTitle(finding: Finding): string {
  const words = isCause(finding.cause) ? CAUSES[finding.cause].title : undefined
  const count = `${finding.checks.length} check${finding.checks.length === 1 ? '' : 's'}`
  if (finding.fault) return `Not decided: ${words ?? 'a fault'} (${count})`
  const state = finding.status === 'fail' ? 'closed' : 'warning'
  return `${GATE_TITLES[finding.gate]} ${state}${words ? `: ${words}` : ''} (${count})`
}

const plural = (count: number) => `${count} Bedrock access check${count === 1 ? '' : 's'}`

/** The headline words of a cause that left checks unproven, when it has them. */
function headlineOf(cause: Cause | undefined): string | undefined {
  const spec = cause ? causeOf(cause) : undefined
  return spec && 'headline' in spec ? spec.headline : undefined
}

/** What to do to get a verdict, for a cause whose gate carries no fix of its own. */
function nextStepOf(cause: Cause | undefined): string | undefined {
  const spec = cause ? causeOf(cause) : undefined
  return spec && 'nextStep' in spec ? spec.nextStep : undefined
}

/** The gate that kept a check from being proven: the first undecided one, else the IAM gate's reason. */
function unprovenCause(check: CheckResult): Cause | undefined {
  for (const gate of GATES) {
    const result = check.gates[gate]
    if (result.status === 'warn' && headlineOf(result.cause) !== undefined) return result.cause
  }
  return pendingGate(check)?.cause ?? check.gates['iam-permission'].cause
}

/**
 * What to do to turn an inconclusive check into a verdict: the fault's fix (re-run, the proxy, the network), else
 * the read to grant, else what kept the call from being made.
 */
function actionForAVerdict(check: CheckResult): string | undefined {
  const gates = GATES.map(gate => check.gates[gate])
  const fault = gates.find(isFault)
  if (fault?.fix) return fault.fix
  const pending = pendingGate(check)
  if (pending?.fix) return pending.fix
  const iam = check.gates['iam-permission']
  const unread = gates.find(gate => gate.status === 'skip' && gate.cause === 'read-denied' && gate.fix)
  const byDesign = iam.cause !== undefined && 'byDesign' in causeOf(iam.cause)
  if (byDesign && unread?.fix) return unread.fix
  if (iam.status !== 'pass' && iam.fix) return iam.fix
  const warned = gates.find(gate => gate.status === 'warn' && gate.fix)
  return nextStepOf(iam.cause) ?? warned?.fix ?? unread?.fix
}

/** For a run that proved nothing somewhere: each distinct action that would give a verdict, with where. */
export function actionsForAVerdict(report: Report): { action: string; checks: CheckResult[] }[] {
  const byAction = new Map<string, CheckResult[]>()
  for (const check of report.checks) {
    if (check.result !== 'inconclusive') continue
    const action = actionForAVerdict(check)
    if (action) byAction.set(action, [...(byAction.get(action) ?? []), check])
  }
  return [...byAction.entries()].map(([action, checks]) => ({ action, checks }))
}

/** How one gate stood across the checks: proven open, closed, not proven, or not needed (nothing to accept). */
export interface GateTally {
  gate: GateName
  open: number
  closed: number
  unproven: number
  notNeeded: number
}

export function gateTallies(report: Report): GateTally[] {
  return GATES.map(gate => {
    const tally: GateTally = { gate, open: 0, closed: 0, unproven: 0, notNeeded: 0 }
    for (const check of report.checks) {
      const result = check.gates[gate]
      if (result.cause === 'not-needed') tally.notNeeded++
      else if (result.status === 'fail') tally.closed++
      else if (result.status === 'pass' || (result.status === 'warn' && check.result === 'pass')) tally.open++
      else tally.unproven++
    }
    return tally
  })
}

/** The verdict in words: what happened, never a green mark over warnings. */
export function headline(report: Report): string {
  if (!managementRefusal(report.useCaseForm)) return checksHeadline(report)
  // The run failed for the management role; the checks are said as they are.
  const results = report.checks.map(check => check.result)
  const checksResult: Verdict = results.includes('fail')
    ? 'fail'
    : results.includes('inconclusive')
      ? 'inconclusive'
      : 'pass'
  const checks = checksHeadline({ ...report, result: checksResult })
  return `The management role for the use-case form was refused; ${checks.charAt(0).toLowerCase()}${checks.slice(1)}`
}

function checksHeadline(report: Report): string {
  const { counts } = report
  const total = report.checks.length
  if (report.cancelled)
    return `Cancelled before the probe finished: ${counts.pass} of ${plural(total)} proven, nothing more was`
  if (report.result === 'pass') {
    const warned = counts.warn > 0 ? `, ${counts.warn} with warnings` : ''
    // A pass without a call (invoke: false, a model billed per image) proved the control plane, not the permission
    // to call: the first words say so, never "access proven" for it.
    const uncalled = report.checks.filter(notCalledByDesign).length
    if (uncalled === total)
      return `${total === 1 ? '' : 'All '}${plural(total)} passed on the control plane: no call was made, so the permission to call is not proven${warned}`
    const partly = uncalled > 0 ? `, ${uncalled} on the control plane only (no call)` : ''
    return `${total === 1 ? '' : 'All '}${plural(total)} passed: access proven${partly}${warned}`
  }
  if (report.result === 'fail') {
    const unproven = counts.inconclusive > 0 ? ` (${counts.inconclusive} more inconclusive)` : ''
    return `${counts.fail} of ${plural(total)} failed: ${closedGatesWords(report)}${unproven}`
  }
  const causes = new Set(report.checks.filter(check => check.result === 'inconclusive').map(unprovenCause))
  const [only] = causes
  const words = causes.size === 1 ? headlineOf(only) : undefined
  if (words) return `${words}: nothing was proven (${counts.inconclusive} of ${plural(total)} inconclusive)`
  return `${counts.inconclusive} of ${plural(total)} inconclusive: nothing is closed, but access was not proven`
}

/**
 * The gates closed in the failing checks, named: "Credentials closed", "Region and IAM permission closed"; four or
 * more are counted ("4 gates closed"), and the first screen's gate table names them.
 */
function closedGatesWords(report: Report): string {
  const closed = GATES.filter(gate =>
    report.checks.some(check => check.result === 'fail' && check.gates[gate].status === 'fail')
  ).map(gate => GATE_TITLES[gate])
  if (closed.length === 0) return 'a gate is closed'
  if (closed.length > 3) return `${closed.length} gates closed`
  const names = closed.length === 1 ? closed[0]! : `${closed.slice(0, -1).join(', ')} and ${closed.at(-1)!}`
  return `${names} closed`
}

/** A check whose IAM gate was not called by design (invoke: false, a model the probe does not call). */
function notCalledByDesign(check: CheckResult): boolean {
  const cause = check.gates['iam-permission'].cause
  if (check.gates['iam-permission'].status !== 'skip' || cause === undefined) return false
  const spec = causeOf(cause)
  return spec.kind === 'unproven' && spec.byDesign === true
}
