/**
 * How long a container's preStop hook is certain to sleep, read conservatively: a
 * finding built on a guessed duration would be a false positive, so anything we cannot
 * read with certainty counts as no sleep at all. Understood: the native handler
 * (`sleep: {seconds: N}`), `exec` of `sleep N` / `sleep Ns`, and shell scripts
 * (`sh -c "sleep 5 && nginx -s quit"`) that are straight-line sequences of commands.
 */
import { isScalar } from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { findPair, getMap, getMapAt, getSeq, resolveNode } from '../document/yamlNodes';

export interface PreStopSleep {
  seconds: number;
  /** What carries the duration: the `seconds` pair, the `N` argument or the script. */
  node: Node | Pair<unknown, unknown>;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
/** `-c`, or combined flags such as `-ec`: the next argument is the script. */
const COMMAND_FLAG = /^-[a-z]*c[a-z]*$/;
/** Branches, loops, subshells and substitutions: beyond a straight-line reading. */
const CONTROL_FLOW = /[`(){}]|\$\(|\b(if|then|else|elif|fi|for|while|until|do|done|case|esac|function|trap)\b/;
const QUOTED = /'[^']*'|"(?:[^"\\]|\\.)*"/g;
const ERREXIT = /\bset\s+(-[a-z]*e|-o\s+errexit)/;

export function preStopSleep(doc: Document.Parsed, container: YAMLMap): PreStopSleep | undefined {
  const preStop = getMapAt(doc, container, ['lifecycle', 'preStop']);
  if (!preStop) return undefined;
  const native = getMap(doc, preStop, 'sleep');
  if (native) {
    const pair = findPair(doc, native, 'seconds');
    const value = pair && resolveNode(doc, pair.value);
    const seconds = isScalar(value) ? value.value : undefined;
    return pair && typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 ? { seconds, node: pair } : undefined;
  }
  const command = getSeq(doc, getMap(doc, preStop, 'exec'), 'command');
  return command ? commandSleep(doc, command) : undefined;
}

function commandSleep(doc: Document.Parsed, command: YAMLSeq): PreStopSleep | undefined {
  const args: { text: string; node: Node }[] = [];
  for (const item of command.items) {
    const node = resolveNode(doc, item);
    // The API takes strings only; a list with anything else is rejected before it runs.
    if (!isScalar(node) || typeof node.value !== 'string') return undefined;
    args.push({ text: node.value, node });
  }
  const program = basename(args[0]?.text ?? '');
  if (program === 'sleep' && args.length === 2 && args[1]) {
    const seconds = parseDuration(args[1].text);
    return seconds ? { seconds, node: args[1].node } : undefined;
  }
  if (!SHELLS.has(program)) return undefined;
  let errexit = false;
  for (let i = 1; i < args.length; i++) {
    const flag = args[i]?.text ?? '';
    if (!flag.startsWith('-')) return undefined;
    if (flag.slice(1).includes('e')) errexit = true;
    if (!COMMAND_FLAG.test(flag)) continue;
    const script = args[i + 1];
    const seconds = script && scriptSleep(script.text, errexit);
    return script && seconds ? { seconds, node: script.node } : undefined;
  }
  return undefined;
}

/**
 * The seconds a shell script certainly spends in `sleep`: statements separated by `;` or
 * newlines all run (until a possible failure under `set -e`); in an `a && b || c` chain a
 * command certainly runs only while everything before it is a sleep joined by `&&`.
 * Backgrounded statements (`&`) and pipelines do not hold the hook.
 */
export function scriptSleep(script: string, errexit = false): number {
  // Quoted text is data, not commands: `echo "sleep 99"` sleeps for nothing.
  const code = script.replace(QUOTED, '_');
  if (CONTROL_FLOW.test(code)) return 0;
  let mayExit = false;
  let total = 0;
  for (const statement of code.split(/[;\n]/)) {
    if (ERREXIT.test(statement)) {
      errexit = true;
      continue;
    }
    if (/(^|[^&])&($|[^&])/.test(statement)) continue;
    const chain = statement.split(/(&&|\|\|)/);
    let certain = !mayExit;
    let allSlept = true;
    for (let i = 0; i < chain.length; i += 2) {
      const seconds = commandSeconds(chain[i] ?? '');
      if (certain && seconds !== undefined) total += seconds;
      if (seconds === undefined && chain[i]?.trim()) allSlept = false;
      certain = certain && seconds !== undefined && chain[i + 1] === '&&';
    }
    // Under errexit a statement that is not all sleeps may stop the script.
    if (errexit && !allSlept) mayExit = true;
  }
  return total;
}

/** The duration of a simple `sleep N` command, or undefined for any other command. */
function commandSeconds(command: string): number | undefined {
  const words = command.trim().split(/\s+/);
  if (words.length !== 2 || basename(words[0] ?? '') !== 'sleep') return undefined;
  return parseDuration(words[1] ?? '');
}

/** `N` or `Ns`, whole seconds; other forms (`1m`, `0.5`, `infinity`) are not guessed at. */
function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,9})s?$/.exec(text.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
