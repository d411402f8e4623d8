/**
 * Two config files of one folder defining the same network name: runtimes that load
 * every config (podman, Multus's delegates, libcni's lookups by name) take the lexically
 * first and ignore the other, so editing the second changes nothing.
 */
import { cniNetworkFacts, loadingOrder } from '../../facts/cniNetworks';
import { defineWorkspaceRule } from '../api/ruleTypes';

export const cniDuplicateNetworkName = defineWorkspaceRule(
  {
    id: 'cni-duplicate-network-name',
    type: 'problem',
    defaultSeverity: 'warning',
    facts: [cniNetworkFacts],
    description: 'No two CNI config files in one folder define the same network name.',
    why: 'A network name is unique on a host: libcni looks a network up by name in the lexically first file that defines it, and IPAM state lives under the name. Two files of /etc/cni/net.d with one name (a copy left as 10-net.conflist.bak.conflist, an installer writing its own next to yours) mean one of them is silently ignored, and edits to it do nothing; host-local would also share one address pool between them.',
    remediation: 'Give each network its own name, or delete the file that is not meant to be used.',
    equivalents: [],
    messages: {
      loaded:
        'The network "{{network}}" is also defined in {{others}}: the runtime uses this file (the lexically first) and ignores {{them}}.',
      ignored:
        'The network "{{network}}" is also defined in {{loaded}}, which sorts first: the runtime uses that one and ignores this file.',
    },
    fixable: false,
  },
  (context) => {
    const all = context.all(cniNetworkFacts);
    for (const fact of context.inFile(cniNetworkFacts)) {
      if (fact.network === undefined) continue;
      const same = loadingOrder(all.filter((other) => other.directory === fact.directory && other.network === fact.network));
      if (same.length < 2) continue;
      const [loaded, ...ignored] = same;
      if (loaded!.filePath === fact.filePath) {
        const others = ignored.map((other) => other.fileName).join(', ');
        context.report({
          fact,
          messageId: 'loaded',
          data: { network: fact.network, others, them: ignored.length === 1 ? 'it' : 'them' },
        });
      } else {
        context.report({ fact, messageId: 'ignored', data: { network: fact.network, loaded: loaded!.fileName } });
      }
    }
  },
);
