/**
 * One model × region check: gather the evidence (profile → availability and model details → bootstrap),
 * decide the control-plane gates, make the call their verdicts allow, decide once more with its outcome,
 * then look up hints for the reader. Reads that do not depend on each other run together.
 */
import type { Read } from './aws/failure.js'
import type { AwsClients } from './aws/clients.js'
import {
  listSystemProfiles,
  readAvailability,
  readFoundationModel,
  readProfile,
  readProfileListing
} from './aws/control-plane.js'
import { minimalCall } from './aws/invoke.js'
import type { Bootstrapper } from './bootstrap.js'
import type { Clock } from './clock.js'
import type { CallKind } from './calls.js'
import type {
  Availability,
  BootstrapEvidence,
  CallOutcome,
  CallRequest,
  CallsOutcome,
  Evidence,
  ModelDetails,
  ProfileInfo
} from './evidence.js'
import {
  decide,
  decideControlPlane,
  overallResult,
  planCall,
  plannedRequests,
  profileCoversRegion,
  wantsProfileHint
} from './gates/index.js'
import { withProfiles } from './hints.js'
import type { Pair } from './inputs.js'
import { baseModelGuessOf, isAnthropicModel, isMarketplaceModel } from './model-id.js'
import { GATES, type CallRecord, type CheckResult, type GateResult, type Gates } from './types.js'

/** The run's credentials verdict, as a check needs it when it decides. */
export interface RunCredentials {
  gate: GateResult
  /** false when no AWS call can succeed: the check is closed at the credentials gate. */
  usable: boolean
  account?: string
}

export interface CheckContext {
  clients: AwsClients
  /**
   * The run's credentials verdict (decided once). A check may start its reads (and its speculative calls) before
   * it is known, and waits for it only when it decides: credentials are off the critical path.
   */
  credentials: Promise<RunCredentials>
  invoke: boolean
  /** The calls the workload makes (the calls input). */
  calls: readonly CallKind[]
  /** A call may go ahead where the agreement state is unknown (see CallPolicy). */
  termsGuarded: boolean
  /**
   * Make the calls together with the reads for models whose first call cannot accept terms (not sold through
   * AWS Marketplace), kept only if the plan decided from the reads is the same. Off when bootstrapping or when the
   * account must be checked first (allowed-account-ids).
   */
  speculate: boolean
  /** Present with create-agreement: true. */
  bootstrap?: { bootstrapper: Bootstrapper; waitSeconds: number }
  clock: Clock
  /** Whether this identity may list inference profiles in a region (memoised), when the workload needs it. */
  profileListing?: (region: string) => Promise<Read<true>>
  /** The system-defined profiles of a region that route to a model (one listing per region). */
  profileLookup: (region: string, baseModelId: string) => Promise<string[]>
}

export async function checkPair(pair: Pair, ctx: CheckContext): Promise<CheckResult> {
  const { ref, region } = pair
  const reads = gatherEvidence(pair, ctx)
  // The minimal calls go out with the reads when nothing they could do needs the reads first.
  const early = ctx.speculate && ctx.invoke ? speculativeCalls(pair, ctx) : undefined
  const credentials = await ctx.credentials
  if (!credentials.usable) return credentialsClosedCheck(pair, credentials.gate)
  const evidence = { ...(await reads), ...(credentials.account ? { account: credentials.account } : {}) }
  const verdicts = decideControlPlane(evidence, credentials.gate)
  // The profile listing behind a region fix starts as soon as the reads show it is needed, beside the call
  // (the lookup is memoised per region: asking again below takes the same listing).
  if (evidence.baseModelId && wantsProfileHint(verdicts)) void ctx.profileLookup(region, evidence.baseModelId)
  const plan = planCall(evidence, verdicts, {
    invoke: ctx.invoke,
    calls: ctx.calls,
    termsGuarded: ctx.termsGuarded
  })
  const calls: CallsOutcome =
    plan.via === 'none'
      ? { state: 'not-run', cause: plan.cause, reason: plan.reason }
      : {
          state: 'made',
          outcomes: [
            ...(early && sameRequests(early.requests, plan.requests)
              ? await early.outcomes
              : await Promise.all(
                  plan.requests.map(request => minimalCall(ctx.clients, region, ref.input, request))
                )),
            ...plan.notRun
          ]
        }
  const decision = decide(evidence, verdicts, calls, ctx.calls)

  const gates =
    evidence.baseModelId && wantsProfileHint(decision.gates)
      ? withProfiles(decision.gates, await ctx.profileLookup(region, evidence.baseModelId), ref.input)
      : decision.gates

  return {
    model: ref.input,
    region,
    result: overallResult(gates),
    gates,
    ...(evidence.baseModelId ? { baseModelId: evidence.baseModelId } : {}),
    invocation: invocationOf(calls),
    calls: calls.state === 'made' ? calls.outcomes.map(callRecord) : [],
    ...(pair.source ? { source: pair.source } : {}),
    ...(decision.iamStatement ? { iamStatement: decision.iamStatement } : {})
  }
}

/**
 * The calls a check would make if every gate read open, fired at once, for models whose first call cannot
 * accept a provider's terms (not sold through AWS Marketplace, judged from the ID) and for inference profiles
 * only where the profile's geography covers the region. Never for Marketplace models: their agreement state must
 * be known first (src/gates/provider-terms.ts).
 */
function speculativeCalls(
  pair: Pair,
  ctx: CheckContext
): { requests: CallRequest[]; outcomes: Promise<CallOutcome[]> } | undefined {
  const base = baseModelGuessOf(pair.ref)
  if (!base || isMarketplaceModel(base)) return undefined
  if (pair.ref.kind === 'inference-profile' && !profileCoversRegion(pair.ref.profileId, pair.region))
    return undefined
  const requests = plannedRequests(base, ctx.calls)
  if (!requests) return undefined
  const outcomes = Promise.all(
    requests.map(request => minimalCall(ctx.clients, pair.region, pair.ref.input, request))
  )
  return { requests, outcomes }
}

function sameRequests(a: CallRequest[], b: CallRequest[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

async function gatherEvidence(pair: Pair, ctx: CheckContext): Promise<Evidence> {
  const { ref, region } = pair
  const { clients } = ctx
  const profileListing = ctx.profileListing?.(region)
  const readModel = (baseModelId: string) =>
    Promise.all([
      readAvailability(clients, region, baseModelId),
      readFoundationModel(clients, region, baseModelId)
    ])

  let profile: Read<ProfileInfo> = { state: 'not-read', reason: 'not a profile' }
  const guess = baseModelGuessOf(ref)
  let baseModelId = guess
  // A system-defined profile ID names its base model, so the model reads start with the profile read
  // instead of after it (one round trip fewer); they are redone only if the profile says otherwise.
  const guessedReads = guess ? readModel(guess) : undefined
  if (ref.kind === 'inference-profile') {
    profile = await readProfile(clients, region, ref.profileId)
    if (profile.state === 'ok' && profile.value.baseModelId) baseModelId = profile.value.baseModelId
  }
  const notRead = { state: 'not-read', reason: 'the base model of this profile is unknown' } as const
  const [firstAvailability, details]: [Read<Availability>, Read<ModelDetails>] = !baseModelId
    ? [notRead, notRead]
    : baseModelId === guess && guessedReads
      ? await guessedReads
      : await readModel(baseModelId)

  const marketplace = baseModelId ? isMarketplaceModel(baseModelId) : false
  const anthropic = baseModelId ? isAnthropicModel(baseModelId) : false
  const bootstrapped =
    ctx.bootstrap && baseModelId && marketplace && firstAvailability.state === 'ok'
      ? await bootstrapAccess(ctx, ctx.bootstrap, region, baseModelId, anthropic, firstAvailability)
      : { availability: firstAvailability, bootstrap: {} }

  return {
    model: ref.input,
    region,
    isProfile: ref.kind === 'inference-profile',
    ...(ref.kind === 'inference-profile' ? { profileId: ref.profileId } : {}),
    ...(baseModelId ? { baseModelId } : {}),
    marketplace,
    anthropic,
    account: ref.kind === 'inference-profile' ? ref.pinnedAccount : undefined,
    now: new Date(ctx.clock.now()),
    profile,
    availability: bootstrapped.availability,
    details,
    bootstrap: bootstrapped.bootstrap,
    ...(profileListing ? { profileListing: await profileListing } : {})
  }
}

/**
 * create-agreement for one third-party model whose agreement is not live: the agreement (once per model),
 * then the wait. The use-case form was handled for the whole run before the checks started.
 */
async function bootstrapAccess(
  ctx: CheckContext,
  { bootstrapper, waitSeconds }: NonNullable<CheckContext['bootstrap']>,
  region: string,
  baseModelId: string,
  anthropic: boolean,
  availability: Read<Availability> & { state: 'ok' }
): Promise<{ availability: Read<Availability>; bootstrap: BootstrapEvidence }> {
  const agreement = availability.value.agreement
  if (agreement !== 'missing' && agreement !== 'pending') return { availability, bootstrap: {} }
  if (anthropic && bootstrapper.formState(region)?.state === 'missing') {
    return { availability, bootstrap: { formMissing: true } }
  }
  const bootstrap: BootstrapEvidence = {}
  if (agreement === 'missing') {
    const created = await bootstrapper.ensureAgreement(region, baseModelId)
    bootstrap.agreementCreated = created.created
    if (created.failure)
      return { availability, bootstrap: { ...bootstrap, agreementFailure: created.failure } }
    if (created.noOffer) return { availability, bootstrap: { ...bootstrap, noOffer: true } }
  }
  if (waitSeconds === 0)
    return { availability: await readAvailability(ctx.clients, region, baseModelId), bootstrap }
  const waited = await bootstrapper.waitUntilLive(region, baseModelId, waitSeconds)
  bootstrap.waitedSeconds = waited.waitedSeconds
  if (waited.timedOut !== undefined) bootstrap.waitTimedOut = waited.timedOut
  return { availability: waited.availability, bootstrap }
}

/** When no AWS call can succeed: the credentials verdict, every other gate skipped. */
export function credentialsClosedCheck(pair: Pair, credentials: GateResult): CheckResult {
  const gates = {} as Gates
  for (const gate of GATES) {
    gates[gate] =
      gate === 'credentials'
        ? credentials
        : { status: 'skip', cause: 'credentials', detail: 'Not checked: no usable credentials' }
  }
  return {
    model: pair.ref.input,
    region: pair.region,
    result: overallResult(gates),
    gates,
    invocation: 'none',
    calls: [],
    ...(pair.source ? { source: pair.source } : {})
  }
}

/** One read per region, shared by every check of the region that asks for it. */
function perRegion<T>(read: (region: string) => Promise<T>): (region: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>()
  return region => {
    let value = cache.get(region)
    if (!value) {
      value = read(region)
      cache.set(region, value)
    }
    return value
  }
}

/** Whether this identity may list inference profiles, read once per region. */
export function memoizedProfileListing(clients: AwsClients) {
  return perRegion(region => readProfileListing(clients, region))
}

/**
 * The system-defined profiles of a region that route to a model: one ListInferenceProfiles (all pages) per
 * region, shared by every check that needs it, filtered per model.
 */
export function memoizedProfileLookup(clients: AwsClients) {
  const listing = perRegion(region => listSystemProfiles(clients, region))
  return async (region: string, baseModelId: string): Promise<string[]> =>
    (await listing(region)).get(baseModelId) ?? []
}

/** The report's legacy `invocation` field: which API family was called first (the Converse or the Invoke API). */
function invocationOf(calls: CallsOutcome): CheckResult['invocation'] {
  const made =
    calls.state === 'made' ? calls.outcomes.find(outcome => outcome.state !== 'not-run') : undefined
  if (!made) return 'none'
  return made.call.startsWith('converse') ? 'converse' : 'invoke-model'
}

function callRecord(outcome: CallOutcome): CallRecord {
  switch (outcome.state) {
    case 'ok':
      return { call: outcome.call, result: 'ok' }
    case 'not-run':
      return { call: outcome.call, result: 'not-run', detail: outcome.reason }
    case 'failed':
      return {
        call: outcome.call,
        result: outcome.failure.kind === 'service' ? 'refused' : 'fault',
        detail: `${outcome.failure.name}: ${outcome.failure.message}`
      }
  }
}
