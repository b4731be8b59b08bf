/**
 * After every end-to-end test, each answer the emulators of this test file gave since the last check is held to
 * AWS's model of its operation (validate.ts): a violation fails the test that drew it, naming the operation, the
 * member and the rule.
 */
import { afterEach } from '@jest/globals'
import { startedEmulators, type Emulator } from '../../emulator/server.js'
import { contractViolations } from './validate.js'

const checked = new Map<Emulator, number>()

afterEach(() => {
  const violations: string[] = []
  for (const emulator of startedEmulators) {
    const from = checked.get(emulator) ?? 0
    violations.push(...contractViolations(emulator.calls.slice(from)))
    checked.set(emulator, emulator.calls.length)
  }
  if (violations.length > 0)
    throw new Error(`the emulator answered as no AWS endpoint does:\n${[...new Set(violations)].join('\n')}`)
})
