/**
 * The Widget CRD (example.com/v1) that the CRD tests share: `lines` are the fields of its
 * `spec`, as written under `properties:` (one line each, indented by the helper).
 */
export function widgetCrd(lines: readonly string[] = ['size: {type: integer}']): string {
  const head = [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    '  name: widgets.example.com',
    'spec:',
    '  group: example.com',
    '  names: {kind: Widget, plural: widgets}',
    '  scope: Namespaced',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    '          type: object',
    '          properties:',
    '            spec:',
    '              type: object',
    '              properties:',
  ];
  return `${head.join('\n')}\n${lines.map((line) => `                ${line}\n`).join('')}`;
}
