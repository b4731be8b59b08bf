/**
 * Hints: facts found after the gates were decided that help the reader act (the inference profiles that
 * would reach a model, the other requested regions where it is offered). They never change a verdict, and
 * they are data: the reports render them beside the fix.
 */
import type { CheckResult, GateResult, Gates } from '../types.js'

/** The region verdict with the profiles in its region that route to the model (the check's own ID left out). */
export function withProfiles(gates: Gates, profiles: string[], model: string): Gates {
  const others = profiles.filter(id => id !== model)
  if (others.length === 0) return gates
  return { ...gates, region: { ...gates.region, hints: { ...gates.region.hints, profiles: others } } }
}

/**
 * When a model is not offered in a region, name the requested regions where the same model is: free evidence
 * from the other checks of this run.
 */
export function withRegionHints(checks: CheckResult[]): CheckResult[] {
  return checks.map(check => {
    const region: GateResult = check.gates.region
    if (region.status !== 'fail' || region.cause !== 'region-not-offered') return check
    const offeredIn = checks
      .filter(
        other =>
          other.model === check.model && other.region !== check.region && other.gates.region.status === 'pass'
      )
      .map(other => other.region)
    if (offeredIn.length === 0) return check
    return {
      ...check,
      gates: { ...check.gates, region: { ...region, hints: { ...region.hints, offeredIn } } }
    }
  })
}
