#!/usr/bin/env bash
# Builds the project (when needed) and runs the sample order application on Payara Micro with its
# embedded H2 database, listening on 127.0.0.1 only. Data is kept in .sample-data/ across restarts.
#   ./run-sample.sh            build if needed, then start on http://127.0.0.1:8080/sample-web/api/
#   PORT=9090 ./run-sample.sh  another port;  REBUILD=1 ./run-sample.sh  build again first
set -euo pipefail
cd "$(dirname "$0")"
WAR=sample-ear/sample-web/target/sample-web.war
MICRO=sample-ear/sample-web/target/payara-micro.jar
if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$WAR" ] || [ ! -f "$MICRO" ]; then
  mvn -B -q install -DskipTests
fi
ROOT="$PWD/.sample-data"
# A fresh instance root per start (a reused one would deploy the application twice); the database
# lives in $ROOT/data, which every instance root links to.
rm -rf "$ROOT/root" "$ROOT/deploy"
mkdir -p "$ROOT/deploy" "$ROOT/unpack" "$ROOT/root" "$ROOT/data"
ln -s "$ROOT/data" "$ROOT/root/data"
cp "$WAR" "$ROOT/deploy/"
MICRO="$PWD/$MICRO"
printf 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n' > "$ROOT/preboot.txt"
# the sample's H2 is ./data/durable-sample, relative to the server's working folder
cd "$ROOT/root"
exec java -Xmx512m -Dhazelcast.socket.bind.any=false -Dh2.bindAddress=127.0.0.1 ${JAVA_OPTS:-} \
  -jar "$MICRO" --rootdir "$ROOT/root" --unpackdir "$ROOT/unpack" --deploymentDir "$ROOT/deploy" \
  --prebootcommandfile "$ROOT/preboot.txt" --disablephonehome --interfaces 127.0.0.1 \
  --clustermode tcpip:127.0.0.1:6900 --port "${PORT:-8080}"
