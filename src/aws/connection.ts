/**
 * When the next connection this process opens is ready to carry a request. The probe sends its identity request
 * first and loads the checks' code once that request's connection is open (src/run/probe.ts): loading the checks and
 * preparing their first requests is CPU work of the order of 100 ms, and done first it holds the identity
 * request back, since Node handles a connection's events only between those pieces of work.
 *
 * Node reports every client socket it creates on the `net.client.socket` diagnostics channel (TLS sockets too);
 * the subscription lasts until the first one.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { Socket } from 'node:net'

const CLIENT_SOCKET = 'net.client.socket'

export interface NextConnection {
  /** Resolves once the next client socket is connected (TLS: secured), or closed without connecting. */
  ready: Promise<void>
  /** Stops watching and resolves `ready` (the step that would have connected ended without doing so). */
  stop(): void
}

/**
 * Start `step` (whose first act is to open a connection), and `load` once that connection is open or the step has
 * ended without one.
 */
export function whileTheFirstConnectionOpens<S, L>(
  step: () => Promise<S>,
  load: () => Promise<L>
): { step: Promise<S>; loaded: Promise<L> } {
  const connection = watchNextConnection()
  const started = step()
  const loaded = Promise.race([connection.ready, started]).finally(connection.stop).then(load)
  return { step: started, loaded }
}

export function watchNextConnection(): NextConnection {
  let settle!: () => void
  const ready = new Promise<void>(resolve => (settle = resolve))
  const onSocket = (message: unknown) => {
    unsubscribe(CLIENT_SOCKET, onSocket)
    const socket = (message as { socket: Socket & { encrypted?: boolean } }).socket
    const done = () => settle()
    socket.once(socket.encrypted ? 'secureConnect' : 'connect', done)
    socket.once('close', done)
  }
  subscribe(CLIENT_SOCKET, onSocket)
  return {
    ready,
    stop: () => {
      unsubscribe(CLIENT_SOCKET, onSocket)
      settle()
    }
  }
}
