#!/usr/bin/env bash
# Retort against Flyway, Liquibase and plain JDBC on SQLite and PostgreSQL; prints a Markdown table.
#
#   bench/run.sh            full run: 5 runs after a warm-up, N = 100 and 1,000, javac at 1,000 and 10,000
#   bench/run.sh --quick    3 runs, cold apply at N = 100 only, javac at 1,000 only (a few minutes)
#   bench/run.sh --processor  only javac at 10,000, without and with the processor (about 6 minutes)
#   bench/run.sh --out docs/benchmarks-table.md   also writes the table to a file
#
# Needs Java 17+ and Maven; everything else comes from Maven Central. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[bench] building Retort and the benchmarks" >&2
mvn -q -B -Pbench package -DskipTests -Djlink.skip \
  -pl bench/harness,bench/jdbc,bench/retort,bench/flyway,bench/liquibase -am

work=bench/target/work
rm -rf "$work"
harness=bench/harness/target
exec java -cp "$harness/retort-bench-harness-0.1.0-SNAPSHOT.jar:$harness/lib/*" \
  dev.retort.bench.harness.Bench bench "$work" "$@"
