"""A plain BM25 ranker over the article's sentences, run the way `ask --json` is: one question a
line on standard input, one JSON object a line on standard output. The benchmark times the bot
against it; it is not part of the bot.

Usage: python tests/bm25_ranker.py [ARTICLE.txt] < questions.txt
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from rank_bm25 import BM25Okapi

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"\w+")


def main(argv: list[str]) -> int:
    """Answer each line on stdin with the article sentence BM25 ranks first."""
    article = Path(argv[1]) if len(argv) > 1 else ROOT / "knowledge" / "article.txt"
    lines = article.read_text(encoding="utf-8").splitlines()
    sentences = [s for line in lines if line.strip() and not line.startswith("=")
                 for s in re.split(r"(?<=[.!?])\s+", line.strip().lstrip("- "))]  # fmt: skip
    ranker = BM25Okapi([_WORD.findall(s.casefold()) for s in sentences])
    out = sys.stdout
    for question in sys.stdin:
        question = question.rstrip("\n")
        scores = ranker.get_scores(_WORD.findall(question.casefold()))
        best = int(scores.argmax())
        answered = bool(scores[best] > 0)
        record = {
            "question": question,
            "answered": answered,
            "answer": sentences[best] if answered else "",
            "citations": [{"section": "", "text": sentences[best]}] if answered else [],
            "confidence": round(float(scores[best]), 3),
            "suggestions": [],
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
