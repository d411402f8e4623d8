/**
 * A short host name (`db:5432`, `http://db/api`) in an env var or ConfigMap value that
 * names a Service only in another namespace. A bare Service name resolves only from the
 * Service's own namespace (the pod's DNS search path starts with `<its namespace>.svc`,
 * KNOWLEDGE §5), so the client fails to resolve it; `<svc>.<ns>.svc.cluster.local` works
 * from everywhere. Silent when the value's namespace is not written, or when a Service of
 * that name may be in the same namespace.
 */
import { hostReferenceFacts } from '../../facts/hostReferences';
import { serviceFacts } from '../../facts/services';
import { servicesByName } from '../../facts/factIndexes';
import { defineWorkspaceRule } from '../api/ruleTypes';

export const shortHostOtherNamespace = defineWorkspaceRule(
  {
    id: 'short-host-other-namespace',
    type: 'problem',
    defaultSeverity: 'warning',
    description: "A short host name in configuration names a Service of the pod's own namespace.",
    why: "Inside a pod, a bare name such as `db` is resolved through the DNS search path, which starts with the pod's own namespace (`db.<namespace>.svc.cluster.local`). A Service of that name in another namespace is not found that way: the application fails with a name-resolution error, often only after it moved to a namespace of its own. The fully qualified `<service>.<namespace>.svc.cluster.local` resolves from every namespace.",
    remediation: 'Write the Service as <service>.<namespace>.svc.cluster.local when it lives in another namespace.',
    equivalents: [],
    messages: {
      otherNamespace: "'{{host}}' resolves only inside {{namespaces}}, not from namespace '{{namespace}}': write {{suggestion}}.",
    },
    fixable: true,
    facts: [hostReferenceFacts, serviceFacts],
  },
  (context) => {
    // Reading the whole workspace costs a pass over every file: only when this file has something to check.
    if (context.inFile(hostReferenceFacts).length === 0) return;
    for (const fact of context.inFile(hostReferenceFacts)) {
      if (fact.namespace === '') continue;
      for (const reference of fact.hosts) {
        // Looked up by name: the judgement depends on the Services of that name.
        const named = context.lookup(servicesByName, reference.host);
        if (named.length === 0 || named.some((s) => s.namespace === '' || s.namespace === fact.namespace)) continue;
        const namespaces = [...new Set(named.map((s) => s.namespace))].sort();
        const only = namespaces.length === 1 ? namespaces[0] : undefined;
        const qualified = only ? `${reference.host}.${only}.svc.cluster.local` : undefined;
        context.report({
          fact,
          at: reference.at,
          messageId: 'otherNamespace',
          data: {
            host: reference.host,
            namespaces: namespaces.map((n) => `'${n}'`).join(', '),
            namespace: fact.namespace,
            suggestion: qualified ?? `<service>.<namespace>.svc.cluster.local`,
          },
          fixes: qualified
            ? [{ title: `Use ${qualified}`, edits: [{ start: reference.at[0], end: reference.at[1], text: qualified }] }]
            : [],
        });
      }
    }
  },
);
