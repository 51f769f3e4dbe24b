#!/usr/bin/python3
r"""Compares rules for choosing the decision threshold, on a split's `valid` part only: each rule
chooses a threshold on one random half of the part and is scored (macro-F1) on the other half,
200 times. Vera's rule is the exact macro-F1 maximum (ThresholdChoice); the others smooth the
macro-F1 curve over a window of probabilities, or take the median choice over bootstrap resamples.

    ./vera experiment --data ../shared/data/gossipcop/articles.jsonl --split-field split_source --out /tmp/ss.vera
    python3 -c "import json,sys; [sys.stdout.write(l) for l in open(sys.argv[1]) if json.loads(l).get(sys.argv[2]) == 'valid']" \
        ../shared/data/gossipcop/articles.jsonl split_source > /tmp/ss-valid.jsonl
    ./vera check --model /tmp/ss.vera --format jsonl /tmp/ss-valid.jsonl > /tmp/ss-valid-scores.jsonl
    /usr/bin/python3 research/threshold-rules.py /tmp/ss-valid-scores.jsonl ../shared/data/gossipcop/articles.jsonl split_source

It refuses scores of any article outside the `valid` part. Needs Debian's python3-sklearn.
"""
import json
import sys

import numpy as np
from sklearn.metrics import f1_score

scores_path, data_path, field = sys.argv[1:4]
part = {}
for line in open(data_path, encoding="utf-8"):
    r = json.loads(line)
    part[r["id"]] = (r.get(field), r["label"] == "fake")
scores = [json.loads(line) for line in open(scores_path, encoding="utf-8")]
outside = [s["id"] for s in scores if part[s["id"]][0] != "valid"]
if outside:
    sys.exit(f"{scores_path}: {len(outside)} scored articles are not in {field}=valid (first: {outside[0]})")
p = np.array([s["text_probability_fake"] for s in scores])
y = np.array([part[s["id"]][1] for s in scores])
print(f"{field} valid: {len(p)} articles, {y.mean():.3f} fake, mean probability {p.mean():.3f}")


def exact(p, y):
    """Vera's ThresholdChoice.bestMacroF1: the best cut, halfway between distinct probabilities."""
    order = np.argsort(-p)
    ps, ys = p[order], y[order]
    tp, fp = np.cumsum(ys), np.cumsum(~ys)
    fn, tn = ys.sum() - tp, (~ys).sum() - fp
    f1_fake = 2 * tp / (2 * tp + fp + fn)
    f1_real = 2 * tn / np.maximum(2 * tn + fn + fp, 1)
    macro = np.where(np.r_[ps[1:] < ps[:-1], True], (f1_fake + f1_real) / 2, -1)
    k = int(np.argmax(macro))
    return (ps[k] + (ps[k + 1] if k + 1 < len(ps) else 0)) / 2


def smoothed(width):
    def rule(p, y):
        grid = np.linspace(0.05, 0.95, 181)
        f = np.array([f1_score(y, p >= t, average="macro") for t in grid])
        k = int(round(width / 0.005))
        f = np.convolve(f, np.ones(2 * k + 1) / (2 * k + 1), mode="same")
        return grid[k + int(np.argmax(f[k:-k]))]
    return rule


def bagged(p, y):
    rng = np.random.default_rng(1)
    return np.median([exact(p[i], y[i]) for i in (rng.integers(0, len(p), len(p)) for _ in range(50))])


rules = {"exact maximum (Vera)": exact, "smoothed over +-0.02": smoothed(0.02),
         "smoothed over +-0.04": smoothed(0.04), "bootstrap median": bagged}
held_out = {name: [] for name in rules}
rng = np.random.default_rng(0)
for _ in range(100):
    order = rng.permutation(len(p))
    for a, b in ((order[: len(p) // 2], order[len(p) // 2:]), (order[len(p) // 2:], order[: len(p) // 2])):
        for name, rule in rules.items():
            held_out[name].append(f1_score(y[b], p[b] >= rule(p[a], y[a]), average="macro"))
for name, rule in rules.items():
    f = np.array(held_out[name])
    gain = f - np.array(held_out["exact maximum (Vera)"])
    print(f"{name:22s} threshold on the whole part {rule(p, y):.3f}; other half macro-F1 {f.mean():.4f} "
          f"(sd {f.std():.4f}; against Vera's rule {gain.mean():+.4f}, sd {gain.std():.4f})")
