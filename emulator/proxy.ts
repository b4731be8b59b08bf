/**
 * A forward proxy on 127.0.0.1 for end-to-end tests: it answers HTTP CONNECT by tunnelling to the target and
 * logs each tunnel (target, and the local port of its upstream socket, so a test can match the emulator's
 * connections to tunnels). It can require Basic credentials, or refuse every CONNECT as a locked-down proxy does.
 */
import { createServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface Tunnel {
  target: string
  /** The local port of the proxy's socket to the target: the emulator sees it as the client's port. */
  upstreamPort?: number
}

export interface ConnectProxy {
  url: string
  tunnels: Tunnel[]
  /** CONNECT requests refused. */
  refused: string[]
  close(): Promise<void>
}

export async function startConnectProxy(
  options: { refuse?: boolean; credentials?: { user: string; password: string } } = {}
): Promise<ConnectProxy> {
  const tunnels: Tunnel[] = []
  const refused: string[] = []
  const sockets = new Set<Socket>()
  const server = createServer((_req, res) => {
    res.writeHead(405, { 'content-type': 'text/plain' })
    res.end('this test proxy only tunnels (CONNECT)')
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? ''
    const expected = options.credentials
      ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`
      : undefined
    if (options.refuse || (expected && req.headers['proxy-authorization'] !== expected)) {
      refused.push(target)
      const status = options.refuse ? '403 Forbidden' : '407 Proxy Authentication Required'
      client.end(
        `HTTP/1.1 ${status}\r\ncontent-type: text/plain\r\ncontent-length: 20\r\n\r\nblocked by the proxy`
      )
      return
    }
    const [host, port] = target.split(':')
    const upstream = connect(Number(port), host!, () => {
      tunnels.push({ target, upstreamPort: upstream.localPort })
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const auth = options.credentials ? `${options.credentials.user}:${options.credentials.password}@` : ''
  return {
    url: `http://${auth}127.0.0.1:${port}`,
    tunnels,
    refused,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}
