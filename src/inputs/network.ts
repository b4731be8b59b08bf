/** How the run reaches AWS: the proxy (decided once, here, for the AWS calls and the toolkit alike) and its timeouts. */
import { isProxyUrl, resolveProxy, type ProxySettings } from '../aws/proxy.js'
import { InputError, parseInteger } from './values.js'

export interface NetworkInputs {
  /** The proxy AWS requests go through (http-proxy, else HTTPS_PROXY/HTTP_PROXY), with NO_PROXY. */
  proxy?: ProxySettings
  requestTimeoutMs: number
  /** Overall deadline for the run, not counting the bootstrap wait. */
  timeoutMs: number
}

export function readNetwork(get: (name: string) => string, env: NodeJS.ProcessEnv): NetworkInputs {
  const httpProxy = get('http-proxy') || undefined
  if (httpProxy !== undefined && !isProxyUrl(httpProxy)) {
    throw new InputError(
      'http-proxy',
      'is not an http:// or https:// URL',
      'Use the proxy URL, e.g. http://proxy.internal:3128 or http://user:password@proxy.internal:3128.'
    )
  }
  const proxy = resolveProxy({ httpProxy, noProxy: get('no-proxy') || undefined }, env)
  if (proxy && !isProxyUrl(proxy.url)) {
    throw new InputError(
      'http-proxy',
      'is empty, and HTTPS_PROXY or HTTP_PROXY in the environment is not an http:// or https:// URL',
      'Fix the proxy variable of the runner, or set http-proxy.'
    )
  }
  return {
    ...(proxy ? { proxy } : {}),
    requestTimeoutMs: parseInteger('request-timeout-seconds', get('request-timeout-seconds'), 1, 300) * 1000,
    timeoutMs: parseInteger('timeout-seconds', get('timeout-seconds'), 10, 21600) * 1000
  }
}
