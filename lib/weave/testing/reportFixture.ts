// A hand-written Weave 2.8.1 /report (report-fields.md: Go field names, empty slices null, DNS
// Hostname FQDNs with the trailing dot, Tombstone 0 = live) for a two-node cluster, and the probe
// output NODE_WEAVE_SCRIPT prints around it. Values invented, shapes from the reference.

export const PEER_A = "9a:41:5e:0b:77:10";
export const PEER_B = "ce:31:e0:06:45:1a";
export const CID_A1 = "a".repeat(64);
export const CID_B1 = "b".repeat(64);
export const CID_B2 = "c".repeat(64);

export function report(self: "a" | "b", opts: { bConnectionState?: string } = {}) {
  const me = self === "a" ? { Name: PEER_A, NickName: "node-a" } : { Name: PEER_B, NickName: "node-b" };
  const other = self === "a" ? { Name: PEER_B, NickName: "node-b", addr: "192.0.2.2" } : { Name: PEER_A, NickName: "node-a", addr: "192.0.2.1" };
  const state = opts.bConnectionState ?? "established";
  return {
    Ready: true,
    Version: "2.8.1",
    VersionCheck: { Enabled: false, Success: false, NewVersion: "", NextCheckAt: "0001-01-01T00:00:00Z" },
    Router: {
      Protocol: "weave",
      ProtocolMinVersion: 1,
      ProtocolMaxVersion: 2,
      Encryption: false,
      PeerDiscovery: true,
      Name: me.Name,
      NickName: me.NickName,
      Port: 6783,
      Peers: [
        { Name: me.Name, NickName: me.NickName, UID: 1, ShortID: 1, Version: 2, Connections: state === "established" ? [{ Name: other.Name, NickName: other.NickName, Address: `${other.addr}:6783`, Outbound: true, Established: true }] : null },
        { Name: other.Name, NickName: other.NickName, UID: 2, ShortID: 2, Version: 2, Connections: null },
      ],
      UnicastRoutes: null,
      BroadcastRoutes: null,
      Connections: [{ Address: `${other.addr}:6783`, Outbound: true, State: state, Info: state === "established" ? `fastdp ${other.Name}(${other.NickName})` : "", Attrs: state === "established" ? { name: "fastdp", mtu: 1376 } : null }],
      TerminationCount: 0,
      Targets: [other.addr],
      OverlayDiagnostics: null,
      TrustedSubnets: [],
      Interface: "datapath (via ODP)",
      CaptureStats: null,
      MACs: null,
    },
    IPAM: {
      Paxos: null,
      Range: "10.32.0.0/12",
      RangeNumIPs: 1048576,
      ActiveIPs: self === "a" ? 1 : 2,
      DefaultSubnet: "10.32.0.0/12",
      Entries: [
        { Token: "10.32.0.0", Size: 524288, Peer: PEER_A, Nickname: "node-a", IsKnownPeer: true, Version: 3 },
        { Token: "10.40.0.0", Size: 524288, Peer: PEER_B, Nickname: "node-b", IsKnownPeer: true, Version: 3 },
      ],
      PendingClaims: null,
      PendingAllocates: null,
    },
    DNS: {
      Domain: "weave.local.",
      Upstream: ["192.0.2.254"],
      Address: "172.17.0.1:53",
      TTL: 1,
      Entries: [
        { Hostname: "ubuntu1.weave.local.", Origin: PEER_A, ContainerID: CID_A1, Address: "10.32.0.1", Version: 0, Tombstone: 0 },
        { Hostname: "ubuntu1.weave.local.", Origin: PEER_B, ContainerID: CID_B1, Address: "10.40.0.0", Version: 0, Tombstone: 0 },
        { Hostname: "ubuntu2.weave.local.", Origin: PEER_B, ContainerID: CID_B2, Address: "10.40.0.1", Version: 1, Tombstone: 1764633600 },
      ],
    },
    Proxy: { Addresses: ["unix:///var/run/weave/weave.sock"] },
  };
}

/** What NODE_WEAVE_SCRIPT prints on a node: markers, hostname, the report (no trailing newline), docker ps. */
export function probeOutput(hostname: string, reportJson: string | null, curlExit: number, containers: string[]): string {
  return [
    "--armdeck-weave hostname--",
    hostname,
    "--armdeck-weave report--",
    `${reportJson ?? ""}`,
    `--armdeck-weave report-exit ${curlExit}--`,
    "--armdeck-weave containers--",
    ...containers,
    "",
    "--armdeck-weave containers-exit 0--",
    "",
  ].join("\n");
}
