/**
 * One model × region check: gather the evidence (profile → availability and model details → bootstrap),
 * decide the gates from it, make the calls their verdicts allow, decide once more with what the calls showed,
 * then look up hints for the reader. Reads that do not depend on each other run together; the calls of a model
 * whose first call cannot accept terms go out with the reads.
 */
import type { AwsClients } from '../aws/clients.js'
import {
  listProviderModels,
  listSystemProfiles,
  readAvailability,
  readFoundationModel,
  readProfile,
  readProfileListing
} from '../aws/control-plane.js'
import { minimalCall } from '../aws/runtime.js'
import { readBedrockQuotas } from '../aws/service-quotas.js'
import type {
  CallKind,
  CallRecord,
  CheckResult,
  GateResult,
  Gates,
  LifecycleRecord,
  QuotaRecord,
  ServiceTier
} from '../types.js'
import { successorOf } from '../bedrock/lifecycle.js'
import type { Cause } from '../causes/index.js'
import { baseModelGuessOf, isAnthropicModel, isMarketplaceModel } from '../bedrock/model-id.js'
import type {
  Availability,
  CallOutcome,
  CallRequest,
  CallsOutcome,
  Evidence,
  ModelDetails,
  ModelSummary,
  ProfileInfo,
  QuotaListing,
  Read
} from '../evidence.js'
import type { RunCredentials } from '../gates/common.js'
import { planCall, plannedRequests, profileCoversRegion, type CallPlan } from '../gates/plan.js'
import { wantsProfileHint } from '../gates/region.js'
import { modelQuotasOf } from '../gates/capacity.js'
import { closedAtCredentials, decideAfterCall, decideBeforeCall, overallResult } from '../gates/sequence.js'
import type { Pair } from '../inputs/models.js'
import type { Clock } from '../support/clock.js'
import type { Bootstrapper } from './bootstrap.js'
import { nearestOf } from '../support/edit-distance.js'
import { withProfiles } from './hints.js'

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
  bootstrap?: Bootstrapper
  clock: Clock
  /** Whether this identity may list inference profiles in a region (memoised), when the workload needs it. */
  profileListing?: (region: string) => Promise<Read<true>>
  /** The system-defined profiles of a region that route to a model (one listing per region). */
  profileLookup: (region: string, baseModelId: string) => Promise<string[]>
  /** The Bedrock quotas of a region (one listing per region, started with the checks). */
  quotaListing?: (region: string) => Promise<Read<QuotaListing>>
  /** What the workload needs, in tokens per minute (min-tokens-per-minute). */
  minTokensPerMinute?: number
  /** service-tier: the tier every call asks for. */
  serviceTier?: ServiceTier
  /** eol-warning-days. */
  eolWarningDays?: number
  /** A provider's foundation models in a region (one listing per region and provider): an ending model's successor. */
  providerModels: (region: string, provider: string) => Promise<Read<ModelSummary[]>>
}

export async function checkPair(pair: Pair, ctx: CheckContext): Promise<CheckResult> {
  const { ref, region } = pair
  const reads = gatherEvidence(pair, ctx)
  // The quotas are read beside everything else and are needed only once the call is made.
  const quotas = ctx.quotaListing?.(region)
  // The minimal calls go out with the reads when nothing they could do needs the reads first.
  const early = ctx.speculate && ctx.invoke ? speculativeCalls(pair, ctx) : undefined
  const run = await ctx.credentials
  if (!run.usable) return closedCheck(pair, run.gate)
  const evidence: Evidence = {
    ...(await reads),
    ...(run.account ? { account: run.account } : {}),
    ...(ctx.eolWarningDays !== undefined ? { eolWarningDays: ctx.eolWarningDays } : {})
  }
  const before = decideBeforeCall(evidence, run)
  // The profile listing behind a region fix starts as soon as the reads show it is needed, beside the call
  // (the lookup is memoised per region: asking again below takes the same listing).
  if (evidence.baseModelId && wantsProfileHint(before.region))
    void ctx.profileLookup(region, evidence.baseModelId)
  const plan = planCall(evidence, before, {
    invoke: ctx.invoke,
    calls: ctx.calls,
    termsGuarded: ctx.termsGuarded
  })
  const call = (request: CallRequest) => minimalCall(ctx.clients, region, ref.input, request, ctx.serviceTier)
  const firstCalls = await callsOf(plan, early, call)
  const calls = ctx.bootstrap
    ? await ctx.bootstrap.waitOutTransientRefusals(
        region,
        ref.input,
        firstCalls,
        () => callsOf(plan, undefined, call),
        evidence.bootstrap?.waitedSeconds
      )
    : firstCalls
  const withQuotas: Evidence = {
    ...evidence,
    ...(quotas ? { quotas: await quotas } : {}),
    ...(ctx.minTokensPerMinute !== undefined ? { minTokensPerMinute: ctx.minTokensPerMinute } : {}),
    ...(ctx.serviceTier ? { serviceTier: ctx.serviceTier } : {})
  }
  const decision = decideAfterCall(withQuotas, before, calls, ctx.calls)
  const quotasRead = quotaRecords(withQuotas)

  const withProfileHints =
    evidence.baseModelId && wantsProfileHint(decision.gates.region)
      ? withProfiles(decision.gates, await ctx.profileLookup(region, evidence.baseModelId), ref.input)
      : decision.gates
  const successor = await successorFor(withQuotas, withProfileHints['model-access'], ctx)
  const withSuccessorHint = successor
    ? withSuccessor(withProfileHints, successor, withQuotas)
    : withProfileHints
  const gates = await withNearestIds(withSuccessorHint, pair, ctx)
  const lifecycle = lifecycleRecord(evidence.details, successor?.id)
  return {
    ...resultOf(pair, gates),
    ...(evidence.baseModelId ? { baseModelId: evidence.baseModelId } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    invocation: invocationOf(calls),
    calls: calls.state === 'made' ? calls.outcomes.map(callRecord) : [],
    ...(quotasRead.length > 0 ? { quotas: quotasRead } : {}),
    ...(decision.iamStatement ? { iamStatement: decision.iamStatement } : {})
  }
}

/** The region verdicts of an ID Bedrock does not know: the closest IDs of the region's catalogue are looked up. */
const UNKNOWN_ID: ReadonlySet<Cause> = new Set<Cause>(['invalid-model-id', 'model-not-found'])

/**
 * An ID Bedrock does not know in this region: its first words name the closest IDs of the region's catalogue
 * (ListFoundationModels of the provider its ID names, memoised per region and provider), a hint beside the verdict.
 */
async function withNearestIds(gates: Gates, pair: Pair, ctx: CheckContext): Promise<Gates> {
  const region = gates.region
  if (region.status !== 'fail' || !region.cause || !UNKNOWN_ID.has(region.cause)) return gates
  if (pair.ref.kind !== 'foundation-model') return gates
  const id = pair.ref.baseModelId
  const listing = await ctx.providerModels(pair.region, id.split('.')[0]!)
  if (listing.state !== 'ok') return gates
  const nearest = nearestOf(
    id,
    listing.value.map(model => model.id).filter(candidate => candidate !== id),
    Math.max(3, Math.floor(id.length / 5))
  )
  if (nearest.length === 0) return gates
  return {
    ...gates,
    region: {
      ...region,
      facts: { ...region.facts, model: pair.ref.input, region: pair.region, nearest },
      hints: { ...region.hints, nearest }
    }
  }
}

/** The causes whose fix moves the workload to another model: the successor is looked up for them. */
const ENDING: ReadonlySet<Cause> = new Set<Cause>([
  'model-legacy',
  'model-eol-soon',
  'model-legacy-inactive',
  'model-end-of-life'
])

/**
 * The ACTIVE model that follows a Legacy or ending one, from ListFoundationModels of its provider in this region
 * (looked up only for such a model, once per region and provider). None when the listing cannot be read.
 */
async function successorFor(e: Evidence, access: GateResult, ctx: CheckContext) {
  if (!access.cause || !ENDING.has(access.cause) || e.details.state !== 'ok' || !e.baseModelId)
    return undefined
  const { provider, name, lifecycle, modality } = e.details.value
  if (!provider || !name) return undefined
  const listing = await ctx.providerModels(e.region, provider)
  if (listing.state !== 'ok') return undefined
  return successorOf(
    {
      id: e.baseModelId,
      provider,
      name,
      ...(lifecycle ? { lifecycle } : {}),
      ...(modality ? { modality } : {})
    },
    listing.value
  )
}

/** The model-access verdict with its fix naming the successor: a hint, the verdict itself unchanged. */
function withSuccessor(
  gates: Gates,
  successor: NonNullable<Awaited<ReturnType<typeof successorFor>>>,
  e: Evidence
): Gates {
  const access = gates['model-access']
  return {
    ...gates,
    'model-access': {
      ...access,
      facts: {
        ...access.facts,
        model: e.model,
        region: e.region,
        ...(e.baseModelId ? { baseModelId: e.baseModelId } : {}),
        successor: { id: successor.id, onDemand: successor.onDemand }
      },
      hints: { ...access.hints, successor: successor.id }
    }
  }
}

function lifecycleRecord(details: Read<ModelDetails>, successor?: string): LifecycleRecord | undefined {
  const lifecycle = details.state === 'ok' ? details.value.lifecycle : undefined
  if (!lifecycle) return undefined
  const iso = (date?: Date) => date?.toISOString()
  const record: LifecycleRecord = { status: lifecycle.status }
  for (const key of ['startOfLifeTime', 'legacyTime', 'publicExtendedAccessTime', 'endOfLifeTime'] as const) {
    const value = iso(lifecycle[key])
    if (value) record[key] = value
  }
  return successor ? { ...record, successor } : record
}

/** The quotas the check's call counts against, as read, for the report. */
function quotaRecords(e: Evidence): QuotaRecord[] {
  const quotas = modelQuotasOf(e)
  return [
    ...(quotas?.perMinute ? [{ ...quotas.perMinute, per: 'minute' as const }] : []),
    ...(quotas?.perDay ? [{ ...quotas.perDay, per: 'day' as const }] : [])
  ]
}

/** A check closed at the credentials gate before any read: no AWS call can succeed, or none is made here. */
export function closedCheck(pair: Pair, credentials: GateResult): CheckResult {
  return resultOf(pair, closedAtCredentials(credentials))
}

function resultOf(pair: Pair, gates: Gates): CheckResult {
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

/** The calls the plan asks for: the ones already made with the reads when they are the same, else made now. */
async function callsOf(
  plan: CallPlan,
  early: { requests: CallRequest[]; outcomes: Promise<CallOutcome[]> } | undefined,
  call: (request: CallRequest) => Promise<CallOutcome>
): Promise<CallsOutcome> {
  if (plan.via === 'none') return { state: 'not-run', cause: plan.cause, reason: plan.reason }
  const made =
    early && JSON.stringify(early.requests) === JSON.stringify(plan.requests)
      ? await early.outcomes
      : await Promise.all(plan.requests.map(call))
  return { state: 'made', outcomes: [...made, ...plan.notRun] }
}

/**
 * The calls a check would make if every gate read open, fired at once, for models whose first call cannot
 * accept a provider's terms (not sold through AWS Marketplace, judged from the ID) and for inference profiles
 * only where the profile's geography covers the region. Never for Marketplace models: their agreement state must
 * be known first (src/gates/plan.ts).
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
    requests.map(request => minimalCall(ctx.clients, pair.region, pair.ref.input, request, ctx.serviceTier))
  )
  return { requests, outcomes }
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
      ? await ctx.bootstrap.bootstrapCheck(region, baseModelId, anthropic, firstAvailability)
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

/** The Bedrock quotas of a region, listed once per region. */
export function memoizedQuotaListing(clients: AwsClients) {
  return perRegion(region => readBedrockQuotas(clients, region))
}

/** A provider's foundation models in a region, listed once per region and provider. */
export function memoizedProviderModels(clients: AwsClients) {
  const cache = new Map<string, Promise<Read<ModelSummary[]>>>()
  return (region: string, provider: string): Promise<Read<ModelSummary[]>> => {
    const key = `${region} ${provider}`
    let listing = cache.get(key)
    if (!listing) {
      listing = listProviderModels(clients, region, provider)
      cache.set(key, listing)
    }
    return listing
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

/** The report's 1.0 `invocation` field, kept for readers of it: the API family of the first call made. */
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
