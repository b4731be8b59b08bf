/**
 * The vocabulary of the probe's report: the gates' verdicts, and the report the action publishes (the gates and their
 * causes are src/causes/).
 * The JSON field names here are a public interface (the `report` output); add fields, never rename.
 */
import type { Cause, FixFacts, GateName } from './causes/index.js'

/**
 * The calls a workload makes, by kind: Converse, ConverseStream, InvokeModel, InvokeModelWithResponseStream
 * (src/bedrock/calls.ts says what each sends and which IAM action it needs).
 */
export const CALLS = ['converse', 'converse-stream', 'invoke', 'invoke-stream'] as const
export type CallKind = (typeof CALLS)[number]

/**
 * The service tier a workload asks Bedrock for (the Converse `serviceTier`, InvokeModel's X-Amzn-Bedrock-Service-Tier
 * header; valid values per the API reference's ServiceTier: priority | default | flex | reserved). Not every model
 * offers every tier, and reserved needs a reservation (Bedrock user guide, service-tiers-inference.html).
 */
export const SERVICE_TIERS = ['default', 'priority', 'flex', 'reserved'] as const
export type ServiceTier = (typeof SERVICE_TIERS)[number]

/** pass: proven open. fail: proven closed. warn: open or undecided, with a caveat. skip: not evaluated. */
export type GateStatus = 'pass' | 'fail' | 'warn' | 'skip'

/**
 * A check's (and a run's) result. pass: access was proven (the call got through, or with invoke: false every
 * control-plane gate read open). fail: a gate is proven closed or the call was refused. inconclusive: nothing is
 * closed but nothing is proven (faults, unreadable evidence, cancellation, a call skipped for safety).
 */
export type Verdict = 'pass' | 'fail' | 'inconclusive'

/**
 * Facts that help the reader act on a verdict, found after the gates were decided (they never change one):
 * rendered beside the fix by the reports.
 */
export interface GateHints {
  /** System-defined inference profiles in this region that route to the model. */
  profiles?: string[]
  /** Other requested regions of this run where the same model is offered. */
  offeredIn?: string[]
  /** A trust-policy statement that would admit the workflow's OIDC token. */
  trustPolicy?: TrustPolicyStatement
  /** The role whose trust policy refused the token (role-to-assume). */
  roleArn?: string
  /** The IAM OIDC identity provider STS judged the token by, the token's audience, and the session asked for. */
  oidcProvider?: string
  audience?: string
  durationSeconds?: number
  /** The quota to raise for a capacity fix, and the value to ask for. */
  quota?: QuotaHint
  /** The ACTIVE model that follows a Legacy or ending one (ListFoundationModels), named in the fix. */
  successor?: string
  /** The IDs of this region's catalogue closest to an unknown one (ListFoundationModels of its provider). */
  nearest?: string[]
}

export interface QuotaHint {
  name: string
  code: string
  region: string
  applied?: number
  default?: number
  adjustable?: boolean
  desired?: number
}

export interface GateResult {
  status: GateStatus
  /** What was seen, in one line. */
  detail: string
  /** What to do, when the status is not pass: words the report makes from the cause and its facts (fixOf). */
  fix?: string
  /** What the gate found that the fix names; turned into `fix` when the report is built, and not part of it. */
  facts?: FixFacts
  /** Stable key of the diagnosis (catalogue row or decision rule), used to group identical failures. */
  cause?: Cause
  hints?: GateHints
}

export type Gates = Record<GateName, GateResult>

/** A change the probe made to the account, recorded for auditors. */
export interface AccountChange {
  action: 'use-case-form-submitted' | 'agreement-created'
  region: string
  /** The account changed: the member's for an agreement, the management account's for a form it submitted. */
  account?: string
  model?: string
  offerId?: string
}

/** Where the Anthropic use-case form was looked for, and what was found or done there, per region. */
export interface UseCaseFormRecord {
  /** management-role: read (and submitted) in the management account; caller: in the checked account. */
  via: 'management-role' | 'caller'
  account?: string
  /** The management role, when one was given. */
  roleArn?: string
  /** The management role's session: its own credentials verdict (never the member's). */
  credentials?: GateResult
  regions: { region: string; state: 'on-file' | 'submitted' | 'missing' | 'unknown'; detail?: string }[]
  /**
   * The use-case-form input's fields, shown where the form is not on file: submitted by this run, or (a
   * management role without create-agreement) what create-agreement: true would submit. The form holds company
   * details, no secret.
   */
  form?: { submitted: boolean; fields: { name: string; value: string }[] }
}

/** Where a model ID was found, when it came from `models-from`. */
export interface SourceLocation {
  file: string
  line: number
}

export interface CheckResult {
  /** The model as the user wrote it. */
  model: string
  region: string
  result: Verdict
  gates: Gates
  /** The base foundation-model ID the check resolved to, when known. */
  baseModelId?: string
  /** Which API family was called first: converse, invoke-model, or none. Kept from the 1.0 report; `calls` says more. */
  invocation: 'converse' | 'invoke-model' | 'none'
  /** Each call the workload makes (the calls input) and what became of it. */
  calls: CallRecord[]
  source?: SourceLocation
  /** The quotas the check's call counts against (tokens per minute of its scope, per day), when they were read. */
  quotas?: QuotaRecord[]
  /** The base model's lifecycle as GetFoundationModel gave it (an inference profile takes its base model's). */
  lifecycle?: LifecycleRecord
  /** Least-privilege IAM statement that would open the IAM gate, when it is closed. */
  iamStatement?: IamStatement
  /** The account the check ran in: set on checks of a merged report (several accounts). */
  account?: string
}

/** modelLifecycle for the report: the status and each date AWS published (RFC 3339). */
export interface LifecycleRecord {
  status: 'active' | 'legacy'
  startOfLifeTime?: string
  legacyTime?: string
  publicExtendedAccessTime?: string
  endOfLifeTime?: string
  /** The ACTIVE model of the same provider and line that follows it, when one was looked up and found. */
  successor?: string
}

/** A quota a check's call counts against, as Service Quotas gave it (applied to the account, and AWS's default). */
export interface QuotaRecord {
  name: string
  code: string
  per: 'minute' | 'day'
  /** Absent when Service Quotas did not give the applied value (unknown, never zero). */
  applied?: number
  default?: number
  adjustable?: boolean
  period?: string
}

/** One call of a check, for the report: ok, refused (an AWS answer), fault, or not made (and why). */
export interface CallRecord {
  call: CallKind
  result: 'ok' | 'refused' | 'fault' | 'not-run'
  detail?: string
}

export interface IamStatement {
  Sid: string
  Effect: 'Allow'
  Action: string[]
  Resource: string[]
}

export interface TrustPolicyStatement {
  Effect: 'Allow'
  Principal: { Federated: string }
  Action: 'sts:AssumeRoleWithWebIdentity'
  Condition: {
    StringEquals: Record<string, string | undefined>
    StringLike: Record<string, string | undefined>
  }
}

/** Where the run's credentials came from (the `credential-source` output). */
export type CredentialSource =
  | 'oidc-role'
  | 'environment-keys'
  | 'profile'
  | 'web-identity-file'
  | 'container-role'
  | 'instance-role'
  | 'bedrock-api-key'

/** How each credential source reads in the report. */
export const CREDENTIAL_SOURCE_WORDS: Record<CredentialSource, string> = {
  'oidc-role': 'GitHub OIDC role',
  'environment-keys': 'environment variables (AWS_ACCESS_KEY_ID)',
  profile: 'shared config profile',
  'web-identity-file': 'web-identity token file (AWS_WEB_IDENTITY_TOKEN_FILE)',
  'container-role': 'container role (ECS/EKS credentials endpoint)',
  'instance-role': 'instance role (EC2 instance metadata)',
  'bedrock-api-key': 'Bedrock API key (AWS_BEARER_TOKEN_BEDROCK)'
}

export interface CallerIdentity {
  account: string
  arn: string
  userId?: string
}

export interface Report {
  /** The worst check result: fail, then inconclusive, then pass. */
  result: Verdict
  identity?: CallerIdentity
  checks: CheckResult[]
  changes: AccountChange[]
  /** Checks by result; `warn` counts checks with at least one gate warning. */
  counts: { pass: number; fail: number; inconclusive: number; warn: number }
  /** Set when the run was cancelled (SIGINT/SIGTERM) before it finished. */
  cancelled?: boolean
  /** What was probed and how long it took (absent in reports older than this field). */
  probed?: ProbeScope
  /** Where the credentials came from (absent when none were had). */
  credentialSource?: CredentialSource
  /** What the reader must know about the credentials, e.g. an API key in the environment that was not used. */
  credentialNotes?: string[]
  /** The Anthropic use-case form: where it was read, and what was found or submitted (absent when not read). */
  useCaseForm?: UseCaseFormRecord
}

/** What a run probed: the first screen of the summary says it in one line. */
export interface ProbeScope {
  models: number
  regions: string[]
  calls: CallKind[]
  invoke: boolean
  /** create-agreement: true (the run may change the account). */
  bootstrap: boolean
  /** service-tier: the tier every call asked for (absent: none was sent, Bedrock's default). */
  serviceTier?: ServiceTier
  durationMs: number
}

/** What a run produces for its front ends (the action, the CLI). */
export interface ProbeOutcome {
  report: Report
  /** Combined least-privilege policy for every failing IAM gate ('' when none). */
  iamPolicy: string
  /** export-credentials: the SigV4 credentials the probe used, when it had any that worked. */
  credentials?: ExportableCredentials
}

export interface ExportableCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  region: string
}
