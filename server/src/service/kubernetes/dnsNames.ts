/**
 * The name syntaxes the API enforces (apimachinery's validation): RFC 1123 subdomains
 * and labels, and IANA service names for named ports.
 */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 label: at most 63 lowercase letters, digits and `-`, alphanumeric at both ends. */
export function isDns1123Label(text: string): boolean {
  return text.length <= 63 && LABEL.test(text);
}

/** A DNS-1123 subdomain: dot-separated labels, at most 253 characters. */
export function isDns1123Subdomain(text: string): boolean {
  return text.length > 0 && text.length <= 253 && text.split('.').every(isDns1123Label);
}

/**
 * What is wrong with a port name by the IANA service-name rules (IsValidPortName): at
 * most 15 characters of lowercase letters, digits and `-`, at least one letter, no `--`,
 * no `-` at either end. Undefined when it is valid.
 */
export function portNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 15) return `it has ${name.length} characters (at most 15)`;
  if (!/^[-a-z0-9]+$/.test(name)) return 'only lowercase letters, digits and - are allowed';
  if (!/[a-z]/.test(name)) return 'it needs at least one letter';
  if (name.includes('--')) return 'it contains --';
  if (name.startsWith('-') || name.endsWith('-')) return 'it starts or ends with -';
  return undefined;
}
