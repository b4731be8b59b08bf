/**
 * The SDK clients, one per service and region, sharing one credential provider and one set of limits:
 * the SDK's standard retry strategy (bounded attempts, only retryable errors), a per-attempt request timeout
 * on the SDK's own HTTP handlers, and an abort signal that ends every call when the run's deadline passes.
 * Endpoints come from the SDK's own configuration (AWS_ENDPOINT_URL and friends); nothing here special-cases them.
 */
import type { Agent } from 'node:http'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Command } from '@smithy/types'
import type { AwsFailure, Outcome } from '../evidence.js'
import { attempt, CANCELLED } from './failure.js'

/** What the probe needs of an SDK client: send a command, and let go of its connections. */
interface SdkClient {
  // The SDK's own send is overloaded (callbacks); this is the promise form every client has.
  send(command: never, options: { abortSignal: AbortSignal }): Promise<unknown>
  destroy(): void
}

export const USER_AGENT = 'bedrock-access-probe/1'
export const MAX_ATTEMPTS = 3
/**
 * Requests in flight at once per region, over every service. Bedrock's rate limits are per account and region,
 * and the SDK's standard retry strategy backs off and retries throttled requests, so the bound only has to keep
 * a runner's sockets reasonable: it is the most a full run needs at once (100 pairs, MAX_PAIRS, × 4 requests:
 * the profile, availability and model reads and the call), so 100 pairs in one region go out in one wave.
 */
export const MAX_IN_FLIGHT_PER_REGION = 400

export interface ClientSettings {
  /** Static credentials (after AssumeRoleWithWebIdentity) or a provider; undefined: the SDK's default chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider
  requestTimeoutMs: number
  maxAttempts?: number
  /** Aborted when the run's deadline passes. */
  signal?: AbortSignal
  /** Aborted when the run is cancelled (SIGINT/SIGTERM): every call in flight ends as 'cancelled'. */
  cancel?: AbortSignal
  /** Requests in flight at once per region (default MAX_IN_FLIGHT_PER_REGION). */
  maxInFlightPerRegion?: number
  /** Sign with SigV4 even when AWS_BEARER_TOKEN_BEDROCK is set (role-to-assume: the role is what is tested). */
  sigv4Only?: boolean
  /** Behind a proxy: the agent that routes each connection (proxy-agent.ts), and the proxy as it may be printed. */
  proxy?: { agent: Agent; label: string }
}

/** An SDK client class (STSClient, BedrockClient, BedrockRuntimeClient). */
export type ClientClass<T> = new (config: ReturnType<AwsClients['config']>) => T

export class AwsClients {
  private readonly cache = new Map<ClientClass<SdkClient>, Map<string, SdkClient>>()
  /** Shared by the clients derived from these (withCredentials): one bound per region for the whole run. */
  private readonly slots: Map<string, RegionSlots>

  constructor(
    readonly settings: ClientSettings,
    slots?: Map<string, RegionSlots>
  ) {
    this.slots = slots ?? new Map()
  }

  private slotsFor(region: string): RegionSlots {
    let slots = this.slots.get(region)
    if (!slots) {
      slots = new RegionSlots(this.settings.maxInFlightPerRegion ?? MAX_IN_FLIGHT_PER_REGION)
      this.slots.set(region, slots)
    }
    return slots
  }

  /**
   * The client of that class for a region, created once. The class is passed in by the module that uses it,
   * so a service's SDK package is loaded only with the code that calls it (see probe.ts).
   */
  client<T extends SdkClient>(Client: ClientClass<T>, region: string): T {
    let byRegion = this.cache.get(Client)
    if (!byRegion) {
      byRegion = new Map()
      this.cache.set(Client, byRegion)
    }
    let client = byRegion.get(region)
    if (!client) {
      client = new Client(this.config(region))
      byRegion.set(region, client)
    }
    return client as T
  }

  /**
   * The one way the probe calls AWS: the client for the region, the run's limits (sendOptions), and every
   * error turned into a typed failure. Never throws.
   */
  async send<Input extends object, Output extends object>(
    Client: ClientClass<SdkClient>,
    region: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the client's own input/output unions
    command: Command<any, Input, any, Output & { $metadata: object }, any>
  ): Promise<Outcome<Output>> {
    const { cancel } = this.settings
    if (cancel?.aborted) return { ok: false, failure: CANCELLED }
    const client = this.client(Client, region)
    const slots = this.slotsFor(region)
    await slots.take()
    const outcome = await attempt(
      () => client.send(command as never, this.sendOptions()) as Promise<Output>
    ).finally(() => slots.give())
    if (outcome.ok) return outcome
    if (cancel?.aborted) return { ok: false, failure: CANCELLED }
    return { ok: false, failure: this.throughProxy(outcome.failure) }
  }

  /** Behind a proxy, a connection fault or a foreign answer names the proxy: it is the likeliest cause. */
  private throughProxy(failure: AwsFailure): AwsFailure {
    const proxy = this.settings.proxy
    const viaProxy = failure.fault && ['unreachable', 'reset', 'tls', 'not-aws'].includes(failure.fault)
    if (!proxy || !viaProxy) return failure
    return {
      ...failure,
      fault: 'proxy',
      message: `${failure.message} — through the proxy ${proxy.label} (unless NO_PROXY exempts this endpoint)`
    }
  }

  withCredentials(
    credentials: ClientSettings['credentials'],
    options: { sigv4Only?: boolean } = {}
  ): AwsClients {
    return new AwsClients({ ...this.settings, credentials, ...options }, this.slots)
  }

  /**
   * Options for every `send`: the run's abort signal joined with a per-operation budget (all attempts plus
   * backoff), so no call outlives the deadline even if a handler's own timeout does not fire.
   */
  sendOptions(): { abortSignal: AbortSignal } {
    const attempts = this.settings.maxAttempts ?? MAX_ATTEMPTS
    const budget = AbortSignal.timeout(this.settings.requestTimeoutMs * attempts + 5_000)
    const signals = [this.settings.signal, this.settings.cancel, budget].filter(
      (signal): signal is AbortSignal => signal !== undefined
    )
    return { abortSignal: AbortSignal.any(signals) }
  }

  destroy(): void {
    for (const byRegion of this.cache.values()) for (const client of byRegion.values()) client.destroy()
    this.cache.clear()
  }

  config(region: string) {
    const { credentials, requestTimeoutMs, maxAttempts = MAX_ATTEMPTS } = this.settings
    // throwOnRequestTimeout makes the HTTP/1.1 handler fail instead of only logging a warning. The HTTP/1.1
    // handler's agents default to 50 sockets per host, which would hold a wave of 100 checks back: the bound on
    // requests in flight is the bound on sockets.
    const sockets = this.settings.maxInFlightPerRegion ?? MAX_IN_FLIGHT_PER_REGION
    const limits = {
      requestTimeout: requestTimeoutMs,
      connectionTimeout: Math.min(requestTimeoutMs, 10_000),
      throwOnRequestTimeout: true,
      ...(this.settings.proxy
        ? {}
        : {
            httpAgent: { keepAlive: true, maxSockets: sockets },
            httpsAgent: { keepAlive: true, maxSockets: sockets }
          })
    }
    return {
      region,
      ...(credentials ? { credentials } : {}),
      maxAttempts,
      retryMode: 'standard',
      customUserAgent: USER_AGENT,
      // The SDK prefers bearer auth whenever AWS_BEARER_TOKEN_BEDROCK is set; an explicit preference wins over it.
      ...(this.settings.sigv4Only ? { authSchemePreference: ['sigv4'] } : {}),
      requestHandler: this.settings.proxy
        ? // Behind a proxy every client, the runtime's too, uses the HTTP/1.1 handler with the routing agent.
          new NodeHttpHandler({
            ...limits,
            httpAgent: this.settings.proxy.agent,
            httpsAgent: this.settings.proxy.agent
          })
        : // Plain options: each client builds its own default handler (HTTP/1.1, or HTTP/2 for the runtime).
          limits
    }
  }
}

/** A counting semaphore: at most `limit` holders, the rest wait in order. */
export class RegionSlots {
  private inUse = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly limit: number) {}

  async take(): Promise<void> {
    if (this.inUse < this.limit) {
      this.inUse++
      return
    }
    await new Promise<void>(resolve => this.waiting.push(resolve))
  }

  give(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.inUse--
  }
}
