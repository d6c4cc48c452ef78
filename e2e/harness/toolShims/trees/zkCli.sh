#!/usr/bin/env bash
# Hands over to Debian's zookeeper package, like zkServer.sh next to it.
exec /usr/share/zookeeper/bin/zkCli.sh "$@"
