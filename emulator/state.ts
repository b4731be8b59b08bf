/**
 * The emulated account: which gates are open, what is offered where, and which faults to inject.
 * Tests start from `freshState()` or `openAccount()` and change only what their case is about.
 */

export type FaultKind =
  | 'http500'
  | 'html502'
  | 'throttle'
  | 'hang'
  | 'garbage'
  | 'truncated'
  | 'empty200'
  | 'reset'
  | 'expired'
  | 'injection'
  | 'refuse'
  | 'html403'
  | 'idp-transient'

export interface Fault {
  /** Operation name (GetCallerIdentity, AssumeRoleWithWebIdentity, OidcToken, GetFoundationModelAvailability, Converse, …) or '*'. */
  operation: string
  kind: FaultKind
  /** How many times it fires; undefined: every time. */
  times?: number
  region?: string
  /** Only requests for this model ID (as the request names it: a profile ID, a model ID). */
  model?: string
  /** For 'injection' and 'refuse': the message of the error. */
  message?: string
  /** For 'refuse': the exception name (x-amzn-errortype) and HTTP status; default AccessDeniedException, 403. */
  exception?: string
  status?: number
}

export interface EmulatedModel {
  id: string
  regions: string[]
  outputModalities?: string[]
  inferenceTypes?: string[]
  lifecycle?: {
    status: 'ACTIVE' | 'LEGACY'
    startOfLifeTime?: Date
    legacyTime?: Date
    endOfLifeTime?: Date
    publicExtendedAccessTime?: Date
  }
  /** Invocation refused as Legacy-and-unused. */
  legacyDenied?: boolean
  /** Invocation refused as end of life. */
  endOfLife?: boolean
  /** The account has no access at all ("You don't have access to the model…"). */
  noAccess?: boolean
  /** GetFoundationModel's providerName and modelName: the quota names embed them. */
  provider?: string
  name?: string
  /** The model's name as its quota names spell it, where AWS spells it otherwise ("Anthropic Claude 3.7 Sonnet V1"). */
  quotaName?: string
  /** AWS's default on-demand tokens per minute for the model (default DEFAULT_TOKENS_PER_MINUTE). */
  tokensPerMinute?: number
  /** The model also has a "1M Context Length" quota beside its standard one. */
  longContextQuota?: boolean
  /** The service tiers it is served in besides the standard one (service-tiers-inference.html); default none. */
  serviceTiers?: ('priority' | 'flex')[]
  /** The account holds Reserved tier capacity for it. */
  reserved?: boolean
}

export interface EmulatedProfile {
  /** A system-defined profile's ID (us.…), or an application profile's random ID. */
  id: string
  /** An application inference profile: named by its ARN, in one account and region. */
  application?: boolean
  /** Source regions where the profile exists. */
  regions: string[]
  destinations: string[]
  base: string
}

export interface AgreementState {
  status: 'AVAILABLE' | 'PENDING' | 'NOT_AVAILABLE' | 'ERROR'
  /** While PENDING: how many more availability reads return PENDING. */
  pendingPolls?: number
  errorMessage?: string
}

export interface AccessKey {
  secret: string
  sessionToken?: string
  arn: string
  expired?: boolean
  /** The inline session policy sent with AssumeRoleWithWebIdentity (JSON), when one was. */
  sessionPolicy?: string
  /** The account the key belongs to, when it is not the emulated (member) account: the management account's. */
  account?: string
}

/**
 * The AWS Organizations management account, for management-role-to-assume: a role GitHub OIDC may assume there,
 * and its own use-case form, which member accounts inherit (seed 003, Bedrock user guide). Every other state
 * (models, agreements, quotas) is the member account's.
 */
export interface ManagementAccount {
  account: string
  roleArn: string
  /** sub the management role's trust policy admits; default the member role's. */
  trustedSub?: string
  useCaseOnFile: boolean
  submittedForms: string[]
  /** Actions the management role's own policies do not allow (e.g. bedrock:PutUseCaseForModelAccess). */
  deniedActions: string[]
}

export interface EmulatorState {
  account: string
  accessKeys: Record<string, AccessKey>
  oidc: {
    /** The token the runner hands out (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
    requestToken: string
    sub: string
    roleArn: string
    /** sub the trust policy admits: StringEquals, one value or any of a list (as IAM reads a condition's list). */
    trustedSub: string | string[]
    trustedAudience: string
    /** STS does not know the OIDC provider at all. */
    providerMissing?: boolean
    /** The provider's client IDs (audiences); unset: it takes any audience. */
    providerClientIds?: string[]
    /** The provider's certificate no longer matches the thumbprint IAM keeps for it. */
    thumbprintStale?: boolean
    /** The role's MaxSessionDuration in seconds (AWS's default is 3600); unset: no limit checked. */
    maxSessionDuration?: number
    /** The token's iss claim (GHE.com or an enterprise's custom issuer); default github.com's. */
    issuer?: string
  }
  /** ListInferenceProfiles answers at most this many per page (AWS may return fewer than maxResults). */
  profilePageSize?: number
  /** Regions whose STS endpoint the account has deactivated (RegionDisabledException). */
  stsDisabledRegions?: string[]
  models: EmulatedModel[]
  profiles: EmulatedProfile[]
  agreements: Record<string, AgreementState>
  /** How many availability reads a newly created agreement stays PENDING. */
  newAgreementPendingPolls: number
  useCaseOnFile: boolean
  submittedForms: string[]
  management?: ManagementAccount
  iam: {
    /** Control-plane actions this identity may not call (e.g. bedrock:GetFoundationModelAvailability); '*' for all reads. */
    deniedActions: string[]
    /** Resource ARNs (IAM patterns: * and ?) bedrock:InvokeModel is allowed on; undefined: all. */
    invokeAllowed?: string[]
    /** Invoke actions no identity policy allows (e.g. bedrock:InvokeModelWithResponseStream). */
    invokeActionsNotAllowed?: string[]
    /** Regions an SCP denies bedrock:InvokeModel in. */
    scpDenyRegions: string[]
    /** aws-marketplace:Subscribe and ViewSubscriptions allowed. */
    marketplace: boolean
  }
  faults: Fault[]
  /** A streaming answer breaks off after two events with this exception (an exception event inside the stream). */
  streamBreak?: {
    /** The union member of a modeled exception (throttlingException), or an unmodeled error's code. */
    exception: string
    message: string
    /** exception (default), error (unmodeled), or a :message-type no model defines. */
    messageType?: string
    /** The frame is one no AWS model defines, asked for as a fault: the contract test does not hold it to one. */
    offModel?: boolean
  }
  /**
   * Bedrock API keys the account knows (AWS_BEARER_TOKEN_BEDROCK), by key: the principal behind each, and whether
   * bedrock:CallWithBearerToken is denied to it (by its identity policy, or by an SCP).
   */
  apiKeys: Record<string, { arn: string; callWithBearerToken?: 'no-allow' | 'scp-deny' }>
  /** Service Quotas for Bedrock (emulator/service-quotas.ts): the account's values and how they are listed. */
  quotas: {
    /** Quotas a page holds (ListServiceQuotas, ListAWSDefaultServiceQuotas), at most the MaxResults asked for. */
    pageSize: number
    /** Applied values that differ from AWS's default, by quota name; null: not available, left out of the list. */
    applied: Record<string, number | null>
    /** Quotas listed with an ErrorReason and no value. */
    unavailable: string[]
    /** The older quota names ("On-demand model inference tokens per minute for …"). */
    olderNames: boolean
    /** Models whose tokens for the day are used up: every call is throttled "Too many tokens per day". */
    dailyExhausted: string[]
  }
  latencyMs: number
  /** A minimal GitHub REST API for pull-request files and comments (GITHUB_API_URL=<url>/_github). */
  github: {
    token: string
    files: { filename: string; patch?: string }[]
    comments: { id: number; body: string }[]
    /** The repository's issues (open-issue): each with its comments and labels. */
    issues: EmulatedIssue[]
    /** The job token may not write issues (no `permissions: issues: write`). */
    issuesReadOnly?: boolean
  }
}

export interface EmulatedIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  state_reason?: string
  labels: string[]
  comments: { id: number; body: string }[]
  /** Set for a pull request: the issues API lists pull requests too. */
  pull_request?: { url: string }
}

export const ACCOUNT = '111122223333'
export const AMBIENT_KEY = 'AKIAEMULATORAMBIENT1'
export const AMBIENT_SECRET = 'ambient/secret/Key+EMULATOR0000000000000'
export const EXPIRED_KEY = 'AKIAEMULATOREXPIRED1'

const ALL_US = ['us-east-1', 'us-east-2', 'us-west-2']
const EU = ['eu-central-1', 'eu-west-1', 'eu-west-3']

/** An account with everything granted: every check passes. */
export function openAccount(): EmulatorState {
  return {
    account: ACCOUNT,
    accessKeys: {
      [AMBIENT_KEY]: {
        secret: AMBIENT_SECRET,
        arn: `arn:aws:sts::${ACCOUNT}:assumed-role/runner-instance/i-0abc`
      },
      [EXPIRED_KEY]: { secret: AMBIENT_SECRET, arn: `arn:aws:iam::${ACCOUNT}:user/old`, expired: true }
    },
    oidc: {
      requestToken: 'runner-request-token-EMULATOR',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/bedrock-ci`,
      trustedSub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      trustedAudience: 'sts.amazonaws.com'
    },
    models: [
      {
        id: 'anthropic.claude-sonnet-4-6',
        provider: 'Anthropic',
        name: 'Claude Sonnet 4.6',
        regions: [...ALL_US, ...EU],
        inferenceTypes: ['INFERENCE_PROFILE'],
        longContextQuota: true,
        lifecycle: { status: 'ACTIVE', startOfLifeTime: new Date('2026-02-17T00:00:00Z') }
      },
      {
        // Older in the same line: its successor is Claude Sonnet 4.6 (newest startOfLifeTime, ACTIVE).
        id: 'anthropic.claude-3-sonnet-20240229-v1:0',
        provider: 'Anthropic',
        name: 'Claude 3 Sonnet',
        regions: ALL_US,
        inferenceTypes: ['ON_DEMAND'],
        lifecycle: {
          status: 'LEGACY',
          startOfLifeTime: new Date('2024-02-29T00:00:00Z'),
          legacyTime: new Date('2025-03-01T00:00:00Z'),
          endOfLifeTime: new Date('2027-03-01T00:00:00Z')
        }
      },
      {
        id: 'anthropic.claude-3-haiku-20240307-v1:0',
        provider: 'Anthropic',
        name: 'Claude 3 Haiku',
        regions: [...ALL_US, ...EU],
        inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE']
      },
      {
        id: 'amazon.nova-lite-v1:0',
        provider: 'Amazon',
        name: 'Nova Lite',
        regions: ['us-east-1', 'eu-central-1'],
        inferenceTypes: ['ON_DEMAND', 'INFERENCE_PROFILE'],
        serviceTiers: ['priority', 'flex']
      },
      {
        id: 'amazon.titan-embed-text-v2:0',
        provider: 'Amazon',
        name: 'Titan Text Embeddings V2',
        regions: ALL_US,
        outputModalities: ['EMBEDDING']
      },
      {
        id: 'cohere.embed-english-v3',
        provider: 'Cohere',
        name: 'Embed English',
        regions: ALL_US,
        outputModalities: ['EMBEDDING']
      },
      {
        id: 'stability.sd3-5-large-v1:0',
        provider: 'Stability AI',
        name: 'Stable Diffusion 3.5 Large',
        regions: ['us-west-2'],
        outputModalities: ['IMAGE']
      },
      {
        id: 'meta.llama3-1-8b-instruct-v1:0',
        provider: 'Meta',
        name: 'Llama 3.1 8B Instruct',
        regions: ALL_US
      },
      {
        // Claude Code's default small/fast model (examples/claude-code.yml), through its us. profile only.
        id: 'anthropic.claude-haiku-4-5-20251001-v1:0',
        provider: 'Anthropic',
        name: 'Claude Haiku 4.5',
        regions: ALL_US,
        inferenceTypes: ['INFERENCE_PROFILE'],
        lifecycle: { status: 'ACTIVE', startOfLifeTime: new Date('2025-10-15T00:00:00Z') }
      },
      {
        id: 'anthropic.claude-v2:1',
        provider: 'Anthropic',
        name: 'Claude',
        regions: ALL_US,
        lifecycle: {
          status: 'LEGACY',
          legacyTime: new Date('2025-01-21T00:00:00Z'),
          endOfLifeTime: new Date('2027-07-21T00:00:00Z')
        }
      }
    ],
    profiles: [
      {
        id: 'us.anthropic.claude-sonnet-4-6',
        regions: ALL_US,
        destinations: ALL_US,
        base: 'anthropic.claude-sonnet-4-6'
      },
      {
        id: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
        regions: ALL_US,
        destinations: ALL_US,
        base: 'anthropic.claude-haiku-4-5-20251001-v1:0'
      },
      {
        id: 'eu.anthropic.claude-sonnet-4-6',
        regions: EU,
        destinations: EU,
        base: 'anthropic.claude-sonnet-4-6'
      },
      {
        id: 'global.anthropic.claude-sonnet-4-6',
        regions: [...ALL_US, ...EU],
        destinations: [...ALL_US, ...EU],
        base: 'anthropic.claude-sonnet-4-6'
      },
      {
        id: 'us.amazon.nova-lite-v1:0',
        regions: ALL_US,
        destinations: ALL_US,
        base: 'amazon.nova-lite-v1:0'
      },
      {
        id: 'us.anthropic.claude-3-haiku-20240307-v1:0',
        regions: ALL_US,
        destinations: ALL_US,
        base: 'anthropic.claude-3-haiku-20240307-v1:0'
      },
      // A profile whose name does not name its base model: the probe must follow the profile, not the name.
      {
        id: 'us.meta.llama-chat',
        regions: ALL_US,
        destinations: ['us-east-1', 'us-west-2'],
        base: 'meta.llama3-1-8b-instruct-v1:0'
      },
      // An application inference profile (cost tracking) over Nova Lite in us-east-1.
      {
        id: 'k7x2fq9e1abc',
        application: true,
        regions: ['us-east-1'],
        destinations: ['us-east-1'],
        base: 'amazon.nova-lite-v1:0'
      }
    ],
    agreements: {
      'anthropic.claude-sonnet-4-6': { status: 'AVAILABLE' },
      'anthropic.claude-3-haiku-20240307-v1:0': { status: 'AVAILABLE' },
      'anthropic.claude-3-sonnet-20240229-v1:0': { status: 'AVAILABLE' },
      'anthropic.claude-haiku-4-5-20251001-v1:0': { status: 'AVAILABLE' },
      'anthropic.claude-v2:1': { status: 'AVAILABLE' },
      'cohere.embed-english-v3': { status: 'AVAILABLE' },
      'stability.sd3-5-large-v1:0': { status: 'AVAILABLE' }
    },
    newAgreementPendingPolls: 2,
    useCaseOnFile: true,
    submittedForms: [],
    iam: { deniedActions: [], scpDenyRegions: [], marketplace: false },
    faults: [],
    apiKeys: {},
    quotas: { pageSize: 100, applied: {}, unavailable: [], olderNames: false, dailyExhausted: [] },
    latencyMs: 0,
    github: { token: 'ghs_EMULATORTOKEN', files: [], comments: [], issues: [] }
  }
}

/** A brand-new account: no use-case form, no agreements; the caller may subscribe through Marketplace. */
export function freshAccount(): EmulatorState {
  const state = openAccount()
  state.agreements = {}
  state.useCaseOnFile = false
  state.iam.marketplace = true
  return state
}

/**
 * A short-term Bedrock API key as aws-bedrock-token-generator makes one: `bedrock-api-key-` + base64 of a
 * presigned CallWithBearerToken URL (the signature here is a stand-in: the emulator never verifies it).
 */
export function shortTermApiKey(region: string, issuedAt: Date, expiresSeconds = 43200): string {
  const stamp = issuedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const query = new URLSearchParams({
    Action: 'CallWithBearerToken',
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `ASIAEMULATORKEY00001/${stamp.slice(0, 8)}/${region}/bedrock/aws4_request`,
    'X-Amz-Date': stamp,
    'X-Amz-Expires': String(expiresSeconds),
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': '0'.repeat(64),
    Version: '1'
  })
  return `bedrock-api-key-${Buffer.from(`bedrock.amazonaws.com/?${query.toString()}`).toString('base64')}`
}

/** A long-term Bedrock API key: `ABSK` + base64 of the IAM service-specific credential `<name>-at-<account>:<secret>`. */
export function longTermApiKey(account: string, name = 'BedrockAPIKey-emul'): string {
  return `ABSK${Buffer.from(`${name}-at-${account}:c2VjcmV0LWVtdWxhdG9yLWtleQ==`).toString('base64')}`
}

/** The member's Anthropic form: its own, or the one its management account has on file (inherited). */
export function memberHasUseCaseForm(state: EmulatorState): boolean {
  return state.useCaseOnFile || state.management?.useCaseOnFile === true
}

/** A management account for management-role-to-assume, with no form on file unless told. */
export function withManagementAccount(state: EmulatorState, useCaseOnFile = false): ManagementAccount {
  state.management = {
    account: '999988887777',
    roleArn: 'arn:aws:iam::999988887777:role/bedrock-use-case-form',
    useCaseOnFile,
    submittedForms: [],
    deniedActions: []
  }
  return state.management
}
