#!/bin/sh
# Builds the fuzz targets with libFuzzer and runs each for a while.
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 seconds; lint config pattern snapshot)
# Crashes are written to Fuzz/crashes/TARGET/; new inputs grow a scratch corpus in .build-fuzz/corpus/TARGET,
# seeded from the small corpus kept in Fuzz/corpus/TARGET.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-lint config pattern snapshot}

for target in $targets; do
    CANDOR_FUZZ=1 swift build -c release --build-path .build-fuzz -Xswiftc -sanitize=fuzzer --product fuzz-"$target"
done

# Swift's own crash reporter would take the signal first and exit before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no
status=0
for target in $targets; do
    corpus=.build-fuzz/corpus/$target
    crashes=Fuzz/crashes/$target
    mkdir -p "$corpus" "$crashes"
    echo "== fuzz-$target for ${seconds}s"
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: one needing 2 GB is a blow-up.
    log=.build-fuzz/fuzz-$target.log
    code=0
    .build-fuzz/release/fuzz-"$target" "$corpus" Fuzz/corpus/"$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || code=$?
    grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|==.*ERROR|SUMMARY)' "$log" || true
    if ls "$crashes" | grep -q .; then
        echo "fuzz-$target: crashes in $crashes"
        status=1
    elif [ "$code" -ne 0 ]; then
        # A target that dies before fuzzing (a broken seed, say) leaves no crash file but must not pass.
        echo "fuzz-$target: exited with status $code before saving a crash; last lines of $log:"
        tail -n 5 "$log"
        status=1
    fi
done
exit $status
