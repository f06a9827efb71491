#!/usr/bin/env python3
"""Builds the JSONL input for `sitrep analyze` from a news folder's manifest.jsonl.

Usage: dev_news_jsonl.py [NEWS_DIR] > dev_news.jsonl
NEWS_DIR defaults to ../shared/dev/news. Each output record: id (the file name), text (the
file's content), url, outlet, published (from the manifest; null when unknown).
"""
import json
import os
import sys


def main():
    news = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "dev", "news")
    with open(os.path.join(news, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            m = json.loads(line)
            with open(os.path.join(news, m["file"]), encoding="utf-8", errors="replace") as g:
                text = g.read()
            rec = {"id": m["file"], "text": text, "url": m.get("url"),
                   "outlet": m.get("outlet"), "published": m.get("published")}
            print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
