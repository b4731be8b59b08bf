/**
 * Amazon Bedrock API keys (AWS_BEARER_TOKEN_BEDROCK), read without any AWS call. The AWS SDKs send the key as
 * `Authorization: Bearer …` to Bedrock and the Bedrock runtime (never to STS) whenever the variable is set
 * (@aws-sdk/core: AWS_BEARER_TOKEN_<signing name> selects httpBearerAuth).
 *
 * - Short-term keys (Bedrock user guide, "API keys"; aws-bedrock-token-generator): `bedrock-api-key-` + base64 of a
 *   SigV4-presigned URL for the CallWithBearerToken action. The URL carries the access key ID, the region the key
 *   is valid in ("can be used only in the AWS Region from which you generated it"), X-Amz-Date and X-Amz-Expires
 *   (at most 12 hours), so its expiry is known locally.
 * - Long-term keys: `ABSK` + base64 of `BedrockAPIKey-<id>-at-<account>:<secret>` (the service-specific credential
 *   of an IAM user), as tools that decode them observe: the account is known locally.
 * Nothing here ever returns the secret part.
 */
import type { ApiKeyInfo } from '../evidence.js'

export const API_KEY_VARIABLE = 'AWS_BEARER_TOKEN_BEDROCK'

const SHORT_TERM_PREFIX = 'bedrock-api-key-'
const LONG_TERM_PREFIX = 'ABSK'

export function describeApiKey(token: string): ApiKeyInfo {
  const key = token.trim()
  if (key.startsWith(SHORT_TERM_PREFIX)) {
    const url = decode(key.slice(SHORT_TERM_PREFIX.length))
    const query = url ? new URLSearchParams(url.slice(url.indexOf('?') + 1)) : undefined
    const credential = query?.get('X-Amz-Credential')?.split('/')
    const issuedAt = parseAmzDate(query?.get('X-Amz-Date') ?? '')
    const expires = Number(query?.get('X-Amz-Expires'))
    if (credential && credential.length >= 5 && issuedAt && Number.isFinite(expires)) {
      return {
        kind: 'short-term',
        accessKeyId: credential[0]!,
        region: credential[2]!,
        issuedAt,
        expiresAt: new Date(issuedAt.getTime() + expires * 1000)
      }
    }
    return { kind: 'unrecognised' }
  }
  if (key.startsWith(LONG_TERM_PREFIX)) {
    const match = /^(BedrockAPIKey-[\w-]+?)-at-(\d{12}):/.exec(
      decode(key.slice(LONG_TERM_PREFIX.length)) ?? ''
    )
    if (match) return { kind: 'long-term', keyName: match[1]!, account: match[2]! }
  }
  return { kind: 'unrecognised' }
}

function decode(base64: string): string | undefined {
  try {
    const text = Buffer.from(base64, 'base64').toString('utf8')
    return /^[\x20-\x7e]+$/.test(text) ? text : undefined
  } catch {
    return undefined
  }
}

/** SigV4's basic ISO 8601 form: 20251123T120000Z. */
function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!match) return undefined
  const [, y, mo, d, h, mi, s] = match
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)))
}
