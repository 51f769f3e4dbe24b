#!/usr/bin/python3
"""Style flips: does a model judge content or style? (shared/design/TRANSFER.md)

Writes a counterfactual copy of every labelled article of a test part with its style moved toward
the other class and its content kept, by a fixed, seeded set of rewrites:
  fake -> sober: every '!' becomes '.', every ALL-CAPS word of 3+ letters is written in lower case
                 with a capital, and hedges ("allegedly", "a source close to", ...) are removed;
  real -> sensational: a third of the sentences end in '!', one word in 60 goes ALL-CAPS, and a
                 sixth of the sentences start with a hedge ("Allegedly, ", "An insider claims ").
Then scores both with `vera check --format jsonl --model MODEL` and reports ROC-AUC and macro-F1
before and after, and the mean |change in P(fake)| per article. With --peer, the scikit-learn
TF-IDF + logistic-regression yardstick trained on the corpus's train part is scored the same way.

Usage: style_flip.py CORPUS.jsonl SPLIT_FIELD PART MODEL [--peer]   (Debian python3-sklearn)
PART is valid when the flips choose something, test when they only report.
Prints one JSON line per model."""
import json, random, re, subprocess, sys, tempfile, os
import numpy as np
from sklearn.metrics import roc_auc_score, f1_score

HEDGES = ["allegedly", "reportedly", "a source close to", "sources close to", "a source says",
          "sources say", "an insider", "insiders", "rumor has it", "rumour has it", "it is claimed",
          "according to a source", "according to sources", "supposedly"]
OPENERS = ["Allegedly, ", "Reportedly, ", "An insider claims ", "A source close to the star says "]


def sober(text):
    text = text.replace("!", ".")
    text = re.sub(r"\b([A-Z]{3,})\b", lambda m: m.group(1).capitalize(), text)
    for h in sorted(HEDGES, key=len, reverse=True):
        text = re.sub(r"(?i)\b" + re.escape(h) + r"\b,?\s*", "", text)
    return text


def sensational(text, rnd):
    sentences = re.split(r"(?<=[.?])\s+", text)
    out = []
    for s in sentences:
        if s and rnd.random() < 1 / 6:
            s = rnd.choice(OPENERS) + s[0].lower() + s[1:]
        words = s.split(" ")
        words = [w.upper() if w.isalpha() and len(w) > 3 and rnd.random() < 1 / 60 else w for w in words]
        s = " ".join(words)
        if s.endswith(".") and rnd.random() < 1 / 3:
            s = s[:-1] + "!"
        out.append(s)
    return " ".join(out)


def flip(r, rnd):
    g = dict(r)
    if r["label"] == "fake":
        g["title"] = sober(r.get("title") or "")
        g["text"] = sober(r.get("text") or "")
    else:
        g["title"] = sensational(r.get("title") or "", rnd)
        g["text"] = sensational(r.get("text") or "", rnd)
    return g


def vera_scores(rows, model):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in rows:
            f.write(json.dumps({k: r.get(k) for k in ("id", "title", "text", "url", "source")}) + "\n")
        path = f.name
    vera = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vera")
    out = subprocess.run([vera, "check", "--format", "jsonl", "--model", model, path],
                         capture_output=True, text=True, check=False).stdout
    os.unlink(path)
    got = [json.loads(l) for l in out.splitlines() if l.strip()]
    return np.array([g["text_probability_fake"] for g in got]), np.array([g["label"] == "fake" for g in got])


def report(name, y, p0, d0, p1, d1):
    print(json.dumps({"model": name, "n": int(len(y)),
                      "roc_auc": round(roc_auc_score(y, p0), 4), "roc_auc_flipped": round(roc_auc_score(y, p1), 4),
                      "macro_f1": round(f1_score(y, d0, average="macro"), 4),
                      "macro_f1_flipped": round(f1_score(y, d1, average="macro"), 4),
                      "mean_abs_delta_p": round(float(np.mean(np.abs(p1 - p0))), 4)}), flush=True)


def main():
    path, field, part, model = sys.argv[1:5]
    rows = [json.loads(l) for l in open(path)]
    test = [r for r in rows if r.get(field) == part and r.get("label") in ("fake", "real")]
    rnd = random.Random(20261204)
    flipped = [flip(r, rnd) for r in test]
    y = np.array([r["label"] == "fake" for r in test])
    p0, d0 = vera_scores(test, model)
    p1, d1 = vera_scores(flipped, model)
    report("vera:" + os.path.basename(model), y, p0, d0, p1, d1)
    if "--peer" in sys.argv:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        doc = lambda r: ((r.get("title") or "") + "\n" + (r.get("text") or "")).strip()
        train = [r for r in rows if r.get(field) == "train"]
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, max_features=500000)
        X = vec.fit_transform(map(doc, train))
        m = LogisticRegression(C=16, max_iter=3000).fit(X, [r["label"] == "fake" for r in train])
        q0 = m.predict_proba(vec.transform(map(doc, test)))[:, 1]
        q1 = m.predict_proba(vec.transform(map(doc, flipped)))[:, 1]
        report("peer:tfidf-lr", y, q0, q0 >= 0.5, q1, q1 >= 0.5)


if __name__ == "__main__":
    main()
