/**
 * The vocabulary of causes: the gates, what a cause's entry holds (its words, its kind, the AWS messages that
 * recognise it, its fix) and what a fix may name.
 */

import type { FixSnippet, Principal } from './commands.js'

/**
 * The gates, in the order a request meets them: five that decide whether the call is let through at all, and
 * capacity, whether there are tokens for it today (Service Quotas, and the call's throttling).
 */
export const GATES = [
  'credentials',
  'region',
  'model-access',
  'provider-terms',
  'iam-permission',
  'capacity'
] as const
export type GateName = (typeof GATES)[number]

export const GATE_TITLES: Record<GateName, string> = {
  credentials: 'Credentials',
  region: 'Region',
  'model-access': 'Model access',
  'provider-terms': 'Provider terms',
  'iam-permission': 'IAM permission',
  capacity: 'Capacity'
}

/** The gates' names where space is short (a matrix cell, a terminal line). */
export const GATE_SHORT: Record<GateName, string> = {
  credentials: 'Credentials',
  region: 'Region',
  'model-access': 'Access',
  'provider-terms': 'Terms',
  'iam-permission': 'IAM',
  capacity: 'Capacity'
}

/** What a fix may name about the check and what was seen. */
export interface FixContext {
  model: string
  region: string
  baseModelId?: string
  account?: string
  /** The regex groups of the catalogue row that matched the AWS message. */
  groups: string[]
  /** The model is sold through AWS Marketplace (its access follows an agreement). */
  marketplace?: boolean
  /** allowed-account-ids, for a credential of another account. */
  allowedAccountIds?: string[]
  /** The region a short-term Bedrock API key was made for. */
  keyRegion?: string
  /** The OIDC token's issuer (github.com's, GHE.com's or an enterprise's). */
  issuer?: string
  /** The IAM OIDC identity provider the role trusts (arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST), and the token's audience. */
  oidcProvider?: string
  audience?: string
  /** role-to-assume, for a refusal of the role itself. */
  roleArn?: string
  /** The ACTIVE model of the same provider and line that follows a Legacy or ending one, in this region. */
  successor?: { id: string; onDemand: 'supported' | 'not-supported' | 'unknown' }
  /** service-tier: the tier the calls asked for. */
  serviceTier?: string
  /** For an unknown ID: the closest IDs in the region's catalogue (ListFoundationModels of its provider). */
  nearest?: string[]
  /** job-minutes against the credentials' end: what ends when, and how long the job needs them. */
  lifetime?: { expiresAt: string; jobMinutes: number; source: 'role-session' | 'environment' | 'api-key' }
  /** read-denied: the read permission that would make the gate definitive without a call. */
  permission?: string
  /** The calls a closed IAM gate refused, by action (bedrock:InvokeModelWithResponseStream …): the fix allows them. */
  missingActions?: string[]
  /** A gate the control plane closed, yet a call got through: access may still be settling. */
  settling?: true
  /** The quota a capacity fix is about, and the value to ask for. */
  quota?: {
    name: string
    code: string
    applied?: number
    default?: number
    adjustable?: boolean
    desired?: number
  }
}

/**
 * What a gate found that its fix names, kept on the verdict (GateResult.facts) until the report is built: the
 * words are made there (fixOf), and the facts are not part of the report. A fact the gate did not have (the model,
 * the region) is the check's.
 */
export type FixFacts = Partial<FixContext>

/** Every name a fix may read: a gate's verdict keeps these of what it was given, and nothing else. */
export const FIX_FACT_NAMES = [
  'model',
  'region',
  'baseModelId',
  'account',
  'groups',
  'marketplace',
  'allowedAccountIds',
  'keyRegion',
  'issuer',
  'oidcProvider',
  'audience',
  'roleArn',
  'successor',
  'serviceTier',
  'nearest',
  'lifetime',
  'permission',
  'missingActions',
  'settling',
  'quota'
] as const satisfies readonly (keyof FixContext)[]

/** A compile error when FixContext gains a name FIX_FACT_NAMES lacks. */
export const EVERY_FACT_NAMED: Exclude<keyof FixContext, (typeof FIX_FACT_NAMES)[number]> extends never
  ? true
  : never = true

type Fix = (ctx: FixContext) => string

/**
 * One way AWS says a cause: which exceptions, which message pattern (matched loosely: account IDs, ARNs and
 * minutes vary), and how the probe reads AWS's words. src/diagnosis/catalogue.ts tries every cause's messages in
 * the order of the gates and of the causes in each file, the rows that match any message (/./) last: a gate's
 * specific wording is tried before a later gate's broader one (the Marketplace denials contain "is not authorized
 * to perform", and are model access's, before IAM's).
 */
export interface MessageRow {
  /** Exception names the row applies to; '*' for any. */
  exceptions: readonly string[]
  pattern: RegExp
  status: 'fail' | 'warn' | 'skip'
  /** What the row reads in AWS's words, shown before the AWS message. */
  reading: string
  /** Where the wording was seen: AWS documentation or public reports of users who hit it. */
  sources?: readonly string[]
  /** Why the row names this cause, where that is a judgement call. */
  note?: string
}

/** What a cause's commands may name: where it was seen, who calls, and what the gates held. */
export interface CommandContext {
  /** Each model (its base ID when known) and region the cause was seen in, once. */
  places: { model: string; region: string }[]
  /** The caller, as far as attaching a policy goes. */
  principal: Principal
  /** What the credentials gate held of a refused role: its ARN, the identity provider, the audience, the session. */
  role?: { roleArn?: string; oidcProvider?: string; audience?: string; durationSeconds?: number }
  /** What AWS said, check by check. */
  seen: string[]
  /** Where the Anthropic use-case form is kept: the management account (with its ID) or the checked one. */
  useCaseForm?: { via: 'management-role' | 'caller'; account?: string }
}

interface Words {
  gate: GateName | 'any'
  /** The cause in a few words, for a finding's title: "IAM permission closed: no policy allows the call". */
  title: string
  /** Where the behaviour is documented, or where users reported the wording. */
  sources?: readonly string[]
  /** The AWS answers that name this cause (none for a cause only a gate's rule decides). */
  messages?: readonly MessageRow[]
  /** The fix's commands and policy documents to copy, beyond the IAM statements and trust policies a gate found. */
  commands?: (ctx: CommandContext) => FixSnippet[]
}

/**
 * How a cause reads, by what it says of its gate:
 * - closed: the gate is shut; the check fails, and the fix opens it.
 * - fault: the evidence was lost (unreachable, 5xx, timeout …): never a verdict, never a pass; said once per check.
 * - unproven: the gate could not be decided (not read, not called, not evaluated): the check proves nothing on it.
 * - caveat: the gate is open, with something to know (a Legacy model; a call throttled after it was authorized).
 * - open: the gate is open, and the cause says why (nothing to accept for a model sold outside Marketplace).
 */
/**
 * The IAM statement that opens a closed gate: the invoke actions on the model's ARNs, the listing of inference
 * profiles, or the API key's action. A cause without one prints no policy: no Allow fixes it (an SCP, an explicit
 * Deny, a refusal the probe cannot name, anything that is not IAM).
 */
export type StatementKind = 'invoke' | 'list-profiles' | 'bearer-token'

export type CauseSpec =
  | (Words & {
      kind: 'closed'
      fix: Fix
      statement?: StatementKind
      /** Closed for the job, yet working now (credentials that end before it): every other gate is still decided. */
      workingNow?: true
    })
  | (Words & {
      kind: 'fault'
      fix: Fix
      /** One or two words in the matrix cell of a check this left unproven. */
      cell: string
      /** The headline when this is why nothing was proven. */
      headline: string
    })
  | (Words & {
      kind: 'unproven'
      cell: string
      fix?: Fix
      headline?: string
      /** What to do to get a verdict, when the gate carries no fix of its own. */
      nextStep?: string
      /** A call not made by design (invoke: false, a model billed per image): the control plane is the evidence. */
      byDesign?: true
      /** AWS answered that the gate is still being set up: nothing to fix, wait and re-run (its fix says how long). */
      transient?: true
    })
  | (Words & { kind: 'caveat'; fix: Fix })
  | (Words & { kind: 'open' })

export type CauseKind = CauseSpec['kind']
