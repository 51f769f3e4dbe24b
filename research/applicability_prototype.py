#!/usr/bin/python3
"""Leave-one-corpus-out prototype of the applicability score: how well do candidate novelty scores
separate the held-out corpus's articles from the training corpora's own test articles?
Candidates: similarity to the nearest training articles (cosine of TF-IDF word vectors, each
article reduced to its 64 heaviest words, as Vera's neighbour index), and vocabulary coverage.
Usage: applicability_prototype.py ../shared/data"""
import json, sys
import numpy as np, scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import normalize

D = sys.argv[1]
CORPORA = ['gossipcop', 'politifact', 'buzzfeed_webis_2016', 'fakehealth_story', 'fakespeak_eng']
rows, corpus = [], []
for ci, c in enumerate(CORPORA):
    for l in open(f'{D}/{c}/articles.jsonl'):
        r = json.loads(l); rows.append(r); corpus.append(ci)
corpus = np.array(corpus); split = np.array([r.get('split') for r in rows])
pub = np.array([(r.get('source') or '') for r in rows])
docs = [(r.get('title') or '') + '\n' + (r.get('text') or '') for r in rows]
M = HashingVectorizer(n_features=2**20, alternate_sign=False, norm=None, token_pattern=r"(?u)\b\w+\b").transform(docs).tocsr()

def topk_rows(X, k):
    X = X.tocsr().copy()
    for i in range(X.shape[0]):
        a, b = X.indptr[i], X.indptr[i + 1]
        if b - a > k:
            d = X.data[a:b]; cut = np.partition(d, -k)[-k]
            d[d < cut] = 0
    X.eliminate_zeros(); return normalize(X)

def scores(tr, rows_idx, idf, K=(1, 5, 10, 30)):
    X = M[rows_idx].astype(float); X.data = 1 + np.log(X.data); X = X @ sp.diags(idf)
    Q = topk_rows(X, 64)
    T = M[tr].astype(float); T.data = 1 + np.log(T.data); T = topk_rows(T @ sp.diags(idf), 64)
    S = (Q @ T.T).tocsr()
    out = {f'{x}nn{k}': np.zeros(len(rows_idx)) for k in K for x in ('', 'xp-')}
    trpub = pub[tr]
    for i in range(S.shape[0]):
        cols = S.indices[S.indptr[i]:S.indptr[i + 1]]; vals = S.data[S.indptr[i]:S.indptr[i + 1]]
        d = np.sort(vals)[::-1]
        other = np.sort(vals[(trpub[cols] != pub[rows_idx[i]]) | (pub[rows_idx[i]] == '')])[::-1]
        for k in K:
            out[f'nn{k}'][i] = d[:k].sum() / k if len(d) else 0
            out[f'xp-nn{k}'][i] = other[:k].sum() / k if len(other) else 0
    # coverage: share of the article's word occurrences whose word has idf > 0 (df >= 2 in train)
    C = M[rows_idx]
    known = C @ sp.diags((idf > 0).astype(float))
    out['coverage'] = np.asarray(known.sum(1)).ravel() / np.maximum(1, np.asarray(C.sum(1)).ravel())
    return out

res = {}
for h in range(len(CORPORA)):
    trc = [c for c in range(len(CORPORA)) if c != h]
    tr = np.where(np.isin(corpus, trc) & (split == 'train'))[0]
    te_in = np.where(np.isin(corpus, trc) & (split == 'test'))[0]
    te_out = np.where(corpus == h)[0]
    df = np.bincount(M[tr].indices, minlength=M.shape[1]); n = len(tr)
    idf = np.where(df >= 2, np.log((1 + n) / (1 + df)) + 1, 0.0)
    si = scores(tr, te_in, idf); so = scores(tr, te_out, idf)
    line = {'held': CORPORA[h], 'n_in': len(te_in), 'n_out': len(te_out)}
    for key in si:
        y = np.r_[np.ones(len(te_in)), np.zeros(len(te_out))]
        line[key] = round(roc_auc_score(y, np.r_[si[key], so[key]]), 4)
    print(json.dumps(line), flush=True)
