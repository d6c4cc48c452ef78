// Scripts placed first on a test host's PATH (via sshd's SetEnv) so one x86_64 machine can play
// hosts of any architecture. Only the commands installers use to pick a build are faked; the rest
// of the system stays real, so an "aarch64" host still runs x86_64 binaries.

export type Arch = "aarch64" | "x86_64";

const DEBIAN_ARCH: Record<Arch, string> = { aarch64: "arm64", x86_64: "amd64" };

export function archShims(arch: Arch): Record<string, string> {
  return {
    uname: `#!/bin/sh
fake=${arch}
case "$*" in
  -m|--machine|-p|--processor|-i|--hardware-platform) echo "$fake"; exit 0 ;;
esac
real=$(/bin/uname -m)
if [ "$real" = "$fake" ]; then exec /bin/uname "$@"; fi
# Combined flags (uname -a, -sm, ...) keep the real output with only the machine name swapped.
out=$(/bin/uname "$@") || exit $?
printf '%s\\n' "$out" | sed "s/\\b$real\\b/$fake/g"
`,
    arch: `#!/bin/sh
echo ${arch}
`,
    // Debian-based installers often ask dpkg rather than uname; answering differently would make
    // the fake host contradict itself.
    dpkg: `#!/bin/sh
if [ "$1" = "--print-architecture" ] && [ $# -eq 1 ]; then echo ${DEBIAN_ARCH[arch]}; exit 0; fi
exec /usr/bin/dpkg "$@"
`,
  };
}
