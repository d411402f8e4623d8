/**
 * How the extension starts the language server's Node process. The bench starts Kubewise's
 * server the same way (bench/lsp-latency.mjs), so its numbers are those of the extension.
 *
 * `--max-semi-space-size=8` (MB): V8's young generation grows to three semi-spaces of 16 MB
 * by default, and a check of a large file fills it with short-lived objects (parse trees,
 * rule scratch) between collections. Capped at 8 MB, the peak resident memory of a
 * 1,000-document file drops from about 130 to 115 MB, for the same first check and a few
 * milliseconds more per keystroke at 5,000 documents (more, smaller collections).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=8'];
