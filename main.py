"""AIGC investment screener: the desktop app, or a headless subcommand.

python main.py                  open the app on the bundled report data
python main.py --data FOLDER    open the app on another dataset
python main.py check [--data]   validate a dataset and print its summary
python main.py rank [options]   print the ranking (table, JSON or CSV)
python main.py lenses [options] every preset and saved profile side by side (table, JSON or CSV)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import get_args

from core.filters import Filters, country_counts, country_text, parse_countries
from core.ingest import DatasetError, load_dataset
from core.lenses import DEFAULT_TOP_N
from core.models import CompanyKind, Dataset
from core.paths import shown_path
from core.progress import CliProgress
from core.scoring import (
    DEFAULT_MISSING,
    DEFAULT_PRESET,
    MISSING_POLICIES,
    PRESETS,
    SIGNALS,
    SUB_WEIGHTS,
    Weights,
    rank,
)
from core.signals import DEFAULT_UNIVERSE, UNIVERSES, build_signals

KINDS: tuple[str, ...] = get_args(CompanyKind)


class UsageError(Exception):
    """A bad command-line argument: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage too)
        raise UsageError(message)


# Options accepted both before and after a command: the command's copy has no default, so
# `main.py --data X rank` and `main.py rank --data X` mean the same.
_SUB = argparse.SUPPRESS


def _given_path(text: str) -> Path:
    """A path argument; an empty one is refused (``Path("")`` would silently be the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty; give a file or folder (or leave the option out)")
    return Path(text)


def _add_data_option(p: argparse.ArgumentParser, default=None) -> None:
    p.add_argument(
        "--data",
        type=_given_path,
        default=default,
        metavar="PATH",
        help="dataset: a folder like data/report, or your CSV/XLSX table of companies "
        "(default: the bundled report data)",
    )


def _add_state_option(p: argparse.ArgumentParser, default=None) -> None:
    p.add_argument(
        "--state",
        type=_given_path,
        default=default,
        metavar="PATH",
        help="folder (or .sqlite file) of your shortlist, notes and profiles "
        "(default: $AIGC_SCREENER_HOME or the user data folder)",
    )


def _add_universe_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--universe",
        default=DEFAULT_UNIVERSE,
        metavar="|".join(UNIVERSES),
        help="the companies screened: providers (vendors, model and tool makers, funded and listed "
        "AIGC companies), adopters (the demand side) or all (default providers)",
    )


def _add_rank_options(p: argparse.ArgumentParser, top_default: str | None = "20") -> None:
    p.add_argument(
        "--weights",
        default="",
        metavar="value=V,difficulty=D,funding=F",
        help=f"signed weights -100..100 (sub-weights 0..100 too: {', '.join(SUB_WEIGHTS)}); "
        "they override the preset's",
    )
    p.add_argument(
        "--preset", default=None, help=f"named weights: {', '.join(PRESETS)} (default {DEFAULT_PRESET})"
    )
    _add_screen_options(p, top_default)


def _add_screen_options(
    p: argparse.ArgumentParser,
    top_default: str | None = "20",
    top_help: str = "how many companies; 0 means all (default 20)",
) -> None:
    """The options every screening command takes: data, universe, policy, filters, top, rate."""
    _add_data_option(p, _SUB)
    _add_universe_option(p)
    p.add_argument(
        "--missing", default=DEFAULT_MISSING, help="undisclosed figures count as: zero|neutral|exclude"
    )
    p.add_argument(
        "--country", default="", help="only these countries, e.g. CN,US; unknown for companies without one"
    )
    p.add_argument("--segment", default="", help="only these segments (section refs), e.g. 1.1.2,1.4.1")
    p.add_argument(
        "--kind", default="", help=f"only these kinds of company, e.g. startup,ai_vendor ({', '.join(KINDS)})"
    )
    p.add_argument("--top", default=top_default, help=top_help)
    p.add_argument("--fx", default=None, help="CNY per USD for conversions (default: the dataset's)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="main.py",
        description="Screen the companies of the China–US AIGC report. Without a command, opens the app.",
    )
    _add_data_option(parser)
    _add_state_option(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = sub.add_parser("check", help="validate a dataset and print its summary")
    _add_data_option(check, _SUB)
    _add_universe_option(check)  # accepted for every command; the summary covers the whole dataset
    r = sub.add_parser("rank", help="print the ranked companies")
    _add_rank_options(r)
    r.add_argument("--format", default="table", help="table|json|csv (default table)")
    e = sub.add_parser("export", help="write the Excel memo of the top N or of your shortlist")
    e.add_argument("out", type=_given_path, help="the workbook to write (.xlsx)")
    _add_rank_options(e, top_default=None)
    e.add_argument("--shortlist", action="store_true", help="export your shortlist (with your notes)")
    _add_state_option(e, _SUB)
    lens = sub.add_parser("lenses", help="rank under every preset and saved profile side by side")
    _add_screen_options(
        lens,
        str(DEFAULT_TOP_N),
        f"robust means in the top N under every lens; lists the companies in the top N under at "
        f"least one lens (default {DEFAULT_TOP_N}); 0 lists every ranked company, robust in the top "
        f"{DEFAULT_TOP_N}",
    )
    lens.add_argument("--format", default="table", help="table|json|csv (default table)")
    _add_state_option(lens, _SUB)
    return parser


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise UsageError(f"{what}: {text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise UsageError(f"{what}: {text!r} is not a finite number")
    return value


def parse_weights(preset: str | None, spec: str) -> Weights:
    name = preset or DEFAULT_PRESET
    if name not in PRESETS:
        raise UsageError(f"--preset: unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    values = PRESETS[name].model_dump()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        key, sep, val = part.partition("=")
        key = key.strip()
        if not sep or key not in values:
            raise UsageError(
                f"--weights: unknown weight {key!r}; use name=number with names {', '.join(values)}"
            )
        values[key] = _number(val.strip(), f"--weights {key}")
        top = key in SIGNALS
        lo, hi = (-100, 100) if top else (0, 100)
        if not lo <= values[key] <= hi:
            raise UsageError(f"--weights {key}: {val.strip()} is outside {lo}..{hi}")
    return Weights(**values)


def preset_label(args: argparse.Namespace) -> str:
    """The preset named (or the default), with any --weights that override it."""
    name = args.preset or DEFAULT_PRESET
    return f"{name} with {args.weights}" if args.weights else name


def _csv_list(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split(",") if p.strip())


def parse_universe(text: str) -> str:
    if text not in UNIVERSES:
        raise UsageError(f"--universe: {text!r} is not one of {'|'.join(UNIVERSES)}")
    return text


def parse_kinds(text: str) -> frozenset[str]:
    kinds = frozenset(k.lower().replace("-", "_").replace(" ", "_") for k in _csv_list(text))
    bad = sorted(kinds - set(KINDS))
    if bad:
        raise UsageError(f"--kind: unknown kind {', '.join(bad)}; choose from {', '.join(KINDS)}")
    return kinds


def rank_options(args: argparse.Namespace, ds: Dataset) -> tuple[Weights, str, Filters, int, float | None]:
    parse_universe(args.universe)
    weights = parse_weights(args.preset, args.weights)
    policy, filters, top, fx = screen_options(args, ds)
    return weights, policy, filters, top, fx


def screen_options(args: argparse.Namespace, ds: Dataset) -> tuple[str, Filters, int, float | None]:
    """The missing-data policy, the filters, --top and --fx of any screening command."""
    parse_universe(args.universe)
    if args.missing not in MISSING_POLICIES:
        raise UsageError(f"--missing: {args.missing!r} is not one of {'|'.join(MISSING_POLICIES)}")
    segments = _csv_list(args.segment)
    unknown = sorted(segments - set(ds.segment_by_ref))
    if unknown:
        raise UsageError(
            f"--segment: unknown segment {', '.join(unknown)}; the dataset has {', '.join(ds.segment_by_ref)}"
        )
    countries = parse_countries(args.country)
    known = set(country_counts(ds))
    bad = sorted(countries - known)
    if bad:
        raise UsageError(
            f"--country: no company from {', '.join(map(country_text, bad))}; "
            f"countries here: {', '.join(country_text(c) for c in sorted(known))}"
        )
    top_f = _number(args.top if args.top is not None else "20", "--top")
    if top_f < 0 or top_f != int(top_f):
        raise UsageError(f"--top: {args.top!r} is not a whole number >= 0")
    fx = None
    if args.fx is not None:
        fx = _number(args.fx, "--fx")
        if not 0.5 <= fx <= 50:
            raise UsageError(f"--fx: {args.fx} is not a plausible CNY-per-USD rate (0.5 to 50)")
    filters = Filters(countries=countries, segments=segments, kinds=parse_kinds(args.kind))
    return args.missing, filters, int(top_f), fx


def _load(path: Path | None) -> Dataset | None:
    try:  # a progress line on a terminal's stderr for a load of over a second
        with CliProgress(
            f"Loading {path.name if path is not None and path.name else 'the data'}"
        ) as progress:
            ds = load_dataset(path, progress)
    except DatasetError as exc:
        print(str(exc), file=sys.stderr)
        return None
    for warning in ds.warnings:  # kept as written or cleaned, never guessed: say so
        print(f"note: {warning}", file=sys.stderr)
    return ds


def cmd_rank(args: argparse.Namespace) -> int:
    from core.render import format_csv, format_table
    from core.results import build_result

    if args.format not in ("table", "json", "csv"):
        raise UsageError(f"--format: {args.format!r} is not one of table|json|csv")
    ds = _load(args.data)
    if ds is None:
        return 2
    weights, policy, filters, top, fx = rank_options(args, ds)
    ranking = rank(build_signals(ds, fx, universe=args.universe), weights, policy)
    preset = preset_label(args)
    result = build_result(ds, ranking, filters, top=top, preset=preset)
    if args.format == "json":
        print(result.model_dump_json(indent=1))
    elif args.format == "csv":
        sys.stdout.write(format_csv(result))
    else:
        print(format_table(result))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from core.ingest import dataset_key
    from core.lenses import default_lenses
    from core.results import shortlist_rows, shown_rows
    from core.state import StateError, StateStore, state_file
    from exports.memo import MemoError, MemoRequest, write_memo

    if args.shortlist and args.top is not None:
        raise UsageError("give either --top N or --shortlist, not both")
    if args.out.suffix.lower() != ".xlsx":
        raise UsageError(
            f"{shown_path(args.out)}: the memo is an Excel workbook; give a name ending in .xlsx"
        )
    ds = _load(args.data)
    if ds is None:
        return 2
    weights, policy, filters, top, fx = rank_options(args, ds)
    ranking = rank(build_signals(ds, fx, universe=args.universe), weights, policy)
    try:
        opened = StateStore.open(state_file(args.state), dataset_key(ds))
    except StateError as exc:
        raise UsageError(str(exc)) from None
    with opened.store as store:
        for notice in opened.notices:
            print(notice, file=sys.stderr)
        shortlist = store.shortlist()
        notes = store.notes()
    if args.shortlist:
        if not shortlist:
            raise UsageError("your shortlist is empty; star companies in the app, or use --top N")
        rows = shortlist_rows(ds, ranking, filters, shortlist)
        selection = "shortlist"
    else:
        rows = shown_rows(ds, ranking, filters, top=top)
        selection = f"top {len(rows)}" if top else "full ranking"
    ids = [str(ranking.table.ids[r]) for r in rows]
    preset = preset_label(args)
    req = MemoRequest(
        dataset=ds,
        ranking=ranking,
        company_ids=ids,
        notes=notes,
        filters=filters,
        preset=preset,
        selection=selection,
        screened=int(ranking.included.sum()),
        lenses=tuple(default_lenses(saved_profiles(args.state, ds))),
    )
    try:
        with CliProgress("Writing the memo") as progress:
            path = write_memo(args.out, req, progress)
    except MemoError as exc:
        raise UsageError(str(exc)) from None
    print(f"Wrote {len(ids)} companies to {shown_path(path)}")
    return 0


def saved_profiles(state: Path | None, ds: Dataset) -> dict[str, Weights]:
    """The weight profiles saved in the state store (none when there is no state file yet: a
    command that only reads creates none).  Its notices go to stderr."""
    from core.ingest import dataset_key
    from core.state import StateError, StateStore, state_file

    path = state_file(state)
    if not path.exists():
        return {}
    try:
        opened = StateStore.open(path, dataset_key(ds))
    except StateError as exc:
        raise UsageError(str(exc)) from None
    with opened.store as store:
        for notice in opened.notices:
            print(notice, file=sys.stderr)
        try:
            profiles = store.profiles()
        except StateError as exc:
            raise UsageError(str(exc)) from None
        for problem in store.problems:
            print(f"note: {problem}", file=sys.stderr)
    return profiles


def cmd_lenses(args: argparse.Namespace) -> int:
    from core.lenses import compute_lenses, default_lenses
    from core.render import format_lenses_csv, format_lenses_table
    from core.results import build_lenses_result

    if args.format not in ("table", "json", "csv"):
        raise UsageError(f"--format: {args.format!r} is not one of table|json|csv")
    ds = _load(args.data)
    if ds is None:
        return 2
    policy, filters, top, fx = screen_options(args, ds)
    lenses = default_lenses(saved_profiles(args.state, ds))
    table = build_signals(ds, fx, universe=args.universe)
    with CliProgress("Ranking under every lens") as progress:
        result = compute_lenses(table, lenses, policy, top or DEFAULT_TOP_N, progress=progress)
    out = build_lenses_result(ds, result, filters, top=top > 0)
    if args.format == "json":
        print(out.model_dump_json(indent=1))
    elif args.format == "csv":
        sys.stdout.write(format_lenses_csv(out))
    else:
        print(format_lenses_table(out, all_rows=top == 0))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # e.g. `main.py rank | head`: the reader left, nothing is wrong
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rank":
            return cmd_rank(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "lenses":
            return cmd_lenses(args)
        if args.command == "check":
            parse_universe(args.universe)
        ds = _load(args.data)
        if ds is None:
            return 2
        print(ds.summary(), flush=True)
        if args.command == "check":
            return 0
    except UsageError as exc:
        print(f"main.py: error: {exc}", file=sys.stderr)
        return 2
    from ui.app import run_app

    return run_app(ds, args.state, reopen_last=args.data is None)


if __name__ == "__main__":
    sys.exit(main())
