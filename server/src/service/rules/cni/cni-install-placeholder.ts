/**
 * Install-time placeholders (`__CNI_MTU__`, `__KUBECONFIG_FILEPATH__`): one note per
 * config, saying what the installer fills in. Other rules do not judge those values, and
 * a bare placeholder where a number goes is not a JSON error.
 */
import { cniConfigs } from '../../cni/cniDocument';
import { defineDocumentRule } from '../api/ruleTypes';

export const cniInstallPlaceholder = defineDocumentRule(
  {
    id: 'cni-install-placeholder',
    type: 'suggestion',
    defaultSeverity: 'information',
    documents: cniConfigs,
    description: 'A CNI config template’s install-time placeholders are noted once, and their values are not judged.',
    why: 'Installers (Calico’s install-cni, the AWS VPC CNI, flannel’s init container) ship the network config as a template and write the node’s values in before copying it to /etc/cni/net.d: "mtu": __CNI_MTU__ is not JSON until then. Kubewise checks everything else in the template, leaves the placeholders’ values alone, and says once what will be filled in, so the template reads as what it is.',
    remediation:
      'Nothing to do in the template; check the installed file on a node (/etc/cni/net.d) if a value looks wrong there.',
    equivalents: [],
    messages: {
      placeholders:
        'A template: the installer fills in {{names}} before writing it to the node; those values are not checked here.',
    },
    fixable: false,
  },
  (context) => {
    const placeholders = context.document.json.placeholders;
    const first = placeholders[0];
    if (!first) return;
    const names = [...new Set(placeholders.map((p) => p.name))];
    context.report({ at: [first.start, first.end], messageId: 'placeholders', data: { names: names.join(', ') } });
  },
);
