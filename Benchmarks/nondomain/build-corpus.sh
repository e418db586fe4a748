#!/usr/bin/env bash
# Builds a corpus of ordinary English that is not about sexual violence, to count the findings Candor
# makes where it should make none: the King James Bible, the fortune files and the Debian Administrator's
# Handbook, all from Debian packages. Never committed (the packages are the source).
#
# Usage: Benchmarks/nondomain/build-corpus.sh [DIR]      (default: .build/nondomain)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-.build/nondomain}"

need=()
command -v bible >/dev/null 2>&1 || need+=(bible-kjv)
[ -d /usr/share/games/fortunes ] || need+=(fortunes)
[ -d /usr/share/doc/debian-handbook/html/en-US ] || need+=(debian-handbook)
if [ ${#need[@]} -gt 0 ]; then
    echo "nondomain: installing ${need[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

rm -rf "$out"
mkdir -p "$out/bible" "$out/fortunes" "$out/handbook"
# One file per book, a blank line between chapters (as paragraphs), and the verse references dropped.
bible -f "Gen1:1-Rev22:21" | awk '
    { ref = $1; book = ref; sub(/[0-9]+:[0-9]+$/, "", book); chapter = ref; sub(/:.*/, "", chapter); sub(/^[^ ]+ /, "") }
    book != current { current = book; file = sprintf("%s/bible/%03d-%s.txt", out, ++n, book); last = chapter }
    chapter != last { print "" > file; last = chapter }
    { print > file }' out="$out"
for f in /usr/share/games/fortunes/*; do
    case "$f" in *.dat|*.u8) continue ;; esac
    [ -f "$f" ] || continue
    # Fortunes are separated by lines holding only '%'; a blank line keeps each one its own paragraph.
    sed 's/^%$//' "$f" > "$out/fortunes/$(basename "$f").txt"
done
cp /usr/share/doc/debian-handbook/html/en-US/*.html "$out/handbook/"
du -sb "$out" | awk '{ printf "nondomain: %.1f MB in %s\n", $1 / 1e6, $2 }' >&2
