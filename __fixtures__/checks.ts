/** Check results for the report and verdict tests: every gate open unless overridden, the result computed. */
import { overallResult } from '../src/gates/sequence.js'
import type { CheckResult, GateResult, Gates } from '../src/types.js'

export const PASS: GateResult = { status: 'pass', detail: 'ok' }

export function openGates(overrides: Partial<Gates> = {}): Gates {
  return {
    credentials: PASS,
    region: PASS,
    'model-access': PASS,
    'provider-terms': PASS,
    'iam-permission': PASS,
    capacity: PASS,
    ...overrides
  }
}

/** A check of `model` in `region` whose result is what the verdict makes of its gates. */
export function checkOf(gates: Gates, model = 'm.x-1', region = 'us-east-1'): CheckResult {
  return { model, region, gates, invocation: 'converse', calls: [], result: overallResult(gates) }
}
