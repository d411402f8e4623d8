#!/usr/bin/env node
// Writes schemas/cni-config.schema.json: a JSON Schema (draft-07) of CNI network
// configurations, the reference plugins included. The facts (keys, types, defaults,
// allowed values, ranges, which spec version introduced a key) come from the CNI
// specification 1.1.0, its conventions and the reference plugins' documentation
// (../shared/upstream/cni/, see SOURCE.json); the descriptions are our own words.
// Validation (ajv), hovers and completion in server/src/service/cni/ read the output.
//
//   node scripts/generate-cni-schema.mjs                  write the schema
//   node scripts/generate-cni-schema.mjs --check          exit 1 when it is stale
//   node scripts/generate-cni-schema.mjs --upstream DIR   also check that every key the
//                                                         plugin docs in DIR list is here
//
// Extension keywords (ignored by validation, read by hovers and rules):
//   x-since    the spec version that introduced a top-level key
//   x-plugin   on a plugin definition: { kind: main|meta|ipam, ipam: required|unless-chained|optional|forbidden-when, chained }
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'schemas', 'cni-config.schema.json');

export const CNI_VERSIONS = ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0', '1.1.0'];

// ---------------------------------------------------------------- value shapes

const ref = (name) => ({ $ref: `#/definitions/${name}` });
const bool = (description, byDefault) => ({
  ...ref('boolean'),
  description,
  ...(byDefault === undefined ? {} : { default: byDefault }),
});
const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const int = (description, extra = {}) => ({ type: 'integer', description, ...extra });
const oneOf = (values, description, byDefault) => ({
  type: 'string',
  enum: values,
  description,
  ...(byDefault === undefined ? {} : { default: byDefault }),
});
const strings = (description) => ({ type: 'array', items: { type: 'string' }, description });
const MTU = int('The MTU of the interface; by default the kernel chooses.', { minimum: 0 });
const MASQ_BACKEND = oneOf(
  ['iptables', 'nftables'],
  'Which firewall implements the masquerade when ipMasq is on. By default iptables, unless only nftables is available.',
);
const VLAN_ID = { minimum: 0, maximum: 4094 };
const IPAM_REQUIRED = 'Where this plugin gets addresses: an IPAM section (an empty object for an interface without addresses).';

/** The capabilities CONVENTIONS.md lists: what a runtime may fill in for a plugin that asks. */
export const CAPABILITIES = [
  'portMappings',
  'ipRanges',
  'bandwidth',
  'dns',
  'ips',
  'mac',
  'infinibandGUID',
  'deviceID',
  'aliases',
  'cgroupPath',
];

const CAPABILITY_TEXT = {
  portMappings: 'the host ports to forward to the container (a pod’s hostPort; the portmap plugin)',
  ipRanges: 'the address ranges to allocate from (host-local)',
  bandwidth: 'ingress and egress limits (the bandwidth plugin; a pod’s kubernetes.io/ingress-bandwidth annotations)',
  dns: 'DNS servers and search domains (the Windows plugins)',
  ips: 'specific addresses for the interface (static, host-local)',
  mac: 'a MAC address for the interface (tuning, bridge)',
  infinibandGUID: 'an InfiniBand GUID for the interface',
  deviceID: 'the PCI address of the device to use (host-device, SR-IOV)',
  aliases: 'names for the container’s addresses',
  cgroupPath: 'the pod’s cgroup path',
};

/** Windows plugins spell their DNS keys with capitals. */
const WINDOWS_DNS = {
  type: 'object',
  description: 'DNS settings for the endpoint.',
  properties: {
    Nameservers: strings('Name servers.'),
    Search: strings('Search domains.'),
    nameservers: strings('Name servers.'),
    search: strings('Search domains.'),
  },
};

/** Keys every plugin object may carry, reference or third-party. */
const PLUGIN_COMMON = {
  type: str(
    'The plugin to run: the name of an executable the runtime looks for in its CNI_PATH (/opt/cni/bin on Kubernetes nodes). No / or \\ in it.',
  ),
  name: str('In a plugin of a list: ignored, the runtime passes the list’s name.'),
  cniVersion: str('In a plugin of a list: ignored, the runtime passes the list’s version.'),
  capabilities: {
    type: 'object',
    description: `Capabilities the plugin wants the runtime to fill in at run time (in runtimeConfig): ${CAPABILITIES.join(', ')}.`,
    properties: Object.fromEntries(
      Object.entries(CAPABILITY_TEXT).map(([name, text]) => [name, bool(`Ask the runtime for ${text}.`)]),
    ),
    additionalProperties: ref('boolean'),
  },
  ipam: ref('ipam'),
  dns: ref('dns'),
  ipMasq: bool('A well-known key: set up IP masquerade on the host for this network, where the plugin supports it.'),
};

/** Keys of the network configuration itself (a list, or the one plugin of a `.conf`). */
const NETWORK = {
  cniVersion: {
    type: 'string',
    description:
      'The version of the CNI specification this configuration follows; plugins answer in that version’s result format. The runtime picks the highest version that both this config (with cniVersions) and the plugin support.',
    enum: CNI_VERSIONS,
    'x-since': '0.1.0',
  },
  cniVersions: {
    type: 'array',
    items: { type: 'string', enum: CNI_VERSIONS },
    description: 'Every spec version this configuration also works with; the runtime picks the highest one it supports.',
    'x-since': '1.1.0',
  },
  name: str(
    'The network’s name, unique on the host: IPAM keeps its state under it, and runtimes that load many configs tell networks apart by it. Starts with a letter or digit, then letters, digits, _ . -',
    { 'x-since': '0.1.0' },
  ),
  disableCheck: {
    ...bool('Tell the runtime never to run CHECK on this network (for plugins known to report false failures).', false),
    'x-since': '0.4.0',
  },
  disableGC: {
    ...bool('Tell the runtime never to run GC on this network (when several runtimes share its state).', false),
    'x-since': '1.1.0',
  },
  loadOnlyInlinedPlugins: {
    ...bool(
      'Use only the plugins written in this file: plugin configs found elsewhere for this network (a folder named after it) are ignored. Needs plugins.',
      false,
    ),
    'x-since': '1.1.0',
  },
  plugins: {
    type: 'array',
    items: ref('plugin'),
    description:
      'The plugins to run, in order, for ADD (in reverse for DEL): a main plugin that creates the interface, then meta plugins that adjust it (portmap, bandwidth, tuning, firewall).',
    'x-since': '0.3.0',
  },
};

// ---------------------------------------------------------------- reference plugins

const PLUGINS = {
  bridge: {
    kind: 'main',
    ipam: 'required',
    description:
      'Creates a Linux bridge on the host (if missing) and plugs each container into it through a veth pair; with isGateway the bridge gets an address and routes the containers’ traffic.',
    properties: {
      bridge: str('The bridge to use or create on the host.', { default: 'cni0' }),
      isGateway: bool('Give the bridge an address from IPAM, so it is the containers’ gateway.', false),
      isDefaultGateway: bool('Implies isGateway, and makes that address the containers’ default route.', false),
      forceAddress: bool('Replace the bridge’s address when it differs from the one IPAM gives.', false),
      ipMasq: bool('Masquerade traffic leaving this network for outside it.', false),
      ipMasqBackend: MASQ_BACKEND,
      mtu: MTU,
      hairpinMode: bool('Let a container reach itself through the bridge (for Services that point back at the same pod).', false),
      ipam: { ...ref('ipam'), description: IPAM_REQUIRED },
      promiscMode: bool('Put the bridge in promiscuous mode.', false),
      vlan: int('Tag the container’s traffic with this VLAN id on the bridge.', VLAN_ID),
      preserveDefaultVlan: bool('Keep the default VLAN on the bridge side of the veth.', false),
      vlanTrunk: {
        type: 'array',
        description: 'VLANs allowed on a trunk port: entries with an id, or a range minID..maxID.',
        items: {
          type: 'object',
          properties: {
            id: int('One VLAN id.', VLAN_ID),
            minID: int('First VLAN id of a range.', VLAN_ID),
            maxID: int('Last VLAN id of a range.', VLAN_ID),
          },
        },
      },
      enabledad: bool('Run duplicate address detection on the container’s interface.', false),
      macspoofchk: bool('Drop traffic from the container whose source MAC is not its interface’s.', false),
      disableContainerInterface: bool('Leave the container’s interface down (then IPAM cannot be used).', false),
      portIsolation: bool(
        'Isolate the host side of the veth: containers reach only the host or the gateway, not each other.',
        false,
      ),
    },
  },
  'host-device': {
    kind: 'main',
    ipam: 'optional',
    description:
      'Moves a device that already exists on the host (named by device, hwaddr, kernelpath or pciBusID) into the container, and back on DEL.',
    properties: {
      device: str('The device’s name on the host, such as eth1.'),
      hwaddr: str('The device’s MAC address.'),
      kernelpath: str('The device’s kernel object path under /sys/devices.'),
      pciBusID: str('The device’s PCI address, such as 0000:00:1f.6 (a DPDK device; IPAM is then ignored).'),
    },
  },
  ipvlan: {
    kind: 'main',
    ipam: 'unless-chained',
    description:
      'Creates an ipvlan interface on a host interface: containers share the host interface’s MAC address, and the kernel routes by IP. The container cannot reach the host through it.',
    properties: {
      master: str('The host interface to attach to; by default the one with the default route.'),
      mode: oneOf(['l2', 'l3', 'l3s'], 'The ipvlan mode.', 'l2'),
      mtu: MTU,
      ipam: {
        ...ref('ipam'),
        description: 'Where the interface gets addresses; optional when a previous plugin in the chain gave them.',
      },
      linkInContainer: bool('The master interface is in the container’s network namespace, not the host’s.', false),
    },
  },
  loopback: {
    kind: 'main',
    ipam: 'optional',
    description: 'Brings up the container’s loopback interface (lo). It takes no settings.',
    properties: {},
  },
  macvlan: {
    kind: 'main',
    ipam: 'required',
    description:
      'Creates a macvlan interface on a host interface: each container gets its own MAC address on the host’s network, which suits a DHCP server there.',
    properties: {
      master: str('The host interface to attach to; by default the one with the default route.'),
      mode: oneOf(['bridge', 'private', 'vepa', 'passthru'], 'The macvlan mode.', 'bridge'),
      mtu: int('The MTU of the interface, from 0 up to the master interface’s MTU; by default the kernel chooses.', {
        minimum: 0,
      }),
      ipam: { ...ref('ipam'), description: IPAM_REQUIRED },
      linkInContainer: bool('The master interface is in the container’s network namespace, not the host’s.', false),
    },
  },
  ptp: {
    kind: 'main',
    ipam: 'required',
    description: 'Connects the container to the host with a veth pair and routes its traffic through the host (no bridge).',
    properties: {
      ipMasq: bool('Masquerade traffic leaving this network for outside it.', false),
      ipMasqBackend: MASQ_BACKEND,
      mtu: MTU,
      ipam: { ...ref('ipam'), description: 'Where the container gets its address.' },
      dns: ref('dns'),
    },
  },
  tap: {
    kind: 'main',
    ipam: 'optional',
    description: 'Creates a tap device in the container (for virtual machines run in containers).',
    properties: {
      mac: str('The MAC address to give the device.'),
      mtu: MTU,
      selinuxcontext: str('The SELinux context to create the device under.'),
      multiQueue: bool('Create a multi-queue tap device.', false),
      owner: int('The user id owning the device.', { minimum: 0 }),
      group: int('The group id owning the device.', { minimum: 0 }),
      bridge: str('An existing bridge to add the device to.'),
    },
  },
  vlan: {
    kind: 'main',
    ipam: 'required',
    description:
      'Creates a VLAN sub-interface of a host interface and moves it into the container; each container needs its own master and vlanId pair.',
    required: ['master', 'vlanId'],
    properties: {
      master: str('The host interface the VLAN sub-interface is made on.'),
      vlanId: int('The VLAN id, 0 to 4094.', VLAN_ID),
      mtu: MTU,
      ipam: { ...ref('ipam'), description: 'Where the container gets its address.' },
      dns: ref('dns'),
      linkInContainer: bool('The master interface is in the container’s network namespace, not the host’s.', false),
    },
  },
  'win-bridge': {
    kind: 'main',
    ipam: 'optional',
    description: 'Windows: plugs containers into an L2Bridge HNS network with an endpoint on the host.',
    properties: {
      ApiVersion: int('2 to use the HCN API; by default the older HNS API.'),
      ipMasqNetwork: str('Set up NAT for traffic leaving this range.'),
      Policies: { type: 'array', description: 'HNS policies (when ApiVersion is below 2).' },
      policies: { type: 'array', description: 'HNS policies (when ApiVersion is below 2).' },
      HcnPolicyArgs: { type: 'array', description: 'HCN policies (when ApiVersion is 2).' },
      loopbackDSR: bool('Allow loopback direct server return on the interface.', false),
      dns: WINDOWS_DNS,
    },
  },
  'win-overlay': {
    kind: 'main',
    ipam: 'required',
    description: 'Windows: plugs containers into a VXLAN overlay HNS network.',
    properties: {
      endpointMacPrefix: str('The MAC prefix configured for flannel.'),
      Policies: { type: 'array', description: 'HNS policies.' },
      policies: { type: 'array', description: 'HNS policies.' },
      loopbackDSR: bool('Allow loopback direct server return on the interface.', false),
      dns: WINDOWS_DNS,
    },
  },
  bandwidth: {
    kind: 'meta',
    chained: true,
    description:
      'Shapes the traffic of the interface a previous plugin created (tc token bucket filter). A direction is limited only when both its rate and its burst are set.',
    properties: {
      ingressRate: int('Ingress rate limit, in bits per second; needs ingressBurst.', { minimum: 0 }),
      ingressBurst: int('Ingress burst, in bits; needs ingressRate.', { minimum: 0 }),
      egressRate: int('Egress rate limit, in bits per second; needs egressBurst.', { minimum: 0 }),
      egressBurst: int('Egress burst, in bits; needs egressRate.', { minimum: 0 }),
    },
  },
  firewall: {
    kind: 'meta',
    chained: true,
    description: 'Adds firewall rules that let the container’s addresses (from earlier plugins) through the host’s firewall.',
    properties: {
      backend: oneOf(['iptables', 'firewalld'], 'The firewall to program; by default firewalld when it runs, else iptables.'),
      iptablesAdminChainName: str('The user-managed chain consulted first.', { default: 'CNI-ADMIN' }),
      ingressPolicy: oneOf(['open', 'same-bridge', 'isolated'], 'Which other containers may connect in.', 'open'),
      firewalldZone: str('The firewalld zone for the container’s addresses.', { default: 'trusted' }),
    },
  },
  portmap: {
    kind: 'meta',
    chained: true,
    description:
      'Forwards host ports to the container (hostPort in Kubernetes), from the portMappings the runtime passes when capabilities.portMappings is true.',
    properties: {
      snat: bool('Set up the SNAT (masquerade) rules for hairpin and localhost traffic.', true),
      masqAll: bool('Masquerade all traffic to mapped ports, not only hairpin and localhost traffic.', false),
      markMasqBit: int('The packet-mark bit used for masquerading, 0 to 31 (iptables backend). Not with externalSetMarkChain.', {
        minimum: 0,
        maximum: 31,
        default: 13,
      }),
      externalSetMarkChain: str(
        'An existing chain that marks packets for masquerading, used instead of our own (iptables backend).',
      ),
      conditionsV4: strings('Extra iptables or nft matches for the IPv4 rules.'),
      conditionsV6: strings('Extra iptables or nft matches for the IPv6 rules.'),
      backend: oneOf(['iptables', 'nftables'], 'Which firewall gets the rules; by default iptables unless it is missing.'),
    },
  },
  sbr: {
    kind: 'meta',
    chained: true,
    description: 'Source-based routing for the interface a previous plugin created: its traffic uses its own routing table.',
    properties: { table: int('Use this routing table id (and only add rules), instead of a new table with the routes moved.') },
  },
  tuning: {
    kind: 'meta',
    chained: true,
    description:
      'Changes sysctls and interface attributes (MAC, MTU, promiscuous, all-multicast) in the container’s network namespace.',
    properties: {
      sysctl: {
        type: 'object',
        description: 'Sysctls under /proc/sys/net to set, as strings; IFNAME in a name stands for the interface.',
        additionalProperties: { type: 'string' },
      },
      mac: str('The MAC address to give the interface.'),
      mtu: MTU,
      promisc: bool('Put the interface in promiscuous mode.'),
      allmulti: bool('Receive all multicast packets on the interface.'),
    },
  },
  vrf: {
    kind: 'meta',
    chained: true,
    description: 'Puts the interface a previous plugin created into a VRF (created in the container if missing).',
    properties: { vrfname: str('The VRF’s name.'), table: int('The routing table of the VRF; by default a new one.') },
  },
};

const IPAM = {
  'host-local': {
    description:
      'Allocates addresses from ranges, keeping its state in files on the host (/var/lib/cni/networks/<network name>): unique on one node, not across nodes.',
    properties: {
      ranges: {
        type: 'array',
        minItems: 1,
        description: 'One address per range set: each inner list is a pool of ranges (one family) for one address.',
        items: { type: 'array', minItems: 1, items: ref('range') },
      },
      routes: { type: 'array', items: ref('route'), description: 'Routes to add in the container.' },
      resolvConf: str('A resolv.conf on the host to return as the DNS settings.'),
      dataDir: str('Where allocations are kept.', { default: '/var/lib/cni/networks' }),
      subnet: str('Legacy single range (prefer ranges): the CIDR to allocate from.'),
      rangeStart: str('Legacy single range: the first address to allocate.'),
      rangeEnd: str('Legacy single range: the last address to allocate.'),
      gateway: str('Legacy single range: the gateway address.'),
    },
  },
  static: {
    description: 'Assigns the addresses written here to every container (for debugging, or one container per network).',
    properties: {
      addresses: {
        type: 'array',
        description: 'The addresses to assign.',
        items: {
          type: 'object',
          required: ['address'],
          properties: {
            address: str('An address with its prefix length (10.10.0.1/24).'),
            gateway: str('The gateway for that address.'),
          },
        },
      },
      routes: { type: 'array', items: ref('route'), description: 'Routes to add in the container.' },
      dns: ref('dns'),
    },
  },
  dhcp: {
    description: 'Gets addresses from a DHCP server on the network, through the dhcp daemon on the host (which must be running).',
    properties: {
      daemonSocketPath: str('The dhcp daemon’s socket.', { default: '/run/cni/dhcp.sock' }),
      request: {
        type: 'array',
        description: 'DHCP options to request.',
        items: {
          type: 'object',
          properties: { skipDefault: bool('Skip the default request list.'), option: str('An option name or number.') },
        },
      },
      provide: {
        type: 'array',
        description: 'DHCP options to send.',
        items: {
          type: 'object',
          properties: {
            option: str('An option name or number.'),
            value: str('The value to send.'),
            fromArg: str('Send the value of this CNI_ARGS argument.'),
          },
        },
      },
    },
  },
};

// ---------------------------------------------------------------- the schema

function pluginDefinition(type, plugin) {
  const definition = {
    type: 'object',
    description: plugin.description,
    'x-plugin': { kind: plugin.kind, ipam: plugin.ipam ?? 'optional', chained: plugin.chained === true },
    properties: plugin.properties,
  };
  if (plugin.required) definition.required = plugin.required;
  return definition;
}

export function buildSchema() {
  const definitions = {
    boolean: {
      description: 'true or false (the strings "true" and "false" are read too).',
      type: ['boolean', 'string'],
      enum: [true, false, 'true', 'false'],
    },
    plugin: {
      type: 'object',
      description: 'One plugin of the network: what to run and how.',
      properties: PLUGIN_COMMON,
      allOf: Object.keys(PLUGINS).map((type) => ({
        if: { properties: { type: { const: type } }, required: ['type'] },
        then: ref(`plugin-${type}`),
      })),
    },
    ipam: {
      type: 'object',
      description: 'IP address management: which IPAM plugin gives the interface its addresses and routes, and its settings.',
      properties: {
        type: str('The IPAM plugin to run (an executable in /opt/cni/bin, like the main plugin). No / or \\ in it.'),
      },
      allOf: Object.keys(IPAM).map((type) => ({
        if: { properties: { type: { const: type } }, required: ['type'] },
        then: ref(`ipam-${type}`),
      })),
    },
    range: {
      type: 'object',
      description: 'A range to allocate from.',
      required: ['subnet'],
      properties: {
        subnet: str('The CIDR to allocate from (its network address, prefix at most /30 for IPv4 or /126 for IPv6).'),
        rangeStart: str('The first address to allocate, inside the subnet.', { default: 'the subnet’s .2' }),
        rangeEnd: str('The last address to allocate, inside the subnet.', {
          default: 'the subnet’s .254 (IPv4) or last address (IPv6)',
        }),
        gateway: str('The gateway, inside the subnet; never allocated.', { default: 'the subnet’s .1' }),
      },
    },
    route: {
      type: 'object',
      description: 'A route in the container.',
      required: ['dst'],
      properties: {
        dst: str('The destination CIDR (0.0.0.0/0 for the default route).'),
        gw: str('The next hop; by default the range’s gateway.'),
      },
    },
    dns: {
      type: 'object',
      description: 'DNS settings the plugin reports (the runtime may or may not use them).',
      properties: {
        nameservers: strings('Name servers, in order of priority: IPv4 or IPv6 addresses.'),
        domain: str('The local domain for short names.'),
        search: strings('Search domains, in order of priority.'),
        options: strings('Resolver options.'),
      },
    },
  };
  for (const [type, plugin] of Object.entries(PLUGINS)) definitions[`plugin-${type}`] = pluginDefinition(type, plugin);
  for (const [type, ipam] of Object.entries(IPAM)) {
    definitions[`ipam-${type}`] = {
      type: 'object',
      description: ipam.description,
      'x-plugin': { kind: 'ipam' },
      properties: ipam.properties,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/kubewise/kubewise/blob/main/schemas/cni-config.schema.json',
    title: 'CNI network configuration',
    description:
      'A CNI network configuration (spec 1.1.0) as a runtime reads it from /etc/cni/net.d: a plugin list (.conflist), or one plugin (.conf). Generated by scripts/generate-cni-schema.mjs.',
    type: 'object',
    properties: NETWORK,
    if: { required: ['plugins'] },
    then: {},
    else: ref('plugin'),
    definitions,
  };
}

/** Every key a plugin doc lists under its configuration reference, for the --upstream check. */
function documentedKeys(upstream) {
  const dir = join(upstream, 'plugins');
  const keys = new Map();
  for (const file of readdirSync(dir).sort()) {
    const match = /^(main|meta|ipam)-(.+)\.md$/.exec(file);
    if (!match) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    const reference =
      /## (?:Network configuration reference|Interface attribute configuration reference|Usage|Configuration)\n([\s\S]*?)(?:\n## |$)/.exec(
        text,
      )?.[1] ?? '';
    const found = [...reference.matchAll(/^\s*[*-] (?:`([A-Za-z][A-Za-z0-9]*)`|([A-Za-z][A-Za-z0-9]*):)/gm)].map(
      (m) => m[1] ?? m[2],
    );
    keys.set(`${match[1]}-${match[2]}`, found);
  }
  return keys;
}

/** Property names anywhere under a definition, following $refs once. */
function keysIn(schema, definition, seen = new Set()) {
  const keys = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/definitions/', '');
      if (!seen.has(name)) {
        seen.add(name);
        visit(schema.definitions[name]);
      }
    }
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      keys.push(key);
      visit(value);
    }
    visit(node.items);
    visit(node.additionalProperties);
  };
  visit(definition);
  return keys;
}

function checkUpstream(schema, upstream) {
  const problems = [];
  for (const [doc, keys] of documentedKeys(upstream)) {
    const [group, ...rest] = doc.split('-');
    const type = rest.join('-');
    const definition = schema.definitions[group === 'ipam' ? `ipam-${type}` : `plugin-${type}`];
    if (!definition) {
      problems.push(`${doc}: no definition`);
      continue;
    }
    const known = new Set([
      ...keysIn(schema, definition),
      ...keysIn(schema, { properties: PLUGIN_COMMON }),
      ...Object.keys(NETWORK),
      ...CAPABILITIES,
    ]);
    for (const key of keys) if (!known.has(key)) problems.push(`${doc}: documented key '${key}' is not in the schema`);
  }
  return problems;
}

function main(argv) {
  const schema = buildSchema();
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  const upstreamIndex = argv.indexOf('--upstream');
  if (upstreamIndex !== -1) {
    const upstream = resolve(argv[upstreamIndex + 1] ?? join(root, '..', 'shared', 'upstream', 'cni'));
    if (!existsSync(join(upstream, 'plugins'))) {
      console.error(`No plugins/ folder in ${upstream}`);
      return 2;
    }
    const problems = checkUpstream(schema, upstream);
    if (problems.length > 0) {
      console.error(problems.join('\n'));
      return 1;
    }
    console.log(`Every key the plugin docs in ${upstream} list is in the schema.`);
  }
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (argv.includes('--check')) {
    if (current !== text) {
      console.error('schemas/cni-config.schema.json is stale: run `npm run generate`.');
      return 1;
    }
    return 0;
  }
  if (current !== text) {
    writeFileSync(OUT, text);
    console.log('wrote schemas/cni-config.schema.json');
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
