import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'monitor-labelmap-all-labels';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-labelmap.yaml', {
      errors: [{ messageId: 'labelmap', data: { regex: '__meta_kubernetes_pod_label_(.+)', what: 'pod' }, line: 14, column: 11 }],
    }),
    fixtures.invalid('fire-prometheus-yml.yaml', {
      errors: [
        {
          messageId: 'labelmap',
          data: { regex: '__meta_kubernetes_pod_label_(.+)', what: 'pod' },
          line: 16,
          column: 20,
          endColumn: 52,
        },
      ],
    }),
    {
      name: 'a ServiceMonitor over service labels, action in any case',
      code: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: fire\nspec:\n  endpoints:\n    - port: m\n      relabelings:\n        - {action: LabelMap, regex: "__meta_kubernetes_service_label_(.*)"}\n',
      errors: [
        { messageId: 'labelmap', data: { regex: '__meta_kubernetes_service_label_(.*)', what: 'service' }, line: 9, column: 30 },
      ],
    },
  ],
});
