"""AIGC investment screener: the desktop app, or a headless subcommand.

python main.py                  open the app on the bundled report data
python main.py --data FOLDER    open the app on another dataset
python main.py check [--data]   validate a dataset and print its summary
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from core.loader import DatasetError, load_dataset


class UsageError(Exception):
    """A bad command-line argument: printed as one line, exit status 2."""


def _add_data_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="PATH",
        help="dataset folder (default: the bundled report data)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Screen the companies of the China–US AIGC report. Without a command, opens the app.",
    )
    _add_data_option(parser)
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="validate a dataset and print its summary")
    _add_data_option(check)
    return parser


def _load(path: Path | None):
    try:
        return load_dataset(path)
    except DatasetError as exc:
        print(str(exc), file=sys.stderr)
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        ds = _load(args.data)
        if ds is None:
            return 2
        print(ds.summary())
        return 0

    ds = _load(args.data)
    if ds is None:
        return 2
    print(ds.summary(), flush=True)
    from ui.app import run_app

    return run_app(ds)


if __name__ == "__main__":
    sys.exit(main())
