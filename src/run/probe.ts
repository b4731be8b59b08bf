/**
 * The run, shared by the action and the CLI: open the AWS session, establish the identity, prepare the bootstrap
 * (the use-case form, once), check every model × region pair at once, and build the report. Never throws for AWS
 * trouble: every fault ends up in a check's gates, and the run always yields a report.
 *
 * One thing overlaps for speed: the checks start with the identity step rather than after it (their requests wait
 * for the signing credentials only). The code is loaded as one bundle, up front: loading the checks' code while the
 * identity request's connection opened (dynamic imports timed by a diagnostics channel) moved the first request
 * about 90 ms earlier and the end of the run not at all (docs/performance.md), so the run is written as its steps.
 */
import { API_KEY_VARIABLE } from '../aws/bedrock-api-key.js'
import { AwsClients } from '../aws/clients.js'
import {
  establishIdentity,
  managementRoleSession,
  NO_ACCOUNT_CHANGES_POLICY,
  type IdentityDeps,
  type IdentityStep
} from '../aws/identity.js'
import { ProxyRoutingAgent } from '../aws/proxy-agent.js'
import { describeProxy } from '../aws/proxy.js'
import { combinedPolicy } from '../bedrock/iam-policy.js'
import { partitionOf } from '../bedrock/model-id.js'
import type { RunCredentials } from '../gates/common.js'
import { credentialsBeforeReads, credentialsEndNote, decideCredentials } from '../gates/credentials.js'
import { DEFAULT_BOOTSTRAP_WAIT_SECONDS } from '../inputs/bootstrap.js'
import type { ProbeInputs } from '../inputs/parse.js'
import { redact } from '../report/build/redact.js'
import { buildReport } from '../report/build/verdict.js'
import { cancellable, realClock, type Clock } from '../support/clock.js'
import type { Logger } from '../support/logger.js'
import type { QuotaListing, Read } from '../evidence.js'
import type {
  CallerIdentity,
  CheckResult,
  ExportableCredentials,
  GateResult,
  ProbeOutcome,
  UseCaseFormRecord
} from '../types.js'
import { anthropicRegions } from '../inputs/models.js'
import { Bootstrapper } from './bootstrap.js'
import {
  checkPair,
  closedCheck,
  memoizedProfileListing,
  memoizedProfileLookup,
  memoizedProviderModels,
  memoizedQuotaListing
} from './check.js'
import { withRegionHints } from './hints.js'
import { keepUseCaseForm, type FormOutcome } from './use-case-form.js'

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
  const session = openSession(inputs, deps)
  try {
    const identity = beginIdentity(inputs, session.clients, deps, clock)
    // The management role's session (the use-case form only) is established beside the member's.
    const management = beginManagement(inputs, session.clients, deps, clock)
    const log = maskingLogWhenKnown(deps, inputs.maskAccountId, [
      identity.step,
      ...(management ? [management] : [])
    ])
    for (const note of inputs.notes) log.warning(note)
    void identity.credentials.then(({ gate }) => log.info(`Credentials: ${gate.status} — ${gate.detail}`))
    const settled = identity.startsWithChecks ? undefined : await identity.credentials
    const clients = await identity.clients
    session.signing = clients
    const form = await prepareForm(inputs, clients, management, identity.credentials, log)
    const bootstrapper = await prepareBootstrap(inputs, clients, clock, log, identity.credentials, form)
    const context = {
      clients,
      credentials: identity.credentials,
      invoke: inputs.invoke,
      calls: inputs.calls,
      // Where the agreement state cannot be read, a call may accept a provider's terms: only when create-agreement
      // consented to that, or when role-to-assume's session policy denies subscribing so IAM prevents it.
      termsGuarded: inputs.createAgreement || inputs.roleToAssume !== undefined,
      speculate: identity.callsWithReads,
      ...(bootstrapper ? { bootstrap: bootstrapper } : {}),
      clock,
      profileLookup: memoizedProfileLookup(clients),
      providerModels: memoizedProviderModels(clients),
      eolWarningDays: inputs.eolWarningDays,
      quotaListing: quotaListings(settled, memoizedQuotaListing(clients), inputs.pairs),
      ...(inputs.minTokensPerMinute !== undefined ? { minTokensPerMinute: inputs.minTokensPerMinute } : {}),
      ...(inputs.serviceTier ? { serviceTier: inputs.serviceTier } : {}),
      ...(inputs.listsInferenceProfiles ? { profileListing: memoizedProfileListing(clients) } : {})
    }
    // Every check at once: the AWS clients bound the requests in flight per region (src/aws/clients.ts).
    const checks = await Promise.all(
      inputs.pairs.map(async pair => {
        // Credentials already known to be closed (no OIDC token, an expired key, a key of another region) make
        // no AWS call at all.
        const closed = settled && credentialsBeforeReads(settled, pair.region)
        const check = closed ? closedCheck(pair, closed) : await checkPair(pair, context)
        log.info(`${check.result.toUpperCase()} ${check.model} @ ${check.region}`)
        return check
      })
    )
    return await outcomeOf(inputs, deps, withRegionHints(checks), await identity.step, {
      credentials: await identity.credentials,
      clients,
      changes: bootstrapper?.changes ?? form?.changes ?? [],
      ...(form ? { useCaseForm: form.record } : {}),
      durationMs: Math.max(0, Math.round(clock.now() - startedAt)),
      now: clock.now()
    })
  } finally {
    session.close()
  }
}

/**
 * Every region's quota listing, started at once (each takes a request per page): the checks take them when they
 * decide. None for credentials already known to be closed (no request at all then), and none for a Bedrock API
 * key, which authorizes Bedrock only: Service Quotas would be read with other credentials than the workload's.
 */
function quotaListings(
  settled: RunCredentials | undefined,
  listing: (region: string) => Promise<Read<QuotaListing>>,
  pairs: ProbeInputs['pairs']
): (region: string) => Promise<Read<QuotaListing>> {
  if (settled?.apiKey)
    return async () => ({ state: 'not-read', reason: 'a Bedrock API key authorizes Bedrock calls only' })
  if (settled && !settled.usable) return async () => ({ state: 'not-read', reason: 'no usable credentials' })
  for (const region of new Set(pairs.map(pair => pair.region))) void listing(region)
  return listing
}

/** The run's AWS clients: the SDK's retries, a per-request timeout, the run's deadline, cancel, and the proxy. */
function openSession(inputs: ProbeInputs, deps: ProbeDeps) {
  const waitBudgetMs = inputs.createAgreement
    ? (inputs.waitTimeoutSeconds ?? DEFAULT_BOOTSTRAP_WAIT_SECONDS) * 1000
    : 0
  const clients = new AwsClients({
    requestTimeoutMs: inputs.requestTimeoutMs,
    signal: AbortSignal.timeout(inputs.timeoutMs + waitBudgetMs),
    ...(deps.cancel ? { cancel: deps.cancel } : {}),
    ...(inputs.proxy
      ? {
          proxy: {
            agent: new ProxyRoutingAgent(inputs.proxy),
            label: describeProxy(inputs.proxy.url)
          }
        }
      : {})
  })
  const session = {
    clients,
    /** The clients that sign with the run's identity, once they exist. */
    signing: undefined as AwsClients | undefined,
    close() {
      session.signing?.destroy()
      clients.destroy()
      clients.settings.proxy?.agent.destroy()
    }
  }
  return session
}

/**
 * The identity step, started at once, and what the checks need of it. Calls go out with the reads unless the
 * account may change (bootstrap) or must be checked first (allowed-account-ids); the checks then also start with
 * the identity step (their requests wait for the session) unless an API key's region must be read first.
 */
function beginIdentity(inputs: ProbeInputs, baseClients: AwsClients, deps: ProbeDeps, clock: Clock) {
  const apiKey = deps.env[API_KEY_VARIABLE]?.trim() || undefined
  const callsWithReads = !inputs.createAgreement && !inputs.allowedAccountIds
  const startsWithChecks = callsWithReads && apiKey === undefined
  let signingClients: ((clients: AwsClients) => void) | undefined
  const early = new Promise<AwsClients>(resolve => (signingClients = resolve))
  const step = establishIdentity(
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
    { ...deps, clock, ...(startsWithChecks ? { onSigningClients: signingClients } : {}) }
  )
  const credentials: Promise<RunCredentials> = step.then(({ evidence }) =>
    decideCredentials(evidence, {
      ...(inputs.allowedAccountIds ? { allowedAccountIds: inputs.allowedAccountIds } : {}),
      ...(inputs.jobMinutes !== undefined ? { jobMinutes: inputs.jobMinutes } : {}),
      now: new Date(clock.now())
    })
  )
  return {
    step,
    credentials,
    callsWithReads,
    startsWithChecks,
    /** The clients the checks sign with: as soon as they exist when the checks start with the identity step. */
    clients: startsWithChecks
      ? Promise.race([early, step.then(({ clients }) => clients)])
      : step.then(({ clients }) => clients)
  }
}

/**
 * The management role's session, started at once when management-role-to-assume is given and an Anthropic model
 * is probed (nothing else uses it): the use-case form is read, and with create-agreement submitted, there only.
 */
function beginManagement(
  inputs: ProbeInputs,
  baseClients: AwsClients,
  deps: ProbeDeps,
  clock: Clock
): Promise<IdentityStep> | undefined {
  const roleArn = inputs.managementRoleToAssume
  if (!roleArn || anthropicRegions(inputs.pairs).length === 0) return undefined
  return managementRoleSession(
    {
      region: inputs.pairs[0]!.region,
      audience: inputs.audience,
      roleSessionName: inputs.roleSessionName,
      roleDurationSeconds: inputs.roleDurationSeconds,
      requestTimeoutMs: inputs.requestTimeoutMs,
      mayChangeTheAccount: inputs.createAgreement
    },
    roleArn,
    baseClients,
    { ...deps, clock }
  )
}

/** Every region's form unknown: the management role could not be used, and the member never submits in its place. */
function formOfARefusedRole(roleArn: string, gate: GateResult, regions: string[]): FormOutcome {
  const unknown = {
    state: 'unknown' as const,
    failure: {
      kind: 'fault' as const,
      name: 'ManagementRole',
      message: 'the management role could not be used'
    }
  }
  return {
    states: new Map(regions.map(region => [region, unknown])),
    changes: [],
    record: { via: 'management-role', roleArn, credentials: gate, regions: [] }
  }
}

/**
 * The Anthropic use-case form, once for the run, before any check: in the management account when a management
 * role is given (never in the member then, even when that role is refused), else in the checked account with
 * create-agreement. Undefined when the form is not looked at (no Anthropic model, or neither of those).
 */
async function prepareForm(
  inputs: ProbeInputs,
  memberClients: AwsClients,
  management: Promise<IdentityStep> | undefined,
  credentials: Promise<RunCredentials>,
  log: Logger
): Promise<FormOutcome | undefined> {
  const regions = anthropicRegions(inputs.pairs)
  const submit = { form: inputs.useCaseForm, mayChangeTheAccount: inputs.createAgreement }
  if (management) {
    const roleArn = inputs.managementRoleToAssume!
    const { evidence, clients } = await management
    const session = decideCredentials(evidence)
    if (evidence.state !== 'established' || session.gate.status === 'fail') {
      log.warning(`The management role ${roleArn} could not be used: ${session.gate.detail}`)
      return formOfARefusedRole(roleArn, session.gate, regions)
    }
    const outcome = await keepUseCaseForm(
      { clients, via: 'management-role', account: evidence.identity.account, roleArn },
      regions,
      submit,
      log
    )
    return { ...outcome, record: { ...outcome.record, credentials: session.gate } }
  }
  if (!inputs.createAgreement) return undefined
  const member = await credentials
  if (!member.usable || regions.length === 0) return undefined
  return keepUseCaseForm(
    { clients: memberClients, via: 'caller', ...(member.account ? { account: member.account } : {}) },
    regions,
    submit,
    log
  )
}

/** create-agreement: the checks bootstrap each model, with what the run found of the use-case form. */
async function prepareBootstrap(
  inputs: ProbeInputs,
  clients: AwsClients,
  clock: Clock,
  log: Logger,
  credentials: Promise<RunCredentials>,
  form: FormOutcome | undefined
): Promise<Bootstrapper | undefined> {
  if (!inputs.createAgreement) {
    if (inputs.useCaseForm)
      log.warning('use-case-form is only submitted with create-agreement: true; ignoring it.')
    return undefined
  }
  const member = await credentials
  if (!member.usable) return undefined
  const bootstrapper = new Bootstrapper(
    clients,
    clock,
    log,
    inputs.waitTimeoutSeconds ?? DEFAULT_BOOTSTRAP_WAIT_SECONDS,
    member.account
  )
  if (form) bootstrapper.useFormStates(form.states, form.changes)
  return bootstrapper
}

/** The report, the combined IAM policy, and (export-credentials) the credentials the probe proved. */
async function outcomeOf(
  inputs: ProbeInputs,
  deps: ProbeDeps,
  checks: CheckResult[],
  { evidence }: IdentityStep,
  run: {
    credentials: RunCredentials
    clients: AwsClients
    changes: ProbeOutcome['report']['changes']
    durationMs: number
    /** The run's clock at its end, for what the report says of the credentials' end. */
    now: number
    useCaseForm?: UseCaseFormRecord
  }
): Promise<ProbeOutcome> {
  const caller = callerOf(evidence, inputs.pairs[0]!.region)
  const credentialSource =
    evidence.state === 'established'
      ? evidence.credentialSource
      : evidence.state === 'api-key'
        ? ('bedrock-api-key' as const)
        : undefined
  const apiKeyUnused = deps.env[API_KEY_VARIABLE]?.trim() && inputs.roleToAssume !== undefined
  const endNote = credentialsEndNote(evidence, new Date(run.now), inputs.jobMinutes)
  const exported =
    inputs.exportCredentials && run.credentials.usable && evidence.state === 'established'
      ? await exportableCredentials(run.clients, inputs.pairs[0]!.region)
      : undefined
  const statements = checks.flatMap(check => (check.iamStatement ? [check.iamStatement] : []))
  return {
    ...(exported ? { credentials: exported } : {}),
    report: buildReport(checks, caller, run.changes, deps.cancel?.aborted, {
      ...(credentialSource ? { credentialSource } : {}),
      probed: {
        models: new Set(inputs.pairs.map(pair => pair.ref.input)).size,
        regions: [...new Set(inputs.pairs.map(pair => pair.region))],
        calls: inputs.calls,
        invoke: inputs.invoke,
        bootstrap: inputs.createAgreement,
        ...(inputs.serviceTier ? { serviceTier: inputs.serviceTier } : {}),
        durationMs: run.durationMs
      },
      credentialNotes: [...(apiKeyUnused ? [API_KEY_UNUSED] : []), ...(endNote ? [endNote] : [])],
      ...(run.useCaseForm ? { useCaseForm: run.useCaseForm } : {})
    }),
    iamPolicy: combinedPolicy(statements)
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

/**
 * Who calls: the identity STS named; for a long-term Bedrock API key, the IAM user the key belongs to (its name and
 * account are in the key: a service-specific credential's user name is `<user>-at-<account>`), so that a fix can
 * name the user to attach a policy to. A short-term key's principal is not known without STS, which takes no key.
 */
function callerOf(evidence: IdentityStep['evidence'], region: string): CallerIdentity | undefined {
  if (evidence.state === 'established') return evidence.identity
  if (evidence.state !== 'api-key' || evidence.key.kind !== 'long-term') return undefined
  const { keyName, account } = evidence.key
  return { account, arn: `arn:${partitionOf(region)}:iam::${account}:user/${keyName}` }
}

/**
 * mask-account-id: the account is masked (setSecret) the moment it is known, and the probe's own log lines are
 * redacted too, for front ends (the CLI) where no runner does the masking. Lines logged before the identity is
 * known carry no account.
 */
function maskingLogWhenKnown(deps: ProbeDeps, mask: boolean, steps: Promise<IdentityStep>[]): Logger {
  if (!mask) return deps.log
  const accounts: string[] = []
  for (const step of steps) {
    void step.then(({ evidence }) => {
      const account = callerOf(evidence, 'us-east-1')?.account
      if (!account) return
      accounts.push(account)
      deps.setSecret(account)
    })
  }
  const redacted = (message: string) => accounts.reduce((text, account) => redact(text, account), message)
  return {
    info: message => deps.log.info(redacted(message)),
    warning: message => deps.log.warning(redacted(message))
  }
}
