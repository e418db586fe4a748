#!/usr/bin/env python3
"""Builds the real-prose benchmark corpus and its ASCII twin.

Real drafts carry typographic punctuation (curly quotes, en and em dashes, ellipses, non-breaking spaces)
and accented names; the generated corpus is nearly pure ASCII and hides what those cost. This joins the
real-text accuracy excerpts (fixtures/real, labels stripped), the held-out drafts and, when present, the
seed documents (../shared/seeds), and repeats them to the size asked for. The ASCII twin is the same text
with every typographic character replaced by what a writer would type on a plain keyboard, so that the two
files hold the same words and the ratio of their rates is the price of the typography alone.

Usage: Benchmarks/realprose/build-corpus.py OUT_DIR [MEGABYTES]   (default 20; writes real.txt, real-ascii.txt)
"""
import glob
import json
import os
import re
import sys
import unicodedata

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
out = sys.argv[1]
megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 20

pieces = []
for path in sorted(glob.glob(os.path.join(root, "fixtures/real/*.jsonl"))):
    for line in open(path, encoding="utf-8"):
        if line.strip():
            marked = json.loads(line)["marked"]
            pieces.append(re.sub(r"\[\[[a-z]+:(.*?)\]\]", r"\1", marked))
for pattern in ("fixtures/heldout/**/*.txt", "../shared/seeds/*.txt"):
    for path in sorted(glob.glob(os.path.join(root, pattern), recursive=True)):
        pieces.append(open(path, encoding="utf-8").read().strip())
if not pieces:
    sys.exit("realprose: no source text found")
unit = "\n\n".join(pieces) + "\n\n"

typed = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "--",
         "\u2026": "...", "\u00a0": " ", "\u2022": "*", "\u00a7": "S", "\u00a3": "GBP "}


def ascii_twin(text):
    text = "".join(typed.get(ch, ch) for ch in text)
    # Accented letters lose their accents; anything else left outside ASCII is dropped.
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ord(ch) < 128)


target = megabytes * 1_000_000
repeats = max(1, target // len(unit.encode("utf-8")))
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "real.txt"), "w", encoding="utf-8") as f:
    f.write(unit * repeats)
with open(os.path.join(out, "real-ascii.txt"), "w", encoding="utf-8") as f:
    f.write(ascii_twin(unit) * repeats)
non_ascii = sum(1 for ch in unit if ord(ch) >= 128)
print(f"realprose: {len(unit.encode('utf-8')) * repeats / 1e6:.1f} MB ({repeats} copies of {len(unit)} characters, "
      f"{non_ascii} of them typographic or accented) in {out}/real.txt, ASCII twin in {out}/real-ascii.txt",
      file=sys.stderr)
