"""newsbot's command line: `python -m bot <command>` (also installed as `newsbot`)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from pydantic import ValidationError
from rich.console import Console

from . import terminal
from .articles import Library, read_folder
from .config import Settings, load_settings

EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        settings = load_settings(seeds_dir=getattr(args, "seeds", None))
    except ValidationError as exc:
        for error in exc.errors():
            name = "_".join(str(p) for p in error["loc"]).upper()
            print(f"newsbot: setting {name} is invalid: {error['msg']}", file=sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(
        level=getattr(args, "log_level", None) or "WARNING",
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return args.handler(args, settings)
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbot",
        description="Find, quote and share the team's news articles, in Slack or offline.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    ask = commands.add_parser("ask", help="search the library and show the best matches")
    ask.add_argument("query", nargs="*", help="what to look for; without it, one query a line from stdin")
    ask.add_argument("--seeds", type=Path, help="articles folder (default: SEEDS_DIR, or seeds/)")
    ask.add_argument("--limit", type=_positive, default=3, help="how many matches to show (default 3)")
    ask.add_argument("--json", action="store_true", help="one JSON object a query, for scripts")
    ask.set_defaults(handler=cmd_ask)

    check = commands.add_parser("check", help="parse every article file and report what was understood")
    check.add_argument("--seeds", type=Path, help="articles folder (default: SEEDS_DIR, or seeds/)")
    check.add_argument("--json", action="store_true", help="one JSON object a file, for scripts")
    check.set_defaults(handler=cmd_check)

    run = commands.add_parser("run", help="connect to Slack and answer (Socket Mode if SLACK_APP_TOKEN is set)")
    mode = run.add_mutually_exclusive_group()
    mode.add_argument("--socket", action="store_true", help="force Socket Mode")
    mode.add_argument("--http", action="store_true", help="force HTTP mode on PORT")
    run.add_argument("--seeds", type=Path, help="articles folder (default: SEEDS_DIR, or seeds/)")
    run.set_defaults(handler=cmd_run)

    digest = commands.add_parser("digest", help="post today's digest to DIGEST_CHANNEL (once a day), or preview it")
    digest.add_argument("--dry-run", action="store_true", help="print today's digest here; needs no Slack settings")
    digest.add_argument("--force", action="store_true", help="post today's digest again, same articles")
    digest.add_argument(
        "--schedule", action="store_true", help="stay running and post at DIGEST_TIME (a clock process)"
    )
    digest.add_argument("--seeds", type=Path, help="articles folder (default: SEEDS_DIR, or seeds/)")
    digest.set_defaults(handler=cmd_digest)

    manifest = commands.add_parser("manifest", help="print a Slack app manifest for this app")
    manifest.add_argument("--http", metavar="URL", help="public base URL for HTTP mode (default: Socket Mode)")
    manifest.set_defaults(handler=cmd_manifest)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError("choose a number from 1 to 50")
    return value


def _seeds_or_complain(settings: Settings) -> Path | None:
    if not settings.seeds_dir.is_dir():
        print(
            f"newsbot: articles folder {settings.seeds_dir} does not exist (set SEEDS_DIR or pass --seeds)",
            file=sys.stderr,
        )
        return None
    return settings.seeds_dir


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    seeds = _seeds_or_complain(settings)
    if seeds is None:
        return EXIT_USAGE
    library = Library.load(seeds, max_bytes=settings.max_article_bytes)
    console = Console(highlight=False)
    if args.query:
        queries = [" ".join(args.query)]
    else:
        if sys.stdin.isatty() and not args.json:
            console.print(f"[dim]{len(library)} articles loaded. Type a query a line; Ctrl-D ends.[/dim]")
        queries = (line.rstrip("\n") for line in sys.stdin)
    for query in queries:
        if not args.query and not query.strip():
            continue
        result = library.search(query, limit=args.limit)
        if args.json:
            terminal.write_json_line(sys.stdout, terminal.result_to_json(query, result))
        else:
            terminal.print_result(console, query, result)
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    seeds = _seeds_or_complain(settings)
    if seeds is None:
        return EXIT_USAGE
    reports = read_folder(seeds, max_bytes=settings.max_article_bytes)
    if args.json:
        for report in reports:
            if report.ok:
                line = {"path": report.path, "ok": True, "article": report.article.to_dict()}
            else:
                line = {"path": report.path, "ok": False, "error": report.error}
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    else:
        terminal.print_check(Console(highlight=False), reports)
    return 0 if all(r.ok for r in reports) else 1


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from .slack.runtime import run

    socket_mode = args.socket or (not args.http and settings.slack_app_token is not None)
    return run(settings, socket_mode=socket_mode)


def cmd_digest(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import UTC, datetime

    from .digest.post import plan_for
    from .digest.schedule import next_runs
    from .digest.store import STATE_FILE, StateStore

    seeds = _seeds_or_complain(settings)
    if seeds is None:
        return EXIT_USAGE
    if args.dry_run:
        library = Library.load(seeds, max_bytes=settings.max_article_bytes)
        state = settings.data_dir / STATE_FILE
        store = StateStore(state) if state.exists() else StateStore.in_memory()
        if store.notice:
            print(f"newsbot: {store.notice}", file=sys.stderr)
        now = datetime.now(UTC)
        plan = plan_for(settings, library, store, now)
        terminal.print_digest(Console(highlight=False), plan, settings, next_runs(settings, now)[0])
        return 0
    return _post_digest(args, settings)


def _post_digest(args: argparse.Namespace, settings: Settings) -> int:
    import threading

    from .config import SettingError
    from .digest.service import DigestService, record_seen
    from .digest.store import StateStore
    from .slack.runtime import StartupError, configure_logging, load_library, slack_client

    if not settings.digest_channel:
        print(
            "newsbot: DIGEST_CHANNEL is not set: put the ID of the channel for the digest in .env "
            "(channel details > About, e.g. C0123456789)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        settings.require_slack_token()
        client = slack_client(settings)
    except (SettingError, StartupError) as problem:
        print(f"newsbot: {problem}", file=sys.stderr)
        return getattr(problem, "code", EXIT_USAGE)
    configure_logging(settings)
    store = StateStore.in_folder(settings.data_dir)
    if store.notice:
        print(f"newsbot: {store.notice}", file=sys.stderr)
    library = load_library(settings, on_change=lambda lib: record_seen(store, lib))
    service = DigestService(settings, library, store, client)
    if args.schedule:
        service.start()
        threading.Event().wait()
    outcome = service.post(force=args.force)
    print(f"newsbot: {outcome.detail}")
    return 1 if outcome.status == "failed" else 0


def cmd_manifest(args: argparse.Namespace, settings: Settings) -> int:
    from .slack.manifest import manifest

    if args.http and not args.http.startswith("https://"):
        print(
            "newsbot: --http needs the public https:// URL Slack will call, e.g. https://newsbot.example.com",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(json.dumps(manifest(http_url=args.http), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
