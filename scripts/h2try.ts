import { startEmulator } from '../__tests__/emulator/server.js'
import { openAccount } from '../__tests__/emulator/state.js'
import http2 from 'node:http2'
const e = await startEmulator(openAccount())
const s = http2.connect(e.url)
s.on('error', err => console.log('session error', err))
const r = s.request({ ':path': '/model/x/converse', ':method': 'POST' })
r.on('response', h => console.log('resp', h))
r.on('data', d => console.log(String(d)))
r.on('end', () => { s.close(); e.close() })
r.on('error', err => console.log('stream error', err))
r.end('{}')
