#!/usr/bin/env bash
# Usage: make-dist.sh ROOT JAVA_HOME [OUT_DIR]
# Builds OUT_DIR/paperplane-<version>.tar.gz (OUT_DIR defaults to ROOT/target) from an already packaged
# bootstrap/target/modules (./paperplane dist runs the build first; the build's DistributionIT calls this after
# `package`, with an OUT_DIR under bootstrap/target). Layout of the archive:
#   paperplane-<version>/bin/paperplane     POSIX sh launcher using runtime/bin/java only
#   paperplane-<version>/runtime/           jlink image of exactly the JDK modules the application needs
#   paperplane-<version>/lib/*.jar          the application's module path (paperplane, Helidon and their libraries)
#   paperplane-<version>/conf/paperplane.yaml  the bundled default configuration, to copy and edit
#   paperplane-<version>/docs/*.md, README.md
# jlink refuses automatic modules (Micrometer, Prometheus and others are), so the image holds only JDK modules and
# the application stays a plain module path beside it: the JVM resolves it exactly as the source launcher does.
# Reproducible: jlink's output is deterministic for one JDK, jars carry Maven's fixed outputTimestamp, and the
# archive is written with sorted names, the commit's time as every mtime, owner 0 and gzip -n.
# Prints the archive's path as its last line.
set -euo pipefail
root="$1"
java_home="$2"
out="${3:-$root/target}"
modules="$root/bootstrap/target/modules"
info="$root/bootstrap/target/classes/dev/paperplane/bootstrap/build-info.properties"
say() { printf 'paperplane dist: %s\n' "$*" >&2; }

version="$(sed -n 's/^version=//p' "$info")"
commit="$(sed -n 's/^commit=//p' "$info")"
[[ -n "$version" ]] || { say "no version in $info: build first (./paperplane dist does)"; exit 1; }
if [[ -n "${SOURCE_DATE_EPOCH:-}" ]]; then
    epoch="$SOURCE_DATE_EPOCH"
elif [[ "$commit" != unknown ]] && epoch="$(git -C "$root" log -1 --format=%ct "$commit" 2>/dev/null)"; then
    :
else
    epoch=0
fi

name="paperplane-$version"
mkdir -p "$out"
out="$(cd "$out" && pwd -P)"
work="$out/dist-work"
stage="$work/$name"
archive="$out/$name.tar.gz"
rm -rf "$work"
mkdir -p "$stage/bin" "$stage/lib" "$stage/conf" "$stage/docs"

# The JDK modules: what the application's classes use (jdeps, automatic modules included) plus what the explicit
# modules declare (non-static requires must be present for the module path to resolve): the JDK modules that the
# application's modules require when the JVM resolves the module path, asked of one JVM rather than of one
# `jar --describe-module` per jar (80 JVM starts).
declared="$("$java_home/bin/java" --module-path "$modules" --add-modules ALL-MODULE-PATH --show-module-resolution \
    -version 2>&1 | awk '$2 == "requires" && $4 ~ /^jrt:/ && $1 !~ /^(java|jdk)\./ { print $3 }')"
used="$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 21 \
    --module-path "$modules" --add-modules ALL-MODULE-PATH | tr ',' '\n')"
jdk_modules="$(printf '%s\n%s\n' "$declared" "$used" | grep -E '^(java|jdk)\.' | LC_ALL=C sort -u | paste -sd, -)"
say "linking a runtime of $jdk_modules"
"$java_home/bin/jlink" --add-modules "$jdk_modules" --output "$stage/runtime" \
    --strip-debug --no-header-files --no-man-pages

cp "$modules"/*.jar "$stage/lib/"
cp "$root/bootstrap/src/main/resources/dev/paperplane/bootstrap/config/default.yaml" "$stage/conf/paperplane.yaml"
cp "$root"/docs/*.md "$stage/docs/"
cp "$root/README.md" "$stage/README.md"
cp "$root/bootstrap/src/dist/bin/paperplane" "$stage/bin/paperplane"
chmod 755 "$stage/bin/paperplane"

tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --mode='u+rwX,go+rX,go-w' --format=gnu \
    -C "$work" -cf - "$name" | gzip -n -9 >"$archive.partial"
mv "$archive.partial" "$archive"
rm -rf "$work"
say "$(du -h "$archive" | cut -f1) built from commit $commit"
printf '%s\n' "$archive"
