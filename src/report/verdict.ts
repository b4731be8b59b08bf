/** The step's verdict from the report and fail-on, shared by the action (setFailed) and the CLI (exit 1). */
import type { FailOn } from '../inputs.js'
import type { Report } from '../types.js'

/** Whether the run should fail the step (action) or exit 1 (CLI), by fail-on. */
export function shouldFail(report: Report, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  return report.result === 'fail' || (failOn === 'warn' && report.counts.warn > 0)
}
