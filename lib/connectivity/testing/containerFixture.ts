import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { shQuote } from "../../shell/quote.ts";

// A stand-in for Docker and Weave on one machine, for the check's script tests and its benchmark:
// `docker exec <name> <cmd>` runs <cmd> with a PATH holding only that container's tools (getent,
// ping when the image has it, apt-get), `weave ps` and the router's /dns-address answer from the
// fixture's files. WeaveDNS is one table (names → IPs), ping answers for IPs marked up, and faults
// are those files changed. The tools print what glibc getent and iputils ping print.

export interface FixtureContainer {
  name: string;
  ip: string;
  /** Its own FQDN, which its /etc/hosts answers with its own IP. */
  hostname?: string;
  hasPing?: boolean;
}

// The stubs name the fixture's folder literally (FIXTURE=… on their first line), so they work from
// any environment: a test's /bin/sh as well as an sshd test host's login shell.
const sh = (body: string) => (dir: string) => `#!/bin/sh\nFIXTURE=${shQuote(dir)}\n${body}\n`;

const DOCKER = sh(`case "$1" in
  exec) c=$2; shift 2; d="$FIXTURE/containers/$c"
        if [ ! -d "$d" ]; then echo "Error: No such container: $c" >&2; exit 1; fi
        echo "$c" >> "$FIXTURE/exec.log"
        FIXTURE_SELF="$c" PATH="$d/bin" exec "$@";;
  *) echo "docker stand-in: $1 is not supported" >&2; exit 1;;
esac`);
const WEAVE = sh(`if [ "$1" != ps ]; then echo "weave stand-in: $1 is not supported" >&2; exit 1; fi
f="$FIXTURE/containers/$2/weaveps"; if [ -f "$f" ]; then cat "$f"; else echo "Error: No such container: $2" >&2; exit 1; fi`);
const CURL = sh(`for a in "$@"; do case "$a" in */dns-address) if [ -f "$FIXTURE/router-up" ]; then printf '172.17.0.1'; exit 0; else exit 7; fi;; esac; done; exit 2`);
const GETENT = sh(`[ "$1" = hosts ] || exit 1
# /etc/hosts first, where the container's own hostname has its own IP (as glibc's getent reads it).
h="$FIXTURE/containers/$FIXTURE_SELF"; if [ -f "$h/hostname" ] && [ "$(cat "$h/hostname")" = "$2" ]; then printf '%-15s %s\\n' "$(cat "$h/ip")" "$2"; exit 0; fi
f="$FIXTURE/dns/$2"; [ -f "$FIXTURE/containers/$FIXTURE_SELF/dns/$2" ] && f="$FIXTURE/containers/$FIXTURE_SELF/dns/$2"
[ -s "$f" ] || exit 2
while read -r ip; do printf '%-15s %s\\n' "$ip" "$2"; done < "$f"`);
const PING = sh(`for a in "$@"; do ip=$a; done
if [ -e "$FIXTURE/up/$ip" ]; then
  printf 'PING %s (%s) 56(84) bytes of data.\\n64 bytes from %s: icmp_seq=1 ttl=64 time=0.%03d ms\\n\\n--- %s ping statistics ---\\n1 packets transmitted, 1 received, 0%% packet loss, time 0ms\\nrtt min/avg/max/mdev = 0.045/0.045/0.045/0.000 ms\\n' "$ip" "$ip" "$ip" "$(( $$ % 900 + 40 ))" "$ip"
  exit 0
fi
printf 'PING %s (%s) 56(84) bytes of data.\\n\\n--- %s ping statistics ---\\n1 packets transmitted, 0 received, 100%% packet loss, time 0ms\\n\\n' "$ip" "$ip" "$ip"
exit 1`);
const APT_GET = sh(`case "$*" in *"install"*"iputils-ping"*) /bin/cp "$FIXTURE/tools/ping" "$FIXTURE/containers/$FIXTURE_SELF/bin/ping"; echo "Setting up iputils-ping (3:20121221-5ubuntu2) ...";; esac; exit 0`);

function write(file: string, text: string | ((dir: string) => string), mode = 0o755, dir = ""): void {
  if (typeof text === "function") text = text(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode });
}

export class ContainerFixture {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "armdeck-containers-"));

  constructor() {
    write(path.join(this.dir, "bin/docker"), DOCKER, 0o755, this.dir);
    write(path.join(this.dir, "bin/weave"), WEAVE, 0o755, this.dir);
    write(path.join(this.dir, "bin/curl"), CURL, 0o755, this.dir);
    write(path.join(this.dir, "tools/ping"), PING, 0o755, this.dir);
    write(path.join(this.dir, "router-up"), "", 0o644);
    for (const tool of ["sh", "sed", "tr", "cat"]) fs.copyFileSync(fs.realpathSync(`/bin/${tool}`), path.join(this.dir, "tools", tool));
    fs.mkdirSync(path.join(this.dir, "dns"), { recursive: true });
    fs.mkdirSync(path.join(this.dir, "up"), { recursive: true });
  }

  /** Where docker, weave and curl are: first on the PATH of whatever runs a node's script. */
  get binDir(): string {
    return path.join(this.dir, "bin");
  }

  env(): NodeJS.ProcessEnv {
    return { ...process.env, PATH: `${this.binDir}:${process.env.PATH}` };
  }

  addContainer(c: FixtureContainer, mac = "ae:e3:07:9c:8c:d4"): void {
    const bin = path.join(this.dir, "containers", c.name, "bin");
    fs.mkdirSync(bin, { recursive: true });
    // Hard links to the fixture's own copies, never to the system's: a test that rewrites a
    // container's tool (after removing the link) can never write through to /usr/bin.
    for (const tool of ["sh", "sed", "tr", "cat"]) fs.linkSync(path.join(this.dir, "tools", tool), path.join(bin, tool));
    write(path.join(bin, "getent"), GETENT, 0o755, this.dir);
    write(path.join(bin, "apt-get"), APT_GET, 0o755, this.dir);
    if (c.hasPing !== false) fs.copyFileSync(path.join(this.dir, "tools/ping"), path.join(bin, "ping"));
    write(path.join(this.dir, "containers", c.name, "ip"), c.ip, 0o644);
    if (c.hostname) write(path.join(this.dir, "containers", c.name, "hostname"), c.hostname, 0o644);
    write(path.join(this.dir, "containers", c.name, "weaveps"), `${c.name.slice(0, 12)} ${mac} ${c.ip}/12\n`, 0o644);
    this.up(c.ip);
  }

  /** WeaveDNS's answer for `fqdn` (cluster-wide), or one container's own answer when `container` is given. */
  register(fqdn: string, ips: readonly string[], container?: string): void {
    const file = container ? path.join(this.dir, "containers", container, "dns", fqdn) : path.join(this.dir, "dns", fqdn);
    write(file, ips.map((ip) => `${ip}\n`).join(""), 0o644);
  }

  up(ip: string): void {
    fs.writeFileSync(path.join(this.dir, "up", ip), "");
  }

  down(ip: string): void {
    fs.rmSync(path.join(this.dir, "up", ip), { force: true });
  }

  routerDown(): void {
    fs.rmSync(path.join(this.dir, "router-up"), { force: true });
  }

  /** How many `docker exec`s ran, per container name. */
  execs(): Map<string, number> {
    const file = path.join(this.dir, "exec.log");
    const counts = new Map<string, number>();
    if (!fs.existsSync(file)) return counts;
    for (const name of fs.readFileSync(file, "utf8").split("\n").filter(Boolean)) counts.set(name, (counts.get(name) ?? 0) + 1);
    return counts;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
