/** The one logging interface: the action writes through @actions/core, the CLI to stderr, tests to arrays. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
}
