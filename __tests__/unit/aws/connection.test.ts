/** The identity request's connection, watched so the checks' code loads after it opens. */
import { afterEach, describe, expect, it } from '@jest/globals'
import { connect, createServer, type Server } from 'node:net'
import { watchNextConnection } from '../../../src/aws/connection.js'

let server: Server | undefined
afterEach(() => new Promise<void>(resolve => (server ? server.close(() => resolve()) : resolve())))

const listening = () =>
  new Promise<number>(resolve => {
    server = createServer(socket => socket.end())
    server.listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port))
  })

/** Whether the promise settled within the current turn of the event loop (plus its microtasks). */
const settledNow = async (promise: Promise<void>) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>(resolve => setImmediate(() => resolve(false)))
  ])

describe('watchNextConnection', () => {
  it('is ready once the next client socket has connected, not before', async () => {
    const port = await listening()
    const watch = watchNextConnection()
    expect(await settledNow(watch.ready)).toBe(false)
    const socket = connect(port, '127.0.0.1')
    let connected = false
    socket.on('connect', () => (connected = true))
    await watch.ready
    expect(connected).toBe(true)
    socket.destroy()
  })

  it('is ready when the socket closes without connecting (nothing listens)', async () => {
    const port = await listening()
    await new Promise<void>(resolve => server!.close(() => resolve()))
    server = undefined
    const watch = watchNextConnection()
    connect(port, '127.0.0.1').on('error', () => {})
    await expect(watch.ready).resolves.toBeUndefined()
  })

  it('stop() makes it ready and stops watching: a later socket is not waited for', async () => {
    const watch = watchNextConnection()
    watch.stop()
    expect(await settledNow(watch.ready)).toBe(true)
  })
})
