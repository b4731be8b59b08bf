/** The start-up bundle's stand-in for undici: nothing works until the real one is loaded, then it forwards. */
import { describe, expect, it } from '@jest/globals'
import { fetch, loadUndici, ProxyAgent } from '../../src/support/undici-on-demand.js'

describe('src/support/undici-on-demand', () => {
  it('refuses before loadUndici, naming the fix, and forwards after it', async () => {
    expect(() => fetch('http://127.0.0.1:1')).toThrow(/call loadUndici\(\) before talking to the GitHub API/)
    expect(() => new ProxyAgent('http://proxy.internal:3128')).toThrow(/loadUndici/)
    await loadUndici()
    const agent = new ProxyAgent('http://proxy.internal:3128')
    expect(typeof agent.dispatch).toBe('function')
    await agent.close()
    await expect(fetch('http://127.0.0.1:1')).rejects.toThrow()
  })
})
