/**
 * The vocabulary of the probe: the five gates, their verdicts, and the report the action publishes.
 * The JSON field names here are a public interface (the `report` output); add fields, never rename.
 */

/** The five gates, in the order a request meets them. */
export const GATES = ['credentials', 'region', 'model-access', 'provider-terms', 'iam-permission'] as const
export type GateName = (typeof GATES)[number]

export const GATE_TITLES: Record<GateName, string> = {
  credentials: 'Credentials',
  region: 'Region',
  'model-access': 'Model access',
  'provider-terms': 'Provider terms',
  'iam-permission': 'IAM permission'
}

/** pass: proven open. fail: proven closed. warn: open or undecided, with a caveat. skip: not evaluated. */
export type GateStatus = 'pass' | 'fail' | 'warn' | 'skip'

export interface GateResult {
  status: GateStatus
  /** What was seen, in one line. */
  detail: string
  /** What to do, when the status is not pass. */
  fix?: string
  /** Stable key of the diagnosis (catalogue row or decision rule), used to group identical failures. */
  cause?: string
}

export type Gates = Record<GateName, GateResult>

/** A change the probe made to the account, recorded for auditors. */
export interface AccountChange {
  action: 'use-case-form-submitted' | 'agreement-created'
  region: string
  model?: string
  offerId?: string
}

export interface CheckResult {
  /** The model as the user wrote it. */
  model: string
  region: string
  result: 'pass' | 'fail'
  gates: Gates
  /** The base foundation-model ID the check resolved to, when known. */
  baseModelId?: string
  /** How the model was invoked: converse, invoke-model, or not at all. */
  invocation: 'converse' | 'invoke-model' | 'none'
  /** Where the model ID was found, when it came from `models-from`. */
  source?: { file: string; line: number }
  /** Least-privilege IAM statement that would open the IAM gate, when it is closed. */
  iamStatement?: IamStatement
}

export interface IamStatement {
  Sid: string
  Effect: 'Allow'
  Action: string[]
  Resource: string[]
}

export interface CallerIdentity {
  account: string
  arn: string
  userId?: string
}

export interface Report {
  result: 'pass' | 'fail'
  identity?: CallerIdentity
  checks: CheckResult[]
  changes: AccountChange[]
  counts: { pass: number; fail: number; warn: number }
}
