/**
 * The run's verdict: the report built from the checks (the worst result wins, every fix put into words from its
 * cause and facts), and whether it fails the step (action) or exits 1 (CLI) by fail-on.
 */
import { fixOf } from '../../causes/index.js'
import type { FailOn } from '../../inputs/parse.js'
import type {
  CheckResult,
  GateResult,
  Gates,
  Report,
  UseCaseFormRecord,
  Verdict
} from '../../types.js'
import { headline } from './findings.js'

/** fail beats inconclusive beats pass. */
export function worstOf(results: Verdict[]): Verdict {
  return results.includes('fail') ? 'fail' : results.includes('inconclusive') ? 'inconclusive' : 'pass'
}

export function buildReport(
  checks: CheckResult[],
  identity: Report['identity'],
  changes: Report['changes'],
  cancelled = false,
  credentials: Pick<Report, 'credentialSource' | 'credentialNotes' | 'probed' | 'useCaseForm'> = {}
): Report {
  checks = checks.map(worded)
  const useCaseForm = credentials.useCaseForm && wordedForm(credentials.useCaseForm)
  const count = (result: Verdict) => checks.filter(check => check.result === result).length
  // A management role that was asked for and refused fails the run, whatever the checks say.
  const management = credentials.useCaseForm?.credentials?.status === 'fail' ? (['fail'] as const) : []
  const worst = worstOf([...checks.map(check => check.result), ...management])
  return {
    // A cancelled run proved less than it was asked to: never a pass.
    result: cancelled && worst === 'pass' ? 'inconclusive' : worst,
    ...(identity ? { identity } : {}),
    ...(credentials.probed ? { probed: credentials.probed } : {}),
    ...(credentials.credentialSource ? { credentialSource: credentials.credentialSource } : {}),
    ...(credentials.credentialNotes?.length ? { credentialNotes: credentials.credentialNotes } : {}),
    ...(useCaseForm ? { useCaseForm } : {}),
    checks,
    changes: inOrder(changes),
    counts: {
      pass: count('pass'),
      fail: count('fail'),
      inconclusive: count('inconclusive'),
      warn: checks.filter(check => Object.values(check.gates).some(gate => gate.status === 'warn')).length
    },
    ...(cancelled ? { cancelled } : {})
  }
}

/**
 * Whether the run fails the step. error (default): a closed gate or an unproven check; closed: only a closed
 * gate; warn: also any warning; never: the outputs carry the verdict, the step stays green. A cancelled run
 * always fails: it proved nothing and the runner is stopping it anyway.
 */
export function shouldFail(report: Report, failOn: FailOn): boolean {
  if (report.cancelled) return true
  switch (failOn) {
    case 'never':
      return false
    case 'closed':
      return report.result === 'fail'
    case 'error':
      return report.result !== 'pass'
    case 'warn':
      return report.result !== 'pass' || report.counts.warn > 0
  }
}

/** The one line a failing step ends with. */
export function failureMessage(report: Report, failOn: FailOn): string {
  if (report.cancelled)
    return `${headline(report)}. The report and summary hold what was seen before the cancel.`
  if (report.result === 'pass')
    return `${report.counts.warn} Bedrock access checks have warnings, and fail-on is warn.`
  const why =
    report.result === 'fail'
      ? 'The job summary names each closed gate and its fix.'
      : 'The job summary says what could not be proven; fail-on: closed fails only on closed gates.'
  return `${headline(report)}. ${why}${failOn === 'warn' && report.counts.warn > 0 ? ' (fail-on: warn)' : ''}`
}

/**
 * The account's changes in the order they are read, not the order concurrent checks finished them: the use-case
 * form first (it is submitted before any agreement), then by account, region and model, so a run reads the same
 * every time.
 */
function inOrder(changes: Report['changes']): Report['changes'] {
  const key = (change: Report['changes'][number]) => [
    change.action === 'use-case-form-submitted' ? '0' : '1',
    change.account ?? '',
    change.region,
    change.model ?? ''
  ]
  return [...changes].sort((a, b) => {
    const [x, y] = [key(a), key(b)]
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1
    return 0
  })
}

/** A gate as the report has it: its fix in words (fixOf), the facts they were made from left out. */
function wordedGate(gate: GateResult, check: Pick<CheckResult, 'model' | 'region' | 'baseModelId'>): GateResult {
  if (!gate.facts) return gate
  const { facts: _facts, ...rest } = gate
  const fix = fixOf(gate, check)
  return { ...rest, ...(fix ? { fix } : {}) }
}

function worded(check: CheckResult): CheckResult {
  const gates = Object.fromEntries(
    Object.entries(check.gates).map(([name, gate]) => [name, wordedGate(gate, check)])
  ) as Gates
  return { ...check, gates }
}

/** The management role's credentials verdict, worded as the checks' are. */
function wordedForm(form: UseCaseFormRecord): UseCaseFormRecord {
  if (!form.credentials) return form
  return { ...form, credentials: wordedGate(form.credentials, { model: '', region: '' }) }
}
