#!/usr/bin/python3
"""A scikit-learn prototype of Vera's default model (TF-IDF title/body word 1-2-grams and
character 3-5-grams, logistic regression, 30 nearest training articles from other publishers
stacked on out-of-fold scores), used to try changes on a split's `valid` part before building them
into Vera. It reads only the `train` and `valid` parts: the `test` part is never loaded.

    /usr/bin/python3 research/stack-prototype.py ../shared/data/gossipcop/articles.jsonl split_source

Prints valid ROC-AUC and the best macro-F1 over thresholds for the model as it is and for each
variant (the README's table of changes tried and not kept). Needs Debian's python3-sklearn.
About 20 minutes per split on 2 cores.
"""
import collections
import json
import re
import sys

import numpy as np
import scipy.sparse as sp
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold, StratifiedKFold, cross_val_predict
from sklearn.preprocessing import normalize

path, field = sys.argv[1], sys.argv[2]
rows = [json.loads(line) for line in open(path, encoding="utf-8")]
train = [r for r in rows if r.get(field) == "train"]
valid = [r for r in rows if r.get(field) == "valid"]
y_tr = np.array([r["label"] == "fake" for r in train], int)
y_va = np.array([r["label"] == "fake" for r in valid], int)
source = np.array([r.get("source") or f"?{i}" for i, r in enumerate(train)])


def text(r, f):
    return r.get(f) or ""


def title_and_body(r):
    return text(r, "title") + " " + text(r, "text")


# Title words 0.7, title characters 0.5, as Vera's --space-weight defaults.
SPACES = [("title", dict(analyzer="word", ngram_range=(1, 2)), 0.7),
          ("text", dict(analyzer="word", ngram_range=(1, 2)), 1.0),
          ("title", dict(analyzer="char_wb", ngram_range=(3, 5)), 0.5),
          ("text", dict(analyzer="char_wb", ngram_range=(3, 5)), 1.0)]


def vectorize():
    """The four TF-IDF spaces of the training and validation articles, fitted on training."""
    tr_parts, va_parts = [], []
    for f, kw, w in SPACES:
        v = TfidfVectorizer(min_df=2, sublinear_tf=True, dtype=np.float32, **kw)
        tr_parts.append(v.fit_transform([text(r, f) for r in train]) * w)
        va_parts.append(v.transform([text(r, f) for r in valid]) * w)
    return sp.hstack(tr_parts).tocsr(), sp.hstack(va_parts).tocsr()


X_tr, X_va = vectorize()


def best_f1(s):
    return max(f1_score(y_va, s >= t, average="macro") for t in np.quantile(s, np.linspace(0.3, 0.95, 131)))


def report(name, s):
    print(f"{field} {name:58s} valid ROC-AUC {roc_auc_score(y_va, s):.4f}  best macro-F1 {best_f1(s):.4f}",
          flush=True)


def lr(c=1.0, **kw):
    return LogisticRegression(C=c, max_iter=3000, solver="liblinear", **kw)


linear = lr().fit(X_tr, y_tr).decision_function(X_va)
report("linear", linear)
oof = cross_val_predict(lr(), X_tr, y_tr, cv=StratifiedKFold(5, shuffle=True, random_state=0),
                        method="decision_function")


def heaviest(X, t=64):
    X = X.tocsr().copy()
    for i in range(X.shape[0]):
        a, b = X.indptr[i], X.indptr[i + 1]
        if b - a > t:
            d = X.data[a:b]
            d[d < np.partition(d, -t)[-t]] = 0
    X.eliminate_zeros()
    return normalize(X)


def neighbours(sim, k=30):
    idx = np.argsort(-sim, axis=1)[:, :k]
    sims = np.take_along_axis(sim, idx, 1)
    labels = y_tr[idx]
    w = np.maximum(sims, 0) ** 2
    f = np.c_[(w * labels).sum(1) / (w.sum(1) + 1e-9), sims[:, 0], labels[:, 0], sims.mean(1)]
    return np.c_[f, f[:, 0] * f[:, 1]]


def similarities(get, top, **kw):
    v = TfidfVectorizer(min_df=2, sublinear_tf=True, dtype=np.float32, **kw)
    a = v.fit_transform([get(r) for r in train])
    b = v.transform([get(r) for r in valid])
    a, b = (heaviest(a, top), heaviest(b, top)) if top else (normalize(a), normalize(b))
    s_va = (b @ a.T).toarray()
    s_tr = (a @ a.T).toarray()
    s_tr[source[:, None] == source[None, :]] = -1  # neighbours from other publishers only
    return neighbours(s_tr), neighbours(s_va)


near_tr, near_va = similarities(title_and_body, 64)


def stack(z_tr, z_va):
    return LogisticRegression(C=1, max_iter=2000).fit(z_tr, y_tr).decision_function(z_va)


base_tr, base_va = np.c_[oof, near_tr], np.c_[linear, near_va]
report("stack (Vera's default model)", stack(base_tr, base_va))

# ---- the default model above (static-embeddings.py runs it); the variants tried below ----
counts = collections.Counter(source)
for alpha in (0.25, 0.5, 0.75):
    w = np.array([counts[s] ** -alpha for s in source])
    for c in (1, 2, 4):
        s = lr(c).fit(X_tr, y_tr, sample_weight=w / w.mean()).decision_function(X_va)
        report(f"linear, publisher weights size^-{alpha}, C={c}", s)
# label noise: the training articles whose out-of-fold score most confidently contradicts their label
contradiction = np.where(y_tr == 1, -oof, oof)
for share in (0.02, 0.05, 0.10):
    keep = contradiction < np.quantile(contradiction, 1 - share)
    report(f"linear, the {share:.0%} most contradicted training articles dropped",
           lr().fit(X_tr[keep], y_tr[keep]).decision_function(X_va))
report("linear, class-balanced weights", lr(class_weight="balanced").fit(X_tr, y_tr).decision_function(X_va))
report("linear, scores of C=1 and C=4 averaged", linear + lr(4).fit(X_tr, y_tr).decision_function(X_va))


def lengths(rs):
    body = np.log1p([len(text(r, "text").split()) for r in rs])
    title = np.log1p([len(text(r, "title").split()) for r in rs])
    return np.c_[body, title, body < np.log1p(30)]


def with_lengths(score, near, length):
    """Stack inputs with the lengths and their products with the linear score."""
    return np.c_[score, near, length, score[:, None] * length]


l_tr, l_va = lengths(train), lengths(valid)
report("stack + lengths", stack(with_lengths(oof, near_tr, l_tr), with_lengths(linear, near_va, l_va)))
for depth in (2, 3):
    boosted = HistGradientBoostingClassifier(max_depth=depth, learning_rate=0.05, max_iter=300 if depth == 2 else 200,
                                             min_samples_leaf=50, l2_regularization=1.0, random_state=0)
    report(f"gradient-boosted stack + lengths, depth {depth}",
           boosted.fit(np.c_[base_tr, l_tr[:, :2]], y_tr).decision_function(np.c_[base_va, l_va[:, :2]]))
# how far the headline is about what the body says (clickbait promises a story the body lacks)
title_body = []
for kw in ({}, dict(analyzer="char_wb", ngram_range=(3, 5))):
    v = TfidfVectorizer(min_df=2, sublinear_tf=True, dtype=np.float32, **kw)
    v.fit([title_and_body(r) for r in train])
    title_body.append([np.asarray(normalize(v.transform([text(r, "title") for r in rs])).multiply(
        normalize(v.transform([text(r, "text") for r in rs]))).sum(1)).ravel() for rs in (train, valid)])
report("stack + title-body cosines (words, characters)",
       stack(np.c_[base_tr, title_body[0][0], title_body[1][0]], np.c_[base_va, title_body[0][1], title_body[1][1]]))
for name, kw in (("words", {}), ("characters 3-5", dict(analyzer="char_wb", ngram_range=(3, 5)))):
    t_tr, t_va = similarities(lambda r: text(r, "title"), 0, **kw)
    report(f"stack + nearest titles ({name})", stack(np.c_[base_tr, t_tr], np.c_[base_va, t_va]))
grouped = cross_val_predict(lr(), X_tr, y_tr, groups=source, cv=GroupKFold(5), method="decision_function")
report("stack on publisher-grouped out-of-fold scores", stack(np.c_[grouped, near_tr], base_va))
report("stack grouped + lengths", stack(with_lengths(grouped, near_tr, l_tr), with_lengths(linear, near_va, l_va)))
n100_tr, n100_va = similarities(title_and_body, 100)
report("stack, 100 words per article", stack(np.c_[oof, n100_tr], np.c_[linear, n100_va]))
report("stack, 100 words, grouped + lengths",
       stack(with_lengths(grouped, n100_tr, l_tr), with_lengths(linear, n100_va, l_va)))

# n-grams seen in the articles of fewer than k training publishers dropped (the publishers' own
# phrasing, which cannot carry over to an unseen publisher)
publisher_ids = {s: i for i, s in enumerate(sorted(set(source)))}
by_publisher = sp.csr_matrix((np.ones(len(source)), ([publisher_ids[s] for s in source], np.arange(len(source)))),
                             shape=(len(publisher_ids), len(source)))
publishers_per_feature = np.asarray(((by_publisher @ (X_tr > 0).astype(np.float32)) > 0).sum(0)).ravel()
for k in (2, 3, 5):
    keep = sp.diags((publishers_per_feature >= k).astype(np.float32))
    report(f"linear, n-grams of >= {k} publishers only", lr().fit(X_tr @ keep, y_tr).decision_function(X_va @ keep))

# body sentences that recur verbatim in 3 or more training articles (bylines, newsletter and
# photo-credit lines) removed before the body is vectorized
sentence_end = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(t):
    return [s.strip() for s in sentence_end.split(t) if s.strip()]


recurring = collections.Counter(s.lower() for r in train for s in set(sentences(text(r, "text"))) if len(s) >= 20)
for r in train + valid:
    r["text"] = " ".join(s for s in sentences(text(r, "text")) if recurring[s.lower()] < 3)
cleaned_tr, cleaned_va = vectorize()
report("linear, recurring body sentences removed", lr().fit(cleaned_tr, y_tr).decision_function(cleaned_va))
