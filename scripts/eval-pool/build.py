#!/usr/bin/env python3
"""Builds the public evaluation pool: story files, answerable questions and an off-shelf split.

Reads three public QA sets from local copies (git directories fetched from GitHub, read with
`git show HEAD:<path>`, or plain extracted files), writes stories in the project's .txt format with
.meta.yml sidecars, and the question files in the shape `storybot eval` reads. Everything random is
drawn from one seeded generator, so the same inputs and seed give the same pool byte for byte.

Python 3.11, standard library only. Run with --help for the options.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import json
import random
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MIRROR = Path("/work/.mirror")
DEFAULTS = {
    "squad": MIRROR / "pulakdas1999+QnA_using_BERT" / "repo",
    "qed": MIRROR / "google-research-datasets+QED" / "repo",
    "qamr": MIRROR / "uwnlp+qamr" / "repo",
}
# Git blob id of dataset/dev-v1.1.json in rajpurkar/SQuAD-explorer: the copy we read must be that very file.
SQUAD_DEV_BLOB = "e9a3f913ad1468ebe105b891334ca7b0bc0e2510"

# Held out by issue 12 (not to be used from any source), plus the articles of the shared squad2-dev set.
HELD_OUT_TITLES = {"Victoria_(Australia)", "Southern_California", "Computational_complexity_theory"}
SHARED_EVAL_STORIES = Path("/work/shared/eval/squad2-dev/stories")


def title_key(title: str) -> str:
    """Compares titles across sources: Wiki_Style and "Wiki Style" alike, case-folded."""
    return re.sub(r"[\s_]+", " ", title).strip().casefold()


# ---------------------------------------------------------------------------------------------- reading inputs

@dataclass
class Input:
    """One input file, read from a git directory (HEAD) or from disk, with what the README must say about it."""
    data: bytes
    location: str
    commit: str | None
    path: str


def is_git_dir(p: Path) -> bool:
    return p.is_dir() and (p / "HEAD").is_file() and (p / "objects").is_dir()


def read_input(base: Path, path: str) -> Input:
    """`path` inside a fetched git directory (its HEAD), or a file under/at `base` on disk."""
    if is_git_dir(base):
        def git(*args: str) -> bytes:
            return subprocess.run(["git", "-C", str(base), *args], check=True, capture_output=True).stdout
        commit = git("rev-parse", "HEAD").decode().strip()
        try:
            data = git("show", f"HEAD:{path}")
        except subprocess.CalledProcessError as e:
            sys.exit(f"{base}: cannot read HEAD:{path} ({e.stderr.decode().strip()}); fetch the repository again")
        return Input(data, str(base), commit, path)
    f = base / path if base.is_dir() else base
    if not f.is_file():
        sys.exit(f"{f}: no such file; pass the fetched git directory or the extracted file")
    return Input(f.read_bytes(), str(f), None, path)


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


# ---------------------------------------------------------------------------------------------- text cleaning

ZERO_WIDTH = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u200e\u200f\u00ad"), None)


CITATION = re.compile(r"\s*\[(?:citation needed|clarification needed|dubious[^\]]*|when\?|who\?|which\?"
                      r"|according to whom\?|by whom\?|edit|\d{1,3}|note \d+|[a-z])\]", re.I)


def clean(text: str) -> str:
    """NFC, no zero-width characters, no footnote marks ("[citation needed]", "[12]"), white space folded."""
    text = unicodedata.normalize("NFC", text).translate(ZERO_WIDTH)
    return re.sub(r"\s+", " ", CITATION.sub("", text)).strip()


MARKUP = re.compile(r"</?(?:a|b|i|p|br|hr|div|span|ref|sup|sub|small|big|table|tr|td|th|li|ul|ol|em|strong|font|center"
                    r"|blockquote|cite|code|pre|nowiki|math|h[1-6])\b[^>]*>|\{\{|\}\}|\[\[|\]\]|&[a-z]+;|&#\d+;|\[\s*(?:\d+|citation needed|edit)\s*\]")

TOKEN_MAP = {"``": "\u201c", "''": "\u201d", "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]",
             "-LCB-": "{", "-RCB-": "}", "--": "\u2013", "`": "\u2018"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "\u201d", "'", "\u2019", "...",
                   "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "′", "°"}
NO_SPACE_AFTER = {"(", "[", "{", "\u201c", "\u2018", "$", "#", "£", "€", "₹"}
JOINERS = {"-", "/"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Joins PTB/NQ-style tokens into running text; returns the text and each token's (start, end) in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    quote_open = False
    glue_next = True  # no space before the first token
    for i, raw in enumerate(tokens):
        tok = TOKEN_MAP.get(raw, raw)
        if raw == '"':
            tok = "\u201d" if quote_open else "\u201c"
            quote_open = not quote_open
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        glue = glue_next or tok in NO_SPACE_BEFORE
        if raw in JOINERS and prev[-1:].isalnum() and nxt[:1].isalnum():
            glue = True  # "Skłodowska - Curie" -> "Skłodowska-Curie", "and / or" -> "and/or"
        if raw == "$" and prev in {"A", "C", "HK", "NZ", "S", "US"}:
            glue = True  # currency prefixes: "C $1.3 billion" -> "C$1.3 billion"
        if prev in JOINERS and i >= 2 and tokens[i - 2][-1:].isalnum() and raw[:1].isalnum():
            glue = True
        if not glue:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(tok)))
        out.append(tok)
        pos += len(tok)
        glue_next = tok in NO_SPACE_AFTER
    return "".join(out), spans


def detokenize_offsets(text: str) -> tuple[str, list[int]]:
    """Detokenizes a space-tokenized string; returns the new text and a map old char offset -> new offset."""
    tokens, starts = [], []
    for m in re.finditer(r"\S+", text):
        tokens.append(m.group())
        starts.append(m.start())
    new, spans = detokenize(tokens)
    mapping = [-1] * (len(text) + 1)
    for (s_old, tok), (s_new, e_new) in zip(zip(starts, tokens), spans):
        if e_new - s_new == len(tok):
            for k in range(len(tok) + 1):
                mapping[s_old + k] = s_new + k
        else:  # a mapped token (``, -LRB-, --): its start and end still map
            mapping[s_old] = s_new
            mapping[s_old + len(tok)] = e_new
    return new, mapping


# ---------------------------------------------------------------------------------------------- the pool model

@dataclass
class Story:
    name: str            # file name without .txt; stable: derived from the dataset's own ids/titles
    source: str          # pool source key
    headline: str
    paragraphs: list[str]
    meta: dict[str, str]
    questions: list[dict] = field(default_factory=list)


def story_name(prefix: str, raw: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._()-]+", "_", unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode())
    return f"{prefix}-{safe.strip('_.') or 'untitled'}"


def add_question(story: Story, paragraph: int, question: str, answers: list[str], **extra) -> bool:
    """Keeps the question only with answers that occur verbatim in the paragraph it points at."""
    text = story.paragraphs[paragraph]
    kept = []
    for a in answers:
        a = clean(a)
        if a and a in text and a not in kept:
            kept.append(a)
    question = clean(question)
    if not kept or not question:
        return False
    story.questions.append({"story": story.name, "paragraph": paragraph, "question": question,
                            "answers": kept, "impossible": False, **extra})
    return True


# ---------------------------------------------------------------------------------------------- sources

def load_squad(base: Path, banned: set[str], notes: dict) -> list[Story]:
    """SQuAD 1.1 dev: one story per Wikipedia article, its paragraphs in dataset order."""
    inp = read_input(base, "dev-v1.1.json.zip")
    with zipfile.ZipFile(io.BytesIO(inp.data)) as z:
        raw = z.read("dev-v1.1.json")
    blob = git_blob_id(raw)
    if blob != SQUAD_DEV_BLOB:
        sys.exit(f"dev-v1.1.json in {inp.location} has git blob {blob}, not the official {SQUAD_DEV_BLOB}")
    notes["squad"] = {"input": inp, "blob": blob}
    stories = []
    for art in json.loads(raw)["data"]:
        title = art["title"]
        if title_key(title) in banned:
            continue
        paras = [clean(p["context"]) for p in art["paragraphs"]]
        s = Story(story_name("squad", title), "squad", title.replace("_", " "), paras,
                  {"source": "Wikipedia", "url": f"https://en.wikipedia.org/wiki/{title}"})
        for i, p in enumerate(art["paragraphs"]):
            for qa in p["qas"]:
                add_question(s, i, qa["question"], [a["text"] for a in qa["answers"]], qid=qa["id"])
        stories.append(s)
    return stories


def load_qed(base: Path, banned: set[str], notes: dict) -> list[Story]:
    """QED dev (Natural Questions): real search queries; one story per Wikipedia page, paragraphs detokenized."""
    inp = read_input(base, "qed-dev.jsonlines")
    notes["nq"] = {"input": inp}
    by_title: dict[str, Story] = {}
    order: list[str] = []
    for line in inp.data.decode("utf-8").splitlines():
        ex = json.loads(line)
        title = clean(ex["title_text"])
        if title_key(title) in banned or ex["annotation"]["explanation_type"] == "none":
            continue  # "none": QED's annotators found no correct answer in the paragraph
        text, mapping = detokenize_offsets(ex["paragraph_text"])
        text = clean(text)
        if title not in by_title:
            url = ex["url"].replace("&amp;", "&").replace("wikipedia.org//", "wikipedia.org/")
            by_title[title] = Story(story_name("nq", title), "nq", title, [], {"source": "Wikipedia", "url": url})
            order.append(title)
        s = by_title[title]
        if text not in s.paragraphs:
            s.paragraphs.append(text)
        para = s.paragraphs.index(text)
        answers = []
        for spans in ex["original_nq_answers"]:
            if len(spans) != 1:
                continue  # multi-span answers have no single string to find in a quote
            st, en = mapping[spans[0]["start"]], mapping[spans[0]["end"]]
            if st >= 0 and en > st:
                answers.append(text[st:en])
        add_question(s, para, ex["question_text"], answers, qid=str(ex["example_id"]))
    return [by_title[t] for t in order]


QAMR_WH = re.compile(r"^(what|who|whom|whose|when|where|which|why|how)\b", re.I)


QAMR_PRONOUN = re.compile(r"\b(he|she|they|them|his|him|her|hers|their|theirs|it|its|this|these|those)\b", re.I)


def qamr_question_ok(q: str) -> bool:
    """Keeps questions a reader of a whole shelf could still ask: full wh-questions with something specific,
    no pronoun that only the annotated sentence resolves ("What did he do?")."""
    q = q.strip()
    words = q.rstrip("?").split()
    if not q.endswith("?") or len(words) < 5 or not QAMR_WH.match(q) or QAMR_PRONOUN.search(q):
        return False
    anchored = any(w[:1].isupper() or any(c.isdigit() for c in w) for w in words[1:])
    return anchored or len(words) >= 8


def specific_answer(answer: str) -> bool:
    """QAMR answers are often one plain word ("shot", "people"); any quote holding that word would count as a hit,
    so an answer must be two words or more, or hold a name or a number."""
    if answer.casefold() in {"i", "we", "you", "he", "she", "it", "they", "us", "him", "her", "them", "his", "its",
                             "their", "our", "a number", "some", "many"}:
        return False  # a pronoun names nothing a reader could check
    return len(answer.split()) >= 2 or any(c.isupper() or c.isdigit() for c in answer)


def load_qamr(base: Path, notes: dict) -> list[Story]:
    """QAMR, Wikinews part only (news prose): the annotated sentences of each article, grouped by paragraph."""
    sent_inp = read_input(base, "data/wiki-sentences.tsv")
    notes["wikinews"] = {"input": sent_inp, "files": ["data/wiki-sentences.tsv"]}
    sentences: dict[str, list[str]] = {}
    for line in sent_inp.data.decode("utf-8").splitlines():
        sid, text = line.split("\t", 1)
        if sid.startswith("Wiki1k:wikinews:"):
            sentences[sid] = text.split(" ")
    qas: dict[str, list[tuple[str, list[list[int]]]]] = collections.defaultdict(list)
    for split in ("dev", "test"):
        path = f"data/filtered/{split}.tsv"
        notes["wikinews"]["files"].append(path)
        for line in read_input(base, path).data.decode("utf-8").splitlines():
            f = line.split("\t")
            if not f[0].startswith("Wiki1k:wikinews:") or len(f) < 7:
                continue
            spans = [f[6]] + [v.split(":", 1)[1] for v in f[7:9] if ":" in v]
            qas[f[0]].append((f[5], [[int(x) for x in s.split()] for s in spans if s.strip()]))
    docs: dict[str, dict[int, list[tuple[int, str]]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for sid in qas:
        _, _, doc, para, sent = sid.split(":")
        docs[doc][int(para)].append((int(sent), sid))
    stories = []
    for doc in sorted(docs, key=int):
        s = Story(story_name("wikinews", doc), "wikinews", f"Wikinews story {doc}", [], {"source": "Wikinews"})
        located: dict[str, tuple[int, int, list[tuple[int, int]]]] = {}
        for para in sorted(docs[doc]):
            parts, offset = [], 0
            for _, sid in sorted(docs[doc][para]):
                text, spans = detokenize(sentences[sid])
                located[sid] = (len(s.paragraphs), offset, spans)
                parts.append(text)
                offset += len(text) + 1
            s.paragraphs.append(" ".join(parts))
        for sid, items in qas.items():
            if sid not in located:
                continue
            pi, off, spans = located[sid]
            seen = set()
            for q, answer_sets in items:
                if not qamr_question_ok(q) or q.casefold() in seen:
                    continue
                answers = []
                for idx in answer_sets:
                    idx = sorted(set(idx))
                    if idx and idx == list(range(idx[0], idx[-1] + 1)) and idx[-1] < len(spans):
                        answer = s.paragraphs[pi][off + spans[idx[0]][0]:off + spans[idx[-1]][1]]
                        if specific_answer(answer):
                            answers.append(answer)
                if add_question(s, pi, q, answers):
                    seen.add(q.casefold())
        s.questions.sort(key=lambda x: (x["paragraph"], x["question"]))
        stories.append(s)
    return stories


# ---------------------------------------------------------------------------------------------- sampling

STOP = set("""a an the of in on at to for from by with and or but is are was were be been being do does did has have
had what who whom whose when where which why how many much that this these those it its as into than then there
their they he she his her him i you we our your not no yes if so about after before during over under up out""".split())


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if w not in STOP and len(w) > 1}


def answered_by_shelf(q: dict, shelf_paragraphs: list[tuple[str, set[str]]]) -> bool:
    """An off-shelf question the shelf may answer anyway: a shelf paragraph with a gold answer and most of its words."""
    words = content_words(q["question"])
    if not words:
        return True
    for text, pwords in shelf_paragraphs:
        if len(words & pwords) >= 0.75 * len(words) and any(a.casefold() in text for a in q["answers"]):
            return True
    return False


def question_kind(q: str) -> str:
    t = q.casefold()
    for kind in ("how many", "how much", "how long", "how old"):
        if t.startswith(kind):
            return kind
    m = re.match(r"(what|who|whom|whose|when|where|which|why|how|in what|in which)\b", t)
    return m.group(1) if m else "other"


def sample_per_story(stories: list[Story], cap: int, rng: random.Random) -> list[dict]:
    """Up to `cap` questions a story, spread over its paragraphs, in file order."""
    picked = []
    for s in stories:
        qs = list(s.questions)
        rng.shuffle(qs)
        # round-robin over paragraphs so long articles do not give all their questions to one paragraph
        by_para: dict[int, list[dict]] = collections.defaultdict(list)
        for q in qs:
            by_para[q["paragraph"]].append(q)
        order = sorted(by_para, key=lambda p: rng.random())
        chosen = []
        while len(chosen) < cap and any(by_para.values()):
            for p in order:
                if by_para[p] and len(chosen) < cap:
                    chosen.append(by_para[p].pop())
        picked.extend(sorted(chosen, key=lambda q: (q["paragraph"], q["question"])))
    return picked


# ---------------------------------------------------------------------------------------------- main

SOURCES = {
    "squad": {"name": "SQuAD 1.1 (dev)", "style": "encyclopedia", "licence": "CC BY-SA 4.0",
              "repo": "pulakdas1999/QnA_using_BERT (file dev-v1.1.json.zip: a byte-identical copy of "
                      "rajpurkar/SQuAD-explorer dataset/dev-v1.1.json, checked by git blob id)",
              "citation": "Rajpurkar, Zhang, Lopyrev, Liang (2016). SQuAD: 100,000+ Questions for Machine "
                          "Comprehension of Text. EMNLP. https://rajpurkar.github.io/SQuAD-explorer/"},
    "nq": {"name": "QED (dev) = Natural Questions short answers with their Wikipedia paragraphs", "style": "encyclopedia",
           "licence": "CC BY-SA 3.0 (Wikipedia text and Natural Questions; the QED README's disclaimer)",
           "repo": "google-research-datasets/QED",
           "citation": "Lamm et al. (2020). QED: A Framework and Dataset for Explanations in Question Answering. "
                       "TACL. Kwiatkowski et al. (2019). Natural Questions. TACL."},
    "wikinews": {"name": "QAMR (dev + test), Wikinews sentences", "style": "news",
                 "licence": "annotations MIT (QAMR LICENSE); Wikinews text CC BY 2.5",
                 "repo": "uwnlp/qamr",
                 "citation": "Michael, Stanovsky, He, Dagan, Zettlemoyer (2018). Crowdsourcing Question-Answer "
                             "Meaning Representations. NAACL."},
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--squad", type=Path, default=DEFAULTS["squad"],
                    help="git dir or folder holding dev-v1.1.json.zip, or the zip itself")
    ap.add_argument("--qed", type=Path, default=DEFAULTS["qed"], help="git dir or folder holding qed-dev.jsonlines")
    ap.add_argument("--qamr", type=Path, default=DEFAULTS["qamr"],
                    help="git dir or folder holding data/wiki-sentences.tsv and data/filtered/{dev,test}.tsv")
    ap.add_argument("--shared-eval", type=Path, default=SHARED_EVAL_STORIES,
                    help="story folder whose articles must stay out of the pool")
    ap.add_argument("--out", type=Path, default=Path("/work/shared/eval/pool"))
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--force", action="store_true", help="replace an existing output folder")
    args = ap.parse_args()

    banned_titles = set(HELD_OUT_TITLES)
    if not args.shared_eval.is_dir():
        sys.exit(f"{args.shared_eval}: no such folder; its articles must be kept out of the pool")
    for f in sorted(args.shared_eval.glob("*.txt")):
        banned_titles.add(f.stem)
        banned_titles.add(f.read_text(encoding="utf-8").splitlines()[0])
    banned = {title_key(t) for t in banned_titles}

    rng = random.Random(args.seed)
    notes: dict = {}
    squad = load_squad(args.squad, banned, notes)
    # A page is one story: NQ pages that SQuAD already holds would put the same article on both sides of the split.
    squad_titles = {title_key(s.headline) for s in squad}
    loaded = {"squad": squad, "nq": load_qed(args.qed, banned | squad_titles, notes),
              "wikinews": load_qamr(args.qamr, notes)}

    # Per source: which stories go on the shelf, which stay off it, and how many questions each side keeps.
    plan = {"squad": dict(off=7, shelf=None, per_story=24, per_off_story=36),
            "nq": dict(off=180, shelf=420, per_story=2, per_off_story=1),
            "wikinews": dict(off=17, shelf=None, per_story=12, per_off_story=12)}
    shelf: list[Story] = []
    off: list[Story] = []
    for key, stories in loaded.items():
        stories = [s for s in stories if s.questions]
        order = sorted(stories, key=lambda s: s.name)
        rng.shuffle(order)
        p = plan[key]
        off.extend(order[:p["off"]])
        rest = order[p["off"]:]
        shelf.extend(rest if p["shelf"] is None else rest[:p["shelf"]])
    names = [s.name for s in shelf + off]
    dupes = [n for n, c in collections.Counter(names).items() if c > 1]
    if dupes:
        sys.exit(f"story names collide: {dupes[:5]}")

    answerable: list[dict] = []
    offshelf: list[dict] = []
    shelf_paras = [(p.casefold(), content_words(p)) for s in shelf for p in s.paragraphs]
    dropped_off = collections.Counter()
    for key in loaded:
        on = [s for s in shelf if s.source == key]
        answerable += [dict(q, source=key) for q in sample_per_story(on, plan[key]["per_story"], rng)]
        for q in sample_per_story([s for s in off if s.source == key], plan[key]["per_off_story"], rng):
            if answered_by_shelf(q, shelf_paras):
                dropped_off[key] += 1
                continue
            offshelf.append({"story": q["story"], "paragraph": q["paragraph"], "question": q["question"],
                             "answers": [], "impossible": True, "source": key, "gold_offshelf": q["answers"]})

    # Write.
    if args.out.exists():
        if not args.force:
            sys.exit(f"{args.out} exists; pass --force to replace it")
        shutil.rmtree(args.out)
    (args.out / "stories").mkdir(parents=True)
    (args.out / "by-source").mkdir()
    for s in sorted(shelf, key=lambda s: s.name):
        body = s.headline + "\n\n" + "\n\n".join(s.paragraphs) + "\n"
        (args.out / "stories" / f"{s.name}.txt").write_text(body, encoding="utf-8")
        meta = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in s.meta.items())
        (args.out / "stories" / f"{s.name}.meta.yml").write_text(meta, encoding="utf-8")

    def dump(path: Path, rows: list[dict]) -> None:
        with path.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({k: v for k, v in r.items() if k != "qid"}, ensure_ascii=False) + "\n")

    dump(args.out / "questions.jsonl", answerable)
    dump(args.out / "offshelf.jsonl", offshelf)
    for key in loaded:
        dump(args.out / "by-source" / f"questions.{key}.jsonl", [q for q in answerable if q["source"] == key])
        dump(args.out / "by-source" / f"offshelf.{key}.jsonl", [q for q in offshelf if q["source"] == key])

    check(args.out, shelf, answerable, offshelf)
    write_readme(args, notes, shelf, off, answerable, offshelf, dropped_off, banned_titles)
    print(f"pool: {len(shelf)} stories ({sum(len(s.paragraphs) for s in shelf)} paragraphs), "
          f"{len(answerable)} answerable, {len(offshelf)} off-shelf questions -> {args.out}")


def check(out: Path, shelf: list[Story], answerable: list[dict], offshelf: list[dict]) -> None:
    """Re-reads what was written and fails on anything the pool promises and does not hold."""
    texts = {}
    for f in (out / "stories").glob("*.txt"):
        blocks = f.read_text(encoding="utf-8").split("\n\n")
        texts[f.stem] = [b.strip() for b in blocks[1:]]
        for b in blocks:
            if MARKUP.search(b):
                sys.exit(f"{f.name}: markup left in text: {MARKUP.search(b).group()!r}")
    for q in answerable:
        para = texts[q["story"]][q["paragraph"]]
        if not any(a in para for a in q["answers"]):
            sys.exit(f"answer not verbatim in {q['story']} ¶{q['paragraph']}: {q}")
    names = set(texts)
    for q in offshelf:
        if q["story"] in names:
            sys.exit(f"off-shelf question about a story on the shelf: {q}")


def write_readme(args, notes, shelf, off, answerable, offshelf, dropped_off, banned_titles) -> None:
    def count(rows, key):
        return sum(1 for r in rows if r["source"] == key)

    lines = ["# Evaluation pool (public QA data)", "",
             "Built by `scripts/eval-pool/build.py` in the storybot repository "
             f"(seed {args.seed}); re-create it with the command in that folder's README. Not committed anywhere.",
             "", "## Files", "",
             "- `stories/*.txt` (+ `.meta.yml`): the shelf. First line the headline, paragraphs separated by blank "
             "lines; the sidecar gives `source` (and `url` for Wikipedia pages).",
             "- `questions.jsonl`: answerable questions about shelf stories, one JSON object a line: "
             "`story`, `paragraph` (0-based), `question`, `answers` (each occurs verbatim in that paragraph), "
             "`impossible: false`, plus `source` (pool source key; `storybot eval` ignores it).",
             "- `offshelf.jsonl`: questions about stories deliberately left out of `stories/` "
             "(`impossible: true`, `answers: []`); the bot should decline them. `gold_offshelf` keeps the "
             "answer in the left-out story, for reading misses.",
             "- `by-source/`: the same two files split by source.", "",
             "## Use", "",
             "```",
             "java -jar target/storybot.jar eval --stories POOL/stories --questions POOL/questions.jsonl",
             "java -jar target/storybot.jar eval --stories POOL/stories --questions POOL/offshelf.jsonl",
             "```", "",
             "Off-shelf questions name stories that are not indexed, so `eval` counts them as `off_corpus`; "
             "`declined_off_corpus` is the share declined. Baseline figures: docs/QUALITY.md in the repository.", "",
             "## Counts", "",
             "| source | style | shelf stories | shelf paragraphs | answerable | off-shelf stories | off-shelf questions |",
             "|---|---|---|---|---|---|---|"]
    for key, meta in SOURCES.items():
        st = [s for s in shelf if s.source == key]
        lines.append(f"| {key} | {meta['style']} | {len(st)} | {sum(len(s.paragraphs) for s in st)} | "
                     f"{count(answerable, key)} | {sum(1 for s in off if s.source == key)} | {count(offshelf, key)} |")
    lines.append(f"| **all** | | **{len(shelf)}** | **{sum(len(s.paragraphs) for s in shelf)}** | "
                 f"**{len(answerable)}** | **{len(off)}** | **{len(offshelf)}** |")
    kinds = collections.Counter(question_kind(q["question"]) for q in answerable)
    lines += ["", "Answerable questions by opening word: " +
              ", ".join(f"{k} {v}" for k, v in kinds.most_common()) + ".", "",
              "## Provenance and licences", ""]
    for key, meta in SOURCES.items():
        inp = notes[key]["input"]
        files = ", ".join(notes[key].get("files", [inp.path]))
        lines += [f"### {key}: {meta['name']}", "",
                  f"- repository: {meta['repo']}",
                  f"- commit: {inp.commit or '(extracted files)'}; read from `{inp.location}`",
                  f"- files: {files}" + (f" (inner `dev-v1.1.json`, git blob {notes[key]['blob']})"
                                         if key == "squad" else ""),
                  f"- licence: {meta['licence']}",
                  f"- cite: {meta['citation']}", ""]
    lines += ["## How it was built", "",
              "- Held out everywhere (by title, any source): " + ", ".join(sorted(banned_titles)) + ".",
              "- squad: one story per article (its SQuAD paragraphs in order); crowd questions and their answers.",
              "- nq: QED's dev examples (Natural Questions: real search queries, short answers) minus those QED "
              "marks as having no correct answer, single-span answers only; one story per Wikipedia page; the "
              "NQ tokenisation is undone (`Curie ( 1963 )` -> `Curie (1963)`) and answer offsets mapped along.",
              "- wikinews: QAMR's dev and test sentences from Wikinews, detokenised and grouped by article and "
              "paragraph (only the annotated sentences of each article exist, so stories are excerpts; the "
              "dataset gives no headline, so the headline is `Wikinews story <page id>`). QAMR's free-form "
              "questions are kept when they are full wh-questions of 5+ words with a name or number (or 8+ "
              "words), so they still make sense asked of a whole shelf; answers are the writer's and the two "
              "validators' contiguous spans.",
              "- Text: Unicode NFC, zero-width characters removed, white space folded; checked free of HTML and "
              "wiki markup. Every gold answer is checked to occur verbatim in the paragraph it points at "
              "(questions left without one are dropped).",
              f"- Split: per source, a seeded shuffle of story names picks the off-shelf stories; on both sides at "
              f"most a fixed number of questions per story, spread round-robin over its paragraphs. Off-shelf "
              f"questions the shelf may still answer (a shelf paragraph holding the gold answer and 75%+ of the "
              f"question's content words) are dropped: {dict(dropped_off) or 'none'}.",
              ""]
    (args.out / "README.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
