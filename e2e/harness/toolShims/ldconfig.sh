#!/bin/sh
# ldconfig stand-in: the real one would rewrite this machine's /etc/ld.so.cache, shared by every
# test host. Nothing loads the fake libmesos.so, so there is no cache to update.
exit 0
