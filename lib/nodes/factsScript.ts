import { shQuote } from "../shell/quote.ts";
import { FACT_TOOLS } from "./nodeFacts.ts";

/** Where the runbook's Mesos work dir lives by default; cluster settings may change it later. */
export const DEFAULT_MESOS_WORK_DIR = "/var/lib/mesos";

/**
 * A POSIX sh script with no side effects. Free disk is measured on the nearest existing parent of
 * the Mesos work dir, since the dir itself is only created by the build.
 */
export function factsScript(workDir: string = DEFAULT_MESOS_WORK_DIR): string {
  return [
    "LC_ALL=C; export LC_ALL",
    'echo "arch=$(uname -m)"',
    'echo "kernel=$(uname -r)"',
    'echo "hostname=$(uname -n)"',
    // The address this SSH connection arrived at: the node's IP on the network Armdeck reaches it by.
    'set -- ${SSH_CONNECTION:-}; echo "ssh_ip=${3:-}"',
    "if [ -r /etc/os-release ]; then ( . /etc/os-release; echo \"os_id=${ID:-}\"; echo \"os_name=${NAME:-}\"; echo \"os_version=${VERSION_ID:-}\"; echo \"os_pretty=${PRETTY_NAME:-}\" ); fi",
    'echo "cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"',
    "echo \"mem_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)\"",
    `d=${shQuote(workDir)}; while [ ! -d "$d" ]; do d=$(dirname -- "$d"); done`,
    'echo "disk_path=$d"',
    "echo \"disk_free_kb=$(df -Pk -- \"$d\" | awk 'NR==2 {print $4}')\"",
    'if [ "$(id -u)" = 0 ]; then echo sudo=root; elif sudo -n true >/dev/null 2>&1; then echo sudo=yes; else echo sudo=no; fi',
    `for t in ${FACT_TOOLS.join(" ")}; do echo "tool_$t=$(command -v "$t" 2>/dev/null)"; done`,
    'if [ -d /run/systemd/system ]; then echo systemd=yes; else echo systemd=no; fi',
  ].join("\n");
}
