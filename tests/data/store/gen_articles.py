#!/usr/bin/env python3
"""Writes N invented JSONL articles for the store tests and benches.

Sentences are built from invented countries (tests/data/store/tiny.dyd), so
the output is ours and deterministic: gen_articles.py N [SEED] > file.jsonl.
Every 10th article repeats an earlier story from an outlet that has not
carried it yet (same text, different source), which must become more
mentions of the same events; no two articles share both source and text, so
every line is a new article (tests rely on that to check whole batches)."""
import json
import random
import sys

ACTORS = ["Ruritania", "Freedonia", "Grand Fenwick"]
VERBS = ["visited", "praised", "accused", "attacked"]
OUTLETS = ["north-herald", "east-courier", "south-gazette", "west-tribune", "daily-lantern"]


def story(rng):
    parts = []
    for _ in range(rng.randint(1, 3)):
        a, b = rng.sample(ACTORS, 2)
        parts.append(f"{a} {rng.choice(VERBS)} {b} on {rng.choice(['Monday', 'Friday'])}.")
    return " ".join(parts)


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    stories = []
    used = set()
    out = sys.stdout
    for i in range(n):
        month = 1 + (i * 7) % 24
        date = f"{2023 + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}-{1 + i % 28:02d}"
        src = OUTLETS[i % len(OUTLETS)]
        others = [s for s in stories[-50:] if (s[0], src) not in used]
        if i % 10 == 9 and others:
            text, date, _ = others[rng.randrange(len(others))]
        else:
            # The closing sentence (no event in it) makes every story unique.
            text = story(rng) + f" Dispatch {i} ends here."
            stories.append((text, date, src))
        used.add((text, src))
        out.write(json.dumps({"id": f"g{i}", "date": date, "title": f"Story {i}", "text": text,
                              "url": f"https://{src}.example/{i}", "source": src}) + "\n")


main()
