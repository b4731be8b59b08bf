/**
 * Annotations: one per finding (a closed gate and its cause, or a warning), not one per check, so one expired
 * credential is one error, not fourteen. GitHub shows at most 10 error and 10 warning annotations per step
 * (GitHub Docs, workflow commands: "annotations per step"), so the most important come first (the earliest gate,
 * then the most checks) and the tenth says how many more the job summary holds. A finding whose model IDs were
 * found in files (models-from) gets one annotation per line, so each lands where the ID is written. Each message
 * stands on its own: what is closed, where, and the fix.
 */
import type { AnnotationProperties } from '@actions/core'
import { type CheckResult, type Report } from '../../types.js'
import { GATE_TITLES } from '../../causes/index.js'
import { fixWithHints, groupFindings, withoutCaller, type Finding } from '../build/findings.js'
import { managementRefusal } from '../build/use-case-form.js'

export interface Annotation {
  level: 'error' | 'warning'
  message: string
  properties: AnnotationProperties
}

/** GitHub's limit per step and level; more are dropped by the runner. */
export const ANNOTATIONS_PER_LEVEL = 10

export function annotationsFor(report: Report): Annotation[] {
  const management = managementAnnotation(report)
  const errors = capped(report, 'error')
  return [
    ...(management ? [management, ...errors.slice(0, ANNOTATIONS_PER_LEVEL - 1)] : errors),
    ...capped(report, 'warning')
  ]
}

/** A refused management role: one error of its own, first (the member's checks are said apart). */
function managementAnnotation(report: Report): Annotation | undefined {
  const refusal = managementRefusal(report.useCaseForm)
  if (!refusal) return undefined
  return {
    level: 'error',
    message: `${refusal.roleArn} (management-role-to-assume, for the Anthropic use-case form): ${refusal.detail}${refusal.fix ? ` Fix: ${refusal.fix}` : ''}`,
    properties: { title: `Bedrock ${refusal.title}` }
  }
}

function capped(report: Report, level: Annotation['level']): Annotation[] {
  const all = groupFindings(report, level === 'error' ? 'fail' : 'warn').flatMap(finding =>
    byLocation(finding).map(checks => annotation(finding, checks, level, report))
  )
  if (all.length <= ANNOTATIONS_PER_LEVEL) return all
  const kept = all.slice(0, ANNOTATIONS_PER_LEVEL)
  const more = all.length - ANNOTATIONS_PER_LEVEL
  const last = kept[ANNOTATIONS_PER_LEVEL - 1]!
  kept[ANNOTATIONS_PER_LEVEL - 1] = {
    ...last,
    message: `${last.message} (and ${more} more ${level === 'error' ? 'closed gates' : 'warnings'} in the job summary)`
  }
  return kept
}

/**
 * The finding's checks, split by the file and line their model ID was found on (unlocated ones together), and by
 * their fix where it names the place: each annotation's fix is exact for every check it names.
 */
function byLocation(finding: Finding): CheckResult[][] {
  const groups = new Map<string, CheckResult[]>()
  for (const check of finding.checks) {
    const fix = fixWithHints(check, check.gates[finding.gate])
    const key = `${check.source ? `${check.source.file}:${check.source.line}` : ''}|${fix}`
    groups.set(key, [...(groups.get(key) ?? []), check])
  }
  return [...groups.values()]
}

function annotation(
  finding: Finding,
  checks: CheckResult[],
  level: Annotation['level'],
  report: Report
): Annotation {
  const first = checks[0]!
  const gate = first.gates[finding.gate]
  const where = checks.map(check => `${check.model} @ ${check.region}`)
  const shown = where.slice(0, 4).join(', ') + (where.length > 4 ? ` and ${where.length - 4} more` : '')
  const fix = fixWithHints(first, gate)
  // A fault left the gates undecided: it is named as what it is, not as one gate's warning.
  const what = finding.fault
    ? 'Not decided'
    : `${GATE_TITLES[finding.gate]} ${level === 'error' ? 'closed' : 'warning'}`
  const title = finding.fault ? 'Bedrock access not decided' : `Bedrock ${what}`
  return {
    level,
    message: `${what} for ${shown}: ${sentence(withoutCaller(gate.detail, report))}${fix ? ` Fix: ${fix}` : ''}`,
    properties: {
      title: `${title} (${checks.length} check${checks.length === 1 ? '' : 's'})`,
      ...(first.source ? { file: first.source.file, startLine: first.source.line } : {})
    }
  }
}

/** A detail as a sentence: one full stop at its end, never two. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`
}
