"""AIGC investment screener: the desktop app, or a headless subcommand.

python main.py                  open the app on the bundled report data
python main.py --data FOLDER    open the app on another dataset
python main.py check [--data]   validate a dataset and print its summary
python main.py rank [options]   print the ranking (table, JSON or CSV)
python main.py lenses [options] every preset and saved profile side by side (table, JSON or CSV)
python main.py facts ...        add, list, retire, export or import your own facts on companies
python main.py pipeline ...     list your pipeline, or set a company's stage, owner and next step

--add FILE (repeatable) puts your companies beside the dataset's; --report-only ranks on the
report's facts alone (without yours).  --lang zh_CN|en: the app's language for this run (instead
of View → Language), and the language of a command's output and of the memo (default English).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import get_args

from core.filters import Filters, country_counts, country_text, parse_countries
from core.i18n import LANGUAGES, set_language
from core.ingest import DatasetError, load_dataset
from core.lenses import DEFAULT_TOP_N
from core.models import CompanyKind, Dataset
from core.paths import describe_os_error, shown_path
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
        if message.startswith("argument --") and message.endswith("expected one argument"):
            option = message.split()[1].rstrip(":").split("/")[0]
            message += f" (a value that starts with '-' is given as {option}=VALUE)"
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


def _add_add_option(p: argparse.ArgumentParser, dest: str = "add") -> None:
    p.add_argument(
        "--add",
        dest=dest,
        action="append",
        type=_given_path,
        default=None if dest != "add" else _SUB,
        metavar="FILE",
        help="your CSV/XLSX table of companies, put beside the dataset's (repeatable); a company "
        "already there (same name, alias or English name) is merged with it, not duplicated",
    )


def _add_report_only_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--report-only",
        action="store_true",
        help="rank on the report's facts alone: your facts (main.py facts) are not counted",
    )


def _add_lang_option(p: argparse.ArgumentParser, default=None) -> None:
    p.add_argument(
        "--lang",
        choices=tuple(LANGUAGES),
        default=default,
        help="the language: of the app for this run (default: View → Language, at first the "
        "system's), of a command's output and of the memo (default en)",
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
    _add_add_option(p)
    _add_report_only_option(p)
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
    _add_add_option(parser, dest="add_top")
    _add_state_option(parser)
    _add_lang_option(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = sub.add_parser("check", help="validate a dataset and print its summary")
    _add_data_option(check, _SUB)
    _add_add_option(check)
    _add_universe_option(check)  # accepted for every command; the summary covers the whole dataset
    _add_lang_option(check, _SUB)
    r = sub.add_parser("rank", help="print the ranked companies")
    _add_rank_options(r)
    r.add_argument("--format", default="table", help="table|json|csv (default table)")
    _add_state_option(r, _SUB)
    _add_lang_option(r, _SUB)
    e = sub.add_parser("export", help="write the Excel memo of the top N or of your shortlist")
    e.add_argument("out", type=_given_path, help="the workbook to write (.xlsx)")
    _add_rank_options(e, top_default=None)
    e.add_argument("--shortlist", action="store_true", help="export your shortlist (with your notes)")
    _add_state_option(e, _SUB)
    _add_lang_option(e, _SUB)
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
    _add_lang_option(lens, _SUB)
    _add_facts_parser(sub)
    _add_pipeline_parser(sub)
    return parser


def _add_dataset_options(p: argparse.ArgumentParser) -> None:
    """--data, --add and --state of the facts and pipeline commands."""
    _add_data_option(p, _SUB)
    _add_add_option(p)
    _add_state_option(p, _SUB)


def _add_facts_parser(sub) -> None:
    facts = sub.add_parser("facts", help="your own facts on companies, kept with their source")
    fsub = facts.add_subparsers(
        dest="facts_command", parser_class=_Parser, metavar="add|list|retire|export|import"
    )
    add = fsub.add_parser(
        "add",
        help="add a fact: a funding round, a valuation, a client, an outcome, a listing or a correction",
    )
    add.add_argument(
        "company", metavar="COMPANY_ID", help="the company's id (main.py rank --format json lists them)"
    )
    add.add_argument(
        "--funding",
        default=None,
        metavar="TEXT",
        help="a funding round's amount as the report writes them: 50亿美元, 数千万元, $20M",
    )
    add.add_argument("--round", default=None, metavar="R", help="the round: B轮, Series C, Pre-A ...")
    add.add_argument(
        "--date", default=None, metavar="D", help="when it happened: YYYY, YYYY-MM or YYYY-MM-DD"
    )
    add.add_argument(
        "--valuation",
        default=None,
        metavar="TEXT",
        help="a valuation (alone: a valuation fact; with --funding: the round's)",
    )
    add.add_argument("--investors", default=None, metavar="A;B", help="the investors, separated by ;")
    for kind, what in (
        ("client", "a client won (what, as you would say it)"),
        ("outcome", "an outcome or result"),
        ("listing", "a listing (market and date as text)"),
        ("correction", "a correction of the report (shown beside its fact, not counted)"),
    ):
        add.add_argument(f"--{kind}", default=None, metavar="TEXT", help=what)
    add.add_argument(
        "--source",
        default=None,
        metavar="TEXT",
        help="required: where the fact comes from (a URL or a document)",
    )
    add.add_argument("--seen", default=None, metavar="YYYY-MM-DD", help="the date you saw it (default today)")
    add.add_argument("--by", default=None, metavar="NAME", help="who enters it (default: your user name)")
    lst = fsub.add_parser("list", help="list your facts (retired ones too, marked)")
    lst.add_argument("--company", default=None, metavar="ID", help="only this company's facts")
    lst.add_argument("--format", default="table", help="table|json (default table)")
    ret = fsub.add_parser("retire", help="retire a fact: kept in the history, no longer counted")
    ret.add_argument("fact_id", metavar="FACT_ID", help="the fact's number (main.py facts list)")
    exp = fsub.add_parser("export", help="write your active facts to a CSV file")
    exp.add_argument("out", type=_given_path, metavar="OUT.csv")
    imp = fsub.add_parser("import", help="add the facts of a CSV file (facts already there are skipped)")
    imp.add_argument("src", type=_given_path, metavar="IN.csv")
    for p in (add, lst, ret, exp, imp):
        _add_dataset_options(p)


def _add_pipeline_parser(sub) -> None:
    pipe = sub.add_parser("pipeline", help="your deal pipeline: a stage, owner and next step per company")
    psub = pipe.add_subparsers(dest="pipeline_command", parser_class=_Parser, metavar="list|set")
    lst = psub.add_parser("list", help="the companies in your pipeline, grouped by stage")
    lst.add_argument("--format", default="table", help="table|json (default table)")
    st = psub.add_parser("set", help="set a company's stage, owner, next step or next-step date")
    st.add_argument("company", metavar="ID", help="the company's id")
    st.add_argument(
        "--stage", default=None, help="screening, contacted, diligence, committee, invested or passed"
    )
    st.add_argument("--owner", default=None, help="who owns the deal")
    st.add_argument("--next-step", dest="next_step", default=None, metavar="TEXT", help="the next step")
    st.add_argument(
        "--next-date", dest="next_date", default=None, metavar="YYYY-MM-DD", help="when the next step is due"
    )
    for p in (lst, st):
        _add_dataset_options(p)


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


def _load(path: Path | None, adds: Sequence[Path] = ()) -> Dataset | None:
    """The dataset of --data with the companies of each --add FILE beside its own; None (the
    problems printed) when one cannot be read or added."""
    from core.merge import add_companies

    ds = _load_one(path)
    if ds is None:
        return None
    warned = len(ds.warnings)
    seen: set[str] = set()
    for extra_path in adds:
        key = os.path.realpath(extra_path)
        if key in seen:
            print(f"note: {shown_path(extra_path)} is given twice to --add; added once", file=sys.stderr)
            continue
        seen.add(key)
        extra = _load_one(extra_path, quiet=True)
        if extra is None:
            return None
        try:
            ds, merges = add_companies(ds, extra)
        except DatasetError as exc:
            print(str(exc), file=sys.stderr)
            return None
        for m in merges:
            print(f"note: merged {m.describe()}", file=sys.stderr)
    for warning in ds.warnings[warned:]:
        print(f"note: {warning}", file=sys.stderr)
    return ds


def _load_one(path: Path | None, *, quiet: bool = False) -> Dataset | None:
    try:  # a progress line on a terminal's stderr for a load of over a second
        with CliProgress(
            f"Loading {path.name if path is not None and path.name else 'the data'}"
        ) as progress:
            ds = load_dataset(path, progress)
    except DatasetError as exc:
        print(str(exc), file=sys.stderr)
        return None
    if not quiet:  # an added file's notes are said once it is added
        for warning in ds.warnings:  # kept as written or cleaned, never guessed: say so
            print(f"note: {warning}", file=sys.stderr)
    return ds


def _adds(args: argparse.Namespace) -> list[Path]:
    """Every --add FILE, given before the command or after it."""
    return [*(getattr(args, "add_top", None) or []), *(getattr(args, "add", None) or [])]


def _load_args(args: argparse.Namespace) -> Dataset | None:
    return _load(args.data, _adds(args))


class Analyst:
    """The user's facts and pipeline for a dataset, as the screening commands use them."""

    def __init__(self, facts=(), pipeline=None, stage_labels=None) -> None:
        self.facts = list(facts)  # active facts counted in the ranking
        self.pipeline = dict(pipeline or {})
        self.stage_labels = dict(stage_labels or {})

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.facts:
            out[f.company_id] = out.get(f.company_id, 0) + 1
        return out

    def stages(self) -> dict[str, str]:
        return {cid: e.stage for cid, e in self.pipeline.items()}


def _analyst(args: argparse.Namespace, ds: Dataset) -> tuple[Dataset, Analyst]:
    """The dataset with the user's active facts applied (unless --report-only), and those facts
    and the pipeline.  Reads the state store only when it exists: a command that only reads
    creates none."""
    from core.ingest import dataset_key
    from core.state import StateError, StateStore, state_file

    path = state_file(args.state)
    if not _state_exists(path):
        return ds, Analyst()
    try:
        opened = StateStore.open(path, dataset_key(ds))
    except StateError as exc:
        raise UsageError(str(exc)) from None
    with opened.store as store:
        for notice in opened.notices:
            print(notice, file=sys.stderr)
        try:
            facts = [] if args.report_only else store.facts(include_retired=False)
            pipeline = store.pipeline()
            labels = store.stage_labels()
        except StateError as exc:
            raise UsageError(str(exc)) from None
    facts = [f for f in facts if f.active and ds.has_company(f.company_id)]
    if facts:
        from core.analyst import apply_facts

        ds = apply_facts(ds, facts)
    return ds, Analyst(facts, pipeline, labels)


def _state_exists(path: Path) -> bool:
    """Whether there is a state file to read; True when the path cannot even be looked at (a
    name too long, a loop), so that opening it says why in the store's words."""
    try:
        return path.exists()
    except OSError:
        return True


def cmd_rank(args: argparse.Namespace) -> int:
    from core.render import format_csv, format_table
    from core.results import build_result

    if args.format not in ("table", "json", "csv"):
        raise UsageError(f"--format: {args.format!r} is not one of table|json|csv")
    ds = _load_args(args)
    if ds is None:
        return 2
    weights, policy, filters, top, fx = rank_options(args, ds)
    ds, mine = _analyst(args, ds)
    ranking = rank(build_signals(ds, fx, universe=args.universe), weights, policy)
    preset = preset_label(args)
    result = build_result(
        ds,
        ranking,
        filters,
        top=top,
        preset=preset,
        analyst_facts=mine.counts(),
        stages=mine.stages(),
    )
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
    ds = _load_args(args)
    if ds is None:
        return 2
    weights, policy, filters, top, fx = rank_options(args, ds)
    ds, mine = _analyst(args, ds)
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
        pipeline=mine.pipeline,
        stage_labels=mine.stage_labels,
        analyst_facts=tuple(mine.facts),
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
    ds = _load_args(args)
    if ds is None:
        return 2
    policy, filters, top, fx = screen_options(args, ds)
    ds, _mine = _analyst(args, ds)
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


# --- facts and pipeline ------------------------------------------------------------------------


def _open_state(args: argparse.Namespace, ds: Dataset, *, writing: bool):
    """The state store of the dataset (its notices printed); None when reading one that does
    not exist yet.  A store that would not keep a write is refused before anything is done."""
    from core.ingest import dataset_key
    from core.state import StateError, StateStore, state_file

    path = state_file(args.state)
    if not writing and not _state_exists(path):
        return None
    try:
        opened = StateStore.open(path, dataset_key(ds))
    except StateError as exc:
        raise UsageError(str(exc)) from None
    for notice in opened.notices:
        print(notice, file=sys.stderr)
    if writing and not opened.store.persistent:
        opened.store.close()
        raise UsageError(
            f"{shown_path(path)}: your facts and pipeline cannot be saved there; nothing was "
            "written. Give a folder you can write to with --state"
        )
    return opened.store


#: The option of `facts add` that gives each field of a fact (messages name the option).
_FACT_OPTIONS = {
    "company_id": "COMPANY_ID",
    "amount": "--funding",
    "round": "--round",
    "date": "--date",
    "valuation": "--valuation",
    "investors": "--investors",
    "source": "--source",
    "seen": "--seen",
    "entered_by": "--by",
}


def _fact_error(exc: Exception, kind: str = "") -> UsageError:
    """A FactError or StateError in one line; a field of `facts add` named by its option."""
    text = " ".join(str(exc).split())
    field = getattr(exc, "field", "")
    option = _FACT_OPTIONS.get(field) or (f"--{kind}" if field == "text" and kind else "")
    if option and text.startswith(f"{field}: "):
        text = f"{option}: {text[len(field) + 2 :]}"
    return UsageError(text)


def _fact_input(args: argparse.Namespace):
    """The fact `facts add` describes: its kind from the options given."""
    from core.analyst import FactError, FactInput

    texts = {k: getattr(args, k) for k in ("client", "outcome", "listing", "correction")}
    given_texts = [k for k, v in texts.items() if v is not None]
    funding = args.funding is not None or args.round is not None
    kinds = given_texts + (["funding"] if funding else [])
    if not kinds and args.valuation is not None:
        kinds = ["valuation"]
    if not kinds:
        raise UsageError(
            "facts add: say what the fact is: --funding TEXT (and/or --round R), --valuation TEXT, "
            "--client TEXT, --outcome TEXT, --listing TEXT or --correction TEXT"
        )
    if len(kinds) > 1:
        raise UsageError(
            f"facts add: one fact at a time; got {', '.join('--' + k for k in kinds)}: "
            "add each with its own command"
        )
    kind = kinds[0]
    if kind in texts and (args.investors is not None or args.valuation is not None):
        raise UsageError(f"facts add: --investors and --valuation belong to a funding fact, not to --{kind}")
    if args.source is None or not args.source.strip():
        raise UsageError("--source: required; give the URL or the document the fact comes from")
    fields: dict[str, object] = {"company_id": args.company, "kind": kind, "source": args.source}
    if kind == "funding":
        fields.update(amount=args.funding or "", round=args.round or "")
        if args.valuation is not None:
            fields["valuation"] = args.valuation
        if args.investors is not None:
            fields["investors"] = args.investors
    elif kind == "valuation":
        fields["valuation"] = args.valuation
    else:
        fields["text"] = texts[kind]
    if args.date is not None:
        fields["date"] = args.date
    if args.seen is not None:
        fields["seen"] = args.seen
    if args.by is not None:
        fields["entered_by"] = args.by
    try:
        return FactInput(**fields)
    except FactError as exc:
        raise _fact_error(exc, kind) from None


def fact_json(f) -> dict:
    """A fact as `facts list --format json` gives it."""
    return {
        "id": f.id,
        "company": f.company_id,
        "kind": f.kind,
        "fields": f.field_values(),
        "source": f.source,
        "seen": f.seen,
        "entered_by": f.entered_by,
        "entered": f.entered_at,
        "retired": f.retired_at,
        "replaces": f.replaces,
    }


def cmd_facts(args: argparse.Namespace) -> int:
    from core.analyst import FactError, check_fact, fact_rows_from_csv, facts_to_csv, same_fact
    from core.state import StateError

    command = args.facts_command
    if command is None:
        raise UsageError("facts: give add, list, retire, export or import (main.py facts -h)")
    if command == "list" and args.format not in ("table", "json"):
        raise UsageError(f"--format: {args.format!r} is not one of table|json")
    fact_id = None
    if command == "retire":
        try:
            fact_id = int(args.fact_id)
        except ValueError:
            raise UsageError(
                f"facts retire: {args.fact_id!r} is not a fact number; main.py facts list shows them"
            ) from None
    if command == "export" and args.out.suffix.lower() != ".csv":
        raise UsageError(f"{shown_path(args.out)}: facts are exported as CSV; give a name ending in .csv")
    ds = _load_args(args)
    if ds is None:
        return 2
    try:
        if command == "add":
            inp = check_fact(_fact_input(args), ds)
            store = _open_state(args, ds, writing=True)
            with store:
                twin = same_fact(inp, store.facts(inp.company_id, include_retired=False))
                if twin is not None:  # it would count twice
                    raise UsageError(
                        f"facts add: you already have this fact, #{twin.id} on {twin.company_id} "
                        f"({twin.summary()}, source {twin.source}); nothing was added. "
                        f"To change it, retire #{twin.id} (main.py facts retire {twin.id}) and add the new one"
                    )
                fact = store.add_fact(inp)
            print(f"Added fact #{fact.id} on {ds.company(fact.company_id).display_name}: {fact.summary()}")
            return 0
        if command == "import":
            rows = fact_rows_from_csv(args.src)
            for row, inp in rows:  # all checked before any is written
                try:
                    check_fact(inp, ds)
                except FactError as exc:
                    raise UsageError(
                        f"{shown_path(args.src)}, row {row} ({inp.kind} on {inp.company_id}): "
                        f"{' '.join(str(exc).split())}; correct that row; nothing was imported"
                    ) from None
            inputs = [inp for _, inp in rows]
            store = _open_state(args, ds, writing=True)
            with store:
                added, dupes = store.import_facts(inputs)
            print(
                f"Imported {added} fact{'s' if added != 1 else ''} from {shown_path(args.src)}"
                + (f"; {dupes} already there, skipped" if dupes else "")
            )
            return 0
        if command == "retire":
            store = _open_state(args, ds, writing=True)
            with store:
                fact = store.retire_fact(fact_id)
            print(f"Retired fact #{fact.id} on {fact.company_id} (kept in the history, no longer counted)")
            return 0
        store = _open_state(args, ds, writing=False)
        facts = []
        if store is not None:
            with store:
                facts = store.facts(None if command == "export" else args.company)
        if command == "export":  # the whole history: an import takes the active ones
            facts_to_csv(facts, args.out)
            retired = sum(not f.active for f in facts)
            print(
                f"Wrote {len(facts)} fact{'s' if len(facts) != 1 else ''} to {shown_path(args.out)}"
                + (f" ({retired} retired, kept as history; an import skips them)" if retired else "")
            )
            return 0
    except (FactError, StateError) as exc:
        raise _fact_error(exc) from None
    except OSError as exc:  # the export file cannot be written
        target = getattr(args, "out", None) or getattr(args, "src", None)
        where = f"{shown_path(target)}: " if target is not None else ""
        raise UsageError(f"{where}{describe_os_error(exc)}") from None
    if args.company is not None and not ds.has_company(args.company):
        raise UsageError(
            f"--company: no company with id {args.company!r}; main.py rank --format json lists the ids"
        )
    if args.format == "json":
        print(json.dumps([fact_json(f) for f in facts], ensure_ascii=False, indent=1))
        return 0
    print(_facts_table(ds, facts))
    return 0


def _facts_table(ds: Dataset, facts) -> str:
    from core.texttable import render

    if not facts:
        return "No facts yet; add one with: main.py facts add COMPANY_ID --funding TEXT --source URL"
    rows = []
    for f in facts:
        name = ds.company(f.company_id).name if ds.has_company(f.company_id) else f.company_id
        rows.append(
            [
                f"#{f.id}",
                name,
                f.kind,
                f.summary(),
                f.source,
                f.seen,
                f.entered_by,
                f"retired {f.retired_at[:10]}" if f.retired_at else "",
            ]
        )
    return render(
        ["id", "company", "kind", "fact", "source", "seen", "by", "status"],
        rows,
        [True, False, False, False, False, False, False, False],
        max_width=[8, 24, 10, 40, 40, 10, 12, 20],
    )


def cmd_pipeline(args: argparse.Namespace) -> int:
    from core.analyst import STAGES
    from core.records import check_partial_date
    from core.state import StateError

    command = args.pipeline_command
    if command is None:
        raise UsageError("pipeline: give list or set (main.py pipeline -h)")
    if command == "list" and args.format not in ("table", "json"):
        raise UsageError(f"--format: {args.format!r} is not one of table|json")
    ds = _load_args(args)
    if ds is None:
        return 2
    try:
        if command == "set":
            if not ds.has_company(args.company):
                raise UsageError(
                    f"pipeline set: no company with id {args.company!r}; main.py rank --format json lists the ids"
                )
            if all(getattr(args, k) is None for k in ("stage", "owner", "next_step", "next_date")):
                raise UsageError("pipeline set: give --stage, --owner, --next-step or --next-date")
            if args.next_date:
                args.next_date = unicodedata.normalize("NFKC", args.next_date).strip()
                try:
                    check_partial_date(args.next_date)
                except ValueError as exc:
                    raise UsageError(f"--next-date: {exc}") from None
                if args.next_date.count("-") != 2:
                    raise UsageError(f"--next-date: use YYYY-MM-DD, got {args.next_date!r}")
            store = _open_state(args, ds, writing=True)
            with store:
                stage = None
                if args.stage is not None:
                    labels = store.stage_labels()
                    wanted = args.stage.strip().casefold()
                    stage = next(
                        (s for s in STAGES if wanted in (s, labels.get(s, s).casefold())),
                        None,
                    )
                    if stage is None:
                        shown = ", ".join(labels.get(s, s) for s in STAGES)
                        raise UsageError(f"--stage: {args.stage!r} is not a stage; use one of {shown}")
                entry = store.set_pipeline(
                    args.company,
                    stage=stage,
                    owner=args.owner,
                    next_step=args.next_step,
                    next_date=args.next_date,
                )
                label = store.stage_labels().get(entry.stage, entry.stage)
                starred = store.is_shortlisted(args.company)
                if not starred:  # the pipeline is of shortlisted companies (the memo's Shortlist)
                    store.set_shortlisted(args.company, True)
            print(
                f"{ds.company(args.company).display_name}: {label}"
                + _pipeline_tail(entry)
                + ("" if starred else " (added to your shortlist)")
            )
            return 0
        store = _open_state(args, ds, writing=False)
        entries: dict = {}
        labels: dict[str, str] = {}
        if store is not None:
            with store:
                entries = store.pipeline()
                labels = store.stage_labels()
    except (StateError, ValueError) as exc:
        if isinstance(exc, UsageError):
            raise
        text = " ".join(str(exc).split())
        for field in ("owner", "next_step", "next_date", "stage"):  # name the option given
            if text.startswith(f"{field}: "):
                raise UsageError(f"--{field.replace('_', '-')}: {text[len(field) + 2 :]}") from None
        raise _fact_error(exc) from None
    ordered = sorted(
        entries.values(),
        key=lambda e: (
            STAGES.index(e.stage) if e.stage in STAGES else len(STAGES),
            e.next_date or "9999",
            e.company_id,
        ),
    )
    if args.format == "json":
        out = [
            {
                "company": e.company_id,
                "name": ds.company(e.company_id).name if ds.has_company(e.company_id) else None,
                "stage": e.stage,
                "stage_label": labels.get(e.stage, e.stage),
                "owner": e.owner,
                "next_step": e.next_step,
                "next_date": e.next_date,
                "updated": e.updated_at,
            }
            for e in ordered
        ]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if not ordered:
        print("Your pipeline is empty; add a company with: main.py pipeline set ID --stage screening")
        return 0
    lines = []
    for stage in [*STAGES, *sorted({e.stage for e in ordered} - set(STAGES))]:
        group = [e for e in ordered if e.stage == stage]
        if not group:
            continue
        lines.append(f"{labels.get(stage, stage)} ({len(group)})")
        for e in group:
            name = ds.company(e.company_id).display_name if ds.has_company(e.company_id) else e.company_id
            lines.append(f"  {name} [{e.company_id}]" + _pipeline_tail(e))
    print("\n".join(lines))
    return 0


def _pipeline_tail(e) -> str:
    parts = []
    if e.owner:
        parts.append(f"owner {e.owner}")
    if e.next_step or e.next_date:
        parts.append(
            "next: " + " ".join(p for p in (e.next_step, f"by {e.next_date}" if e.next_date else "") if p)
        )
    return f" — {'; '.join(parts)}" if parts else ""


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
        if args.command is not None and args.lang:  # the app sets it with its translator
            set_language(args.lang)
        if args.command == "rank":
            return cmd_rank(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "lenses":
            return cmd_lenses(args)
        if args.command == "facts":
            return cmd_facts(args)
        if args.command == "pipeline":
            return cmd_pipeline(args)
        if args.command == "check":
            parse_universe(args.universe)
        ds = _load_args(args)
        if ds is None:
            return 2
        print(ds.summary(), flush=True)
        if args.command == "check":
            return 0
    except UsageError as exc:
        print(f"main.py: error: {exc}", file=sys.stderr)
        return 2
    from ui.app import run_app

    # with --add the merged dataset is the one shown, not the universe imported last time
    return run_app(ds, args.state, reopen_last=args.data is None and not _adds(args), language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
