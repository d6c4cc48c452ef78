#!/bin/sh
# Armdeck test stand-in for the `mesos` command Mesos installs: `mesos master ...` runs
# mesos-master, `mesos agent ...` runs mesos-agent, as the runbook starts them.

PREFIX="__MESOS_PREFIX__"

usage() {
  echo "Usage: `basename "$0"` <command> [OPTIONS]"
  echo
  echo "Available commands:"
  echo "    help"
  for f in "$PREFIX"/sbin/mesos-* "$PREFIX"/bin/mesos-*; do
    test -x "$f" && echo "    `basename "$f" | sed 's/^mesos-//'`"
  done | sort -u
}

if test $# -eq 0; then
  usage
  exit 1
fi

COMMAND=$1
shift

case $COMMAND in
  help|--help|-h)
    usage
    exit 0 ;;
esac

for dir in "$PREFIX/sbin" "$PREFIX/bin" "$PREFIX/libexec/mesos"; do
  if test -x "$dir/mesos-$COMMAND"; then
    exec "$dir/mesos-$COMMAND" "$@"
  fi
done

echo "$COMMAND is not a valid command" >&2
usage >&2
exit 1
