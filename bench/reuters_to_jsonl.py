#!/usr/bin/env python3
"""Convert the Reuters-21578 SGML files into dyad JSONL articles.

Only documents with a <BODY> are kept (19,043 of 21,578). The files are
latin-1; the output is UTF-8 JSON lines {"id","date","title","text","source"}.
Reads ../shared/corpora/reuters21578 by default; the corpus itself is never
copied into the repository, only converted into bench/out/ at bench time.
"""
import html
import json
import os
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
DATE = re.compile(r"<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})")
TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)


def convert(src_dir, out):
    n = 0
    for name in sorted(os.listdir(src_dir)):
        if not (name.startswith("reut2-") and name.endswith(".sgm")):
            continue
        with open(os.path.join(src_dir, name), encoding="latin-1") as f:
            data = f.read()
        for m in DOC.finditer(data):
            newid, doc = m.group(1), m.group(2)
            body = BODY.search(doc)
            if not body:
                continue
            text = html.unescape(body.group(1))
            # Bodies end with the agency sign-off; it is not news text.
            text = re.sub(r"\s*Reuter\s*\x03?\s*$", "", text).replace("\x03", "")
            rec = {"id": "reuters-" + newid, "text": text, "source": "reuters21578"}
            d = DATE.search(doc)
            if d:
                rec["date"] = "%s-%02d-%02d" % (d.group(3), MONTHS.get(d.group(2), 1), int(d.group(1)))
            t = TITLE.search(doc)
            if t:
                rec["title"] = html.unescape(t.group(1)).strip()
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "corpora", "reuters21578")
    dst = sys.argv[2] if len(sys.argv) > 2 else "-"
    if dst == "-":
        n = convert(src, sys.stdout)
    else:
        with open(dst, "w", encoding="utf-8") as f:
            n = convert(src, f)
    print("reuters_to_jsonl: %d articles" % n, file=sys.stderr)
