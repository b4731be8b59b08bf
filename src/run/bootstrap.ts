/**
 * Bootstrap: only with create-agreement: true. In order: the Anthropic use-case form (once per run, before the
 * checks, in each region that lacks one), then for each check of a third-party model whose agreement is not live:
 * the model agreement (once per model, where none exists), then waiting until access is live.
 * Idempotent: every write is preceded by a read that says it is needed, so a re-run changes nothing, and
 * concurrent checks of the same model share one creation.
 */
import { createAgreement, listPublicOffers, readAvailability } from '../aws/control-plane.js'
import { CAUSES, isTransient } from '../causes/index.js'
import { diagnose } from '../diagnosis/catalogue.js'
import type { Availability, AwsFailure, BootstrapEvidence, CallsOutcome, Read } from '../evidence.js'
import type { AwsClients } from '../aws/clients.js'
import type { Clock } from '../support/clock.js'
import type { Logger } from '../support/logger.js'
import type { AccountChange } from '../types.js'
import type { FormState } from './use-case-form.js'

/** Poll schedule while waiting for access to settle: quick at first, then every 30 s. */
export const POLL_SCHEDULE_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000]

export interface AgreementOutcome {
  created: boolean
  failure?: AwsFailure
  noOffer?: boolean
}

export interface WaitOutcome {
  availability: Read<Availability>
  waitedSeconds: number
  /** Set when the wait ended before access was live: what was last seen. */
  timedOut?: string
}

export class Bootstrapper {
  readonly changes: AccountChange[] = []
  private readonly agreements = new Map<string, Promise<AgreementOutcome>>()
  private readonly formStates = new Map<string, FormState>()

  constructor(
    private readonly clients: AwsClients,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** How long a check waits for new access to go live (wait-timeout-seconds). */
    private readonly waitSeconds: number,
    /** The account agreements are created in (the checked one), named in `changes`. */
    private readonly account?: string
  ) {}

  /**
   * One check's bootstrap, for a third-party model whose agreement is not live: the agreement (once per model),
   * then the wait. The use-case form was handled for the whole run before the checks started.
   */
  async bootstrapCheck(
    region: string,
    baseModelId: string,
    anthropic: boolean,
    availability: Read<Availability> & { state: 'ok' }
  ): Promise<{ availability: Read<Availability>; bootstrap: BootstrapEvidence }> {
    const agreement = availability.value.agreement
    if (agreement !== 'missing' && agreement !== 'pending') return { availability, bootstrap: {} }
    if (anthropic && this.formState(region)?.state === 'missing')
      return { availability, bootstrap: { formMissing: true } }
    const bootstrap: BootstrapEvidence = {}
    if (agreement === 'missing') {
      const created = await this.ensureAgreement(region, baseModelId)
      bootstrap.agreementCreated = created.created
      if (created.failure)
        return { availability, bootstrap: { ...bootstrap, agreementFailure: created.failure } }
      if (created.noOffer) return { availability, bootstrap: { ...bootstrap, noOffer: true } }
    }
    if (this.waitSeconds === 0)
      return { availability: await readAvailability(this.clients, region, baseModelId), bootstrap }
    const waited = await this.waitUntilLive(region, baseModelId, this.waitSeconds)
    bootstrap.waitedSeconds = waited.waitedSeconds
    if (waited.timedOut !== undefined) bootstrap.waitTimedOut = waited.timedOut
    return { availability: waited.availability, bootstrap }
  }

  /** What the run found of the use-case form (src/run/use-case-form.ts), before the checks. */
  useFormStates(states: Map<string, FormState>, changes: AccountChange[]): void {
    for (const [region, state] of states) this.formStates.set(region, state)
    this.changes.push(...changes)
  }

  formState(region: string): FormState | undefined {
    return this.formStates.get(region)
  }

  /**
   * Create the agreement for a model in a region, once. Checks of the same model in other regions first
   * re-read their availability: a subscription made in one region usually covers the others.
   */
  async ensureAgreement(region: string, baseModelId: string): Promise<AgreementOutcome> {
    const first = this.agreements.get(baseModelId)
    if (first) {
      const result = await first
      const again = await readAvailability(this.clients, region, baseModelId)
      if (again.state === 'ok' && again.value.agreement !== 'missing') return { created: false }
      if (result.failure || result.noOffer) return result
    }
    const key = first ? `${baseModelId}@${region}` : baseModelId
    let pending = this.agreements.get(key)
    if (!pending) {
      pending = this.createAgreement(region, baseModelId)
      this.agreements.set(key, pending)
    }
    return pending
  }

  private async createAgreement(region: string, baseModelId: string): Promise<AgreementOutcome> {
    const offers = await listPublicOffers(this.clients, region, baseModelId)
    if (!offers.ok) return { created: false, failure: offers.failure }
    const offer = offers.value[0]
    if (!offer) return { created: false, noOffer: true }
    const created = await createAgreement(this.clients, region, baseModelId, offer.offerToken)
    if (!created.ok) return { created: false, failure: created.failure }
    this.log.info(
      `Created the model agreement for ${baseModelId} in ${region}${offer.offerId ? ` (offer ${offer.offerId})` : ''}.`
    )
    this.changes.push({
      action: 'agreement-created',
      region,
      ...(this.account ? { account: this.account } : {}),
      model: baseModelId,
      ...(offer.offerId ? { offerId: offer.offerId } : {})
    })
    return { created: true }
  }

  /**
   * With a wait, calls AWS refused only because access is still being set up (a cause the registry marks
   * `transient`: the account's Marketplace subscription "is still being processed", which AWS's table of Bedrock
   * error codes says to retry after up to 15 minutes) are made again on the poll schedule, within what is left of
   * the check's wait, until AWS answers otherwise: the subscription is waited for like an agreement.
   */
  async waitOutTransientRefusals(
    region: string,
    model: string,
    first: CallsOutcome,
    callAgain: () => Promise<CallsOutcome>,
    alreadyWaitedSeconds = 0
  ): Promise<CallsOutcome> {
    if (this.waitSeconds === 0 || !transientRefusal(first)) return first
    return retryWhileTransient(
      first,
      callAgain,
      this.waitSeconds - alreadyWaitedSeconds,
      this.clock,
      status => this.log.info(`Waiting for ${model} in ${region}: ${status}`)
    )
  }

  /** Poll availability until the agreement is AVAILABLE, the deadline passes, or a read fails for good. */
  async waitUntilLive(region: string, baseModelId: string, timeoutSeconds: number): Promise<WaitOutcome> {
    return waitUntilLive(
      () => readAvailability(this.clients, region, baseModelId),
      timeoutSeconds,
      this.clock,
      status => this.log.info(`Waiting for ${baseModelId} in ${region}: ${status}`)
    )
  }
}

export function isLive(availability: Availability): boolean {
  return availability.agreement === 'live' && availability.authorized !== false
}

/** What was last seen while waiting, for the log and the verdict. */
export function describeAvailability(availability: Availability): string {
  const parts = [`agreement ${availability.agreementReported ?? availability.agreement}`]
  if (availability.agreementError) parts.push(`(${availability.agreementError})`)
  if (availability.authorized !== undefined)
    parts.push(`authorization ${availability.authorized ? 'granted' : 'not granted'}`)
  if (availability.entitled !== undefined)
    parts.push(`entitlement ${availability.entitled ? 'available' : 'not available'}`)
  return parts.join(', ')
}

/** The wait loop itself, separate from AWS so tests drive it with a fake clock and scripted reads. */
export async function waitUntilLive(
  read: () => Promise<Read<Availability>>,
  timeoutSeconds: number,
  clock: Clock,
  report: (status: string) => void
): Promise<WaitOutcome> {
  const start = clock.now()
  const deadline = start + timeoutSeconds * 1000
  const elapsed = () => Math.round((clock.now() - start) / 1000)
  for (let poll = 0; ; poll++) {
    const availability = await read()
    if (availability.state !== 'ok') return { availability, waitedSeconds: elapsed() }
    if (isLive(availability.value)) return { availability, waitedSeconds: elapsed() }
    const status = describeAvailability(availability.value)
    if (availability.value.agreement === 'error') return { availability, waitedSeconds: elapsed() }
    const delay = POLL_SCHEDULE_MS[Math.min(poll, POLL_SCHEDULE_MS.length - 1)]!
    const remaining = deadline - clock.now()
    if (remaining <= 0) return { availability, waitedSeconds: elapsed(), timedOut: status }
    report(`${status}; next check in ${Math.ceil(Math.min(delay, remaining) / 1000)} s`)
    await clock.sleep(Math.min(delay, remaining))
  }
}

/** The first call AWS refused with a transient cause (setting up, not refused for good), if any: its title. */
export function transientRefusal(calls: CallsOutcome): string | undefined {
  if (calls.state !== 'made') return undefined
  for (const outcome of calls.outcomes) {
    if (outcome.state !== 'failed') continue
    const cause = diagnose(outcome.failure)?.entry.id
    if (cause && isTransient(cause)) return CAUSES[cause].title
  }
  return undefined
}

/** Make the calls again on the poll schedule while AWS still answers with a transient refusal, until the deadline. */
export async function retryWhileTransient(
  first: CallsOutcome,
  callAgain: () => Promise<CallsOutcome>,
  timeoutSeconds: number,
  clock: Clock,
  report: (status: string) => void
): Promise<CallsOutcome> {
  const deadline = clock.now() + timeoutSeconds * 1000
  let calls = first
  for (let poll = 0; ; poll++) {
    const status = transientRefusal(calls)
    if (status === undefined) return calls
    const remaining = deadline - clock.now()
    if (remaining <= 0) return calls
    const delay = Math.min(POLL_SCHEDULE_MS[Math.min(poll, POLL_SCHEDULE_MS.length - 1)]!, remaining)
    report(`${status}; calling again in ${Math.ceil(delay / 1000)} s`)
    await clock.sleep(delay)
    calls = await callAgain()
  }
}
