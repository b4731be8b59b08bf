/**
 * Annotations: one error per failing check (naming model, region and the closed gates, with the fix), one
 * warning per check with caveats. Placed on the file and line where the model ID was found, when known.
 * The toolkit escapes annotation data; the text is one line already (see text.ts).
 */
import type { AnnotationProperties } from '@actions/core'
import { GATES, GATE_TITLES, type CheckResult, type GateStatus, type Report } from '../types.js'
import { fixWithHints } from './findings.js'

export interface Annotation {
  level: 'error' | 'warning'
  message: string
  properties: AnnotationProperties
}

export function annotationsFor(report: Report): Annotation[] {
  const annotations: Annotation[] = []
  for (const check of report.checks) {
    for (const level of ['error', 'warning'] as const) {
      const status: GateStatus = level === 'error' ? 'fail' : 'warn'
      const gates = GATES.filter(gate => check.gates[gate].status === status)
      if (gates.length === 0) continue
      const message = gates
        .map(gate => {
          const result = check.gates[gate]
          const fix = fixWithHints(check, result)
          return `${GATE_TITLES[gate]}: ${result.detail}.${fix ? ` Fix: ${fix}` : ''}`
        })
        .join(' | ')
      annotations.push({
        level,
        message,
        properties: {
          title: `Bedrock ${check.model} @ ${check.region}: ${gates.map(gate => GATE_TITLES[gate]).join(', ')} ${
            level === 'error' ? 'closed' : 'warning'
          }`,
          ...location(check)
        }
      })
    }
  }
  return annotations
}

function location(check: CheckResult): Partial<AnnotationProperties> {
  return check.source ? { file: check.source.file, startLine: check.source.line } : {}
}
