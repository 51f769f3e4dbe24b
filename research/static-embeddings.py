#!/usr/bin/python3
r"""Static embeddings tried on a split's `valid` part: the token vectors of StaticEmbeddingsDump.java
averaged over an article's title and body (plain mean, SIF weights a / (a + p(token)) with a = 1e-3
or 1e-4, or sublinear tf-idf; frequencies from the `train` part), as a logistic regression of their
own stacked beside Vera's default model, as dense columns beside the n-grams, and as a second set of
neighbours (cosine of the vectors, other publishers only). Runs stack-prototype.py's default model
first; reads only the `train` and `valid` parts.

    java -cp vera-cli/target/vera.jar research/StaticEmbeddingsDump.java \
        ../shared/data/gossipcop/articles.jsonl /tmp/static-embeddings
    /usr/bin/python3 research/static-embeddings.py ../shared/data/gossipcop/articles.jsonl \
        split_source /tmp/static-embeddings

About 15 minutes per split on 2 cores.
"""
import os
import sys

import numpy as np
import scipy.sparse as sp

dump = sys.argv[3]
prototype = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "stack-prototype.py")).read()
exec(prototype.split("# ---- the default model above")[0])  # X_tr, X_va, linear, base_tr, base_va, stack(), ...

VOCABULARY, DIMENSION = 30522, 384
table = np.fromfile(os.path.join(dump, "table.f32"), dtype="<f4").reshape(VOCABULARY, DIMENSION)
token_ids = {}
for line in open(os.path.join(dump, "tokens.tsv"), encoding="utf-8"):
    article, title, body = line.rstrip("\n").split("\t")
    token_ids[article] = (title, body)


def token_counts(rs, part):
    """Articles x vocabulary counts of the title's (part 0) or the body's (part 1) WordPiece ids."""
    m = sp.lil_matrix((len(rs), VOCABULARY), dtype=np.float32)
    for n, r in enumerate(rs):
        ids = token_ids[r["id"]][part]
        if ids:
            uniq, c = np.unique(np.array(ids.split(), int), return_counts=True)
            m[n, uniq] = c
    return m.tocsr()


counts_tr = [token_counts(train, part) for part in (0, 1)]
counts_va = [token_counts(valid, part) for part in (0, 1)]
all_tr = counts_tr[0] + counts_tr[1]
p = np.asarray(all_tr.sum(0)).ravel() / all_tr.sum()
idf = np.log((1 + len(train)) / (1 + np.asarray((all_tr > 0).sum(0)).ravel())) + 1
words = np.ones(VOCABULARY)
words[:999] = 0  # [PAD] and the unused slots
words[[100, 101, 102, 103]] = 0  # [UNK] [CLS] [SEP] [MASK]


def embed(m, weights, sublinear=False):
    m = m.copy()
    if sublinear:
        m.data = 1 + np.log(m.data)
    return normalize(np.asarray((m @ sp.diags(weights.astype(np.float32))) @ table))


WEIGHTS = [("mean", words, False), ("SIF 1e-3", words * 1e-3 / (1e-3 + p), False),
           ("SIF 1e-4", words * 1e-4 / (1e-4 + p), False), ("tf-idf", words * idf, True)]
folds = StratifiedKFold(5, shuffle=True, random_state=0)
for name, weights, sublinear in WEIGHTS:
    e_tr = np.c_[embed(counts_tr[0], weights, sublinear), embed(counts_tr[1], weights, sublinear)]
    e_va = np.c_[embed(counts_va[0], weights, sublinear), embed(counts_va[1], weights, sublinear)]
    for c in (1, 4, 16):
        report(f"static {name} alone, C={c}", LogisticRegression(C=c, max_iter=3000).fit(e_tr, y_tr).decision_function(e_va))
    stacked = {}  # C -> (out-of-fold training scores, validation scores)
    for c in (4, 16):
        stacked[c] = (cross_val_predict(LogisticRegression(C=c, max_iter=3000), e_tr, y_tr, cv=folds,
                                        method="decision_function"),
                      LogisticRegression(C=c, max_iter=3000).fit(e_tr, y_tr).decision_function(e_va))
        report(f"stack + static {name} (C={c})", stack(np.c_[base_tr, stacked[c][0]], np.c_[base_va, stacked[c][1]]))
    for w in (0.5, 1.0):
        report(f"linear + static {name} as dense columns x{w}",
               lr().fit(sp.hstack([X_tr, sp.csr_matrix(e_tr * w)]).tocsr(), y_tr)
               .decision_function(sp.hstack([X_va, sp.csr_matrix(e_va * w)]).tocsr()))
    if name in ("SIF 1e-3", "tf-idf"):
        whole_tr, whole_va = embed(all_tr, weights, sublinear), embed(counts_va[0] + counts_va[1], weights, sublinear)
        sim_tr = whole_tr @ whole_tr.T
        sim_tr[source[:, None] == source[None, :]] = -1  # neighbours from other publishers only
        dense_tr, dense_va = neighbours(sim_tr), neighbours(whole_va @ whole_tr.T)
        report(f"stack + static {name} neighbours", stack(np.c_[base_tr, dense_tr], np.c_[base_va, dense_va]))
        report(f"stack + static {name} (C=16) + its neighbours",
               stack(np.c_[base_tr, stacked[16][0], dense_tr], np.c_[base_va, stacked[16][1], dense_va]))
