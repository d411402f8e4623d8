/** Every handler is guarded: a bug in one request must never end the server. */
import type { Connection } from 'vscode-languageserver/node';

export type Guard = <A extends unknown[], R>(
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
) => (...args: A) => Promise<R>;

/** Logs a failed handler's error once, with its name, and answers `fallback`. */
export function guardFor(connection: Connection): Guard {
  return (name, fallback, handler) =>
    async (...args) => {
      try {
        return await handler(...args);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
}
