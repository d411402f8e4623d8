/**
 * Label keys and values as the API server validates them (apimachinery's
 * IsQualifiedName and IsValidLabelValue), and the YAML types kubectl's decoder reads
 * where a label wants a string. Each check returns why a text is rejected, in words a
 * message can quote, or undefined when the API accepts it.
 */
import { isScalar, Scalar } from 'yaml';

const NAME_MAX = 63;
const PREFIX_MAX = 253;
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label key is rejected: `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 characters. */
export function labelKeyProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a key holds at most one "/", between the prefix and the name';
  const name = parts.length === 2 ? (parts[1] as string) : key;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (prefix.length === 0) return 'the prefix before "/" is empty';
    if (prefix.length > PREFIX_MAX) return `the prefix is ${prefix.length} characters long, more than ${PREFIX_MAX}`;
    if (!DNS_SUBDOMAIN.test(prefix)) {
      return 'the prefix must be a DNS subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';
    }
  }
  if (name.length === 0) return 'the name is empty';
  return nameProblem(name, 'name');
}

/** Why a label value is rejected: empty, or at most 63 characters of `A-Za-z0-9-_.` that start and end alphanumeric. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length === 0) return undefined;
  return nameProblem(value, 'value');
}

function nameProblem(text: string, what: 'name' | 'value'): string | undefined {
  if (text.length > NAME_MAX) return `the ${what} is ${text.length} characters long, more than ${NAME_MAX}`;
  if (NAME.test(text)) return undefined;
  const bad = [...text].find((char) => !/[-A-Za-z0-9_.]/.test(char));
  if (bad !== undefined) return `the ${what} may hold only letters, digits, "-", "_" and "." (not ${JSON.stringify(bad)})`;
  return `the ${what} must start and end with a letter or digit`;
}

/**
 * Plain scalars YAML 1.1 reads as booleans. kubectl decodes manifests with go-yaml v2,
 * a YAML 1.1 parser, so `enabled: yes` is a boolean there even though YAML 1.2 (and
 * this parser) read a string.
 */
const YAML11_BOOLEANS = new Set(
  ['y', 'yes', 'true', 'on', 'n', 'no', 'false', 'off'].flatMap((word) => [
    word,
    word.toUpperCase(),
    word[0]!.toUpperCase() + word.slice(1),
  ]),
);

export type NonStringType = 'a number' | 'a boolean';

/** What kubectl's decoder reads a scalar as, when a string is expected and it is something else. */
export function nonStringScalarType(node: unknown): NonStringType | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number' || typeof node.value === 'bigint') return 'a number';
  if (typeof node.value === 'boolean') return 'a boolean';
  if (node.type === Scalar.PLAIN && typeof node.value === 'string' && YAML11_BOOLEANS.has(node.value)) return 'a boolean';
  return undefined;
}

/** Marks of Helm, Go templates and envsubst: values resolved elsewhere, never judged here. */
export const TEMPLATED = /\{\{|\$\{|\$\(|^\$[A-Za-z_]\w*$/;
