#!/usr/bin/env bash
# Runs Candor and its reference points on two corpora and prints throughput and ratios:
#   the generated corpus (nearly pure ASCII, candor-bench corpus) and real prose (typographic quotes, dashes,
#   ellipses, non-breaking spaces and accented names: Benchmarks/realprose/build-corpus.py) with its ASCII
#   twin; ICU word breaking alone (the floor of an ICU design), ripgrep over the lexicons' literal phrases
#   (the limit of phrase matching), and proselint when installed.
# Usage: Benchmarks/compare.sh [MEGABYTES]   (default 100; the corpora go to .build-bench-corpus/)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
corpus=.build-bench-corpus
# One product per call: given two, swift build builds only the last.
{ swift build -c release --product candor && swift build -c release --product candor-bench; } >/dev/null 2>&1 \
    || swift build -c release >/dev/null
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

# Candor end to end, one core, all rules, JSON to /dev/null (process start and output included), best of
# three: wall clock, and CPU time (user + system), which a machine shared with other work disturbs less.
end_to_end() {
    local file=$1 size best_wall=999999 best_cpu=999999
    size=$(stat -c %s "$file")
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %U %S" -o /tmp/candor-e2e "$bin/candor" lint --no-config --jobs 1 --format json "$file" >/dev/null || true
        # time(1) puts "Command exited with non-zero status 1" first when there are findings.
        read -r wall user system < <(tail -1 /tmp/candor-e2e)
        best_wall=$(python3 -c "print(min($best_wall, $wall))")
        best_cpu=$(python3 -c "print(min($best_cpu, $user + $system))")
    done
    python3 -c "print(f'{$size/1e6/$best_wall:.1f} MB/s wall, {$size/1e6/$best_cpu:.1f} MB/s CPU')"
    echo "$best_cpu" > /tmp/candor-e2e-cpu  # for the ratios below: this runs in a subshell
}
if [ ! -f "$corpus/real.txt" ]; then
    python3 Benchmarks/realprose/build-corpus.py "$corpus" 20
fi
echo "candor lint --no-config --jobs 1 --format json, best of 3:"
echo "  generated ($bytes bytes):              $(end_to_end "$corpus/big.txt")"
candor_s=$(cat /tmp/candor-e2e-cpu)
echo "  real prose ($(stat -c %s "$corpus/real.txt") bytes):       $(end_to_end "$corpus/real.txt")"
real_cpu=$(cat /tmp/candor-e2e-cpu)
echo "  its ASCII twin ($(stat -c %s "$corpus/real-ascii.txt") bytes):   $(end_to_end "$corpus/real-ascii.txt")"
python3 -c "print(f'  real prose / ASCII twin, CPU time per copy of the text: {$real_cpu/$(cat /tmp/candor-e2e-cpu):.2f}x')"

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
    echo "candor (CPU time, generated corpus) / rg (wall): $(python3 -c "print(f'{$candor_s/$rg_s:.2f}x')")"
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
