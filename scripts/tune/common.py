"""Shared by the tuning scripts: reads FeatureDump's JSON lines and builds each question's ranked excerpts."""
import json
import numpy as np

def load(path, source=None, sources=None):
    rows = [json.loads(line) for line in open(path)]
    for r in rows:
        r['src'] = sources[r['id']] if sources else source
    return rows

def pool_sources(questions_jsonl):
    return {i: json.loads(line).get('source') for i, line in enumerate(open(questions_jsonl))}

class Ranker:
    """The answer path's ranking, as in SentencePicker (with meaning) and ExcerptRanker."""
    def __init__(self, wt=0.2, wb=0.25, wc=5.0, budget=350, bm=12, sem=12, graded=False):
        self.wt, self.wb, self.wc, self.budget, self.bm, self.sem, self.graded = wt, wb, wc, budget, bm, sem, graded

    def excerpts(self, r):
        ex = []
        for c in r['candidates']:
            inb = c.get('bm25rank', 99) < self.bm
            ins = c.get('semrank', 99) < self.sem
            if not (inb or ins):
                continue
            ss = c['sentences']
            best = None
            for i, s in enumerate(ss):
                if 'cov' not in s:
                    continue
                nxt = ss[i + 1]['len'] if i + 1 < len(ss) else None
                pair = nxt is not None and s['len'] + 1 + nxt <= self.budget
                covp = s['covNext'] if pair else s['cov']
                cosp = max(s['cos'], ss[i + 1]['cos']) if pair else s['cos']
                lab = s['label'] or (pair and s['labelNext'])
                t = min(s.get('typeCount', 0), 3) / 3.0 if self.graded else (1.0 if s['type'] else 0.0)
                sc = covp + self.wt * t + self.wc * cosp
                if best is None or sc > best['s']:
                    best = dict(s=sc, covp=covp, type=1.0 if s['type'] else 0.0, t=t, cosp=cosp, lab=lab, cos=s['cos'])
            if best is None:
                continue
            bm = c.get('bm25rel', 0.0) if inb else 0.0
            best.update(score=best['s'] + self.wb * bm, bm=bm, covPara=c.get('covPara', 0), nameCov=c.get('nameCov', 1),
                        titleCos=c['titleCos'], cosMean=c['cosMean'])
            ex.append(best)
        ex.sort(key=lambda e: -e['score'])
        for k, e in enumerate(ex):
            e['rank'] = k
            e['gap'] = ex[0]['score'] - e['score']
        return ex

def hit(rows, ranker, k=1):
    h = n = 0
    for r in rows:
        if not r['answerable']:
            continue
        n += 1
        h += any(e['lab'] for e in ranker.excerpts(r)[:k])
    return h / max(1, n)

def fit_logistic(X, y, l2=1.0, iters=6000, lr=0.5):
    """L2-regularised logistic regression by gradient descent on standardised features; weights in raw units."""
    mu = X.mean(0)
    sd = X.std(0) + 1e-9
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))])
    w = np.zeros(Z.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-Z @ w))
        w -= lr * (Z.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0] / len(y))
    raw = w[:-1] / sd
    bias = w[-1] - np.sum(w[:-1] * mu / sd)
    return raw, bias

def logistic(x):
    return 1 / (1 + np.exp(-x))
