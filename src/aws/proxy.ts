/**
 * Which proxy AWS requests go through, decided once from the inputs and the environment: pure, so it is
 * tested without a network. The tunnel itself (https-proxy-agent) lives in proxy-agent.ts, loaded only when a
 * proxy is configured.
 *
 * One proxy serves every AWS endpoint (they are all HTTPS): the http-proxy input, else HTTPS_PROXY, else
 * HTTP_PROXY (either case), the precedence aws-actions/configure-aws-credentials uses. NO_PROXY (input no-proxy
 * first) lists hosts that are reached directly: `*`, a host name (which also covers its subdomains, with or
 * without a leading `.` or `*.`), an IP address, each with an optional `:port`.
 */

export interface ProxySettings {
  /** The proxy URL, credentials included (they are masked, and never printed: see describeProxy). */
  url: string
  noProxy: string[]
}

export function resolveProxy(
  inputs: { httpProxy?: string; noProxy?: string },
  env: NodeJS.ProcessEnv
): ProxySettings | undefined {
  const url =
    inputs.httpProxy || env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || undefined
  if (!url) return undefined
  const noProxy = inputs.noProxy ?? env.NO_PROXY ?? env.no_proxy ?? ''
  return {
    url,
    noProxy: noProxy
      .split(/[,\s]+/)
      .map(entry => entry.trim().toLowerCase())
      .filter(Boolean)
  }
}

/** A proxy URL the tunnel can use: http:// or https://, with a host. */
export function isProxyUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** The proxy for a request to `target`, or undefined when NO_PROXY sends it directly. */
export function proxyFor(target: URL, settings: ProxySettings): string | undefined {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '')
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  const bypassed = settings.noProxy.some(entry => {
    if (entry === '*') return true
    const colon = entry.lastIndexOf(':')
    const hasPort = colon > 0 && /^\d+$/.test(entry.slice(colon + 1)) && !entry.includes(']')
    if (hasPort && entry.slice(colon + 1) !== port) return false
    const name = (hasPort ? entry.slice(0, colon) : entry).replace(/^\*?\./, '').replace(/^\[|\]$/g, '')
    return host === name || host.endsWith(`.${name}`)
  })
  return bypassed ? undefined : settings.url
}

/** The proxy as it may be printed: scheme, host and port, never its credentials. */
export function describeProxy(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return '(an unparseable proxy URL)'
  }
}
