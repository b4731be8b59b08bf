/** Typed jest doubles of @actions/core, for jest.unstable_mockModule('@actions/core', () => core). */
import type * as core from '@actions/core'
import { jest } from '@jest/globals'

export const debug = jest.fn<typeof core.debug>()
export const info = jest.fn<typeof core.info>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const getInput = jest.fn<typeof core.getInput>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const setSecret = jest.fn<typeof core.setSecret>()
export const getIDToken = jest.fn<typeof core.getIDToken>()
export const startGroup = jest.fn<typeof core.startGroup>()
export const endGroup = jest.fn<typeof core.endGroup>()
export const exportVariable = jest.fn<typeof core.exportVariable>()
interface SummaryDouble {
  addRaw: jest.Mock<(text: string) => SummaryDouble>
  write: jest.Mock<() => Promise<SummaryDouble>>
}
export const summary: SummaryDouble = {
  addRaw: jest.fn<(text: string) => SummaryDouble>(() => summary),
  write: jest.fn<() => Promise<SummaryDouble>>(async () => summary)
}
