/**
 * The transport: one 127.0.0.1 port that speaks HTTP/1.1 and cleartext HTTP/2 (the runtime client speaks
 * HTTP/2); the first bytes of a connection pick the protocol.
 */
import { createServer as createHttp1Server, type ServerResponse } from 'node:http'
import { createServer as createHttp2Server, type Http2ServerResponse } from 'node:http2'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { randomBytes } from 'node:crypto'
import { Duplex } from 'node:stream'
import type { Reply, Req } from './wire.js'

export type Res = ServerResponse | Http2ServerResponse

const HTTP2_PREFACE = 'PRI * HTTP/2.0'

export interface Listener {
  url: string
  /** The remote (client) port of every connection accepted, in order. */
  clientPorts: number[]
  close(): Promise<void>
}

/** Listen on an ephemeral (or the given) loopback port; every request of either protocol goes to `handler`. */
export async function listen(handler: (req: Req, res: Res) => void, port = 0): Promise<Listener> {
  const sockets = new Set<Socket>()
  const clientPorts: number[] = []
  const http1 = createHttp1Server(handler)
  const http2 = createHttp2Server(handler)
  http2.on('sessionError', () => undefined)
  const net = createNetServer(socket => {
    sockets.add(socket)
    if (socket.remotePort !== undefined) clientPorts.push(socket.remotePort)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    socket.once('data', chunk => {
      socket.pause()
      if (chunk.toString('latin1', 0, HTTP2_PREFACE.length) === HTTP2_PREFACE) {
        // http2 reads a net.Socket's native handle directly, past anything unshifted: hand it a plain duplex instead.
        http2.emit('connection', bridge(socket, chunk))
      } else {
        socket.unshift(chunk)
        http1.emit('connection', socket)
      }
      socket.resume()
    })
  })
  await new Promise<void>(resolve => net.listen(port, '127.0.0.1', resolve))
  const address = net.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    clientPorts,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => net.close(() => resolve()))
      http1.close()
      http2.close()
    }
  }
}

/** A duplex that replays the sniffed first chunk, then relays the socket both ways. */
function bridge(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read() {},
    write(chunk, _encoding, callback) {
      socket.write(chunk, callback)
    },
    final(callback) {
      socket.end(callback)
    },
    destroy(error, callback) {
      socket.destroy()
      callback(error)
    }
  })
  duplex.push(first)
  socket.on('data', data => duplex.push(data))
  socket.on('end', () => duplex.push(null))
  socket.on('close', () => duplex.destroy())
  return duplex
}

export function writeReply(res: Res, reply: Reply): void {
  const headers = {
    'content-type': 'application/json',
    'x-amzn-requestid': randomBytes(8).toString('hex'),
    ...reply.headers
  }
  res.writeHead(reply.status, headers)
  res.end(reply.body)
}

export function readBody(req: Req): Promise<string> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(''))
  })
}
