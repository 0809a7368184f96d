"""Command line: ``python -m evenly.coach "text"`` or ``python -m evenly.coach --stdin``.

With a text argument, prints the analysis as one JSON document.  With
``--stdin``, reads one message per line and writes one JSON object per line.
``--context reflection`` checks the text as a reflection of the partner's view.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from . import CONTEXTS, Context, analyze


def _as_json(text: str, *, context: Context = "message", indent: int | None = None) -> str:
    return json.dumps(analyze(text, context=context).to_dict(), ensure_ascii=False, indent=indent)


def _analyze_lines(lines: TextIO, out: TextIO, context: Context) -> None:
    for line in lines:
        out.write(_as_json(line.rstrip("\r\n"), context=context) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evenly.coach",
        description="Point out phrasing that may land badly, with a calmer reframe.",
    )
    parser.add_argument("text", nargs="?", help="the message to check")
    parser.add_argument("--stdin", action="store_true", help="read one message per line")
    parser.add_argument(
        "--context", choices=CONTEXTS, default="message", help="reflection: saying back the partner's view"
    )
    args = parser.parse_args(argv)
    if args.stdin:
        _analyze_lines(sys.stdin, sys.stdout, args.context)
        return 0
    if args.text is None:
        parser.error("give a message to check, or use --stdin")
    print(_as_json(args.text, context=args.context, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
