#!/usr/bin/env python3
"""A learned baseline for the description reader (docs/advice.md, "A learned baseline").

Does a reader that learns from the labelled posts generalise better than the rules written
from them? Trains a plain bag-of-words model (word 1-2-grams and character 3-5-grams, TF-IDF,
logistic regression) on the ten tuning files and prints its figures on the held-out set, for
the two fields that are one choice per post: off topic, and the kind of project. Figures
only, as the held-out tests print them. Not part of `make test`: it needs scikit-learn.

    python3 -m venv /tmp/mlenv && /tmp/mlenv/bin/pip install scikit-learn
    /tmp/mlenv/bin/python docs/learned_baseline.py
"""
import json
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union

DATA = Path(__file__).resolve().parent.parent / "shared/model/data"
TUNING = ["descriptions.json", "descriptions_forum.json"] + [
    f"descriptions_heldout{n}.json" for n in range(2, 10)
]
HELD_OUT = "descriptions_heldout10.json"


def load(name):
    return json.loads((DATA / name).read_text())


def refused(post):
    """As describe_eval reads it: `"off_topic": true`, or no field at all."""
    expected = post["expected"]
    return expected.get("off_topic") is True or all(v is None for v in expected.values())


def kind(post):
    return post["expected"].get("use_case") or "none"


def model(weights=None):
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    letters = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    return make_pipeline(
        make_union(words, letters),
        LogisticRegression(C=10, max_iter=3000, class_weight=weights),
    )


def main():
    tuning = [post for name in TUNING for post in load(name)]
    held_out = load(HELD_OUT)
    text = lambda posts: [post["description"] for post in posts]

    off_topic = model("balanced").fit(text(tuning), [refused(p) for p in tuning])
    said = off_topic.predict(text(held_out))
    meant = [refused(p) for p in held_out]
    hits = sum(s and m for s, m in zip(said, meant))
    print(f"off_topic: precision {hits / max(sum(said), 1):.3f}, recall {hits / sum(meant):.3f}")

    on_topic = [p for p in tuning if not refused(p)]
    asked = [p for p in held_out if not refused(p)]
    kinds = model().fit(text(on_topic), [kind(p) for p in on_topic])
    said = kinds.predict(text(asked))
    meant = [kind(p) for p in asked]
    hits = sum(s == m != "none" for s, m in zip(said, meant))
    named = sum(s != "none" for s in said)
    expected = sum(m != "none" for m in meant)
    print(f"use_case: precision {hits / max(named, 1):.3f}, recall {hits / max(expected, 1):.3f}")


if __name__ == "__main__":
    main()
