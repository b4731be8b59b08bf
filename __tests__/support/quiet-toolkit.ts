/**
 * Unit tests run toolkit code in-process (@actions/glob under models-from), whose core.debug writes `::debug::`
 * lines to stdout: the runner hides them unless step debugging is on, so the test output hides them too. Every
 * other line is written as it is.
 */
const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
  typeof chunk === 'string' && chunk.startsWith('::debug::')
    ? true
    : write(chunk, ...rest)) as typeof process.stdout.write
