/**
 * The connection agent for a run behind a proxy: each new connection asks proxyFor() whether its host goes
 * through the proxy (an HTTP CONNECT tunnel by https-proxy-agent, TLS to AWS inside it) or directly (NO_PROXY).
 * The SDK's HTTP/1.1 handler takes it for every client, the runtime's included: its default HTTP/2 handler has
 * no agent to route through a proxy (AWS SDK for JavaScript v3 developer guide, "Configure proxies for Node.js").
 */
import type { ClientRequest } from 'node:http'
import * as net from 'node:net'
import * as tls from 'node:tls'
import { Agent, type AgentConnectOpts } from 'agent-base'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { proxyFor, type ProxySettings } from './proxy.js'

export class ProxyRoutingAgent extends Agent {
  private readonly tunnels = new Map<string, HttpsProxyAgent<string>>()

  constructor(private readonly settings: ProxySettings) {
    super({ keepAlive: true })
  }

  connect(_request: ClientRequest, options: AgentConnectOpts): net.Socket | Agent {
    const scheme = options.secureEndpoint ? 'https' : 'http'
    const host = options.host ?? 'localhost'
    const proxy = proxyFor(new URL(`${scheme}://${host}:${options.port}`), this.settings)
    if (!proxy) {
      return options.secureEndpoint
        ? tls.connect({ ...options, servername: net.isIP(host) ? undefined : host })
        : net.connect(options)
    }
    let tunnel = this.tunnels.get(proxy)
    if (!tunnel) {
      tunnel = new HttpsProxyAgent(proxy, { keepAlive: true })
      this.tunnels.set(proxy, tunnel)
    }
    return tunnel
  }

  override destroy(): void {
    for (const tunnel of this.tunnels.values()) tunnel.destroy()
    super.destroy()
  }
}
