#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples, as used in docs/BENCHMARKS.md.

usage: jfr print --events jdk.ExecutionSample rec.jfr | scripts/jfr-top.py [--within CLASS.METHOD] [--top N]

Prints the share of samples whose top frame is each method ("self"), and the share of samples that have each
method anywhere on the stack ("total"). --within keeps only the samples with that method on the stack.
"""
import argparse, collections, re, sys

ap = argparse.ArgumentParser()
ap.add_argument("--within", default=None)
ap.add_argument("--top", type=int, default=25)
args = ap.parse_args()

frame = re.compile(r"^\s+([\w$.<>/]+)\(")
samples, stack = [], None
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        if stack is not None:
            samples.append(stack)
        stack = []
    elif stack is not None:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))
if stack is not None:
    samples.append(stack)
if args.within:
    samples = [s for s in samples if any(f.endswith(args.within) for f in s)]
n = len(samples)
if n == 0:
    sys.exit("no samples")
self_ = collections.Counter(s[0] for s in samples if s)
total = collections.Counter(f for s in samples for f in set(s))
print(f"{n} samples" + (f" with {args.within} on the stack" if args.within else ""))
print("self%   method")
for f, c in self_.most_common(args.top):
    print(f"{100 * c / n:5.1f}   {f}")
print("\ntotal%  method (dev.storybot and org.apache.lucene only)")
for f, c in total.most_common():
    if f.startswith(("dev.storybot", "org.apache.lucene")) and c / n >= 0.02:
        print(f"{100 * c / n:5.1f}   {f}")
