"""Fits the answer path's two confidence models from FeatureDump's output and prints them with what they do.

Usage: python3 fit.py DUMPS_DIR POOL_QUESTIONS_JSONL [THRESHOLD]
DUMPS_DIR holds pool.jsonl (the pool's answerable questions over the whole pool), single.jsonl (the same questions,
each over a shelf of its own story alone), offshelf.jsonl (the off-shelf questions over the whole pool) and
squad2.jsonl (squad2-dev over its two articles).
"""
import sys
import numpy as np
from common import Ranker, load, pool_sources, fit_logistic, logistic, hit

dumps, questions = sys.argv[1], sys.argv[2]
src = pool_sources(questions)
pool = load(dumps + '/pool.jsonl', sources=src)
single = load(dumps + '/single.jsonl', 'single')
off = load(dumps + '/offshelf.jsonl', 'off')
sq = load(dumps + '/squad2.jsonl', 'squad2')
R = Ranker()  # the weights in SentencePicker and ExcerptRanker

# Does the shelf answer? Absolute evidence of the first excerpt, and the best single sentence's cosine.
DECLINE = ['coverage', 'typeOffered', 'cosine', 'lexical', 'paragraphCoverage', 'nameCoverage', 'headlineCosine',
           'paragraphCosine', 'bestSentenceCosine']
def first(r):
    ex = R.excerpts(r)
    if not ex:
        return None
    e = ex[0]
    return [e['covp'], e['type'], e['cosp'], e['bm'], e['covPara'], e['nameCov'], e['titleCos'], e['cosMean'],
            max(x['cos'] for x in ex)]
def table(rows):
    return np.array([f if f is not None else [0.0] * len(DECLINE) for f in map(first, rows)])
answerable = pool + single
A = table(answerable)
O = table(off)
w, b = fit_logistic(np.vstack([A, O]), np.r_[np.ones(len(A)), np.zeros(len(O))])
threshold = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
print('DECLINE bias %.5f threshold %.4f' % (b, threshold))
for name, weight in zip(DECLINE, w):
    print('  %-20s %.5f' % (name, weight))

# Does this excerpt hold an answer? Its own evidence and its place; fitted on the first five of every question.
EXCERPT = ['coverage', 'typeOffered', 'cosine', 'lexical', 'score', 'gap', 'rank']
X, y = [], []
for r in pool + off:
    for e in R.excerpts(r)[:5]:
        X.append([e['covp'], e['type'], e['cosp'], e['bm'], e['score'], e['gap'], e['rank']])
        y.append(1.0 if r['answerable'] and e['lab'] else 0.0)
we, be = fit_logistic(np.array(X), np.array(y))
print('EXCERPT bias %.5f' % be)
for name, weight in zip(EXCERPT, we):
    print('  %-20s %.5f' % (name, weight))
SHOW_MORE = 0.1

def simulate(rows, name):
    n = answered = h1 = h3 = shown = good = 0
    for r in rows:
        f = first(r)
        ok = f is not None and logistic(np.array(f) @ w + b) >= threshold
        n += 1
        if not ok:
            continue
        answered += 1
        ex = R.excerpts(r)
        page = [ex[0]]
        for e in ex[1:3]:
            p = logistic(np.array([e['covp'], e['type'], e['cosp'], e['bm'], e['score'], e['gap'], e['rank']]) @ we + be)
            if p < SHOW_MORE:
                break
            page.append(e)
        if r['answerable']:
            h1 += ex[0]['lab']
            h3 += any(e['lab'] for e in page)
            shown += len(page)
            good += sum(e['lab'] for e in page)
    if rows[0]['answerable']:
        print('%-9s hit@1 %.3f hit@3 %.3f declined %.3f excerpts/answer %.2f holding an answer %.3f'
              % (name, h1 / n, h3 / n, 1 - answered / n, shown / max(1, answered), good / max(1, shown)))
    else:
        print('%-9s declined %.3f' % (name, 1 - answered / n))

for name, rows in [('pool', pool), ('single', single), ('squad2', [r for r in sq if r['answerable']]),
                   ('off-shelf', off)] + [(s, [r for r in pool if r['src'] == s]) for s in ['squad', 'nq', 'wikinews']]:
    simulate(rows, name)
print('without declining: pool hit@1 %.3f single %.3f squad2 %.3f' % (hit(pool, R), hit(single, R), hit(sq, R)))

print('threshold  answerable declined  off-shelf declined')
pa, po = logistic(A @ w + b), logistic(O @ w + b)
for t in [0.3, 0.4, 0.5, 0.6, 0.69]:
    print('%.2f       %.3f                %.3f' % (t, (pa < t).mean(), (po < t).mean()))
