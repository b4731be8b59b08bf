/**
 * The credentials gate: is the caller authenticated, as whom? Decided once per run from how the identity was
 * established (src/aws/identity.ts); per check before any read (a short-term API key works in its own region
 * only), from the reads (credentials that stop working mid-run), and from a refused call that names it.
 */
import { isWorkingNow, type FixContext } from '../causes/index.js'
import { diagnose } from '../diagnosis/catalogue.js'
import type { ApiKeyInfo, AwsFailure, Evidence, IdentityEvidence, OidcClaims } from '../evidence.js'
import type { CredentialSource, GateResult, TrustPolicyStatement } from '../types.js'
import {
  controlPlaneAfterCall,
  faultGate,
  fromCatalogue,
  verdict,
  type AfterCall,
  type GateRules,
  type RunCredentials
} from './common.js'

const afterCallOnTheControlPlane = controlPlaneAfterCall('credentials', (e, { failure, diagnosis }) =>
  fromCatalogue(e, failure, diagnosis)
)

export const credentialsGate: GateRules = {
  name: 'credentials',
  fromEvidence: (e, run) => credentialsFromReads(e) ?? keyAcceptedByReads(e, run) ?? run.gate,
  afterCall: (e, before, after) =>
    // Credentials that end before the job are the job's trouble, whatever the call now proves.
    isWorkingNow(before.cause)
      ? before
      : (keyAcceptedByTheCall(before, after) ?? afterCallOnTheControlPlane(e, before, after))
}

/**
 * A Bedrock API key that a call refused at a later gate is proven all the same: Bedrock knew the key's principal
 * to refuse it an action, a model or a quota ("User: … is not authorized to perform: bedrock:CallWithBearerToken"),
 * and a request the model failed was authorized first.
 */
function keyAcceptedByTheCall(before: GateResult, after: AfterCall): GateResult | undefined {
  if (before.cause !== 'api-key-unproven') return undefined
  const refusedLater = after.refusal !== undefined && after.refusal.diagnosis.gate !== 'credentials'
  if (!refusedLater && after.authorizedThenStopped === undefined) return undefined
  return {
    status: 'pass',
    detail: `${before.detail.replace(/; only a Bedrock answer proves it$/, '')}; Bedrock recognised it (${refusedLater ? 'it refused the call at a later gate' : 'it authorized the call'})`
  }
}

export interface CredentialsPolicy {
  /** allowed-account-ids: the identity must be in one of these accounts. */
  allowedAccountIds?: string[]
  /** job-minutes: how long the workload will use these credentials, from now. */
  jobMinutes?: number
  now: Date
}

/**
 * The sources whose credentials end at a fixed time for the workload: a role session (GitHub OIDC; the workload's
 * configure-aws-credentials session does not renew either), keys exported into the environment. The others renew
 * themselves through the SDK (instance and container roles, a web-identity token file, a profile's role or SSO).
 */
const FIXED_END: ReadonlySet<CredentialSource> = new Set<CredentialSource>(['oidc-role', 'environment-keys'])

/**
 * Whether the run's credentials end at a fixed time for the workload, and when (undefined: not known): a role
 * session or keys in the environment, and a short-term Bedrock API key. false: they renew, or are not credentials.
 */
function fixedEndOf(evidence: IdentityEvidence): { end?: Date } | false {
  if (evidence.state === 'established' && FIXED_END.has(evidence.credentialSource))
    return evidence.expiresAt ? { end: evidence.expiresAt } : {}
  if (evidence.state === 'api-key' && evidence.key.kind === 'short-term')
    return { end: evidence.key.expiresAt }
  return false
}

/** job-minutes against the credentials' end: a verdict only when they would end before the job. */
export function outlivedBy(
  expiresAt: Date | undefined,
  source: 'role-session' | 'environment' | 'api-key',
  policy: CredentialsPolicy,
  roleArn?: string
): GateResult | undefined {
  if (expiresAt === undefined || policy.jobMinutes === undefined) return undefined
  const left = Math.floor((expiresAt.getTime() - policy.now.getTime()) / 60_000)
  if (left >= policy.jobMinutes) return undefined
  return verdict(
    'fail',
    'credentials-outlived',
    `The credentials end at ${expiresAt.toISOString()}, in ${Math.max(0, left)} min; the job needs them for ` +
      `${policy.jobMinutes} min (job-minutes)`,
    {
      ...NO_SUBJECT,
      ...(roleArn ? { roleArn } : {}),
      lifetime: { expiresAt: expiresAt.toISOString(), jobMinutes: policy.jobMinutes, source }
    }
  )
}

const NO_SUBJECT = { model: '', region: '' }

/** The run's verdict, from how the identity was established. */
export function decideCredentials(
  evidence: IdentityEvidence,
  policy: CredentialsPolicy = { now: new Date() }
): RunCredentials {
  switch (evidence.state) {
    case 'established':
      return decideEstablished(evidence, policy)
    case 'api-key':
      return decideApiKey(evidence.key, policy)
    case 'no-oidc-request':
      return closed(noTokenRequest(evidence.forkPullRequest))
    case 'token-failed':
      return closed(
        verdict(
          'warn',
          'oidc-token-unavailable',
          `Could not get a GitHub OIDC token: ${evidence.failure.message}`,
          NO_SUBJECT
        )
      )
    case 'assume-refused':
      return closed(assumeRefused(evidence))
    case 'idp-unreachable':
      return closed(
        verdict(
          'warn',
          'idp-unreachable',
          `AWS STS could not verify the GitHub OIDC token after retries: ${evidence.failure.name}: ${evidence.failure.message}`,
          NO_SUBJECT
        )
      )
    case 'assume-empty':
      return closed(
        verdict(
          'warn',
          'fault',
          'Could not be decided: AssumeRoleWithWebIdentity answered without credentials',
          NO_SUBJECT
        )
      )
    case 'caller-failed': {
      const gate = stsFailure(
        evidence.failure,
        'GetCallerIdentity',
        evidence.region ? { region: evidence.region } : {}
      )
      // A fault leaves the question open: later calls may still succeed and will tell.
      return { gate, usable: gate.status !== 'fail' }
    }
  }
}

/** Established: the account allowed-account-ids admits, and credentials that last the job (job-minutes). */
function decideEstablished(
  evidence: Extract<IdentityEvidence, { state: 'established' }>,
  policy: CredentialsPolicy
): RunCredentials {
  const { identity, source } = evidence
  const wrong = wrongAccount(identity.account, policy.allowedAccountIds)
  if (wrong) return closed(wrong)
  const fixed = fixedEndOf(evidence)
  const outlived = outlivedBy(
    fixed ? fixed.end : undefined,
    evidence.credentialSource === 'oidc-role' ? 'role-session' : 'environment',
    policy,
    evidence.credentialSource === 'oidc-role' ? roleOf(identity.arn) : undefined
  )
  // They work now: every other gate is still decided, by the reads and the calls.
  if (outlived) return { gate: outlived, usable: true, account: identity.account }
  return {
    gate: {
      status: 'pass',
      detail: `Authenticated as ${identity.arn} (account ${identity.account}) via ${source}`
    },
    usable: true,
    account: identity.account
  }
}

/** No OIDC token request is possible: a fork's pull request (GitHub gives it none), or no id-token permission. */
function noTokenRequest(forkPullRequest: boolean) {
  return forkPullRequest
    ? verdict(
        'warn',
        'fork-pull-request',
        'This pull request comes from a fork: GitHub gives fork pull requests no OIDC token, so role-to-assume cannot be used',
        NO_SUBJECT
      )
    : verdict(
        'fail',
        'oidc-no-token-permission',
        'No GitHub OIDC token is available to this job: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN ' +
          'are not set, which is what a job without `permissions: id-token: write` looks like',
        NO_SUBJECT
      )
}

/**
 * The credentials verdict of a check before any read: the run's, when no AWS call can succeed; a short-term API
 * key's, in a region it was not made for. undefined: the check goes on to read.
 */
export function credentialsBeforeReads(run: RunCredentials, region: string): GateResult | undefined {
  if (!run.usable) return run.gate
  const key = run.apiKey
  if (key?.kind !== 'short-term' || key.region === region) return undefined
  return verdict(
    'fail',
    'bearer-key-region',
    `The short-term Bedrock API key in AWS_BEARER_TOKEN_BEDROCK was made for ${key.region}; it works only there`,
    { model: '', region, keyRegion: key.region }
  )
}

/** A refused AssumeRoleWithWebIdentity: the catalogue's reading, the token's claims, and the statement that admits it. */
function assumeRefused({
  failure,
  roleArn,
  claims,
  region,
  durationSeconds
}: Extract<IdentityEvidence, { state: 'assume-refused' }>): GateResult {
  const aud = claims && (Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud)
  const oidcProvider = oidcProviderArn(roleArn, claims)
  const gate = stsFailure(failure, 'AssumeRoleWithWebIdentity', {
    roleArn,
    oidcProvider,
    ...(region ? { region } : {}),
    ...(claims ? { issuer: issuerOf(claims) } : {}),
    ...(aud ? { audience: aud } : {})
  })
  if (gate.status !== 'fail') return gate
  const hints = {
    roleArn,
    oidcProvider,
    ...(aud ? { audience: aud } : {}),
    ...(durationSeconds !== undefined ? { durationSeconds } : {})
  }
  if (!claims) return { ...gate, hints }
  return {
    ...gate,
    detail: `${gate.detail} — token claims: sub="${claims.sub ?? '?'}", aud="${aud ?? '?'}"`,
    // The statement that admits the token answers a trust-policy refusal; the other refusals are the provider's.
    hints: {
      ...hints,
      ...(gate.cause === 'oidc-trust-policy' ? { trustPolicy: trustPolicyStatement(roleArn, claims) } : {})
    }
  }
}

/** The IAM OIDC identity provider a trust policy names for this issuer, in the role's partition and account. */
function oidcProviderArn(roleArn: string, claims: OidcClaims | undefined): string {
  const [, partition, , , account] = roleArn.split(':')
  // issuerOf's default is github.com's issuer, the one a run without readable claims used.
  const provider = issuerOf(claims ?? {}).slice('https://'.length)
  return `arn:${partition}:iam::${account}:oidc-provider/${provider}`
}

/** allowed-account-ids, as aws-actions/configure-aws-credentials has it: the wrong account fails the gate. */
function wrongAccount(account: string, allowed: string[] | undefined): GateResult | undefined {
  if (!allowed || allowed.includes(account)) return undefined
  return verdict(
    'fail',
    'wrong-account',
    `The credentials belong to account ${account}, which is not in allowed-account-ids (${allowed.join(', ')})`,
    { ...NO_SUBJECT, account, allowedAccountIds: allowed }
  )
}

/**
 * A Bedrock API key (AWS_BEARER_TOKEN_BEDROCK, no role-to-assume). What can be known without a call is decided
 * here (an expired short-term key, the wrong account of a long-term key); the rest is proven by the Bedrock
 * calls themselves (the gate stays open to question, skip, until one gets through), and a refused key closes
 * the gate through the catalogue (bearer-key-invalid, bearer-not-permitted, bearer-denied-scp).
 */
function decideApiKey(key: ApiKeyInfo, policy: CredentialsPolicy): RunCredentials {
  const described = describeApiKeyInWords(key)
  if (key.kind === 'short-term' && key.expiresAt.getTime() <= policy.now.getTime()) {
    return closed(
      verdict(
        'fail',
        'bearer-key-expired',
        `AWS_BEARER_TOKEN_BEDROCK holds a short-term Bedrock API key that expired at ${key.expiresAt.toISOString()} (made ${key.issuedAt.toISOString()} for ${key.region})`,
        NO_SUBJECT
      )
    )
  }
  const outlived = key.kind === 'short-term' ? outlivedBy(key.expiresAt, 'api-key', policy) : undefined
  if (outlived) return { gate: outlived, usable: true, apiKey: key }
  if (key.kind === 'long-term') {
    const wrong = wrongAccount(key.account, policy.allowedAccountIds)
    if (wrong) return closed(wrong)
  } else if (policy.allowedAccountIds) {
    return {
      gate: verdict(
        'warn',
        'account-unverifiable',
        `Calls use ${described}, whose account cannot be read without STS, so allowed-account-ids could not be checked`,
        NO_SUBJECT
      ),
      usable: true,
      apiKey: key
    }
  }
  return {
    gate: {
      status: 'skip',
      cause: 'api-key-unproven',
      detail: `Calls use ${described} (AWS_BEARER_TOKEN_BEDROCK); only a Bedrock answer proves it`
    },
    usable: true,
    apiKey: key
  }
}

/** A short description for the report: never the key, never its secret. */
export function describeApiKeyInWords(info: ApiKeyInfo): string {
  switch (info.kind) {
    case 'short-term':
      return `a short-term Bedrock API key for ${info.region} (access key ${info.accessKeyId}, expires ${info.expiresAt.toISOString()})`
    case 'long-term':
      return `a long-term Bedrock API key (${info.keyName}, account ${info.account})`
    case 'unrecognised':
      return 'a Bedrock API key of a format the probe does not recognise'
  }
}

/** Without credentials from the role, nothing else can be called. */
function closed(gate: GateResult): RunCredentials {
  return { gate, usable: false }
}

/** The credentials gate for a failed STS call: a catalogue row when one matches, else a fault. */
export function stsFailure(
  failure: AwsFailure,
  operation: string,
  role: Partial<Pick<FixContext, 'issuer' | 'oidcProvider' | 'audience' | 'roleArn' | 'region'>> = {}
): GateResult {
  const diagnosis = failure.kind === 'service' ? diagnose(failure) : undefined
  if (diagnosis) {
    const gate = fromCatalogue({ ...NO_SUBJECT, ...role }, failure, diagnosis)
    // A refusal by STS is about the credentials, whatever else the row says.
    return diagnosis.gate === 'credentials' || diagnosis.gate === 'region'
      ? gate
      : { ...gate, status: 'fail' }
  }
  if (failure.kind === 'service')
    return verdict(
      'fail',
      'sts-refused',
      `${operation} was refused: ${failure.name}: ${failure.message}`,
      NO_SUBJECT
    )
  return faultGate(operation, failure)
}

/** Credentials that stop working mid-run (ExpiredToken on a read) close the credentials gate for this check. */
function credentialsFromReads(e: Evidence): GateResult | undefined {
  for (const read of [e.profile, e.availability, e.details]) {
    // A refused API key answers 403 AccessDenied: a denied read may be about the credentials, not the read.
    if (read.state !== 'failed' && read.state !== 'denied') continue
    const diagnosis = diagnose(read.failure)
    if (diagnosis?.gate === 'credentials') return fromCatalogue(e, read.failure, diagnosis)
  }
  return undefined
}

/**
 * A Bedrock API key that a control-plane read accepted is proven, even when no call is made (invoke: false); so is
 * one a read was refused an action to (a row of the IAM-permission gate): IAM evaluated the key's principal, so
 * Bedrock knew who it was.
 */
function keyAcceptedByReads(e: Evidence, run: RunCredentials): GateResult | undefined {
  if (run.gate.cause !== 'api-key-unproven' || !run.apiKey) return undefined
  const recognised = [e.profile, e.availability, e.details].some(
    read =>
      read.state === 'ok' ||
      ((read.state === 'denied' || read.state === 'failed') &&
        diagnose(read.failure)?.gate === 'iam-permission')
  )
  return recognised
    ? {
        status: 'pass',
        detail: `Calls use ${describeApiKeyInWords(run.apiKey)} (AWS_BEARER_TOKEN_BEDROCK); Bedrock recognised it`
      }
    : undefined
}

/**
 * The token's issuer: https://token.actions.githubusercontent.com on github.com, another host on GHE.com, or with
 * a path for an enterprise's custom issuer. The IAM OIDC provider and the trust policy's condition keys are
 * named after it (without the scheme).
 */
function issuerOf(claims: OidcClaims): string {
  return claims.iss?.startsWith('https://')
    ? claims.iss.replace(/\/+$/, '')
    : 'https://token.actions.githubusercontent.com'
}

/** The trust-policy statement that would admit the token the workflow presented. */
export function trustPolicyStatement(roleArn: string, claims: OidcClaims): TrustPolicyStatement {
  const provider = issuerOf(claims).slice('https://'.length)
  return {
    Effect: 'Allow',
    Principal: { Federated: oidcProviderArn(roleArn, claims) },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${provider}:aud`]: Array.isArray(claims.aud) ? claims.aud[0] : claims.aud },
      StringLike: { [`${provider}:sub`]: claims.sub }
    }
  }
}

/** arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION → arn:aws:iam::ACCOUNT:role/ROLE, for the update-role command. */
function roleOf(sessionArn: string): string | undefined {
  const match = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(sessionArn)
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : undefined
}

/**
 * What the report says of the credentials' end, when they end at a fixed time (a role session, keys in the
 * environment, a short-term API key): without job-minutes, when (a job that outlives them fails with
 * ExpiredToken); with it, that it could not be checked when that end is not known (the verdict is the gate's).
 */
export function credentialsEndNote(
  evidence: IdentityEvidence,
  now: Date,
  jobMinutes?: number
): string | undefined {
  const fixed = fixedEndOf(evidence)
  if (!fixed) return undefined
  const end = fixed.end
  if (jobMinutes !== undefined) {
    if (end !== undefined) return undefined
    return (
      "job-minutes could not be checked: these credentials' end is not known (keys in the environment say it " +
      'with AWS_CREDENTIAL_EXPIRATION, which the step that exported them may set).'
    )
  }
  if (end === undefined) return undefined
  const minutes = Math.max(0, Math.floor((end.getTime() - now.getTime()) / 60_000))
  return (
    `The credentials end at ${end.toISOString()} (in ${minutes} min): a job that uses them longer fails with ` +
    'ExpiredToken. Set job-minutes to check that they last the job.'
  )
}
