/**
 * What the AWS layer found out, in the probe's own words: the gates decide from these shapes and never see
 * an SDK string. The AWS layer (src/aws/) translates each answer into them at the boundary.
 */
import type { CallerIdentity, CallKind, CredentialSource, ServiceTier } from './types.js'
import type { Cause } from './causes/index.js'

/** What a model takes and gives, as far as the minimal call goes (from its ID or its output modalities). */
export type Modality = 'text' | 'embedding' | 'image' | 'video' | 'unknown'

/** One quota as Service Quotas lists it, in the probe's words. */
export interface ServiceQuota {
  name: string
  code: string
  /** undefined: listed without a value (an ErrorReason), which is unknown, never zero. */
  value?: number
  adjustable?: boolean
  /** e.g. "1 MINUTE", "1 DAY", when Service Quotas gives the period. */
  period?: string
}

// --- What an AWS call came to: the AWS layer (src/aws/failure.ts) turns every SDK error into an AwsFailure. ------

/**
 * A failure is either an answer from the service (which may close a gate) or a fault (timeout, 5xx, throttling,
 * a broken connection or an unreadable response), which never closes a gate.
 */
export type FailureKind = 'service' | 'throttled' | 'timeout' | 'fault' | 'cancelled'

/**
 * What kind of fault, so its fix names the real cause: the host could not be reached (network, DNS, proxy,
 * VPC endpoint), the connection broke, TLS trust failed, AWS answered 5xx, something that is not AWS answered
 * (a proxy's or firewall's page), the answer could not be read, or an error the probe did not foresee.
 */
export type FaultCause =
  | 'unreachable'
  | 'reset'
  | 'tls'
  | 'server'
  | 'not-aws'
  | 'malformed'
  | 'unexpected'
  /** The model failed after the request was authorized (ModelErrorException, ModelNotReadyException, …). */
  | 'model'
  /** One of the connection faults above, on a run that goes through a proxy. */
  | 'proxy'
  /** The endpoint's host does not exist (ENOTFOUND) and names a region the SDK does not know: likely a typo. */
  | 'unknown-region'

export interface AwsFailure {
  kind: FailureKind
  /** For kind 'fault': which. */
  fault?: FaultCause
  /** Exception name, e.g. AccessDeniedException; for faults, what went wrong. */
  name: string
  /** One sanitised line. */
  message: string
  httpStatus?: number
  /** For fault 'unknown-region': the region in the host that did not resolve, and the known ones one edit away. */
  unknownRegion?: { region: string; nearest: string[] }
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: AwsFailure }

/** The outcome of one control-plane read, as evidence. */
export type Read<T> =
  | { state: 'ok'; value: T }
  /** AccessDenied on a read: the identity lacks the read permission; evidence is missing, not negative. */
  | { state: 'denied'; failure: AwsFailure; permission: string }
  | { state: 'not-found'; failure: AwsFailure }
  /** AWS refused the request itself as malformed (ValidationException): the ID is not one it takes. */
  | { state: 'invalid'; failure: AwsFailure }
  | { state: 'failed'; failure: AwsFailure }
  | { state: 'not-read'; reason: string }

/** A Bedrock API key (AWS_BEARER_TOKEN_BEDROCK), read without any AWS call (src/aws/bedrock-api-key.ts). */
export type ApiKeyInfo =
  | {
      kind: 'short-term'
      accessKeyId: string
      region: string
      issuedAt: Date
      expiresAt: Date
    }
  | { kind: 'long-term'; keyName: string; account: string }
  | { kind: 'unrecognised' }

/**
 * The state of the provider agreement (agreementAvailability.status): live (AVAILABLE), pending (PENDING),
 * missing (NOT_AVAILABLE), error (ERROR, with a message), unknown (absent or a state AWS has not documented).
 */
export type AgreementState = 'live' | 'pending' | 'missing' | 'error' | 'unknown'

/** GetFoundationModelAvailability, translated. undefined: AWS did not say. */
export interface Availability {
  /** regionAvailability */
  offered?: boolean
  /** entitlementAvailability */
  entitled?: boolean
  agreement: AgreementState
  /** agreementAvailability.errorMessage, when the agreement is in error. */
  agreementError?: string
  /** The status as AWS spelled it, when it is one the probe does not know. */
  agreementReported?: string
  /** authorizationStatus (AUTHORIZED / NOT_AUTHORIZED). */
  authorized?: boolean
}

/**
 * Whether the base model ID can be invoked on demand (inferenceTypesSupported has ON_DEMAND) or only through
 * an inference profile or provisioned throughput; unknown when AWS listed no inference types.
 */
export type OnDemandSupport = 'supported' | 'not-supported' | 'unknown'

/**
 * modelLifecycle (Bedrock API reference, FoundationModelLifecycle): ACTIVE or LEGACY, and on newer records the dates
 * of the model's life (RFC 3339 on the wire, each optional): released, marked Legacy, in public extended access
 * (at higher prices), end of life.
 */
export interface Lifecycle {
  status: 'active' | 'legacy'
  startOfLifeTime?: Date
  legacyTime?: Date
  publicExtendedAccessTime?: Date
  endOfLifeTime?: Date
}

/** One model of ListFoundationModels, as a successor candidate. */
export interface ModelSummary {
  id: string
  provider?: string
  name?: string
  lifecycle?: Lifecycle
  onDemand: OnDemandSupport
  modality?: Modality
}

/** GetFoundationModel, translated. */
export interface ModelDetails {
  /** From outputModalities; undefined when none were listed. */
  modality?: Modality
  onDemand: OnDemandSupport
  /** inferenceTypesSupported as listed, for the reader. */
  inferenceTypes: string[]
  /** modelLifecycle; undefined when AWS gave none. */
  lifecycle?: Lifecycle
  /** providerName and modelName ("Anthropic", "Claude 3 Haiku"): quota names embed them. */
  displayName?: string
  provider?: string
  name?: string
}

/** GetInferenceProfile, translated. */
export interface ProfileInfo {
  arn?: string
  baseModelId?: string
  destinationRegions: string[]
  /** Lists the regionless route: Bedrock may serve it in any commercial region (a global profile). */
  global?: boolean
  modelArns: string[]
}

/** One minimal call to make: its kind, and for InvokeModel the provider's body. */
export interface CallRequest {
  call: CallKind
  body?: Record<string, unknown>
}

/** What became of one call the workload makes. */
export type CallOutcome =
  | { state: 'ok'; call: CallKind }
  | { state: 'failed'; call: CallKind; failure: AwsFailure }
  /** Not made for this model: no minimal body is known, or the call does not apply (embeddings do not stream). */
  | { state: 'not-run'; call: CallKind; reason: string; cause: Cause }

/** The calls of one check: none at all (and why), or what became of each call asked for. */
export type CallsOutcome =
  { state: 'not-run'; reason: string; cause: Cause } | { state: 'made'; outcomes: CallOutcome[] }

/** What a bootstrap (create-agreement) did for one check. */
export interface BootstrapEvidence {
  agreementCreated?: boolean
  /** CreateFoundationModelAgreement or ListFoundationModelAgreementOffers refused or failed. */
  agreementFailure?: AwsFailure
  noOffer?: boolean
  /** The use-case form is needed (Anthropic, none on file) but none was given. */
  formMissing?: boolean
  waitedSeconds?: number
  /** The wait ended before the agreement became live; holds what was last seen. */
  waitTimedOut?: string
}

/** The Bedrock quotas of a region: the values applied to the account, and AWS's defaults (src/aws/service-quotas.ts). */
export interface QuotaListing {
  applied: ServiceQuota[]
  defaults: ServiceQuota[]
}

/** Everything one model × region check read from the control plane, before the call. */
export interface Evidence {
  /** The model as the user wrote it. */
  model: string
  region: string
  isProfile: boolean
  profileId?: string
  baseModelId?: string
  marketplace: boolean
  anthropic: boolean
  account?: string
  now: Date
  profile: Read<ProfileInfo>
  availability: Read<Availability>
  details: Read<ModelDetails>
  bootstrap: BootstrapEvidence
  /** ListInferenceProfiles in this region, read only when the workload needs it (claude-code). */
  profileListing?: Read<true>
  /** The region's Bedrock quotas, read beside the other reads and the call; the capacity gate decides from them. */
  quotas?: Read<QuotaListing>
  /** What the workload needs, in tokens per minute (min-tokens-per-minute), when the workflow said. */
  minTokensPerMinute?: number
  /** service-tier: the tier the calls asked for (its refusal's fix names it). */
  serviceTier?: ServiceTier
  /** eol-warning-days: an end of life this close is a model-access warning (default DEFAULT_EOL_WARNING_DAYS). */
  eolWarningDays?: number
}

/** The claims of the workflow's OIDC token (never the token itself), to explain a trust-policy refusal. */
export interface OidcClaims {
  sub?: string
  aud?: string | string[]
  iss?: string
  repository?: string
  ref?: string
  environment?: string
  job_workflow_ref?: string
}

/** How the run's identity was established, step by step, and where it stopped. */
export type IdentityEvidence =
  | {
      state: 'established'
      identity: CallerIdentity
      source: string
      credentialSource: CredentialSource
      /** When the credentials stop working, where the SDK or STS says so (absent: not known). */
      expiresAt?: Date
    }
  /** No role-to-assume and AWS_BEARER_TOKEN_BEDROCK set: the key is the credential (STS is not called). */
  | { state: 'api-key'; key: ApiKeyInfo }
  /** role-to-assume without the runner's OIDC request variables (no `permissions: id-token: write`). */
  | {
      state: 'no-oidc-request'
      /** The run is a pull request from a fork: GitHub never gives those an OIDC token. */
      forkPullRequest: boolean
    }
  | { state: 'token-failed'; failure: AwsFailure }
  /** region: where STS was called (the first probed region). */
  | {
      state: 'assume-refused'
      failure: AwsFailure
      roleArn: string
      claims?: OidcClaims
      region?: string
      /** The session length asked for (role-duration-seconds). */
      durationSeconds?: number
    }
  /** STS could not verify the token with GitHub's keys, on every retry: transient, not a refusal. */
  | { state: 'idp-unreachable'; failure: AwsFailure }
  /** AssumeRoleWithWebIdentity answered 200 without credentials. */
  | { state: 'assume-empty' }
  | { state: 'caller-failed'; failure: AwsFailure; region?: string }
