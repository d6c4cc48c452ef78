#!/usr/bin/env bash
# Armdeck test hosts run the REAL ZooKeeper: this bundled script hands over to Debian's
# zookeeper package (3.8.0), which is why this tree calls itself zookeeper-3.8.0. Give it the
# config as an absolute path; a bare name makes Debian's script read /etc/zookeeper/conf.
exec /usr/share/zookeeper/bin/zkServer.sh "$@"
