/**
 * The engine shared by the action and the CLI: credentials once, the use-case form once, then every
 * model × region check concurrently (bounded), then cross-check hints. Never throws for AWS trouble:
 * every fault ends up in a check's gates, and the run always yields a report.
 */
import { AwsClients } from './aws/clients.js'
import { describeProxy } from './aws/proxy.js'
import { watchNextConnection } from './aws/connection.js'
import { establishIdentity, NO_ACCOUNT_CHANGES_POLICY, type IdentityDeps } from './aws/identity.js'
import type { IdentityEvidence } from './evidence.js'
import type { Bootstrapper } from './bootstrap.js'
import { cancellable, realClock, type Clock } from './clock.js'
import { combinedPolicy } from './diagnosis/iam-policy.js'
import { apiKeyRegionMismatch, decideCredentials } from './gates/credentials.js'
import { API_KEY_VARIABLE } from './aws/bedrock-api-key.js'
import { withRegionHints } from './hints.js'
import { DEFAULT_BOOTSTRAP_WAIT_SECONDS, type ProbeInputs } from './inputs.js'
import type { Logger } from './logger.js'
import { baseModelGuessOf, isAnthropicModel } from './model-id.js'
import { redact } from './report/redact.js'
import { buildReport } from './report/verdict.js'
import type { ExportableCredentials, ProbeOutcome } from './types.js'

/** Said in the report when role-to-assume wins over an API key in the environment. */
export const API_KEY_UNUSED =
  'AWS_BEARER_TOKEN_BEDROCK is set but was not used: role-to-assume was given, so every call was signed (SigV4) ' +
  'with the role. A later step that keeps the variable set will call Bedrock with the key instead: unset it there, ' +
  'or probe without role-to-assume to test the key.'

export interface ProbeDeps extends IdentityDeps {
  clock?: Clock
  log: Logger
  /** Aborted on SIGINT/SIGTERM: calls in flight end as cancelled, and the report says so. */
  cancel?: AbortSignal
}

export async function runProbe(inputs: ProbeInputs, deps: ProbeDeps): Promise<ProbeOutcome> {
  const clock = cancellable(deps.clock ?? realClock, deps.cancel)
  const startedAt = clock.now()
  const waitSeconds = inputs.waitTimeoutSeconds ?? DEFAULT_BOOTSTRAP_WAIT_SECONDS
  const waitBudgetMs = inputs.createAgreement ? waitSeconds * 1000 : 0
  const deadline = AbortSignal.timeout(inputs.timeoutMs + waitBudgetMs)
  const baseClients = new AwsClients({
    requestTimeoutMs: inputs.requestTimeoutMs,
    signal: deadline,
    ...(deps.cancel ? { cancel: deps.cancel } : {}),
    // The tunnel's code is loaded only for a run behind a proxy.
    ...(inputs.proxy
      ? {
          proxy: {
            agent: new (await import('./aws/proxy-agent.js')).ProxyRoutingAgent(inputs.proxy),
            label: describeProxy(inputs.proxy.url)
          }
        }
      : {})
  })
  let clients = baseClients
  const apiKey = deps.env[API_KEY_VARIABLE]?.trim() || undefined
  try {
    // Calls go out with the reads unless the account may change (bootstrap) or must be checked first
    // (allowed-account-ids). The checks also start with the identity step instead of after it (with
    // GetCallerIdentity, or while the role is assumed, their requests waiting for the session) unless an API key's
    // region must be read first: the credentials verdict is needed only when a check decides.
    const callsWithReads = !inputs.createAgreement && !inputs.allowedAccountIds
    const startWithIdentity = callsWithReads && apiKey === undefined
    let signingClients: ((clients: AwsClients) => void) | undefined
    const early = new Promise<AwsClients>(resolve => (signingClients = resolve))
    // The identity request goes out first; the checks' code (and the Bedrock SDK clients with it) loads once that
    // request's connection is open (or the identity step ended without one), while its answer is awaited.
    const identityConnection = watchNextConnection()
    const identityStep = establishIdentity(
      {
        region: inputs.pairs[0]!.region,
        roleToAssume: inputs.roleToAssume,
        audience: inputs.audience,
        roleSessionName: inputs.roleSessionName,
        roleDurationSeconds: inputs.roleDurationSeconds,
        requestTimeoutMs: inputs.requestTimeoutMs,
        ...(inputs.createAgreement ? {} : { sessionPolicy: NO_ACCOUNT_CHANGES_POLICY }),
        ...(inputs.profile ? { profile: inputs.profile } : {}),
        ...(apiKey !== undefined ? { apiKey } : {})
      },
      baseClients,
      { ...deps, clock, ...(startWithIdentity ? { onSigningClients: signingClients } : {}) }
    )
    await Promise.race([identityConnection.ready, identityStep]).finally(identityConnection.stop)
    const checksCode = Promise.all([import('./check.js'), import('./bootstrap.js')])
    const decided = identityStep.then(identity => {
      const credentials = decideCredentials(identity.evidence, {
        ...(inputs.allowedAccountIds ? { allowedAccountIds: inputs.allowedAccountIds } : {}),
        now: new Date(clock.now())
      })
      return { identity, credentials }
    })
    const [
      { checkPair, credentialsClosedCheck, memoizedProfileListing, memoizedProfileLookup },
      { Bootstrapper }
    ] = await checksCode
    // Decided before any check starts, when the checks may not start with the identity step.
    const settled = startWithIdentity ? undefined : await decided
    clients = settled
      ? settled.identity.clients
      : await Promise.race([early, identityStep.then(step => step.clients)])
    const credentialsForChecks = decided.then(({ identity, credentials }) => {
      const evidence = identity.evidence
      return {
        gate: credentials.gate,
        usable: credentials.usable,
        ...(evidence.state === 'established' ? { account: evidence.identity.account } : {})
      }
    })
    const log = maskingLogWhenKnown(deps, inputs.maskAccountId, decided)
    void decided.then(({ credentials }) =>
      log.info(`Credentials: ${credentials.gate.status} — ${credentials.gate.detail}`)
    )

    let bootstrapper: Bootstrapper | undefined
    if (inputs.createAgreement && (await decided).credentials.usable) {
      bootstrapper = new Bootstrapper(clients, clock, log)
      await bootstrapper.ensureUseCaseForm(anthropicRegions(inputs), inputs.useCaseForm)
    } else if (inputs.useCaseForm && !inputs.createAgreement) {
      log.warning('use-case-form is only submitted with create-agreement: true; ignoring it.')
    }

    const context = {
      clients,
      credentials: credentialsForChecks,
      invoke: inputs.invoke,
      calls: inputs.calls,
      // Where the agreement state cannot be read, a call may accept a provider's terms: only when create-agreement
      // consented to that, or when role-to-assume's session policy denies subscribing so IAM prevents it.
      termsGuarded: inputs.createAgreement || inputs.roleToAssume !== undefined,
      speculate: callsWithReads,
      ...(bootstrapper ? { bootstrap: { bootstrapper, waitSeconds } } : {}),
      clock,
      profileLookup: memoizedProfileLookup(clients),
      ...(inputs.listsInferenceProfiles ? { profileListing: memoizedProfileListing(clients) } : {})
    }
    // A short-term API key works in its own region only; credentials already known to be closed (no OIDC token,
    // an expired key…) make no AWS call at all.
    const apiKeyInfo =
      settled?.identity.evidence.state === 'api-key' ? settled.identity.evidence.key : undefined
    const closedBefore = settled?.credentials
    // Every check at once: the AWS clients bound the requests in flight per region (src/aws/clients.ts).
    const checked = await Promise.all(
      inputs.pairs.map(async pair => {
        const keyElsewhere = apiKeyInfo && apiKeyRegionMismatch(apiKeyInfo, pair.region)
        const check = keyElsewhere
          ? credentialsClosedCheck(pair, keyElsewhere)
          : closedBefore && !closedBefore.usable
            ? credentialsClosedCheck(pair, closedBefore.gate)
            : await checkPair(pair, context)
        log.info(`${check.result.toUpperCase()} ${check.model} @ ${check.region}`)
        return check
      })
    )
    const { identity, credentials } = await decided
    const evidence = identity.evidence
    // An API key's principal is not known without STS (which takes no key): the credentials gate describes the key.
    const caller = evidence.state === 'established' ? evidence.identity : undefined
    const credentialSource =
      evidence.state === 'established'
        ? evidence.credentialSource
        : evidence.state === 'api-key'
          ? ('bedrock-api-key' as const)
          : undefined
    const checks = withRegionHints(checked)
    const statements = checks.flatMap(check => (check.iamStatement ? [check.iamStatement] : []))
    const exported =
      inputs.exportCredentials && credentials.usable && caller
        ? await exportableCredentials(clients, inputs.pairs[0]!.region)
        : undefined
    return {
      ...(exported ? { credentials: exported } : {}),
      report: buildReport(checks, caller, bootstrapper?.changes ?? [], deps.cancel?.aborted, {
        ...(credentialSource ? { credentialSource } : {}),
        probed: {
          models: new Set(inputs.pairs.map(pair => pair.ref.input)).size,
          regions: [...new Set(inputs.pairs.map(pair => pair.region))],
          calls: inputs.calls,
          invoke: inputs.invoke,
          bootstrap: inputs.createAgreement,
          durationMs: Math.max(0, Math.round(clock.now() - startedAt))
        },
        credentialNotes: apiKey !== undefined && inputs.roleToAssume ? [API_KEY_UNUSED] : []
      }),
      iamPolicy: combinedPolicy(statements)
    }
  } finally {
    clients.destroy()
    baseClients.destroy()
    baseClients.settings.proxy?.agent.destroy()
  }
}

/** The credentials the clients signed with, resolved once more (the provider is memoised or renewing). */
async function exportableCredentials(
  clients: AwsClients,
  region: string
): Promise<ExportableCredentials | undefined> {
  const source = clients.settings.credentials
  try {
    const identity = typeof source === 'function' ? await source() : source
    if (!identity) return undefined
    return {
      accessKeyId: identity.accessKeyId,
      secretAccessKey: identity.secretAccessKey,
      ...(identity.sessionToken ? { sessionToken: identity.sessionToken } : {}),
      region
    }
  } catch {
    return undefined
  }
}

/** The regions where an Anthropic model is probed: the use-case form is needed there. */
function anthropicRegions(inputs: ProbeInputs): string[] {
  const regions = inputs.pairs
    .filter(pair => {
      const base = baseModelGuessOf(pair.ref)
      return base !== undefined && isAnthropicModel(base)
    })
    .map(pair => pair.region)
  return [...new Set(regions)]
}

/**
 * mask-account-id: the account is masked (setSecret) the moment it is known, and the probe's own log lines are
 * redacted too, for front ends (the CLI) where no runner does the masking. Lines logged before the identity is
 * known carry no account.
 */
function maskingLogWhenKnown(
  deps: ProbeDeps,
  mask: boolean,
  decided: Promise<{ identity: { evidence: IdentityEvidence } }>
): Logger {
  if (!mask) return deps.log
  let account: string | undefined
  void decided.then(({ identity }) => {
    if (identity.evidence.state !== 'established') return
    account = identity.evidence.identity.account
    deps.setSecret(account)
  })
  const redacted = (message: string) => (account ? redact(message, account) : message)
  return {
    info: message => deps.log.info(redacted(message)),
    warning: message => deps.log.warning(redacted(message))
  }
}
