/**
 * The error catalogue: every AWS answer the probe knows, as data. One row: which exceptions, which message
 * pattern (matched loosely: account IDs, ARNs and minutes vary), the gate it closes and the fix.
 * Rows are tried in order and the first match wins, so specific rows come before general ones
 * (the Marketplace denials contain "is not authorized to perform" too, and must not read as IAM).
 */
import type { CatalogueCause, GateName } from '../types.js'
import type { AwsFailure } from '../aws/failure.js'

export interface FixContext {
  model: string
  region: string
  baseModelId?: string
  account?: string
  /** Regex groups of the row that matched. */
  groups: string[]
}

export interface CatalogueEntry {
  id: CatalogueCause
  /** Exception names the row applies to; '*' for any. */
  exceptions: string[]
  pattern: RegExp
  gate: GateName
  status: 'fail' | 'warn' | 'skip'
  /** Short name of the cause, shown before the AWS message. */
  cause: string
  fix: (ctx: FixContext) => string
  /** Where the wording was seen: AWS documentation or public reports of users who hit it. */
  sources?: string[]
}

const MARKETPLACE_FIX =
  'Subscribing is a one-time step per account: grant the caller aws-marketplace:Subscribe and aws-marketplace:ViewSubscriptions ' +
  '(restrict Subscribe with the aws-marketplace:ProductId condition key), or run the probe once with create-agreement: true ' +
  'from such a role. After the first subscription every role in the account can invoke without them; allow up to 2 minutes.'

export const CATALOGUE: readonly CatalogueEntry[] = [
  // --- Credentials ---------------------------------------------------------------------------------
  {
    id: 'oidc-no-token-permission',
    exceptions: ['*'],
    pattern: /Unable to get ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/,
    gate: 'credentials',
    status: 'fail',
    cause: 'No GitHub OIDC token is available to this job',
    fix: () =>
      'Add `permissions: { id-token: write, contents: read }` to the workflow or job. Pull requests from forks never ' +
      "receive an OIDC token: skip the probe for them, and probe on push (never give a fork's code AWS credentials " +
      'through pull_request_target).'
  },
  {
    id: 'oidc-trust-policy',
    exceptions: ['AccessDenied', 'AccessDeniedException'],
    pattern: /Not authorized to perform sts:AssumeRoleWithWebIdentity/i,
    gate: 'credentials',
    status: 'fail',
    cause: "The role's trust policy refused this workflow's OIDC token",
    fix: () =>
      "Almost always the trust policy's conditions: token.actions.githubusercontent.com:aud must equal the audience input, " +
      'and token.actions.githubusercontent.com:sub must match the claim shown (case-sensitive owner/repo, and the ref or environment).'
  },
  {
    id: 'oidc-invalid-token',
    exceptions: ['InvalidIdentityToken', 'InvalidIdentityTokenException'],
    pattern: /./,
    gate: 'credentials',
    status: 'fail',
    cause: 'STS rejected the OIDC token',
    fix: () =>
      "Create the IAM OIDC identity provider for https://token.actions.githubusercontent.com in the role's account, " +
      'with the audience input (default sts.amazonaws.com) as a client ID.'
  },
  {
    id: 'credentials-expired',
    exceptions: ['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired'],
    pattern: /./,
    gate: 'credentials',
    status: 'fail',
    cause: 'The credentials have expired',
    fix: () =>
      'Refresh the credentials before this step. For a bootstrap run that waits, make role-duration-seconds ' +
      '(or the session length of configure-aws-credentials) longer than wait-timeout-seconds.'
  },
  {
    id: 'credentials-invalid',
    exceptions: [
      'UnrecognizedClientException',
      'InvalidClientTokenId',
      'SignatureDoesNotMatch',
      'IncompleteSignature',
      'MissingAuthenticationToken',
      'MissingAuthenticationTokenException',
      'InvalidAccessKeyId'
    ],
    pattern: /./,
    gate: 'credentials',
    status: 'fail',
    cause: 'AWS does not recognise these credentials',
    fix: () =>
      'The access key is unknown, deactivated, or paired with the wrong secret or session token. Check the secrets the job ' +
      'exports, or use role-to-assume with GitHub OIDC instead of long-lived keys.'
  },
  {
    id: 'credentials-missing',
    exceptions: ['CredentialsProviderError', 'ProviderError'],
    pattern: /./,
    gate: 'credentials',
    status: 'fail',
    cause: 'No AWS credentials were found',
    fix: () =>
      'Set role-to-assume (with `permissions: id-token: write`), or run aws-actions/configure-aws-credentials before this ' +
      'step. Self-hosted and RunsOn runners use their instance role: check that the instance has one.'
  },
  {
    id: 'bearer-key-invalid',
    exceptions: ['*'],
    pattern: /Authentication failed: Please make sure your API Key is valid/i,
    gate: 'credentials',
    status: 'fail',
    cause: 'Bedrock rejected the API key (AWS_BEARER_TOKEN_BEDROCK)',
    fix: () =>
      'The Bedrock API key is invalid or has expired (short-term keys end with the session that made them): create a ' +
      'new key and update the secret, or unset AWS_BEARER_TOKEN_BEDROCK to sign with IAM credentials instead.',
    sources: ['github.com/anomalyco/opencode/issues/47073', 'github.com/ai4s-research/open-science/issues/53']
  },
  {
    // IAM's own wording for an SCP denial, for the action that gates every use of an API key.
    id: 'bearer-denied-scp',
    exceptions: ['AccessDeniedException'],
    pattern:
      /not authorized to perform: bedrock:CallWithBearerToken .*explicit deny in a service control policy/i,
    gate: 'credentials',
    status: 'fail',
    cause: 'A service control policy forbids Bedrock API keys in this account',
    fix: () =>
      'Your organization denies bedrock:CallWithBearerToken (AWS publishes an SCP that blocks API keys): sign with IAM ' +
      'credentials instead: unset AWS_BEARER_TOKEN_BEDROCK and use role-to-assume or the runner role.',
    sources: [
      'docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html',
      'github.com/aws-samples/service-control-policy-examples (Deny-Bedrock-api-keys.json)'
    ]
  },
  {
    id: 'bearer-not-permitted',
    exceptions: ['AccessDeniedException'],
    pattern:
      /not authorized to perform: bedrock:CallWithBearerToken|Invalid API Key format: Must start with pre-defined prefix/i,
    gate: 'credentials',
    status: 'fail',
    cause: 'The principal behind the API key may not use API keys (bedrock:CallWithBearerToken)',
    fix: () =>
      'Allow bedrock:CallWithBearerToken for the IAM user (long-term key) or the role that generated the key ' +
      '(short-term key), or remove the Deny on it; or unset AWS_BEARER_TOKEN_BEDROCK and sign with IAM credentials.',
    sources: [
      'docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html',
      'github.com/aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock/issues/784'
    ]
  },
  // --- Region --------------------------------------------------------------------------------------
  {
    id: 'region-signature-scope',
    exceptions: ['InvalidSignatureException'],
    pattern: /Credential should be scoped to a valid region/i,
    gate: 'region',
    status: 'fail',
    cause: 'The request was signed for a region this endpoint does not accept',
    fix: ctx =>
      `Check the regions input and AWS_REGION: "${ctx.region}" must be a region where Amazon Bedrock runs.`
  },
  {
    id: 'credentials-bad-signature',
    exceptions: ['InvalidSignatureException'],
    pattern: /./,
    gate: 'credentials',
    status: 'fail',
    cause: 'AWS rejected the request signature',
    fix: () =>
      'The secret access key does not match the access key ID, or the runner clock is skewed by more than 5 minutes.'
  },
  // --- Model access (Marketplace entitlement, lifecycle, account-level blocks) --------------------------
  {
    id: 'payment-instrument',
    exceptions: ['AccessDeniedException', 'AccessDenied', 'ValidationException'],
    pattern: /INVALID_PAYMENT_INSTRUMENT|payment (instrument|method)/i,
    gate: 'model-access',
    status: 'fail',
    cause: 'The AWS Marketplace subscription cannot be charged to this account',
    fix: () =>
      'Not an IAM problem: add or repair a valid payment method (Billing and Cost Management → Payment preferences; ' +
      "an organisation's management account pays for its members), then retry after a few minutes.",
    sources: ['github.com/Tracer-Cloud/opensre/pull/1812']
  },
  {
    id: 'account-not-authorized',
    exceptions: ['AccessDeniedException', 'ValidationException'],
    pattern: /Your account is not authorized to invoke this API operation/i,
    gate: 'model-access',
    status: 'fail',
    cause: 'AWS does not let this account use the model here (an account-level restriction, not IAM)',
    fix: ctx =>
      `Check that model access is granted in ${ctx.region} (it is per region). If it is, the account itself is restricted: ` +
      'open an AWS Support case (Account and billing) or ask your AWS account team; no IAM policy changes this.',
    sources: [
      'github.com/aws-samples/amazon-bedrock-workshop/issues/100',
      'github.com/aws-samples/amazon-bedrock-workshop/issues/109',
      'github.com/aws-samples/amazon-bedrock-audio-summarizer/issues/3'
    ]
  },
  {
    id: 'account-operation-not-allowed',
    exceptions: ['ValidationException', 'AccessDeniedException'],
    pattern: /^Operation not allowed\.?$/i,
    gate: 'model-access',
    status: 'fail',
    cause: 'AWS does not allow this account to call Bedrock models (an account-level block, not IAM)',
    fix: () =>
      'Reported for new or flagged accounts pending verification: open an AWS Support case (Account and billing) or ask ' +
      'your AWS account team to lift it. No IAM policy, SCP or agreement changes this.',
    sources: [
      'github.com/aws/aws-cli/issues/8717',
      'github.com/langgenius/dify/issues/7488',
      'github.com/kirodotdev/Kiro/issues/11191'
    ]
  },
  {
    id: 'marketplace-permissions',
    exceptions: ['AccessDeniedException', 'AccessDenied'],
    pattern: /Model access is denied due to .*(AWS Marketplace actions|aws-marketplace:)/i,
    gate: 'model-access',
    status: 'fail',
    cause:
      'The model is not subscribed in this account, and this identity may not subscribe it (AWS Marketplace)',
    fix: () => MARKETPLACE_FIX
  },
  {
    id: 'marketplace-permissions',
    exceptions: ['AccessDeniedException', 'AccessDenied'],
    pattern: /not authorized to perform:? aws-marketplace:(\w+)/i,
    gate: 'model-access',
    status: 'fail',
    cause: 'This identity may not subscribe the model through AWS Marketplace',
    fix: () => MARKETPLACE_FIX
  },
  {
    id: 'no-model-access',
    exceptions: ['AccessDeniedException'],
    pattern: /You don.t have access to the model with the specified model ID/i,
    gate: 'model-access',
    status: 'fail',
    cause: 'The account has no access to this model in this region',
    fix: ctx =>
      `Enable the model for the account in ${ctx.region}: run with create-agreement: true (third-party models), or open ` +
      'the Bedrock model catalog there. If access is granted, an SCP or a model-restricting policy may hide it.'
  },
  {
    id: 'model-legacy',
    exceptions: ['AccessDeniedException', 'ResourceNotFoundException', 'ValidationException'],
    pattern: /marked by provider as Legacy/i,
    gate: 'model-access',
    status: 'fail',
    cause: 'Legacy model: access lapsed because the account has not used it recently',
    fix: () => 'Move to an active model (see the Bedrock model lifecycle page for the successor).'
  },
  {
    id: 'model-end-of-life',
    exceptions: ['ResourceNotFoundException', 'ValidationException', 'AccessDeniedException'],
    pattern: /reached the end of its life/i,
    gate: 'model-access',
    status: 'fail',
    cause: 'End-of-life model: it can no longer be invoked',
    fix: () => 'Move to an active model (see the Bedrock model lifecycle page for the successor).'
  },
  // --- Provider terms ------------------------------------------------------------------------------
  {
    id: 'use-case-missing',
    exceptions: ['ResourceNotFoundException', 'AccessDeniedException', 'ValidationException'],
    pattern: /use case details have not been submitted/i,
    gate: 'provider-terms',
    status: 'fail',
    cause: "Anthropic's use-case (first-time-use) form has not been submitted for this account",
    fix: () =>
      "Run the probe with create-agreement: true and use-case-form (once per account, or once in the organisation's " +
      'management account; again in opt-in regions), then allow up to 15 minutes.'
  },
  {
    id: 'provider-country-unsupported',
    exceptions: ['ValidationException', 'AccessDeniedException'],
    pattern: /not allowed from unsupported countries, regions, or territories/i,
    gate: 'provider-terms',
    status: 'fail',
    cause: "The provider does not serve requests from where this runner is (Anthropic's supported countries)",
    fix: () =>
      "Anthropic's terms allow use only from supported countries (anthropic.com/supported-countries), judged by where the " +
      'request comes from: run the job on a runner in a supported country, not only against a supported AWS region.',
    sources: [
      'github.com/aws-samples/generative-bi-using-rag/issues/361',
      'github.com/anthropics/claude-code/issues/2656'
    ]
  },
  // --- IAM permission ------------------------------------------------------------------------------
  {
    id: 'iam-scp-deny',
    exceptions: ['AccessDeniedException'],
    pattern:
      /not authorized to perform: (\S+) on resource: (\S+) with an explicit deny in a service control policy/i,
    gate: 'iam-permission',
    status: 'fail',
    cause: 'A service control policy (SCP) explicitly denies this call',
    fix: ctx =>
      `An IAM policy cannot override an SCP. Ask your AWS Organizations administrators to allow ${ctx.groups[0]} on ` +
      `${ctx.groups[1]} for this account (SCPs that restrict regions must allow every destination region of an inference profile).`
  },
  {
    id: 'iam-explicit-deny',
    exceptions: ['AccessDeniedException'],
    pattern:
      /not authorized to perform: (\S+) on resource: (\S+) with an explicit deny in an? ([\w -]+?) policy/i,
    gate: 'iam-permission',
    status: 'fail',
    cause: 'A policy explicitly denies this call',
    fix: ctx =>
      `Remove or narrow the Deny for ${ctx.groups[0]} on ${ctx.groups[1]} in the ${ctx.groups[2]} policy: an Allow ` +
      'cannot override an explicit Deny.'
  },
  {
    id: 'iam-no-allow',
    exceptions: ['AccessDeniedException'],
    pattern: /not authorized to perform: (\S+) on resource: (\S+) because no ([\w -]+?) policy allows/i,
    gate: 'iam-permission',
    status: 'fail',
    cause: 'No IAM policy allows this identity to invoke the model',
    fix: () =>
      'Allow the calls for this identity with the policy below (bedrock:InvokeModel covers Converse and InvokeModel, ' +
      'bedrock:InvokeModelWithResponseStream covers ConverseStream and InvokeModelWithResponseStream).'
  },
  {
    id: 'iam-denied',
    exceptions: ['AccessDeniedException', 'AccessDenied'],
    pattern: /./,
    gate: 'iam-permission',
    status: 'fail',
    cause: 'Access denied',
    fix: () =>
      'Either IAM does not allow bedrock:InvokeModel on this model (see the policy statement below) or the account has no ' +
      'access to the model: check both.'
  },
  // --- Region (model identifier) -------------------------------------------------------------------
  {
    id: 'on-demand-unsupported',
    exceptions: ['ValidationException'],
    pattern: /on-demand throughput isn.t supported|doesn.t support on-demand throughput/i,
    gate: 'region',
    status: 'fail',
    cause: 'This model cannot be invoked on demand by its base ID',
    fix: () =>
      'Call it through an inference profile that contains it (IDs below), and allow that profile ARN in IAM.'
  },
  {
    id: 'invalid-model-id',
    exceptions: ['ValidationException'],
    pattern: /provided model identifier is invalid/i,
    gate: 'region',
    status: 'fail',
    cause: 'Bedrock does not know this model ID in this region',
    fix: ctx =>
      `Check the ID with \`aws bedrock list-foundation-models --region ${ctx.region}\` (or list-inference-profiles); the model ` +
      'may not be offered in this region.'
  },
  {
    // The probe's own minimal request was refused for its shape (some models reject a sampling parameter):
    // nothing is known about access, and nothing about the account is to blame.
    id: 'probe-request-rejected',
    exceptions: ['ValidationException'],
    pattern:
      /doesn.t support the \w+ field|does not support (the )?(temperature|top_?p)|temperature|top_?p|max_?tokens|inferenceConfig/i,
    gate: 'iam-permission',
    status: 'skip',
    cause: "The model refused the probe's minimal request itself, not the account",
    fix: () =>
      'Not an access verdict: please report the message to bedrock-access-probe so the minimal request can be adapted ' +
      'to this model. Access could not be proven with a call.',
    sources: [
      'github.com/aws-samples/sample-kolya-br-proxy/pull/104',
      'github.com/aws-samples/sample-well-architected-skills-and-steering/pull/31',
      'github.com/mem0ai/mem0/pull/4147'
    ]
  },
  {
    id: 'not-text-model',
    exceptions: ['ValidationException'],
    pattern: /(doesn.t|does not) support the model|model (is )?not supported for this (action|operation)/i,
    gate: 'iam-permission',
    status: 'skip',
    cause: 'The model does not take Converse (not an access failure)',
    fix: () =>
      'Nothing to fix for access; the probe could not prove the IAM gate with a call for this model type.'
  },
  {
    id: 'model-not-found',
    exceptions: ['ResourceNotFoundException'],
    pattern: /./,
    gate: 'region',
    status: 'fail',
    cause: 'The model or profile was not found in this region',
    fix: ctx => `Check the ID and that it is offered in ${ctx.region}.`
  },
  // --- Not gates: the call got past authorization ---------------------------------------------------
  {
    id: 'quota-exceeded',
    exceptions: ['ServiceQuotaExceededException'],
    pattern: /./,
    gate: 'iam-permission',
    status: 'warn',
    cause: 'A service quota was exceeded after the request was authorized',
    fix: () => 'Access is in place; raise the quota (Service Quotas) or use a cross-region inference profile.'
  },
  {
    id: 'model-not-ready',
    exceptions: ['ModelNotReadyException', 'ServiceUnavailableException', 'ModelTimeoutException'],
    pattern: /./,
    gate: 'iam-permission',
    status: 'warn',
    cause: 'The model did not answer in time (not an access failure)',
    fix: () => 'Re-run the probe; if it persists, try another region or a cross-region inference profile.'
  }
]

export interface Diagnosis {
  entry: CatalogueEntry
  groups: string[]
}

/** Find the row for an AWS service answer; undefined for faults and for answers the catalogue does not know. */
export function diagnose(failure: AwsFailure): Diagnosis | undefined {
  for (const entry of CATALOGUE) {
    if (!entry.exceptions.includes('*') && !entry.exceptions.includes(failure.name)) continue
    if (entry.exceptions.includes('*') || failure.kind === 'service') {
      const match = entry.pattern.exec(failure.message)
      if (match) return { entry, groups: match.slice(1).map(group => group ?? '') }
    }
  }
  return undefined
}
