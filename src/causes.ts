/**
 * The gates, and every cause that can open, close or leave one undecided: each cause once, with its gate, its
 * kind, its words (the title of a finding, the word in a matrix cell, the headline, what to do next, the fix) and
 * where the behaviour is documented. The gates (src/gates/) decide which cause applies; everything that explains a
 * cause to a reader comes from here, so adding a cause is one entry, and a cause without its words does not
 * compile. The catalogue (src/diagnosis/catalogue.ts) maps AWS's answers onto these causes.
 */
import { choices } from './support/text.js'

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

type Fix = (ctx: FixContext) => string

interface Words {
  gate: GateName | 'any'
  /** The cause in a few words, for a finding's title: "IAM permission closed: no policy allows the call". */
  title: string
  /** Where the behaviour is documented, or where users reported the wording. */
  sources?: string[]
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

const MARKETPLACE_FIX =
  'Subscribing is a one-time step per account: grant the caller aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions ' +
  '(restrict Subscribe with the aws-marketplace:ProductId condition key), or run the probe once with create-agreement: true ' +
  'from such a role. After the first subscription every role in the account can invoke without them; allow up to 2 minutes.'

const MODEL_ACCESS_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/model-access.html'

/** An unknown ID's first words: not in the region's catalogue, and the closest IDs that are. */
function didYouMean(ctx: FixContext): string {
  if (!ctx.nearest?.length) return ''
  const ids = choices(ctx.nearest.map(id => `\`${id}\``))
  return `${ctx.model} is not in ${ctx.region}'s catalogue of models; did you mean ${ids}? `
}
const DATA_RETENTION_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html'
const SERVICE_TIERS_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/service-tiers-inference.html'
const PROMPT_CACHING_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html'
const QUOTAS_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/quotas-runtime.html'
const QUOTA_INCREASE_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/quotas-increase.html'

/**
 * How to raise a quota: the Service Quotas command for an adjustable one (asking for `desired`), AWS Support for
 * one that is not; and Bedrock's own route, where asking for the cross-Region tokens-per-minute quota lets AWS
 * Support raise the related ones with it (Bedrock user guide, "Request an increase for Amazon Bedrock quotas").
 */
function raiseQuota({ quota, region }: FixContext): string {
  if (!quota) return 'Raise the quota in Service Quotas (Amazon Bedrock) for this model and region.'
  const route =
    ' For Bedrock, ask for the "Cross-region model inference tokens per minute" quota of the model (formerly "Cross-Region InvokeModel tokens per minute"): AWS Support then offers to raise the related ones (on-demand tokens per minute, tokens per day) with it.'
  if (quota.adjustable === false)
    return (
      `${quota.name} (${quota.code}) is not adjustable in Service Quotas: open an AWS Support case (Service limit ` +
      `increase, Amazon Bedrock, ${region}) for it.${route}`
    )
  return (
    `Request ${quota.desired ?? quota.default ?? 'a higher value'} for ${quota.name} (${quota.code}) in ${region} ` +
    `(aws service-quotas request-service-quota-increase, or the Service Quotas console).${route}`
  )
}
const API_KEYS_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html'
const LIFECYCLE_GUIDE = 'docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html'
/** AWS's table of Bedrock error codes: the account-level 403s (MPAgreementBeingCreated, BadCScoreException …). */
export const ERROR_CODES_GUIDE =
  'docs.aws.amazon.com/bedrock/latest/userguide/troubleshooting-api-error-codes.html'

/**
 * Where to move a model that is ending: the ACTIVE successor of its provider and line in this region when
 * ListFoundationModels named one (through an inference profile when it is not on demand), else the lifecycle
 * page: never a guess.
 */
function moveTo({ successor, region }: FixContext): string {
  if (!successor)
    return (
      'Move to an active model of the same provider (the Bedrock model lifecycle page lists the recommended ' +
      `replacement; \`aws bedrock list-foundation-models --region ${region}\` shows what is ACTIVE here)`
    )
  const route =
    successor.onDemand === 'not-supported'
      ? ` (it is called through an inference profile: \`aws bedrock list-inference-profiles --region ${region}\` names it)`
      : ''
  return `Move to ${successor.id}, the newest ACTIVE model of the same line in ${region}${route}`
}

export const CAUSES = {
  // --- Credentials ---------------------------------------------------------------------------------
  'oidc-no-token-permission': {
    gate: 'credentials',
    kind: 'closed',
    title: 'no id-token permission',
    fix: () =>
      'Add `permissions: { id-token: write, contents: read }` to the workflow or job. Pull requests from forks never ' +
      "receive an OIDC token: skip the probe for them, and probe on push (never give a fork's code AWS credentials " +
      'through pull_request_target).',
    sources: [
      'docs.github.com: "Configuring OpenID Connect in Amazon Web Services" (permissions: id-token: write)'
    ]
  },
  'oidc-trust-policy': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the role does not trust this token',
    fix: () =>
      "Almost always the trust policy's conditions: token.actions.githubusercontent.com:aud must equal the audience input, " +
      'and token.actions.githubusercontent.com:sub must match the claim shown (case-sensitive owner/repo, and the ref or environment).'
  },
  'oidc-invalid-token': {
    gate: 'credentials',
    kind: 'closed',
    title: 'no OIDC identity provider for this token',
    fix: ctx =>
      `Create the IAM OIDC identity provider for ${ctx.issuer ?? 'https://token.actions.githubusercontent.com'} in the ` +
      "role's account, with the audience input (default sts.amazonaws.com) as a client ID."
  },
  'oidc-token-rejected': {
    gate: 'credentials',
    kind: 'closed',
    title: 'STS rejected the OIDC token',
    fix: ctx =>
      `STS rejected the token for the reason it gives above. Check the IAM OIDC identity provider ` +
      `${ctx.oidcProvider ?? 'for token.actions.githubusercontent.com'} (its issuer URL and client IDs), then re-run: ` +
      'the probe asks GitHub for a new token on every run.'
  },
  'oidc-audience-mismatch': {
    gate: 'credentials',
    kind: 'closed',
    title: "the token's audience is not a client ID of the identity provider",
    fix: ctx =>
      `The token's audience, ${ctx.audience ?? 'sts.amazonaws.com'}, is not a client ID of the IAM OIDC identity provider ` +
      `${ctx.oidcProvider ?? 'for token.actions.githubusercontent.com'}: add it to the provider's client IDs ` +
      '(aws iam add-client-id-to-open-id-connect-provider), or set the audience input to a client ID the provider lists' +
      (ctx.oidcProvider?.startsWith('arn:aws-cn:') ? ' (in the China regions, sts.amazonaws.com.cn).' : '.'),
    sources: [
      'github.com/aws-actions/configure-aws-credentials/issues/775',
      'github.com/aws-actions/configure-aws-credentials/issues/457 (China: sts.amazonaws.com.cn)'
    ]
  },
  'oidc-thumbprint-mismatch': {
    gate: 'credentials',
    kind: 'closed',
    title: "the identity provider's thumbprint no longer matches its certificate",
    fix: ctx =>
      `The IAM OIDC identity provider ${ctx.oidcProvider ?? 'for this issuer'} keeps a thumbprint that the issuer's ` +
      'certificate no longer matches (certificates rotate): replace it with the current one ' +
      '(aws iam update-open-id-connect-provider-thumbprint; the IAM user guide, "Obtain the thumbprint for an OpenID ' +
      'Connect identity provider", says how to compute it).',
    sources: [
      'docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html',
      'github.blog/changelog/2023-06-27-github-actions-update-on-oidc-integration-with-aws'
    ]
  },
  'role-duration-too-long': {
    gate: 'credentials',
    kind: 'closed',
    title: "role-duration-seconds is longer than the role's maximum session",
    fix: ctx =>
      `Lower role-duration-seconds to at most the maximum session duration of ${ctx.roleArn ?? 'the role'} (1 hour ` +
      "unless raised), or raise the role's maximum (aws iam update-role --max-session-duration, up to 43200 seconds).",
    sources: [
      'docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html (DurationSeconds)',
      'github.com/kreuzwerker/awsu/issues/27 ("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")'
    ]
  },
  'sts-region-disabled': {
    gate: 'credentials',
    kind: 'closed',
    title: 'STS is not active in this region for the account',
    fix: ctx =>
      `Activate STS in ${ctx.region || 'this region'} for the account (IAM console → Account settings → Security Token ` +
      'Service (STS) → Endpoints), or probe from a region where it is active: the probe calls STS in the first region ' +
      'of the regions input.',
    sources: [
      'docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html',
      'github.com/org-formation/org-formation-cli/issues/465',
      'github.com/turbot/steampipe-plugin-aws/issues/1510'
    ]
  },
  'oidc-token-unavailable': {
    gate: 'credentials',
    kind: 'fault',
    title: 'no GitHub OIDC token',
    cell: 'no token',
    headline: 'Could not get a GitHub OIDC token',
    fix: () =>
      "A fault at GitHub's token service, not a closed gate: re-run the job. If it persists, check `permissions: id-token: write`."
  },
  'idp-unreachable': {
    gate: 'credentials',
    kind: 'fault',
    title: "STS could not reach GitHub's keys",
    cell: 'OIDC keys',
    headline: 'AWS STS could not verify the GitHub OIDC token',
    fix: () =>
      "A transient fault between AWS STS and GitHub's OIDC keys, not a closed gate and not a missing identity provider: re-run the job."
  },
  'fork-pull-request': {
    gate: 'credentials',
    kind: 'fault',
    title: 'a fork pull request (no OIDC token)',
    cell: 'fork PR',
    headline: 'This pull request comes from a fork, and GitHub gives forks no OIDC token',
    fix: () =>
      'Nothing to fix in AWS. Skip the probe for forks (`if: github.event.pull_request.head.repo.full_name == github.repository`) ' +
      "and probe on push, after the pull request is merged. Do not use pull_request_target to get a token: it would run the fork's " +
      'code with AWS credentials (GitHub Security Lab, "preventing pwn requests").'
  },
  'credentials-expired': {
    gate: 'credentials',
    kind: 'closed',
    title: 'expired credentials',
    fix: () =>
      'Refresh the credentials before this step. For a bootstrap run that waits, make role-duration-seconds ' +
      '(or the session length of configure-aws-credentials) longer than wait-timeout-seconds.'
  },
  'credentials-outlived': {
    // GitHub OIDC sessions last role-duration-seconds, capped by the role's MaxSessionDuration; a role reached by
    // chaining is capped at one hour; a short-term Bedrock API key lives at most 12 hours and never past the
    // session that signed it (IAM user guide, id_roles_use; Bedrock user guide, api-keys). The job would meet
    // ExpiredToken halfway, after a green check.
    gate: 'credentials',
    kind: 'closed',
    workingNow: true,
    title: 'the credentials end before the job does',
    fix: ctx => {
      const lifetime = ctx.lifetime
      const seconds = Math.min(43200, Math.max(900, (lifetime?.jobMinutes ?? 60) * 60))
      const role = ctx.roleArn?.split('/').pop() ?? 'ROLE_NAME'
      switch (lifetime?.source) {
        case 'api-key':
          return (
            'A short-term Bedrock API key lives at most 12 hours, and never past the session that signed it: make the ' +
            'key in the job, right before the work that uses it (aws-bedrock-token-generator), from a session that ' +
            'lasts the job, or sign with IAM credentials (role-to-assume) instead.'
          )
        case 'environment':
          return (
            'The credentials in the environment end at the time AWS_CREDENTIAL_EXPIRATION gives: the step that ' +
            `exported them must ask for a longer session, at least ${seconds} s (configure-aws-credentials: ` +
            `role-duration-seconds: ${seconds}), up to the role's MaxSessionDuration. A role reached by chaining ` +
            "(from another role's session) is capped at 1 hour whatever is asked."
          )
        default:
          return (
            `Ask for a session that lasts the job: role-duration-seconds: ${seconds} here, and the same in ` +
            'configure-aws-credentials if it assumes the role for the job. The role must allow it: ' +
            `\`aws iam update-role --role-name ${role} --max-session-duration ${seconds}\` (at most 43200, 12 hours). ` +
            'A role reached by chaining is capped at 1 hour whatever is asked.'
          )
      }
    },
    sources: [
      'docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html (role chaining: at most 1 hour)',
      'docs.aws.amazon.com/IAM/latest/UserGuide/roles-managingrole-editing-cli.html (update-role --max-session-duration)',
      'docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html'
    ]
  },
  'credentials-invalid': {
    gate: 'credentials',
    kind: 'closed',
    title: 'invalid credentials',
    fix: () =>
      'The access key is unknown, deactivated, or paired with the wrong secret or session token. Check the secrets the job ' +
      'exports, or use role-to-assume with GitHub OIDC instead of long-lived keys.'
  },
  'credentials-missing': {
    gate: 'credentials',
    kind: 'closed',
    title: 'no credentials',
    fix: () =>
      'Set role-to-assume (with `permissions: id-token: write`), or run aws-actions/configure-aws-credentials before this ' +
      'step. Self-hosted and RunsOn runners use their instance role: check that the instance has one.'
  },
  'credentials-bad-signature': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the request signature was refused',
    fix: () =>
      'Not an IAM problem: AWS computed a different signature. Either the secret access key does not match the access ' +
      'key ID (or the session token belongs to other keys: export all three together), or something between the ' +
      'runner and AWS changed the request after it was signed (a proxy or gateway rewriting the host, the path or ' +
      'headers): let the proxy tunnel HTTPS (CONNECT) instead of re-sending the request.',
    sources: ['docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html']
  },
  'request-unsigned': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the request reached AWS unsigned',
    fix: () =>
      'Not an IAM problem: AWS received the request without a complete SigV4 Authorization header, so it never knew ' +
      'who was calling. Check that credentials reach this step (role-to-assume, or configure-aws-credentials before ' +
      'it; in a container, pass the AWS_* variables in). Behind a proxy or gateway, make it pass the Authorization and ' +
      'X-Amz-* headers unchanged, or let it tunnel HTTPS (CONNECT).'
  },
  'clock-skewed': {
    gate: 'credentials',
    kind: 'closed',
    title: "the runner's clock is off",
    fix: () =>
      "Not an IAM problem: the runner's clock is more than 5 minutes from AWS's, so every signature is out of date. " +
      'Sync it (self-hosted: `timedatectl set-ntp true`, or chrony/ntpd; in a container, the host clock), then re-run.',
    sources: ['docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html']
  },
  'sts-refused': {
    gate: 'credentials',
    kind: 'closed',
    title: 'AWS STS refused the credentials',
    fix: () => 'Check the credentials this job uses.'
  },
  'wrong-account': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the wrong account',
    fix: ({ allowedAccountIds = [], account = 'this account' }) =>
      `Use credentials of ${allowedAccountIds.length > 1 ? 'one of the allowed accounts' : `account ${allowedAccountIds[0]}`} ` +
      "(check role-to-assume, the runner's role or AWS_PROFILE), or add " +
      `${account} to allowed-account-ids if it is meant to be used.`
  },
  'account-unverifiable': {
    gate: 'credentials',
    kind: 'unproven',
    title: 'the account could not be checked',
    cell: 'account',
    fix: () =>
      'Use role-to-assume (its account is checked), a long-term key (its account is in the key), or drop allowed-account-ids.'
  },
  'bearer-key-invalid': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the API key is refused',
    fix: () =>
      'The Bedrock API key is invalid or has expired (short-term keys end with the session that made them): create a ' +
      'new key and update the secret, or unset AWS_BEARER_TOKEN_BEDROCK to sign with IAM credentials instead.'
  },
  'bearer-key-expired': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the API key has expired',
    fix: () =>
      'Short-term keys last at most 12 hours, and never past the session that made them: generate the key in the ' +
      'job right before it is used (aws-bedrock-token-generator), or use role-to-assume instead of a key.',
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html']
  },
  'bearer-key-region': {
    gate: 'credentials',
    kind: 'closed',
    title: 'the API key is for another region',
    fix: ({ region, keyRegion }) =>
      `Generate the key for ${region} (switch region in the console, or pass the region to aws-bedrock-token-generator), ` +
      `or probe ${keyRegion ?? 'the region it was made for'}.`,
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html']
  },
  'api-key-unproven': {
    gate: 'credentials',
    kind: 'unproven',
    title: 'the API key was not proven',
    cell: 'not called',
    nextStep: 'Re-run: no Bedrock answer accepted or refused the API key.'
  },
  // --- Region --------------------------------------------------------------------------------------
  'region-signature-scope': {
    gate: 'region',
    kind: 'closed',
    title: 'not a region Bedrock runs in',
    fix: ctx =>
      `Check the regions input and AWS_REGION: "${ctx.region}" must be a region where Amazon Bedrock runs.`
  },
  'region-not-offered': {
    gate: 'region',
    kind: 'closed',
    title: 'not offered in the region',
    fix: () => 'Use a region where the model is offered, or an inference profile that reaches it.'
  },
  'profile-not-found': {
    gate: 'region',
    kind: 'closed',
    title: 'no such inference profile here',
    fix: () =>
      "Cross-region profiles exist only in their geography's source regions (us. in US regions, eu. in EU regions, …); " +
      'pick a region of that geography or the profile for this one.',
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html']
  },
  'application-profile-not-found': {
    // An application inference profile is a resource of one account in one region (its ARN names both), not a
    // geography's: the system-defined profiles' advice does not apply (inference-profiles-create.html).
    gate: 'region',
    kind: 'closed',
    title: 'no such application inference profile',
    fix: ctx => {
      const [, , , region = ctx.region, account = 'ACCOUNT_ID'] = ctx.model.split(':')
      return (
        `An application inference profile belongs to one account and one region, those of its ARN (${account}, ` +
        `${region}): it is gone if it was deleted, and only credentials of that account find it. List the ` +
        `account's profiles with \`aws bedrock list-inference-profiles --type-equals APPLICATION --region ${region}\`, ` +
        'then use an ARN from that list, or create one (create-inference-profile) from the model or the ' +
        'system-defined profile it should copy.'
      )
    },
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-create.html']
  },
  'on-demand-unsupported': {
    gate: 'region',
    kind: 'closed',
    title: 'needs an inference profile',
    fix: () =>
      'Call it through an inference profile that contains it (IDs below), and allow that profile ARN in IAM.'
  },
  'model-id-malformed': {
    gate: 'region',
    kind: 'closed',
    title: 'not a model identifier Bedrock accepts',
    fix: ctx =>
      `Bedrock refused "${ctx.groups[0] || ctx.model}" before looking it up: it is not a model ID, inference-profile ID ` +
      `or ARN in Bedrock's grammar. Copy the exact ID from \`aws bedrock list-foundation-models --region ${ctx.region}\` ` +
      '(or list-inference-profiles); call a foundation model by its ID, not by an ARN with extra suffixes.',
    sources: ['github.com/aws/api-models-aws (bedrock-runtime: ConversationalModelId, InvokeModelIdentifier)']
  },
  'invalid-model-id': {
    gate: 'region',
    kind: 'closed',
    title: 'unknown model identifier',
    fix: ctx =>
      didYouMean(ctx) +
      `Check the ID with \`aws bedrock list-foundation-models --region ${ctx.region}\` (or list-inference-profiles); the model ` +
      'may not be offered in this region.'
  },
  'model-not-found': {
    gate: 'region',
    kind: 'closed',
    title: 'not found in the region',
    fix: ctx => `${didYouMean(ctx)}Check the ID and that it is offered in ${ctx.region}.`
  },
  // --- Model access --------------------------------------------------------------------------------
  'not-entitled': {
    gate: 'model-access',
    kind: 'closed',
    title: 'not entitled',
    fix: ctx =>
      ctx.marketplace
        ? 'Create the model agreement: run with create-agreement: true from a role with aws-marketplace:Subscribe and ' +
          'aws-marketplace:ViewSubscriptions (one-time per account).'
        : 'First-party and open-weight models need no subscription: an SCP or a model-restricting policy may be hiding it.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'agreement-create-failed': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the agreement could not be created',
    fix: () =>
      'create-agreement: true could not create the agreement. When AWS refused the identity (What was seen), give it ' +
      'the one-time bootstrap policy for one run (bedrock:ListFoundationModelAgreementOffers, ' +
      'bedrock:CreateFoundationModelAgreement and the AWS Marketplace subscribe actions), then remove it; or have an ' +
      'administrator create the agreement once with the commands under Provider terms.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'payment-instrument': {
    gate: 'model-access',
    kind: 'closed',
    title: 'no valid payment method',
    fix: () =>
      'Not an IAM problem: add or repair a valid payment method (Billing and Cost Management → Payment preferences; ' +
      "an organisation's management account pays for its members), then retry after a few minutes."
  },
  'model-not-offered-to-account': {
    gate: 'model-access',
    kind: 'closed',
    title: 'AWS does not offer the model to this account',
    fix: ctx =>
      `No IAM policy, SCP or agreement opens this: AWS does not make ${ctx.baseModelId ?? ctx.model} available to this ` +
      'account. Ask AWS for it (AWS Sales, aws.amazon.com/contact-us/sales-support, or your account team), or use a ' +
      `model the account is offered (\`aws bedrock list-foundation-models --region ${ctx.region}\`).`,
    sources: ['github.com/anthropics/claude-code/issues/49238']
  },
  'account-being-verified': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the account is still being verified',
    fix: () =>
      'Wait: AWS verifies new accounts before they may call some models, and says so by email when it is done. If it ' +
      'takes more than a day, open an AWS Support case (Account and billing). No IAM policy, SCP or agreement changes this.'
  },
  'account-not-authorized': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the account may not use the model here',
    fix: ctx =>
      `Check that model access is granted in ${ctx.region} (it is per region). If it is, the account itself is restricted: ` +
      'open an AWS Support case (Account and billing) or ask your AWS account team; no IAM policy changes this.'
  },
  'marketplace-subscription-in-progress': {
    // Transient, by AWS's own table: neither a closed gate (nothing is wrong) nor a pass (the call was refused).
    gate: 'model-access',
    kind: 'unproven',
    title: 'the Marketplace subscription is still being processed',
    cell: 'pending',
    transient: true,
    headline: "AWS is still processing the account's Marketplace subscription: re-run in 15 minutes",
    fix: ctx =>
      `Nothing to change yet: AWS is still processing this account's AWS Marketplace subscription to ` +
      `${ctx.baseModelId ?? ctx.model}, and refuses calls until it is done. AWS says to try again after 15 minutes; ` +
      're-run the check then (nothing is created twice), or run it with create-agreement: true, which calls again ' +
      'until the subscription is through, up to wait-timeout-seconds. If it still says so after 15 minutes, the subscription is ' +
      'stuck: open an AWS Support case (Account and billing) naming the model and region. No IAM policy changes this.',
    sources: [ERROR_CODES_GUIDE, MODEL_ACCESS_GUIDE]
  },
  'marketplace-agreement-stuck': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the Marketplace agreement is still pending after 15 minutes',
    fix: ctx =>
      `The account's AWS Marketplace agreement for ${ctx.baseModelId ?? ctx.model} has not gone through in the 15 ` +
      `minutes AWS allows for it. See its state with \`aws bedrock get-foundation-model-availability --model-id ` +
      `${ctx.baseModelId ?? ctx.model} --region ${ctx.region}\`, check the account's payment method, and open an AWS ` +
      'Support case (Account and billing) if it stays pending. No IAM policy changes this.',
    sources: [ERROR_CODES_GUIDE]
  },
  'account-standing': {
    gate: 'model-access',
    kind: 'closed',
    title: 'AWS has not authorized this account for the model',
    fix: ctx =>
      'No IAM policy, SCP or agreement opens this: AWS itself has not authorized this account to access ' +
      `${ctx.baseModelId ?? ctx.model} (an account-standing check AWS runs for Marketplace models). Open an AWS ` +
      `Support case (Account and billing) naming the model and ${ctx.region}, or ask your AWS account team.`,
    sources: [ERROR_CODES_GUIDE]
  },
  'account-operation-not-allowed': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the account may not call Bedrock models',
    fix: () =>
      'Reported for new or flagged accounts pending verification: open an AWS Support case (Account and billing) or ask ' +
      'your AWS account team to lift it. No IAM policy, SCP or agreement changes this.'
  },
  'marketplace-permissions': {
    gate: 'model-access',
    kind: 'closed',
    title: 'never subscribed, and no Marketplace permissions',
    fix: () => MARKETPLACE_FIX,
    sources: [MODEL_ACCESS_GUIDE, 'repost.aws/knowledge-center/bedrock-marketplace-access-denied']
  },
  'marketplace-subscription-failed': {
    gate: 'model-access',
    kind: 'closed',
    title: 'the automatic Marketplace subscription failed',
    fix: () =>
      'Bedrock subscribes a third-party model in AWS Marketplace on its first call, and that subscription failed for ' +
      'the reason AWS gives in the message (after "Model access is denied due to"). Fix that reason: the caller\'s ' +
      'aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions permissions, an SCP that denies aws-marketplace ' +
      "actions, the account's payment method, or a private marketplace that does not list the model. Then retry " +
      'after the minutes AWS names, or subscribe once with create-agreement: true from a role that may.',
    sources: [MODEL_ACCESS_GUIDE, 'repost.aws/knowledge-center/bedrock-resolve-marketplace-permission']
  },
  'no-model-access': {
    gate: 'model-access',
    kind: 'closed',
    title: 'no access to the model',
    fix: ctx =>
      `Enable the model for the account in ${ctx.region}: run with create-agreement: true (third-party models), or open ` +
      'the Bedrock model catalog there. If access is granted, an SCP or a model-restricting policy may hide it.'
  },
  'model-legacy': {
    gate: 'model-access',
    kind: 'caveat',
    title: 'a Legacy model',
    fix: ctx =>
      `${moveTo(ctx)} before the end-of-life date; an account that stops using a Legacy model loses access to it ` +
      '(after 15 to 30 days), and public extended access costs more.',
    sources: [LIFECYCLE_GUIDE]
  },
  'model-eol-soon': {
    gate: 'model-access',
    kind: 'caveat',
    title: 'end of life is near',
    fix: ctx => `${moveTo(ctx)} before the end-of-life date: after it the model can no longer be invoked.`,
    sources: [LIFECYCLE_GUIDE]
  },
  'model-legacy-inactive': {
    gate: 'model-access',
    kind: 'closed',
    title: 'a Legacy model this account stopped using',
    fix: ctx => `${moveTo(ctx)}: access to a Legacy model does not come back once it lapsed.`,
    sources: [LIFECYCLE_GUIDE]
  },
  'model-end-of-life': {
    gate: 'model-access',
    kind: 'closed',
    title: 'end of life',
    fix: ctx => `${moveTo(ctx)}: the model can no longer be invoked.`,
    sources: [LIFECYCLE_GUIDE]
  },
  // --- Provider terms ------------------------------------------------------------------------------
  'not-needed': {
    gate: 'provider-terms',
    kind: 'open',
    title: 'nothing to accept',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'use-case-missing': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'no Anthropic use-case form',
    fix: () =>
      "Run the probe with create-agreement: true and use-case-form (once per account, or once in the organisation's " +
      'management account; again in opt-in regions), then allow up to 15 minutes.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'no-offer': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'no public offer',
    fix: () =>
      'Check the model ID and region; private offers need to be accepted in the AWS Marketplace console.'
  },
  'wait-timed-out': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'access did not go live in time',
    fix: () =>
      'AWS says access can take up to 15 minutes to settle: re-run later (nothing will be created twice), or raise wait-timeout-seconds.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'not-authorized': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'the provider has not authorized the account',
    fix: () => 'Review the provider terms for this model in the Bedrock console.'
  },
  'agreement-pending': {
    gate: 'provider-terms',
    kind: 'unproven',
    title: 'the agreement is being set up',
    cell: 'pending',
    fix: () =>
      'The subscription is being set up: access usually settles in about 2 minutes and can take up to 15. Calls may succeed now and fail later if a prerequisite is missing.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'agreement-error': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'the agreement is in error',
    fix: () =>
      'Check the AWS account has a valid payment method for AWS Marketplace, then delete and re-create the agreement.'
  },
  'agreement-missing': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'no provider agreement',
    fix: () =>
      "Run with create-agreement: true (this accepts the provider EULA on the account's behalf), or have a role with " +
      'aws-marketplace:Subscribe invoke the model once (that first call accepts it).',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'agreement-not-created': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'no provider agreement (create-agreement could not create it)',
    fix: () =>
      'create-agreement: true ran and could not create the agreement (the Model access fix says why and gives the ' +
      'bootstrap policy); or have an administrator create it once with these commands.',
    sources: [MODEL_ACCESS_GUIDE]
  },
  'agreement-unknown': {
    gate: 'provider-terms',
    kind: 'unproven',
    title: 'an agreement state AWS has not documented',
    cell: 'unknown'
  },
  'govcloud-terms-elsewhere': {
    gate: 'provider-terms',
    kind: 'closed',
    title: "the terms belong to the GovCloud account's standard account",
    fix: () =>
      'A GovCloud account cannot accept model terms itself: sign in to the standard AWS account associated with it ' +
      'and create the agreement (and the Anthropic use-case form) there, in us-east-1 or us-west-2 (run the probe with ' +
      'create-agreement: true against that account), then re-run here.',
    sources: ['ferkakta.dev/govcloud-bedrock-model-graveyard']
  },
  'data-retention-mode-refused': {
    // A provider's terms, not an IAM matter: some models (Claude Fable 5 and Mythos 5 first) are served only when the
    // account's data retention mode in the region lets their provider's retention apply. The mode is an account
    // setting (Get/PutAccountDataRetention), per region; nothing in the request changes it.
    gate: 'provider-terms',
    kind: 'closed',
    title: "the account's data retention mode does not allow this model",
    fix: ctx => {
      const mode = ctx.groups[0] ? `'${ctx.groups[0]}'` : 'the one set'
      return (
        `The account's data retention mode in ${ctx.region} (${mode}) is not one ${ctx.baseModelId ?? ctx.model} is ` +
        'served under: its terms require its data to be retained (its model card names the modes it accepts, ' +
        `typically provider_data_share). See the mode with \`aws bedrock get-account-data-retention --region ${ctx.region}\`. ` +
        "Changing it is for whoever owns the account's data governance to decide (the probe never changes it): " +
        `\`aws bedrock put-account-data-retention --mode provider_data_share --region ${ctx.region}\` shares request ` +
        "data under the provider's terms, needs bedrock:PutAccountDataRetention and applies to that region only. " +
        'Or use a model your mode allows. No IAM policy changes this.'
      )
    },
    sources: [
      DATA_RETENTION_GUIDE,
      'docs.aws.amazon.com/bedrock/latest/APIReference/API_PutAccountDataRetention.html'
    ]
  },
  'provider-country-unsupported': {
    gate: 'provider-terms',
    kind: 'closed',
    title: 'not served from where this runner is',
    fix: () =>
      "Anthropic's terms allow use only from supported countries (anthropic.com/supported-countries), judged by where the " +
      'request comes from: run the job on a runner in a supported country, not only against a supported AWS region.'
  },
  // --- IAM permission ------------------------------------------------------------------------------
  'bearer-denied-scp': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'API keys denied by an SCP',
    fix: () =>
      'Your organization denies bedrock:CallWithBearerToken (AWS publishes an SCP that blocks API keys), and no IAM ' +
      'policy overrides an SCP: ask your AWS Organizations administrators to exempt this account, or sign with IAM ' +
      'credentials instead (unset AWS_BEARER_TOKEN_BEDROCK and use role-to-assume or the runner role).',
    sources: [API_KEYS_GUIDE]
  },
  'bearer-not-permitted': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'API keys not permitted',
    statement: 'bearer-token',
    fix: () =>
      'Allow bedrock:CallWithBearerToken (statement below) for the IAM user of a long-term key, or for the identity ' +
      'that generated a short-term key; if a policy denies it, remove that Deny. Or unset AWS_BEARER_TOKEN_BEDROCK and ' +
      'sign with IAM credentials.',
    sources: [API_KEYS_GUIDE]
  },
  'iam-scp-deny': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'a service control policy denies the call',
    fix: ctx =>
      `An IAM policy cannot override an SCP. Ask your AWS Organizations administrators to allow ${ctx.groups[0]} on ` +
      `${ctx.groups[1]} for this account (` +
      (/^arn:[\w-]+:bedrock:::/.test(ctx.groups[1] ?? '')
        ? 'a global inference profile is authorized with aws:RequestedRegion "unspecified": an SCP that restricts regions must allow that value for Bedrock, or use a geographic profile instead).'
        : 'SCPs that restrict regions must allow every destination region of an inference profile).'),
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html']
  },
  'iam-explicit-deny': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'a policy denies the call',
    fix: ctx =>
      `Remove or narrow the Deny for ${ctx.groups[0]} on ${ctx.groups[1]} in the ${ctx.groups[2]} policy: an Allow ` +
      'cannot override an explicit Deny.'
  },
  'iam-no-allow': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'no policy allows the call',
    statement: 'invoke',
    fix: () =>
      'Allow the calls for this identity with the policy below (bedrock:InvokeModel covers Converse and InvokeModel, ' +
      'bedrock:InvokeModelWithResponseStream covers ConverseStream and InvokeModelWithResponseStream).',
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html']
  },
  'iam-denied': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'access denied',
    statement: 'invoke',
    fix: ctx =>
      `IAM does not allow ${ctx.groups[0] || 'the call'} for this identity: attach the statement below. If it is already ` +
      'attached, a permissions boundary, a session policy or an SCP denies it: check those.'
  },
  'iam-list-denied': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'inference profiles may not be listed',
    statement: 'list-profiles',
    fix: () =>
      'Claude Code lists inference profiles to resolve its models: allow bedrock:ListInferenceProfiles (statement below).',
    sources: ['code.claude.com/docs/en/amazon-bedrock (IAM configuration)']
  },
  'unrecognised-refusal': {
    gate: 'iam-permission',
    kind: 'closed',
    title: 'a refusal the probe does not recognise',
    fix: () =>
      'The workload would be refused the same way. The probe cannot name the gate, so it suggests no policy: search the ' +
      'exact message above in the Bedrock troubleshooting guide and AWS re:Post, and please report it to ' +
      'bedrock-access-probe with the message so the probe can name its gate.'
  },
  'probe-request-rejected': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: "the model refused the probe's request",
    cell: 'request',
    fix: () =>
      'Not an access verdict: please report the message to bedrock-access-probe so the minimal request can be adapted ' +
      'to this model. Access could not be proven with a call.'
  },
  'prompt-caching-refused': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'the request asked for prompt caching the model does not allow',
    cell: 'caching',
    fix: ctx =>
      `Not an access verdict: Bedrock refused prompt caching for this request (cache checkpoints on a model, or in a ` +
      `region, where prompt caching is not offered). The probe sends no cache checkpoint itself: if a gateway or ` +
      `proxy between the runner and Bedrock adds them, turn its caching off for ${ctx.baseModelId ?? ctx.model}. ` +
      'For the workload, send cachePoint (cache_control) only to the models the prompt-caching guide lists.',
    sources: [PROMPT_CACHING_GUIDE]
  },
  'not-text-model': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'the model does not take this call',
    cell: 'not text',
    fix: () =>
      'Nothing to fix for access; the probe could not prove the IAM gate with a call for this model type.'
  },

  // --- Capacity: tokens for the workload today ---------------------------------------------------------
  'daily-tokens-exhausted': {
    gate: 'capacity',
    kind: 'closed',
    title: 'no tokens left for today',
    fix: ctx =>
      'The account has used its tokens for the day for this model (new accounts can get reduced daily quotas): wait ' +
      `for the daily window to pass, or raise the quota. ${raiseQuota(ctx)}`,
    sources: [
      QUOTAS_GUIDE,
      'github.com/minorun365/agent-book/issues/29 ("Too many tokens per day, please wait before trying again.")'
    ]
  },
  'quota-zero': {
    gate: 'capacity',
    kind: 'closed',
    title: 'a quota of 0 tokens per minute',
    fix: ctx => `No call can be served until the quota is raised. ${raiseQuota(ctx)}`,
    sources: [QUOTAS_GUIDE, 'github.com/cline/cline/issues/4196 ("quotas being set by Amazon to 0")']
  },
  'quota-below-need': {
    gate: 'capacity',
    kind: 'closed',
    title: 'fewer tokens per minute than the workload needs',
    fix: ctx => `Raise the quota to what the workload needs (min-tokens-per-minute). ${raiseQuota(ctx)}`,
    sources: [QUOTAS_GUIDE]
  },
  'quota-exceeded': {
    gate: 'capacity',
    kind: 'closed',
    title: 'the request exceeds a quota',
    fix: ctx => `The request was authorized, then refused for a quota. ${raiseQuota(ctx)}`,
    sources: [
      'docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html (ServiceQuotaExceededException)'
    ]
  },
  'quota-reduced': {
    gate: 'capacity',
    kind: 'caveat',
    title: 'a quota below AWS default',
    fix: ctx =>
      `The account's quota is below AWS's default (reduced for new accounts, and by usage and payment history). ${raiseQuota(ctx)}`,
    sources: ['docs.aws.amazon.com/bedrock/latest/userguide/quotas.html', QUOTA_INCREASE_GUIDE]
  },
  throttled: {
    gate: 'capacity',
    kind: 'caveat',
    title: 'throttled (the quota is in use or small)',
    fix: ctx =>
      'Access is in place; the call was throttled after retries, so the tokens per minute are in use by other work or ' +
      `small. Re-run later, or raise the quota. ${raiseQuota(ctx)}`,
    sources: [
      'github.com/anthropics/claude-code/issues/236 ("Too many tokens, please wait before trying again.")'
    ]
  },
  'service-tier-reservation-missing': {
    gate: 'capacity',
    kind: 'closed',
    title: 'no reservation for the reserved tier',
    fix: ctx =>
      `The calls asked for the reserved service tier, and the account has no Reserved tier capacity for ` +
      `${ctx.baseModelId ?? ctx.model} in ${ctx.region}: every such request fails. Reserved capacity is arranged ` +
      'through your AWS account team; until then send priority, default or flex (service-tier), or none.',
    sources: [SERVICE_TIERS_GUIDE, 'github.com/envoyproxy/ai-gateway/pull/1749 ("Reservation not found.")']
  },
  'service-tier-unsupported': {
    gate: 'capacity',
    kind: 'closed',
    title: 'a service tier the model does not offer',
    fix: ctx =>
      `${ctx.baseModelId ?? ctx.model} in ${ctx.region} is not served in the ` +
      `${ctx.serviceTier ? `${ctx.serviceTier} ` : ''}service tier the calls asked for, so every such request ` +
      'fails. The Bedrock user guide lists the tiers each model offers (priority and flex on some models only); send ' +
      'one of those, or none (the standard tier every model offers).',
    sources: [SERVICE_TIERS_GUIDE, 'github.com/NousResearch/hermes-agent/pull/34476']
  },
  'quota-read-denied': {
    gate: 'capacity',
    kind: 'unproven',
    title: 'Service Quotas may not be read',
    cell: 'quotas',
    fix: () =>
      'Grant servicequotas:ListServiceQuotas and servicequotas:ListAWSDefaultServiceQuotas (read-only) to see the quotas ' +
      'the workload runs against.'
  },
  'quota-unknown': {
    gate: 'capacity',
    kind: 'unproven',
    title: 'no quota found for this model',
    cell: 'quota?'
  },
  // --- The call and its plan: why a gate was not decided ----------------------------------------------
  'refused-earlier': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'refused at an earlier gate',
    cell: 'refused'
  },
  'not-evaluated': {
    gate: 'any',
    kind: 'unproven',
    title: 'not evaluated (an earlier gate is closed)',
    cell: 'not evaluated'
  },
  'invoke-disabled': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'not called (invoke: false)',
    cell: 'not called',
    byDesign: true,
    nextStep:
      'Set invoke: true (only a call proves the IAM gate), or grant the control-plane reads so every other gate reads open.'
  },
  'media-model': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'not called (billed per image or clip)',
    cell: 'not called',
    byDesign: true,
    nextStep:
      'Image and video models are not called (each call is billed); grant the control-plane reads so their gates read open.'
  },
  'would-accept-eula': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: "not called (a first call would accept the provider's terms)",
    cell: 'not called'
  },
  'agreement-unreadable': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'not called (the agreement could not be read)',
    cell: 'not called',
    headline:
      "The provider agreement could not be read, so the probe did not call (it could accept the provider's terms)",
    nextStep:
      'Grant bedrock:GetFoundationModelAvailability (read-only), or use role-to-assume, whose session policy keeps the ' +
      "call from accepting a provider's terms."
  },
  'embedding-unknown': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'no minimal request is known for this embedding model',
    cell: 'not called',
    nextStep: 'Report the model to bedrock-access-probe: no minimal request is known for it yet.'
  },
  'invoke-body-unknown': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'no minimal InvokeModel body is known for this model',
    cell: 'not called',
    nextStep:
      'Add converse to calls (every text model answers it), or report the model family to bedrock-access-probe.'
  },
  'call-not-applicable': {
    gate: 'iam-permission',
    kind: 'open',
    title: 'the call does not apply to this model'
  },
  'bootstrap-incomplete': {
    gate: 'iam-permission',
    kind: 'unproven',
    title: 'not called (access is not live yet)',
    cell: 'not called',
    nextStep: 'Re-run once access has settled (up to 15 minutes after it was granted).'
  },
  credentials: {
    gate: 'any',
    kind: 'unproven',
    title: 'not checked (no usable credentials)',
    cell: 'not checked',
    nextStep: 'Fix the credentials gate first.'
  },
  // --- Evidence that could not be had (faults), or may not be read -------------------------------------
  fault: {
    gate: 'any',
    kind: 'fault',
    title: 'an unreadable answer',
    cell: 'fault',
    headline: 'AWS gave an answer the probe could not read',
    fix: () => 'A fault, not a closed gate: re-run the probe.'
  },
  'timed-out': {
    gate: 'any',
    kind: 'fault',
    title: 'AWS did not answer in time',
    cell: 'timed out',
    headline: 'AWS did not answer in time',
    fix: () =>
      'AWS did not answer in time from this runner: re-run, or raise request-timeout-seconds if it is slow from here.'
  },
  unreachable: {
    gate: 'any',
    kind: 'fault',
    title: 'AWS unreachable from this runner',
    cell: 'unreachable',
    headline: 'Could not reach AWS from this runner',
    fix: () =>
      'This runner cannot reach the AWS endpoint: check its network and DNS, the HTTPS_PROXY it must use, or the VPC ' +
      'endpoint for Bedrock (com.amazonaws.REGION.bedrock and bedrock-runtime) and STS.'
  },
  'region-unknown': {
    gate: 'any',
    kind: 'fault',
    title: 'a region AWS does not seem to have',
    cell: 'no such region',
    headline: "A region this probe's AWS SDK does not know, whose endpoint does not exist",
    fix: ctx =>
      `${ctx.groups[0] || 'The region'} is not a region this AWS SDK knows, and its endpoint's name does not resolve` +
      (ctx.groups[1] ? `: did you mean ${ctx.groups[1]}? Correct` : ': check the spelling in') +
      ' the regions input (or AWS_REGION). If the spelling is right, the region is newer than this release of the ' +
      'probe, or this runner cannot resolve AWS hostnames (check its DNS).'
  },
  'not-from-aws': {
    gate: 'any',
    kind: 'fault',
    title: 'an answer that did not come from AWS',
    cell: 'not AWS',
    headline: 'Something other than AWS answered this runner (a proxy or firewall)',
    fix: () =>
      'Something between this runner and AWS (a proxy, a firewall, a captive portal) answered instead of AWS: allow the ' +
      'runner through to the Bedrock and STS endpoints, or set the proxy it must use.'
  },
  'tls-untrusted': {
    gate: 'any',
    kind: 'fault',
    title: 'an untrusted TLS certificate',
    cell: 'TLS',
    headline: 'This runner does not trust the TLS certificate it was shown',
    fix: () =>
      'The runner does not trust the certificate it was shown, often a TLS-inspecting proxy: point NODE_EXTRA_CA_CERTS at ' +
      "that proxy's CA bundle for this step."
  },
  'model-not-serving': {
    gate: 'any',
    kind: 'fault',
    title: 'the model could not serve the request',
    cell: 'model failed',
    headline: 'The request was authorized, then the model could not serve it',
    fix: () =>
      'No gate is closed: the request passed authorization and reached the model, which failed to answer it. Re-run the ' +
      'probe; if it persists, the model (or imported model) is not serving: Bedrock unloads an imported model that was ' +
      'idle and reloads it on demand (retry after a few minutes); otherwise try another region or an inference profile, ' +
      'and check the AWS Health Dashboard for Amazon Bedrock.',
    sources: [
      'docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html (ModelErrorException, ModelNotReadyException, ModelTimeoutException)',
      'docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html (ModelStreamErrorException)',
      'repost.aws/knowledge-center/bedrock-imported-models-modelnotreadyexception'
    ]
  },
  'service-error': {
    gate: 'any',
    kind: 'fault',
    title: 'AWS server errors',
    cell: 'AWS 5xx',
    headline: 'AWS answered with server errors',
    fix: () => 'AWS answered with a server error (5xx) after retries: re-run the probe.'
  },
  'proxy-failed': {
    gate: 'any',
    kind: 'fault',
    title: 'the proxy failed',
    cell: 'proxy',
    headline: 'The proxy did not carry the requests to AWS',
    fix: () =>
      'The proxy refused or could not carry the request: check the http-proxy input or HTTPS_PROXY, that the proxy ' +
      'allows CONNECT to the Bedrock and STS endpoints (*.amazonaws.com:443), its credentials, and NO_PROXY.'
  },
  cancelled: {
    gate: 'any',
    kind: 'fault',
    title: 'cancelled',
    cell: 'cancelled',
    headline: 'Cancelled before AWS answered',
    fix: () => 'The job was cancelled or hit timeout-minutes before AWS answered: re-run it.'
  },
  'read-denied': {
    gate: 'any',
    kind: 'unproven',
    title: 'the control plane may not be read',
    cell: 'not read',
    headline: 'This identity may not read the control plane, and no call proved access'
  },
  'not-found': {
    gate: 'any',
    kind: 'unproven',
    title: 'not found',
    cell: 'not found'
  },
  'not-read': {
    gate: 'any',
    kind: 'unproven',
    title: 'not read',
    cell: 'not read'
  }
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
