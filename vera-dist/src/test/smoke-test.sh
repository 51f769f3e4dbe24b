#!/usr/bin/env bash
# The distribution as a user gets it: unpacked into an empty folder, run with a Java runtime and
# nothing else from this build (a fresh HOME, no Maven repository, no source tree beside it).
# Usage: smoke-test.sh vera-VERSION.tar.gz ARTICLE
set -euo pipefail
tarball="$1"
article="$2"
max_jar_bytes=40000000

tmp="$(mktemp -d "${TMPDIR:-/tmp}/vera-dist.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$tarball" -C "$tmp"
home="$(echo "$tmp"/vera-*)"
cp "$article" "$tmp/article.txt"
mkdir "$tmp/home"
java_bin="$(dirname "$(readlink -f "$(command -v java)")")"

fail() {
  echo "smoke-test: $*" >&2
  exit 1
}
# Runs the distribution's launcher from an unrelated folder, with a minimal environment.
run() {
  (cd "$tmp/home" && env -i PATH="$java_bin:/usr/bin:/bin" HOME="$tmp/home" "$home/bin/vera" "$@")
}

for f in bin/vera lib/vera.jar lib/vera-embeddings.jar models/vera-accurate-gossipcop.vera \
    models/vera-claims-claimbuster.vera models/MODEL_CARD.md README.md licences/THIRD-PARTY.md; do
  [ -e "$home/$f" ] || fail "missing $f"
done
size=$(stat -c %s "$home/lib/vera.jar")
[ "$size" -le "$max_jar_bytes" ] || fail "lib/vera.jar is $size bytes, over $max_jar_bytes"

out="$(run check "$tmp/article.txt")" || fail "check failed: $out"
grep -q "P(fake) = " <<<"$out" || fail "check printed no verdict: $out"

out="$(run check --model accurate "$tmp/article.txt")" || fail "check --model accurate failed: $out"
grep -q "sentence embedding" <<<"$out" || fail "the accurate model gave no embedding reason: $out"

out="$(run check --claims "$tmp/article.txt")" || fail "check --claims failed: $out"
grep -q "check-worthy sentences:" <<<"$out" || fail "check --claims listed no claims: $out"

out="$(run model info fast-gossipcop)" || fail "model info fast-gossipcop failed: $out"
grep -q "^# Model card: vera-fast-" <<<"$out" || fail "no card for fast-gossipcop: $out"

# The lean jar alone: models outside it are found beside it, without VERA_HOME ...
out="$(cd "$tmp/home" && env -i PATH="$java_bin:/usr/bin:/bin" HOME="$tmp/home" \
  java -jar "$home/lib/vera.jar" check --model fast-gossipcop "$tmp/article.txt")" \
  || fail "java -jar lib/vera.jar check --model fast-gossipcop failed: $out"
# ... and what needs the encoder names the module it lacks, and fails cleanly.
set +e
lean="$(cd "$tmp/home" && env -i PATH="$java_bin:/usr/bin:/bin" HOME="$tmp/home" VERA_HOME="$home" \
  java -jar "$home/lib/vera.jar" check --claims "$tmp/article.txt" 2>&1)"
code=$?
set -e
[ "$code" = 3 ] || fail "lean jar --claims exited $code, not 3: $lean"
grep -q "the check-worthy claims model needs the vera-embeddings module" <<<"$lean" \
  || fail "lean jar --claims did not name the missing module: $lean"

echo "smoke-test: $(basename "$tarball") ($(stat -c %s "$tarball") bytes) runs; lib/vera.jar $size bytes"
