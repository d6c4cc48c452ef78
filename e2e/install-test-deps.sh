#!/usr/bin/env bash
# Installs the system packages the e2e and integration tests need (real sshd hosts on loopback,
# Chromium for Playwright, a local ZooKeeper, ip/nc/ps for the harness, git and automake for the
# cluster test hosts' fake Mesos build, whose config.guess files are "fixed" by copying automake's
# over them). Safe to re-run: it only touches apt when something is actually missing.
set -euo pipefail

# package -> the file(s) whose presence proves it is installed. Checked by path rather than
# `dpkg -s` so a tool installed some other way still counts.
declare -A CHECKS=(
  [openssh-server]="/usr/sbin/sshd"
  [openssh-client]="ssh ssh-keygen"
  [chromium]="/usr/bin/chromium"
  [zookeeper]="/usr/share/zookeeper/bin/zkServer.sh"
  [iproute2]="ip"
  [netcat-openbsd]="nc"
  [procps]="ps"
  [git]="git"
  [automake]="automake"
  [util-linux]="unshare nsenter"
  [curl]="/usr/bin/curl"
)
ORDER=(openssh-server openssh-client chromium zookeeper iproute2 netcat-openbsd procps git automake util-linux curl)

present() {
  local f
  for f in $1; do
    if [[ "$f" == /* ]]; then
      [[ -x "$f" ]] || return 1
    else
      command -v "$f" >/dev/null 2>&1 || return 1
    fi
  done
}

missing=()
for pkg in "${ORDER[@]}"; do
  present "${CHECKS[$pkg]}" || missing+=("$pkg")
done

SUDO=()
if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  elif ((${#missing[@]} > 0)); then
    echo "install-test-deps: missing ${missing[*]}; run this script as root (sudo is not available)" >&2
    exit 1
  fi
fi

# sshd refuses to start without its privilege-separation dir, and /run is a tmpfs that loses it
# on every boot (normally systemd recreates it; there is no systemd in CI containers).
"${SUDO[@]}" mkdir -p /run/sshd

if ((${#missing[@]} == 0)); then
  echo "install-test-deps: all test dependencies already present"
  exit 0
fi

# Passed through `env` because sudo drops the caller's environment.
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null

failed=0
for pkg in "${missing[@]}"; do
  if present "${CHECKS[$pkg]}"; then
    echo "installed $pkg"
  else
    echo "install-test-deps: $pkg was installed but ${CHECKS[$pkg]} is still missing" >&2
    failed=1
  fi
done
"${SUDO[@]}" mkdir -p /run/sshd
exit $failed
