#!/usr/bin/env python3
"""Findings per MB, by rule and severity, from `candor lint --format json` on the non-domain corpus.

Usage: candor lint --format json DIR | report.py DIR [--max-warnings-per-mb N] [--max-suggestions-per-mb N]
Exit 1 when a maximum is exceeded. Every finding here is a false positive: nothing in the corpus is about
sexual violence, so the figures are Candor's false-alarm rate on ordinary English.
"""
import argparse
import collections
import json
import os
import sys

parser = argparse.ArgumentParser()
parser.add_argument("corpus")
parser.add_argument("--max-warnings-per-mb", type=float)
parser.add_argument("--max-suggestions-per-mb", type=float)
parser.add_argument("--examples", type=int, default=3)
args = parser.parse_args()

size = sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(args.corpus) for name in names)
report = json.load(sys.stdin)
by_rule = collections.defaultdict(collections.Counter)
examples = collections.defaultdict(list)
for file in report["files"]:
    for finding in file["findings"]:
        by_rule[finding["rule"]][finding["severity"]] += 1
        if len(examples[finding["rule"]]) < args.examples:
            examples[finding["rule"]].append(f'{os.path.relpath(file["path"], args.corpus)}:{finding["line"]}: {finding["match"]}')
mb = size / 1e6
serious = sum(c["error"] + c["warning"] for c in by_rule.values())
suggestions = sum(c["suggestion"] for c in by_rule.values())
print(f"corpus {mb:.1f} MB, {len(report['files'])} files")
print(f"warnings or errors: {serious} ({serious / mb:.2f} per MB); suggestions: {suggestions} ({suggestions / mb:.2f} per MB)")
for rule, counts in sorted(by_rule.items(), key=lambda item: -sum(item[1].values())):
    print(f"  {rule:40} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for example in examples[rule]:
        print(f"      {example}")
failed = False
if args.max_warnings_per_mb is not None and serious / mb > args.max_warnings_per_mb:
    print(f"FAIL: more than {args.max_warnings_per_mb} warnings or errors per MB"); failed = True
if args.max_suggestions_per_mb is not None and suggestions / mb > args.max_suggestions_per_mb:
    print(f"FAIL: more than {args.max_suggestions_per_mb} suggestions per MB"); failed = True
sys.exit(1 if failed else 0)
