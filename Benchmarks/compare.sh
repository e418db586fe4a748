#!/usr/bin/env bash
# Runs Candor and its reference points on one generated corpus and prints throughput and ratios:
#   ICU word breaking alone (the floor of an ICU design), ripgrep over the lexicons' literal phrases
#   (the limit of phrase matching), and proselint when installed.
# Usage: Benchmarks/compare.sh [MEGABYTES]   (default 100; the corpus goes to .build-bench-corpus/)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
corpus=.build-bench-corpus
swift build -c release --product candor --product candor-bench >/dev/null 2>&1 || swift build -c release >/dev/null
bin=.build/release

if [ ! -f "$corpus/big.txt" ] || [ "$(du -m "$corpus/big.txt" | cut -f1)" -lt "$mb" ]; then
    "$bin/candor-bench" corpus "$corpus" --mb "$mb" --files 1000
fi
bytes=$(stat -c %s "$corpus/big.txt")
rate() { python3 -c "print(f'{$bytes/1e6/$1:.1f} MB/s')"; }
now() { date +%s.%N; }
elapsed() { python3 -c "print($2 - $1)"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
echo "corpus:  $corpus/big.txt, $bytes bytes"
echo

"$bin/candor-bench" throughput "$corpus/big.txt"

# Candor end to end, one core, all rules, JSON to /dev/null (process start and output included).
start=$(now); "$bin/candor" lint --jobs 1 --format json "$corpus/big.txt" >/dev/null || true; end=$(now)
candor_s=$(elapsed "$start" "$end")
echo "candor lint --jobs 1 --format json: $(rate "$candor_s")"

# Many files on all cores.
one=$( { /usr/bin/time -f %e "$bin/candor" lint --jobs 1 --format json "$corpus/small" >/dev/null || true; } 2>&1 | tail -1)
all=$( { /usr/bin/time -f %e "$bin/candor" lint --format json "$corpus/small" >/dev/null || true; } 2>&1 | tail -1)
echo "1,000 files: 1 core ${one}s, $(nproc) cores ${all}s, speed-up $(python3 -c "print(f'{$one/$all:.2f}x')")"

# ripgrep over the literal phrases of the lexicons: the limit of phrase matching.
phrases=$(mktemp)
python3 - "$phrases" <<'PY'
import re, sys, yaml, glob
out = set()
for path in glob.glob("lexicons/*.yml"):
    data = yaml.safe_load(open(path)) or {}
    for rule in data.get("rules", []):
        for pattern in rule.get("patterns", []):
            if not re.search(r"[()\[\]{}|*@<>]", pattern):
                out.add(pattern)
open(sys.argv[1], "w").write("\n".join(sorted(out)) + "\n")
PY
if command -v rg >/dev/null; then
    start=$(now); rg -i -F -f "$phrases" -c "$corpus/big.txt" >/dev/null || true; end=$(now)
    rg_s=$(elapsed "$start" "$end")
    echo "rg -i -F -f ($(wc -l < "$phrases") phrases): $(rate "$rg_s")"
    echo "candor / rg time: $(python3 -c "print(f'{$candor_s/$rg_s:.2f}x')")"
fi

# A 2 KB draft, process start included, against ripgrep on the same file.
if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 5 --runs 50 --export-json /tmp/candor-2k.json \
        "$bin/candor lint --no-config $corpus/draft-2k.txt" "rg -i -F -f $phrases $corpus/draft-2k.txt" >/dev/null 2>&1 || true
    python3 - <<'PY'
import json
runs = json.load(open("/tmp/candor-2k.json"))["results"]
c, r = runs[0]["mean"] * 1000, runs[1]["mean"] * 1000
print(f"2 KB draft: candor {c:.1f} ms, rg {r:.1f} ms, ratio {c/r:.2f}x")
PY
fi

if command -v proselint >/dev/null; then
    head -c 2000000 "$corpus/big.txt" > "$corpus/2mb.txt"
    start=$(now); proselint check "$corpus/2mb.txt" >/dev/null 2>&1 || proselint "$corpus/2mb.txt" >/dev/null 2>&1 || true; end=$(now)
    echo "proselint (2 MB sample): $(python3 -c "print(f'{2000000/1e6/($end-$start):.2f} MB/s')")"
fi

"$bin/candor-bench" scaling "$corpus/big.txt"
"$bin/candor-bench" markup "$corpus/big.txt" "$corpus/big.md"

# Peak memory: 1,000 files (about 100 MB in all), and the single big file.
rss() { /usr/bin/time -f %M "$@" >/dev/null 2>/tmp/candor-rss || true; tail -1 /tmp/candor-rss; }
echo "peak RSS, 1,000 files: $(( $(rss "$bin/candor" lint --format json "$corpus/small") / 1024 )) MB"
echo "peak RSS, $((bytes / 1048576)) MB file: $(( $(rss "$bin/candor" lint --format json "$corpus/big.txt") / 1024 )) MB"
rm -f "$phrases"
