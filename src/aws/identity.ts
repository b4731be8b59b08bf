/**
 * The run's AWS identity, established once. With role-to-assume: GitHub OIDC token → STS
 * AssumeRoleWithWebIdentity; without: the SDK's default chain (env, profile, web-identity file, container
 * or instance role). Then one GetCallerIdentity. Every secret is masked the moment it exists.
 * What happened is returned as evidence; the credentials gate (src/gates/credentials.ts) decides from it.
 */
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { readFileSync } from 'node:fs'
import { defaultProvider } from '@aws-sdk/credential-provider-node'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { realClock, type Clock } from '../support/clock.js'
import type { IdentityEvidence, OidcClaims } from '../evidence.js'
import { CREDENTIAL_SOURCE_WORDS, type CallerIdentity, type CredentialSource } from '../types.js'
import { describeApiKey } from './bedrock-api-key.js'
import { withDeadline } from '../support/deadline.js'
import { oneLine } from '../support/text.js'
import type { AwsFailure } from '../evidence.js'
import { describeAwsError } from './failure.js'
import type { AwsClients } from './clients.js'

export interface IdentityDeps {
  /** The GitHub OIDC token for an audience (@actions/core's getIDToken); none outside GitHub Actions. */
  getIDToken?: (audience: string) => Promise<string>
  setSecret: (secret: string) => void
  env: NodeJS.ProcessEnv
  /** Sleeps between retries (injected so tests are instant). */
  clock?: Clock
  /**
   * Told the signing clients as soon as they exist: before GetCallerIdentity answers (the default chain), or
   * before the role session exists (role-to-assume: their requests wait for it). The checks use them from then on
   * (src/probe.ts starts them once the identity request's connection is open).
   */
  onSigningClients?: (clients: AwsClients) => void
}

/**
 * The inline session policy sent with AssumeRoleWithWebIdentity when create-agreement is false. A session's
 * permissions are the intersection of the role's policies and the session policy (IAM user guide, "Permissions
 * for AssumeRole, AssumeRoleWithSAML, and AssumeRoleWithWebIdentity"): the Allow keeps whatever the role
 * allows, and cannot add to it; the Deny removes every action that changes the account's model access, so the
 * probe's first call can never subscribe the account or accept a provider's terms, even if its logic erred.
 */
export const NO_ACCOUNT_CHANGES_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'KeepTheRolePermissions', Effect: 'Allow', Action: '*', Resource: '*' },
    {
      Sid: 'ProbeNeverChangesTheAccount',
      Effect: 'Deny',
      Action: [
        'aws-marketplace:Subscribe',
        'aws-marketplace:Unsubscribe',
        'bedrock:CreateFoundationModelAgreement',
        'bedrock:DeleteFoundationModelAgreement',
        'bedrock:PutUseCaseForModelAccess'
      ],
      Resource: '*'
    }
  ]
})

/**
 * The session policy of the management role (management-role-to-assume): that session is for the Anthropic
 * use-case form and nothing else, so it may read the form, and submit it only when the run may change accounts.
 * A session policy only narrows what the role allows (see NO_ACCOUNT_CHANGES_POLICY).
 */
export function useCaseFormOnlyPolicy(mayChangeTheAccount: boolean): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'TheUseCaseFormOnly',
        Effect: 'Allow',
        Action: [
          'bedrock:GetUseCaseForModelAccess',
          ...(mayChangeTheAccount ? ['bedrock:PutUseCaseForModelAccess'] : [])
        ],
        Resource: '*'
      }
    ]
  })
}

/** The management role's session name: the run's, marked as the form's, within STS's 64 characters. */
export function managementSessionName(roleSessionName: string): string {
  return `${roleSessionName.slice(0, 64 - '-use-case-form'.length)}-use-case-form`
}

/**
 * management-role-to-assume: a second session through GitHub OIDC, in the management account, for the use-case
 * form only (its own session name, the form-only session policy). Who it is comes from AssumeRoleWithWebIdentity's
 * answer; a refusal is evidence of its own, never the member's.
 */
export async function managementRoleSession(
  settings: IdentitySettings & { mayChangeTheAccount: boolean },
  roleArn: string,
  baseClients: AwsClients,
  deps: IdentityDeps
): Promise<IdentityStep> {
  const session = {
    ...settings,
    roleSessionName: managementSessionName(settings.roleSessionName),
    sessionPolicy: useCaseFormOnlyPolicy(settings.mayChangeTheAccount)
  }
  const { clients, assumed } = roleSession(session, roleArn, baseClients, deps)
  const result = await assumed
  if ('evidence' in result) return { evidence: result.evidence, clients: baseClients }
  const caller = result.caller ?? { account: roleArn.split(':')[4] ?? '', arn: roleArn }
  return {
    evidence: established(
      { Account: caller.account, Arn: caller.arn, UserId: caller.userId },
      `OIDC → ${roleArn}`,
      'oidc-role'
    ),
    clients
  }
}

/** Attempts at the GitHub OIDC token, and at AssumeRoleWithWebIdentity while STS cannot reach GitHub's keys. */
export const OIDC_ATTEMPTS = 5
export const ASSUME_ROLE_ATTEMPTS = 3
/** Full-jitter exponential backoff base, as aws-actions/configure-aws-credentials retries its token request. */
const BACKOFF_BASE_MS = 250

/** What establishing the identity needs to know of the inputs. */
export interface IdentitySettings {
  /** STS is called in this region (the first probed one). */
  region: string
  roleToAssume?: string
  audience: string
  roleSessionName: string
  roleDurationSeconds: number
  requestTimeoutMs: number
  /** An inline session policy for the assumed role (NO_ACCOUNT_CHANGES_POLICY unless create-agreement). */
  sessionPolicy?: string
  /** A named profile for the default chain (the CLI's --profile); else AWS_PROFILE, then default. */
  profile?: string
  /**
   * AWS_BEARER_TOKEN_BEDROCK, when set. Without role-to-assume the SDK sends it to Bedrock (bearer auth), as the
   * workload's SDK will, and STS (which takes no API key) is not called; with role-to-assume it is not used.
   */
  apiKey?: string
}

export interface IdentityStep {
  evidence: IdentityEvidence
  /** Clients that sign with the established credentials (the unsigned base clients when none were had). */
  clients: AwsClients
}

export async function establishIdentity(
  settings: IdentitySettings,
  baseClients: AwsClients,
  deps: IdentityDeps
): Promise<IdentityStep> {
  if (settings.roleToAssume) return withOidcRole(settings, settings.roleToAssume, baseClients, deps)
  if (settings.apiKey !== undefined) {
    // The key is the workload's credential: the SDK's Bedrock clients send it (bearer) as they will for the job.
    deps.setSecret(settings.apiKey)
    return { evidence: { state: 'api-key', key: describeApiKey(settings.apiKey) }, clients: baseClients }
  }
  return withDefaultChain(settings, baseClients, deps)
}

/** role-to-assume: a session of the role through GitHub OIDC, then who it is (from the answer itself). */
async function withOidcRole(
  settings: IdentitySettings,
  roleArn: string,
  baseClients: AwsClients,
  deps: IdentityDeps
): Promise<IdentityStep> {
  const { clients, assumed } = roleSession(settings, roleArn, baseClients, deps)
  deps.onSigningClients?.(clients)
  const session = await assumed
  if ('evidence' in session) return { evidence: session.evidence, clients: baseClients }
  const source = `OIDC → ${roleArn}`
  // The session's end, as STS answered it (AssumeRoleWithWebIdentity's Credentials.Expiration).
  const expiresAt = session.credentials.expiration
  if (!session.caller?.account) {
    const step = await callerIdentity(clients, settings.region, source, 'oidc-role')
    return step.evidence.state === 'established' && expiresAt
      ? { ...step, evidence: { ...step.evidence, expiresAt } }
      : step
  }
  const { account, arn, userId } = session.caller
  return {
    evidence: established({ Account: account, Arn: arn, UserId: userId }, source, 'oidc-role', expiresAt),
    clients
  }
}

/**
 * Clients signed by a role session through GitHub OIDC, before the session exists: a request built meanwhile
 * (endpoint, serialisation) waits only for its signature, so the checks' preparation overlaps the OIDC token and
 * AssumeRoleWithWebIdentity. The session renews itself before it expires.
 */
function roleSession(
  settings: IdentitySettings,
  roleArn: string,
  baseClients: AwsClients,
  deps: IdentityDeps
): { clients: AwsClients; assumed: Promise<AssumedRole | { evidence: IdentityEvidence }> } {
  const assumed = assumeRoleWithOidc(settings, roleArn, baseClients, deps)
  const provider = assumed.then(first =>
    'evidence' in first
      ? undefined
      : renewingProvider(first.credentials, async () => {
          const renewed = await assumeRoleWithOidc(settings, roleArn, baseClients, deps)
          if ('evidence' in renewed) {
            const why =
              'failure' in renewed.evidence ? renewed.evidence.failure.message : renewed.evidence.state
            throw new Error(`Renewing the role session failed: ${why}`)
          }
          return renewed.credentials
        })
  )
  const clients = baseClients.withCredentials(
    async options => {
      const session = await provider
      if (!session)
        throw new Error('No role session: the role could not be assumed (see the credentials gate)')
      return session(options)
    },
    // The role is what was asked for: a Bedrock API key in the environment must not take over its calls.
    { sigv4Only: settings.apiKey !== undefined }
  )
  return { clients, assumed }
}

/** The SDK's default chain, one memoised provider for every client (so any instance-metadata call runs once). */
async function withDefaultChain(
  settings: IdentitySettings,
  baseClients: AwsClients,
  deps: IdentityDeps
): Promise<IdentityStep> {
  const profile = settings.profile
  let resolvedFrom: CredentialSource | undefined
  let expiresAt: Date | undefined
  const clients = baseClients.withCredentials(
    maskingProvider(defaultProvider(profile ? { profile } : {}), deps.setSecret, (found, expiration) => {
      resolvedFrom = found
      expiresAt = expiration
    })
  )
  deps.onSigningClients?.(clients)
  const step = await callerIdentity(clients, settings.region, '', 'instance-role')
  if (step.evidence.state !== 'established') return step
  const credentialSource = resolvedFrom ?? sourceFromEnvironment(deps.env, profile)
  const source = `${CREDENTIAL_SOURCE_WORDS[credentialSource]}${profile ? ` ${profile}` : ''}`
  return {
    ...step,
    evidence: { ...step.evidence, source, credentialSource, ...(expiresAt ? { expiresAt } : {}) }
  }
}

/** GetCallerIdentity with these clients: who signs with them. */
async function callerIdentity(
  clients: AwsClients,
  region: string,
  source: string,
  credentialSource: CredentialSource
): Promise<IdentityStep> {
  const outcome = await clients.send(STSClient, region, new GetCallerIdentityCommand({}))
  if (!outcome.ok) return { evidence: { state: 'caller-failed', failure: outcome.failure, region }, clients }
  return { evidence: established(outcome.value, source, credentialSource), clients }
}

function established(
  caller: { Account?: string; Arn?: string; UserId?: string },
  source: string,
  credentialSource: CredentialSource,
  expiresAt?: Date
): IdentityEvidence {
  return {
    state: 'established',
    identity: { account: caller.Account ?? '', arn: caller.Arn ?? '', userId: caller.UserId },
    source,
    credentialSource,
    ...(expiresAt ? { expiresAt } : {})
  }
}

/**
 * Which link of the default chain produced the credentials: the SDK marks them ($source, one feature per
 * provider, set by @aws-sdk/credential-provider-*), and the instance-metadata provider marks nothing.
 */
export function sourceFromFeatures(
  features: Record<string, unknown> | undefined
): CredentialSource | undefined {
  const names = Object.keys(features ?? {})
  if (names.length === 0) return undefined
  if (names.some(name => name.includes('STS_WEB_ID_TOKEN') && !name.includes('PROFILE')))
    return 'web-identity-file'
  if (names.some(name => name.startsWith('CREDENTIALS_PROFILE') || /SSO|PROCESS|LOGIN/.test(name)))
    return 'profile'
  if (names.includes('CREDENTIALS_ENV_VARS')) return 'environment-keys'
  if (names.includes('CREDENTIALS_HTTP')) return 'container-role'
  if (names.includes('CREDENTIALS_IMDS')) return 'instance-role'
  return undefined
}

/** The chain's order (environment, profile, web identity, container, instance), read from the environment. */
export function sourceFromEnvironment(env: NodeJS.ProcessEnv, profile?: string): CredentialSource {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return 'environment-keys'
  if (profile || env.AWS_PROFILE) return 'profile'
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) return 'web-identity-file'
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI)
    return 'container-role'
  return 'instance-role'
}

/** A role session: its credentials, and the identity AssumeRoleWithWebIdentity answered with. */
interface AssumedRole {
  credentials: AwsCredentialIdentity
  caller?: CallerIdentity
}

async function assumeRoleWithOidc(
  settings: IdentitySettings,
  roleArn: string,
  baseClients: AwsClients,
  deps: IdentityDeps
): Promise<AssumedRole | { evidence: IdentityEvidence }> {
  const token = await oidcToken(settings, deps)
  if ('evidence' in token) return token
  const outcome = await withRetries(
    ASSUME_ROLE_ATTEMPTS,
    deps.clock ?? realClock,
    () =>
      baseClients.send(
        STSClient,
        settings.region,
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn,
          RoleSessionName: settings.roleSessionName,
          WebIdentityToken: token.token,
          DurationSeconds: settings.roleDurationSeconds,
          ...(settings.sessionPolicy ? { Policy: settings.sessionPolicy } : {})
        })
      ),
    result => !result.ok && stsCannotReachIdp(result.failure)
  )
  if (!outcome.ok && stsCannotReachIdp(outcome.failure))
    return { evidence: { state: 'idp-unreachable', failure: outcome.failure } }
  if (!outcome.ok) {
    const claims = decodeClaims(token.token)
    return {
      evidence: {
        state: 'assume-refused',
        failure: outcome.failure,
        roleArn,
        region: settings.region,
        durationSeconds: settings.roleDurationSeconds,
        ...(claims ? { claims } : {})
      }
    }
  }
  const creds = outcome.value.Credentials
  if (!creds?.AccessKeyId || !creds.SecretAccessKey) return { evidence: { state: 'assume-empty' } }
  for (const secret of [creds.AccessKeyId, creds.SecretAccessKey, creds.SessionToken])
    if (secret) deps.setSecret(secret)
  const user = outcome.value.AssumedRoleUser
  return {
    // The session's identity is in the answer (AssumedRoleUser.Arn: arn:PARTITION:sts::ACCOUNT:assumed-role/…),
    // so no GetCallerIdentity round trip follows.
    ...(user?.Arn
      ? { caller: { account: user.Arn.split(':')[4] ?? '', arn: user.Arn, userId: user.AssumedRoleId } }
      : {}),
    credentials: {
      accessKeyId: creds.AccessKeyId,
      secretAccessKey: creds.SecretAccessKey,
      sessionToken: creds.SessionToken,
      expiration: creds.Expiration
    }
  }
}

/** The workflow's GitHub OIDC token (masked), retried while GitHub's token service fails transiently. */
async function oidcToken(
  settings: IdentitySettings,
  deps: IdentityDeps
): Promise<{ token: string } | { evidence: IdentityEvidence }> {
  const getIDToken = deps.getIDToken
  if (!getIDToken || !deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    return { evidence: { state: 'no-oidc-request', forkPullRequest: isForkPullRequest(deps.env) } }
  const fetched = await withRetries(
    OIDC_ATTEMPTS,
    deps.clock ?? realClock,
    async () => {
      try {
        const request = getIDToken(settings.audience)
        const token = await withDeadline(
          request,
          settings.requestTimeoutMs * 3,
          'the GitHub OIDC token request'
        )
        return { ok: true as const, token }
      } catch (error) {
        return { ok: false as const, failure: describeAwsError(error) }
      }
    },
    result => !result.ok && tokenFailureIsTransient(result.failure)
  )
  if (!fetched.ok) return { evidence: { state: 'token-failed', failure: fetched.failure } }
  deps.setSecret(fetched.token)
  return { token: fetched.token }
}

/**
 * Whether this run is a pull request from a fork (the event payload's head repository is not the base one):
 * GitHub gives such runs no OIDC token and no secrets, whatever the workflow's permissions say.
 */
function isForkPullRequest(env: NodeJS.ProcessEnv): boolean {
  if (!env.GITHUB_EVENT_NAME?.startsWith('pull_request') || !env.GITHUB_EVENT_PATH) return false
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: {
        head?: { repo?: { full_name?: string; fork?: boolean } }
        base?: { repo?: { full_name?: string } }
      }
    }
    const head = event.pull_request?.head?.repo
    const base = event.pull_request?.base?.repo
    return (
      head?.fork === true || (!!head?.full_name && !!base?.full_name && head.full_name !== base.full_name)
    )
  } catch {
    return false
  }
}

/**
 * A token request worth retrying: GitHub answered 5xx, or the request never got an answer (the toolkit itself
 * retries only 502/503/504). A 4xx will not change on retry. The toolkit reports the status only in its message
 * ("Failed to get ID Token. Error Code : 403"): it is read there, and nowhere else.
 */
function tokenFailureIsTransient(failure: AwsFailure): boolean {
  if (failure.kind === 'timeout' || failure.kind === 'cancelled') return false
  const status = /Error Code\s*:\s*(\d{3})/.exec(failure.message)?.[1]
  return status === undefined || Number(status) >= 500
}

/**
 * STS could not fetch GitHub's signing keys: IDPCommunicationError ("often a transient error caused by network
 * conditions. Try the request again", STS API reference), and InvalidIdentityToken "Couldn't retrieve
 * verification key from your identity provider", which the AWS SDKs' web-identity providers also retry.
 */
function stsCannotReachIdp(failure: AwsFailure): boolean {
  if (failure.kind !== 'service') return false
  if (/^IDPCommunicationError(Exception)?$/.test(failure.name)) return true
  return (
    /^InvalidIdentityToken(Exception)?$/.test(failure.name) &&
    /retrieve verification key/i.test(failure.message)
  )
}

/** Run `attempt` up to `attempts` times while `retry` says so, sleeping a full-jitter exponential backoff between. */
async function withRetries<T>(
  attempts: number,
  clock: Clock,
  attempt: () => Promise<T>,
  retry: (result: T) => boolean
): Promise<T> {
  let result = await attempt()
  for (let made = 1; made < attempts && retry(result); made++) {
    await clock.sleep(Math.random() * BACKOFF_BASE_MS * 2 ** (made - 1))
    result = await attempt()
  }
  return result
}

/** The JWT payload's claims (never the token itself), to explain a trust-policy refusal. */
export function decodeClaims(token: string): OidcClaims | undefined {
  const payload = token.split('.')[1]
  if (!payload) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    const pick = (key: string) =>
      typeof claims[key] === 'string' ? oneLine(claims[key] as string, 300) : undefined
    const aud = Array.isArray(claims.aud)
      ? claims.aud.filter(a => typeof a === 'string').map(a => oneLine(a, 200))
      : pick('aud')
    return {
      sub: pick('sub'),
      aud,
      iss: pick('iss'),
      repository: pick('repository'),
      ref: pick('ref'),
      environment: pick('environment'),
      job_workflow_ref: pick('job_workflow_ref')
    }
  } catch {
    return undefined
  }
}

/** Renew this long before the session expires. */
export const RENEW_BEFORE_MS = 5 * 60_000

/**
 * The assumed-role session as a provider that renews itself (a new OIDC token, a new AssumeRole) shortly
 * before it expires: a bootstrap run may wait longer than role-duration-seconds.
 */
export function renewingProvider(
  first: AwsCredentialIdentity,
  renew: () => Promise<AwsCredentialIdentity>,
  now: () => number = Date.now
): AwsCredentialIdentityProvider {
  let current = first
  let renewal: Promise<AwsCredentialIdentity> | undefined
  return async () => {
    const expiresAt = current.expiration?.getTime()
    if (expiresAt === undefined || expiresAt - now() > RENEW_BEFORE_MS) return current
    renewal ??= renew()
      .then(identity => (current = identity))
      .finally(() => (renewal = undefined))
    return renewal
  }
}

/**
 * Wrap a provider so every credential it yields is masked before anything can print it, and say which link of
 * the chain yielded it.
 */
function maskingProvider(
  provider: AwsCredentialIdentityProvider,
  setSecret: (secret: string) => void,
  onSource: (source: CredentialSource | undefined, expiration: Date | undefined) => void
): AwsCredentialIdentityProvider {
  const masked = new Set<string>()
  return async options => {
    const identity = await provider(options)
    onSource(
      sourceFromFeatures((identity as { $source?: Record<string, unknown> }).$source),
      identity.expiration
    )
    for (const secret of [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken]) {
      if (secret && !masked.has(secret)) {
        masked.add(secret)
        setSecret(secret)
      }
    }
    return identity
  }
}
