/**
 * Every cause that can open, close or leave a gate undecided, one file per gate (src/causes/<gate>.ts): each
 * cause once, with its gate, its kind, its words (the title of a finding, the word in a matrix cell, the headline,
 * what to do next, the fix), the AWS messages that recognise it, and where the behaviour is documented. The gates
 * (src/gates/) decide which cause applies; everything that explains a cause to a reader comes from its entry, so
 * adding a cause is one entry, and a cause without its words does not compile.
 */
import { ANY_GATE_CAUSES } from './any-gate.js'
import { CAPACITY_CAUSES } from './capacity.js'
import { CREDENTIALS_CAUSES } from './credentials.js'
import { IAM_PERMISSION_CAUSES } from './iam-permission.js'
import { MODEL_ACCESS_CAUSES } from './model-access.js'
import { PROVIDER_TERMS_CAUSES } from './provider-terms.js'
import { REGION_CAUSES } from './region.js'
import type { CauseKind, CauseSpec, FixContext, FixFacts, StatementKind } from './types.js'

export {
  GATES,
  GATE_SHORT,
  GATE_TITLES,
  type CauseKind,
  type CauseSpec,
  type CommandContext,
  type FixContext,
  type FixFacts,
  FIX_FACT_NAMES,
  type GateName,
  type MessageRow,
  type StatementKind
} from './types.js'

/** In the order of the gates: the catalogue tries the causes' messages in this order. */
export const CAUSES = {
  ...CREDENTIALS_CAUSES,
  ...REGION_CAUSES,
  ...MODEL_ACCESS_CAUSES,
  ...PROVIDER_TERMS_CAUSES,
  ...IAM_PERMISSION_CAUSES,
  ...CAPACITY_CAUSES,
  ...ANY_GATE_CAUSES
} as const satisfies Record<string, CauseSpec>

/** Stable key of a diagnosis, used to group identical findings; part of the public report. */
export type Cause = keyof typeof CAUSES
/** A cause's entry, typed as its kind. */
export function causeOf(cause: Cause): CauseSpec {
  return CAUSES[cause]
}

/** A closed gate whose cause leaves everything working now (`workingNow`): the other gates are still decided. */
export function isWorkingNow(cause: Cause | undefined): boolean {
  if (cause === undefined) return false
  const spec = causeOf(cause)
  return spec.kind === 'closed' && spec.workingNow === true
}

/** A cause AWS gives while access is still being set up: wait and call again, nothing to fix (`transient`). */
export function isTransient(cause: Cause | undefined): boolean {
  if (cause === undefined) return false
  const spec = causeOf(cause)
  return spec.kind === 'unproven' && spec.transient === true
}

export function isCause(value: string): value is Cause {
  return Object.hasOwn(CAUSES, value)
}

/** The kind of a gate's cause; a gate without one reads by its status alone. */
export function kindOf(cause: Cause | undefined): CauseKind | undefined {
  return cause === undefined ? undefined : CAUSES[cause].kind
}

/** The IAM statement a cause is fixed with; undefined when no Allow fixes it. */
export function statementFor(cause: Cause | undefined): StatementKind | undefined {
  if (cause === undefined) return undefined
  const spec: CauseSpec = CAUSES[cause]
  return spec.kind === 'closed' ? spec.statement : undefined
}

/** The fix the registry gives for a cause, in this context (undefined: the cause has none). */
export function fixFor(cause: Cause, ctx: FixContext): string | undefined {
  const spec: CauseSpec = CAUSES[cause]
  return 'fix' in spec && spec.fix ? spec.fix(ctx) : undefined
}

/** What a call that got through says of a gate the control plane had closed. */
export const SETTLING_FIX =
  'Access may still be settling: AWS lets first calls through while a subscription completes, and they fail with 403 later if a prerequisite is missing.'

/**
 * A verdict's fix in words, made when the report is built: its cause's fix for the facts the gate found (the
 * check's model and region where the gate had none), the actions a closed IAM gate refused named first. A verdict
 * without facts (one read back from a report file) keeps the fix it has.
 */
export function fixOf(
  gate: { cause?: string; fix?: string; facts?: FixFacts },
  check: { model: string; region: string; baseModelId?: string }
): string | undefined {
  const { cause, facts } = gate
  if (!facts) return gate.fix
  if (facts.settling) return SETTLING_FIX
  const context: FixContext = {
    model: check.model,
    region: check.region,
    ...(check.baseModelId ? { baseModelId: check.baseModelId } : {}),
    groups: [],
    ...facts
  }
  const fix = cause !== undefined && isCause(cause) ? fixFor(cause, context) : undefined
  if (!facts.missingActions?.length) return fix
  const then = fix ?? 'Attach the policy statement below.'
  return `Allow ${facts.missingActions.join(' and ')}: ${then.charAt(0).toLowerCase()}${then.slice(1)}`
}
