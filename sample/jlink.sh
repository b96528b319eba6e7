#!/usr/bin/env bash
# Builds a minimal Java runtime for the sample with jlink, holding only the JDK modules the sample
# needs, and runs the sample from it against a new SQLite file. No network; run it after a build:
#
#   mvn -q package -DskipTests && sample/jlink.sh
#
# `mvn verify` runs it too (sample/pom.xml, phase verify); -Djlink.skip skips it.
set -euo pipefail

# The JDK modules the sample needs, as `jdeps --print-module-deps` finds them in the jar and its
# libraries (java.base, java.sql: everything; java.management, java.naming: HikariCP's MBeans and
# JNDI factory, PostgreSQL's data sources; java.security.jgss: PostgreSQL's Kerberos login;
# java.desktop: PostgreSQL's geometric types use java.awt.Point). java.sql brings java.logging
# and java.xml along.
MODULES=java.base,java.desktop,java.management,java.naming,java.security.jgss,java.sql
# What jdeps cannot see because it is a security provider, not a class reference: elliptic-curve
# cryptography for TLS to PostgreSQL (sslmode=require). Since JDK 22 it lives in java.base.
PROVIDERS=jdk.crypto.ec

die() {
  echo "jlink.sh: $*" >&2
  exit 1
}

sample="$(cd "$(dirname "$0")" && pwd)"
target="$sample/target"
jar="$target/retort-sample.jar"
[[ -f $jar && -d $target/lib ]] ||
  die "no $jar; build it first: mvn -q package -DskipTests (in the repository root)"

if [[ -n ${JAVA_HOME:-} ]]; then
  bin="$JAVA_HOME/bin"
else
  bin="$(dirname "$(readlink -f "$(command -v java)")")"
fi
[[ -x $bin/jlink && -x $bin/jdeps ]] || die "no jlink and jdeps in $bin; set JAVA_HOME to a JDK"

# A new dependency on a JDK module fails here, not in production.
found="$("$bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$jar" "$target"/lib/*.jar | tail -n 1)"
[[ $found == "$MODULES" ]] ||
  die "jdeps finds the modules $found, but this script lists $MODULES; update MODULES"

modules="$MODULES"
if "$bin/java" --list-modules | grep -q "^$PROVIDERS@"; then modules="$modules,$PROVIDERS"; fi

# sqlite-jdbc calls a restricted method; the jar's manifest allows it, so that Java 22+ does not
# warn on every start (`java -jar` reads it; this image and any other JDK run the jar that way).
unzipped="$(mktemp -d)"
(cd "$unzipped" && "$bin/jar" --extract --file "$jar" META-INF/MANIFEST.MF) ||
  die "cannot read the manifest of $jar"
grep -q '^Enable-Native-Access: ALL-UNNAMED' "$unzipped/META-INF/MANIFEST.MF" ||
  die "$jar has no 'Enable-Native-Access: ALL-UNNAMED' in its manifest"
rm -rf "$unzipped"

image="$target/jlink-image"
rm -rf "$image"
"$bin/jlink" --add-modules "$modules" --output "$image" \
  --strip-debug --no-header-files --no-man-pages --compress=2 2> >(grep -v deprecated >&2)
echo "jlink.sh: image $image ($(du -sh "$image" | cut -f1)) with $("$image/bin/java" --list-modules | wc -l) modules: $modules"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
expected=$'5d0f2a8b7e19 (head)\nf3b8e1a6c074 (head)'

# Start-up mode: migrates ./data/sample.db (created here) and prints the current revisions.
out="$(env -u DATABASE_URL "$image/bin/java" -jar "$jar" 2> "$work/log")" ||
  die "the sample failed in the image (exit $?): $(cat "$work/log")"
[[ $out == "$expected" ]] || die "the sample printed '$out', expected '$expected'"
[[ -f data/sample.db ]] || die "no data/sample.db after the start"

# A command of the command line, on the same file.
"$image/bin/java" -jar "$jar" check > "$work/check" 2>> "$work/log" ||
  die "'check' failed in the image: $(cat "$work/log")"

echo "jlink.sh: the sample ran from the image: $(tr '\n' ' ' <<< "$out")and 'check' passed"
