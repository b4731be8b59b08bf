/**
 * Behind a proxy, end to end: every AWS connection (STS, the control plane, the runtime) goes through a real
 * CONNECT proxy on 127.0.0.1; NO_PROXY is honoured; the http-proxy input wins over the environment; a proxy
 * that refuses gives a fault that names it; proxy credentials are masked.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startConnectProxy, type ConnectProxy } from '../../emulator/proxy.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { openAccount } from '../../emulator/state.js'
import { gateOf, runAction } from './harness.js'

let emulator: Emulator | undefined
const proxies: ConnectProxy[] = []
afterEach(async () => {
  await emulator?.close()
  emulator = undefined
  for (const proxy of proxies.splice(0)) await proxy.close()
})

const MODELS = 'us.anthropic.claude-sonnet-4-6, amazon.nova-lite-v1:0'

async function proxy(options: Parameters<typeof startConnectProxy>[0] = {}) {
  const started = await startConnectProxy(options)
  proxies.push(started)
  return started
}

async function probe(env: Record<string, string>, inputs: Record<string, string> = {}) {
  emulator = await startEmulator(openAccount())
  return runAction(emulator, { models: MODELS, regions: 'us-east-1', ...inputs }, { env })
}

/** Every connection the emulator accepted came out of one of this proxy's tunnels. */
function expectAllTunnelled(through: ConnectProxy) {
  const tunnelled = new Set(through.tunnels.map(tunnel => tunnel.upstreamPort))
  expect(emulator!.clientPorts.length).toBeGreaterThan(0)
  for (const port of emulator!.clientPorts) expect(tunnelled).toContain(port)
}

describe('behind a proxy', () => {
  it('HTTPS_PROXY: STS, the control plane and the runtime all go through the tunnel', async () => {
    const good = await proxy()
    const run = await probe({ HTTPS_PROXY: good.url })
    expect(run.outputs.result).toBe('pass')
    const operations = new Set(emulator!.calls.map(call => call.operation))
    for (const operation of ['GetCallerIdentity', 'GetFoundationModelAvailability', 'Converse'])
      expect(operations).toContain(operation)
    expect(good.tunnels.every(tunnel => tunnel.target === new URL(emulator!.url).host)).toBe(true)
    expectAllTunnelled(good)
  })

  it('NO_PROXY sends the listed hosts directly', async () => {
    const good = await proxy()
    const run = await probe({ HTTPS_PROXY: good.url, NO_PROXY: 'example.internal, 127.0.0.1' })
    expect(run.outputs.result).toBe('pass')
    expect(good.tunnels).toEqual([])
  })

  it('the http-proxy input wins over the environment, and no-proxy over NO_PROXY', async () => {
    const refusing = await proxy({ refuse: true })
    const good = await proxy()
    const run = await probe(
      { HTTPS_PROXY: refusing.url, NO_PROXY: '127.0.0.1' },
      { 'http-proxy': good.url, 'no-proxy': 'example.internal' }
    )
    expect(run.outputs.result).toBe('pass')
    expect(refusing.refused).toEqual([])
    expectAllTunnelled(good)
  })

  it('a proxy that refuses: inconclusive, and the fault names the proxy', async () => {
    const refusing = await proxy({ refuse: true })
    const run = await probe({ HTTPS_PROXY: refusing.url })
    expect(refusing.refused.length).toBeGreaterThan(0)
    expect(run.outputs.result).toBe('inconclusive')
    expect(run.code).toBe(1)
    const gate = gateOf(run, 'amazon.nova-lite-v1:0', 'us-east-1', 'credentials')
    expect(gate).toMatchObject({ status: 'warn', cause: 'proxy-failed' })
    expect(gate.detail).toContain(`through the proxy ${refusing.url}`)
    expect(gate.fix).toMatch(/allows CONNECT/)
    expect(run.summary).toContain('The proxy did not carry the requests to AWS: nothing was proven')
  })

  it("the proxy's credentials are used, masked, and never printed", async () => {
    const password = 'pr0xy-s3cret-EMULATOR'
    const guarded = await proxy({ credentials: { user: 'ci', password } })
    const run = await probe({ HTTPS_PROXY: guarded.url })
    expect(run.outputs.result).toBe('pass')
    expect(guarded.refused).toEqual([])
    expectAllTunnelled(guarded)
    expect(run.stdout).toContain(`::add-mask::${password}`)
    const printed = run.everything
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n')
    expect(printed).not.toContain(password)
  })

  it('a malformed http-proxy input is refused before any AWS call', async () => {
    const run = await probe({}, { 'http-proxy': 'proxy.internal:3128' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::Input "http-proxy" is not an http:\/\/ or https:\/\/ URL/)
    expect(emulator!.calls).toEqual([])
  })
})
