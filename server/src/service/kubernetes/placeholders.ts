/**
 * Values that stand for something a tool fills in before the manifest is applied:
 * Go templates (`{{ .Values.image }}`), shell and envsubst variables (`${IMAGE}`,
 * `$IMAGE`), sed-style markers (`__MTU__`, `{SERVICE_IP_PREFIX}`) and angle-bracket
 * prompts (`<YOUR-IMAGE>`, `<image_url>`). Rules about a value leave these alone: the
 * real value is not in the file.
 */
const PLACEHOLDER = /\{\{|\$\{[^}]*\}|^\$[A-Za-z_][A-Za-z0-9_]*|__[A-Z][A-Z0-9_]*__|\{[A-Z][A-Z0-9_]*\}|<[A-Za-z][^<>]*>/;

export function looksLikePlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}
