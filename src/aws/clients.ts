/**
 * The SDK clients, one per service and region, sharing one credential provider and one set of limits:
 * the SDK's standard retry strategy (bounded attempts, only retryable errors), a per-attempt request timeout
 * on the SDK's own HTTP handlers, and an abort signal that ends every call when the run's deadline passes.
 * Endpoints come from the SDK's own configuration (AWS_ENDPOINT_URL and friends); nothing here special-cases them.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock'
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime'
import { STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'

export const USER_AGENT = 'bedrock-access-probe/1'
export const MAX_ATTEMPTS = 3

export interface ClientSettings {
  /** Static credentials (after AssumeRoleWithWebIdentity) or a provider; undefined: the SDK's default chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider
  requestTimeoutMs: number
  maxAttempts?: number
  /** Aborted when the run's deadline passes. */
  signal?: AbortSignal
}

export class AwsClients {
  private readonly cache = new Map<string, STSClient | BedrockClient | BedrockRuntimeClient>()

  constructor(readonly settings: ClientSettings) {}

  sts(region: string): STSClient {
    return this.get(`sts:${region}`, () => new STSClient(this.config(region)))
  }

  bedrock(region: string): BedrockClient {
    return this.get(`bedrock:${region}`, () => new BedrockClient(this.config(region)))
  }

  runtime(region: string): BedrockRuntimeClient {
    return this.get(`runtime:${region}`, () => new BedrockRuntimeClient(this.config(region)))
  }

  withCredentials(credentials: ClientSettings['credentials']): AwsClients {
    return new AwsClients({ ...this.settings, credentials })
  }

  /**
   * Options for every `send`: the run's abort signal joined with a per-operation budget (all attempts plus
   * backoff), so no call outlives the deadline even if a handler's own timeout does not fire.
   */
  sendOptions(): { abortSignal: AbortSignal } {
    const attempts = this.settings.maxAttempts ?? MAX_ATTEMPTS
    const budget = AbortSignal.timeout(this.settings.requestTimeoutMs * attempts + 5_000)
    const signals = this.settings.signal ? [this.settings.signal, budget] : [budget]
    return { abortSignal: AbortSignal.any(signals) }
  }

  destroy(): void {
    for (const client of this.cache.values()) client.destroy()
    this.cache.clear()
  }

  private get<T extends STSClient | BedrockClient | BedrockRuntimeClient>(key: string, create: () => T): T {
    let client = this.cache.get(key)
    if (!client) {
      client = create()
      this.cache.set(key, client)
    }
    return client as T
  }

  private config(region: string) {
    const { credentials, requestTimeoutMs, maxAttempts = MAX_ATTEMPTS } = this.settings
    return {
      region,
      ...(credentials ? { credentials } : {}),
      maxAttempts,
      retryMode: 'standard',
      customUserAgent: USER_AGENT,
      // Plain options: each client builds its own default handler (HTTP/1.1, or HTTP/2 for the runtime).
      // throwOnRequestTimeout makes the HTTP/1.1 handler fail instead of only logging a warning.
      requestHandler: {
        requestTimeout: requestTimeoutMs,
        connectionTimeout: Math.min(requestTimeoutMs, 10_000),
        throwOnRequestTimeout: true
      }
    }
  }
}
