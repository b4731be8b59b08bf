/** Which proxy a request goes through: the inputs, then the environment, and NO_PROXY's rules. */
import { describe, expect, it } from '@jest/globals'
import { describeProxy, proxyFor, resolveProxy } from '../../../src/aws/proxy.js'

const PROXY = 'http://proxy.internal:3128'

describe('resolveProxy', () => {
  it('takes the input first, then HTTPS_PROXY, then HTTP_PROXY, in either case', () => {
    expect(resolveProxy({ httpProxy: PROXY }, { HTTPS_PROXY: 'http://other:1' })?.url).toBe(PROXY)
    expect(resolveProxy({}, { https_proxy: PROXY, HTTP_PROXY: 'http://other:1' })?.url).toBe(PROXY)
    expect(resolveProxy({}, { http_proxy: PROXY })?.url).toBe(PROXY)
    expect(resolveProxy({}, {})).toBeUndefined()
  })

  it('takes no-proxy first, then NO_PROXY, split on commas and spaces', () => {
    expect(resolveProxy({ noProxy: 'a.internal' }, { HTTPS_PROXY: PROXY, NO_PROXY: 'b' })?.noProxy).toEqual([
      'a.internal'
    ])
    expect(
      resolveProxy({}, { HTTPS_PROXY: PROXY, no_proxy: 'A.internal, .b.internal  c:8443' })?.noProxy
    ).toEqual(['a.internal', '.b.internal', 'c:8443'])
  })
})

describe('proxyFor', () => {
  const settings = (noProxy: string[]) => ({ url: PROXY, noProxy })
  const bedrock = new URL('https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse')

  it('routes through the proxy unless NO_PROXY names the host', () => {
    expect(proxyFor(bedrock, settings([]))).toBe(PROXY)
    expect(proxyFor(bedrock, settings(['*']))).toBeUndefined()
    expect(proxyFor(bedrock, settings(['amazonaws.com']))).toBeUndefined()
    expect(proxyFor(bedrock, settings(['.amazonaws.com']))).toBeUndefined()
    expect(proxyFor(bedrock, settings(['*.amazonaws.com']))).toBeUndefined()
    expect(proxyFor(bedrock, settings(['bedrock-runtime.us-east-1.amazonaws.com']))).toBeUndefined()
    expect(proxyFor(bedrock, settings(['ws.com']))).toBe(PROXY)
  })

  it('honours a port in a NO_PROXY entry, and IP addresses', () => {
    expect(proxyFor(bedrock, settings(['amazonaws.com:443']))).toBeUndefined()
    expect(proxyFor(bedrock, settings(['amazonaws.com:8443']))).toBe(PROXY)
    expect(proxyFor(new URL('http://127.0.0.1:4566/'), settings(['127.0.0.1']))).toBeUndefined()
    expect(proxyFor(new URL('http://127.0.0.1:4566/'), settings(['127.0.0.1:9999']))).toBe(PROXY)
  })
})

describe('describeProxy', () => {
  it('never shows the credentials', () => {
    expect(describeProxy('http://ci:s3cret@proxy.internal:3128')).toBe('http://proxy.internal:3128')
  })
})
