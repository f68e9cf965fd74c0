#!/bin/sh
# Writes the JDK 25 AOT cache of the service (classes loaded and linked, method profiles) from a training run: the
# application context refreshes once against a throwaway PostgreSQL, then the JVM exits. A start with
# -XX:AOTCache=<cache> then takes about half the time (docs/scaling.md). Runs as root, where PostgreSQL's binaries
# are installed; the cache must be written by the same JVM, from the same jar path, that will read it.
#
#   aot-training.sh APP_JAR CACHE [JVM options the service will run with...]
set -eu
app=$1
cache=$2
shift 2
port=54329
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=$(mktemp -d)
chown postgres "$data"
su postgres -s /bin/sh -c "$bin/initdb --auth=trust --username=postgres -D $data > /dev/null"
su postgres -s /bin/sh -c "$bin/pg_ctl -D $data -o '-p $port -k $data -c listen_addresses=127.0.0.1' -w -l $data/log start > /dev/null"
trap 'su postgres -s /bin/sh -c "$bin/pg_ctl -D $data -m immediate stop" > /dev/null; rm -rf "$data"' EXIT
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$port/postgres" SPRING_DATASOURCE_USERNAME=postgres \
    SEGMENTATION_API_KEYS=training=training-key-not-used \
    java "$@" -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh -jar "$app"
