#!/usr/bin/env python3
"""A lexical yardstick for Vera's check-worthiness model, on the same fixed ClaimBuster split.

scikit-learn TF-IDF word 1-2-grams + char_wb 2-5-grams, logistic regression; C and the threshold
chosen on split=valid for the check-worthy class's F1; test read once to report.
Usage: research/claimbuster-peer.py [../shared/data]   (Debian: python3-sklearn)
Not a dependency of Vera: it only prints a figure to set beside `vera claims eval`'s.
"""
import json
import sys

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_fscore_support

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
rows = [json.loads(line) for line in open(f"{data}/claimbuster/sentences.jsonl", encoding="utf-8")]
parts = {p: [r for r in rows if r["split"] == p] for p in ("train", "valid", "test")}
y = {p: np.array([r["label"] == "check-worthy" for r in parts[p]], int) for p in parts}
words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
texts = {p: [r["text"] for r in parts[p]] for p in parts}
words.fit(texts["train"])
chars.fit(texts["train"])
X = {p: hstack([words.transform(texts[p]), chars.transform(texts[p])]).tocsr() for p in parts}


def f1_at(truth, p, t):
    return precision_recall_fscore_support(truth, p >= t, average="binary", zero_division=0)[2]


best = None
for C in (0.25, 0.5, 1, 2, 4, 8):
    m = LogisticRegression(C=C, max_iter=3000).fit(X["train"], y["train"])
    pv = m.predict_proba(X["valid"])[:, 1]
    for t in np.linspace(0.1, 0.9, 81):
        f = f1_at(y["valid"], pv, t)
        if best is None or f > best[0]:
            best = (f, C, t, m)
f, C, t, m = best
pt = m.predict_proba(X["test"])[:, 1]
P, R, F, _ = precision_recall_fscore_support(y["test"], pt >= t, average="binary")
print(json.dumps({"model": "sklearn tfidf words 1-2 + char_wb 2-5 + LR", "C": C,
                  "threshold": round(float(t), 2), "valid_f1": round(f, 4),
                  "test_precision": round(P, 4), "test_recall": round(R, 4), "test_f1": round(F, 4),
                  "test_average_precision": round(average_precision_score(y["test"], pt), 4)}))
