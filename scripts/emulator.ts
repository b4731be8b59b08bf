/**
 * npm run emulator: the local AWS emulator on 127.0.0.1 with an account where every gate is open, until
 * Ctrl-C. Point the SDK at it to try the CLI or `npm run local-action` without AWS:
 *   AWS_ENDPOINT_URL=<printed URL> AWS_ACCESS_KEY_ID=AKIAEMULATORAMBIENT1 AWS_SECRET_ACCESS_KEY=x
 * A fixed port, for a .env that keeps working: `npm run emulator -- --port 4566` (or EMULATOR_PORT=4566).
 */
import { parseArgs } from 'node:util'
import { startEmulator } from '../emulator/server.js'
import { AMBIENT_KEY, openAccount } from '../emulator/state.js'

const { values } = parseArgs({ options: { port: { type: 'string' } } })
const port = Number(values.port ?? process.env.EMULATOR_PORT ?? 0)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a TCP port number, not "${values.port ?? process.env.EMULATOR_PORT}"`)
  process.exit(2)
}
const emulator = await startEmulator(openAccount(), port)
console.log(emulator.url)
console.error(
  `AWS emulator listening. export AWS_ENDPOINT_URL=${emulator.url} AWS_ACCESS_KEY_ID=${AMBIENT_KEY} AWS_SECRET_ACCESS_KEY=x`
)
process.on('SIGINT', () => void emulator.close().then(() => process.exit(0)))
