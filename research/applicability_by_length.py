#!/usr/bin/env python3
"""Does the applicability flag mark short in-domain articles? Truncates a random sample of a
corpus's test articles to their first N words and counts how many the bundled model flags
outside its experience, per N (the README's invented examples are flagged; is it their length?).

    python3 research/applicability_by_length.py ../shared/data/gossipcop/articles.jsonl
"""
import argparse
import json
import os
import random
import subprocess
import tempfile


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--vera", default="./vera")
    p.add_argument("--model", default="fast")
    p.add_argument("--sample", type=int, default=600)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    with open(args.data, encoding="utf-8") as f:
        test = [r for r in map(json.loads, f) if r.get("split") == "test"]
    random.Random(args.seed).shuffle(test)
    test = test[: args.sample]
    print(f"{len(test)} test articles of {args.data}, model {args.model}")
    print("| first N words | articles | flagged outside experience |")
    print("|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (50, 100, 150, 300, None):
            path = os.path.join(tmp, f"trunc-{n}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for r in test:
                    words = r["text"].split()
                    f.write(json.dumps(dict(r, text=" ".join(words[:n] if n else words))) + "\n")
            out = subprocess.run(
                [args.vera, "check", "--format", "jsonl", "--model", args.model, path],
                capture_output=True, text=True, check=False).stdout
            rows = [json.loads(line) for line in out.splitlines() if line.strip()]
            flagged = sum(1 for r in rows if r["applicability"]["outside_experience"])
            print(f"| {n or 'all'} | {len(rows)} | {flagged / len(rows):.3f} |")


if __name__ == "__main__":
    main()
