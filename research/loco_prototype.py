#!/usr/bin/python3
"""Leave-one-corpus-out prototype of Vera's text model (scikit-learn), for deciding what transfers.

Vera's feature scheme (hashed word 1-2-grams and character 3-5-grams of title and body, sublinear
TF-IDF fitted on the training rows, each space L2-normalized and weighted), logistic regression with
per-article weights. Every variant is scored leave-one-corpus-out: trained on the other corpora's
`train` parts, C chosen on their `valid` parts, ROC-AUC on every row of the held-out corpus.
Usage: loco_prototype.py ../shared/data VARIANT...   (Debian python3-sklearn)"""
import json, sys, time, re
import numpy as np, scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, f1_score
from sklearn.preprocessing import normalize

D = sys.argv[1]
CORPORA = ['gossipcop', 'politifact', 'buzzfeed_webis_2016', 'fakehealth_story', 'fakespeak_eng']
rows, corpus = [], []
for ci, c in enumerate(CORPORA):
    for l in open(f'{D}/{c}/articles.jsonl'):
        r = json.loads(l); rows.append(r); corpus.append(ci)
corpus = np.array(corpus)
y = np.array([r['label'] == 'fake' for r in rows], int)
split = np.array([r.get('split') for r in rows])
titles = [r.get('title') or '' for r in rows]; bodies = [r.get('text') or '' for r in rows]
B = 20
t0 = time.time()
tok = re.compile(r"(?u)\b\w+\b")
def wv(): return HashingVectorizer(n_features=2**B, alternate_sign=False, norm=None, ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b", lowercase=True)
def cv(): return HashingVectorizer(n_features=2**B, alternate_sign=False, norm=None, analyzer='char_wb', ngram_range=(3, 5), lowercase=True)
import os, pickle
cache = '/tmp/loco_proto_counts.pkl'
if os.path.exists(cache):
    SPACES = pickle.load(open(cache, 'rb'))
else:
    SPACES = {'dc': cv().transform([t + '\n' + b for t, b in zip(titles, bodies)]).tocsr(), 'dw': wv().transform([t + '\n' + b for t, b in zip(titles, bodies)]).tocsr(), 'tw': wv().transform(titles).tocsr(), 'bw': wv().transform(bodies).tocsr(),
              'tc': cv().transform(titles).tocsr(), 'bc': cv().transform(bodies).tocsr()}
    pickle.dump(SPACES, open(cache, 'wb'), protocol=4)
print(f'# counts in {time.time()-t0:.0f}s', file=sys.stderr, flush=True)

def tfidf(M, train_rows, min_df=2):
    df = np.bincount(M[train_rows].indices, minlength=M.shape[1])
    n = len(train_rows)
    idf = np.where(df >= min_df, np.log((1 + n) / (1 + df)) + 1, 0.0)
    X = M.copy().astype(np.float64); X.data = 1 + np.log(X.data)
    X = X @ sp.diags(idf)
    return normalize(X)

def features(train_rows, v):
    parts = []
    for s in v['spaces']:
        parts.append(tfidf(SPACES[s], train_rows) * v['weights'].get(s, 1.0))
    return sp.hstack(parts).tocsr()

def weights_for(rows_idx, alpha):
    c = corpus[rows_idx]; n = np.bincount(c, minlength=len(CORPORA)).astype(float)
    w = n[c] ** (-alpha); return w * len(rows_idx) / w.sum()

def fit_eval(held, v):
    tr_c = [i for i in range(len(CORPORA)) if i != held]
    tr = np.where(np.isin(corpus, tr_c) & (split == 'train'))[0]
    va = np.where(np.isin(corpus, tr_c) & (split == 'valid'))[0]
    te = np.where(corpus == held)[0]
    X = features(tr, v)
    if v.get('corpus_bias'):
        ind = sp.csr_matrix((np.full(len(corpus), v['corpus_bias']), (np.arange(len(corpus)), corpus)), shape=(len(corpus), len(CORPORA)))
        Xtr = sp.hstack([X[tr], ind[tr]]).tocsr()
        pad = lambda rr: sp.hstack([X[rr], sp.csr_matrix((len(rr), len(CORPORA)))]).tocsr()
    else:
        Xtr = X[tr]; pad = lambda rr: X[rr]
    sw = weights_for(tr, v.get('alpha', 0))
    best = None
    for C in v.get('C', (1, 4, 16)):
        m = LogisticRegression(C=C, solver='liblinear', max_iter=1000).fit(Xtr, y[tr], sample_weight=sw)
        pv = m.decision_function(pad(va))
        # choose C by the mean within-corpus valid ROC-AUC (the corpus base rates do not count)
        auc = np.mean([roc_auc_score(y[va][corpus[va] == c], pv[corpus[va] == c]) for c in tr_c])
        if best is None or auc > best[0]: best = (auc, C, m)
    p = best[2].decision_function(pad(te))
    return roc_auc_score(y[te], p), best[1], best[0]

VARIANTS = {
    'peerlike': dict(spaces=['tw', 'bw'], weights={}),
    'peer': dict(spaces=['dw'], weights={}, C=(4, 16, 64)),
    'peer-bal': dict(spaces=['dw'], weights={}, C=(4, 16, 64), alpha=1.0),
    'peer-cb': dict(spaces=['dw'], weights={}, C=(4, 16, 64), corpus_bias=10),
    'peer-bal-cb': dict(spaces=['dw'], weights={}, C=(4, 16, 64), alpha=1.0, corpus_bias=10),
    'peer-bal5-cb': dict(spaces=['dw'], weights={}, C=(4, 16, 64), alpha=0.5, corpus_bias=10),
    'peer-bal-cb1': dict(spaces=['dw'], weights={}, C=(4, 16, 64), alpha=1.0, corpus_bias=1),
    'tb-bal-cb': dict(spaces=['tw', 'bw'], weights={'tw': 0.7}, C=(4, 16, 64), alpha=1.0, corpus_bias=10),
    'vera4-bal-cb': dict(spaces=['tw', 'bw', 'tc', 'bc'], weights={'tw': 0.7, 'tc': 0.5}, C=(4, 16, 64), alpha=1.0, corpus_bias=10),
    'dwc-bal-cb': dict(spaces=['dw', 'bc'], weights={}, C=(4, 16, 64), alpha=1.0, corpus_bias=10),
    'dwc-bal-cb-lowC': dict(spaces=['dw', 'bc'], weights={}, C=(1, 2, 4), alpha=1.0, corpus_bias=10),
    'dwdc-bal-cb': dict(spaces=['dw', 'dc'], weights={}, C=(1, 4, 16), alpha=1.0, corpus_bias=10),
    'b-bal-cb': dict(spaces=['bw', 'bc'], weights={}, C=(1, 4, 16), alpha=1.0, corpus_bias=10),  # words only, title+body separate
    'vera': dict(spaces=['tw', 'bw', 'tc', 'bc'], weights={'tw': 0.7, 'tc': 0.5}),
    'vera-bal': dict(spaces=['tw', 'bw', 'tc', 'bc'], weights={'tw': 0.7, 'tc': 0.5}, alpha=1.0),
    'vera-bal5': dict(spaces=['tw', 'bw', 'tc', 'bc'], weights={'tw': 0.7, 'tc': 0.5}, alpha=0.5),
    'vera-cb': dict(spaces=['tw', 'bw', 'tc', 'bc'], weights={'tw': 0.7, 'tc': 0.5}, corpus_bias=10),
    'vera-bal-cb': dict(spaces=['tw', 'bw', 'tc', 'bc'], weights={'tw': 0.7, 'tc': 0.5}, alpha=1.0, corpus_bias=10),
    'vera-bal5-cb': dict(spaces=['tw', 'bw', 'tc', 'bc'], weights={'tw': 0.7, 'tc': 0.5}, alpha=0.5, corpus_bias=10),
    'words-bal-cb': dict(spaces=['tw', 'bw'], weights={'tw': 0.7}, alpha=1.0, corpus_bias=10),
    'words-cb': dict(spaces=['tw', 'bw'], weights={'tw': 0.7}, corpus_bias=10),
    'words-bal': dict(spaces=['tw', 'bw'], weights={'tw': 0.7}, alpha=1.0),
    'body-bal-cb': dict(spaces=['bw', 'bc'], weights={}, alpha=1.0, corpus_bias=10),
}
for name in sys.argv[2:]:
    v = VARIANTS[name]; res = []
    for h in range(len(CORPORA)):
        auc, C, vauc = fit_eval(h, v); res.append(auc)
        print(json.dumps({'variant': name, 'held': CORPORA[h], 'roc_auc': round(auc, 4), 'C': C, 'valid_auc': round(vauc, 4)}), flush=True)
    print(json.dumps({'variant': name, 'mean_roc_auc': round(float(np.mean(res)), 4)}), flush=True)
