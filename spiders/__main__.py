"""`python -m spiders ARGS`: the `scrapy` command of the newsarchive project, from any folder.

Scrapy finds a project by a scrapy.cfg in the working directory (or above it); an installed
newsarchive has none where its users work. This runs Scrapy with the project's settings
(spiders.settings) whatever the working directory, so relative paths are the user's:

    python -m spiders crawl news -a sites=sites.toml -s NEWSARCHIVE_DB=data/news.db
    python -m spiders list
"""
import os
import sys

# Before Scrapy is imported: the public suffix list comes from tldextract's bundled copy.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
os.environ["SCRAPY_SETTINGS_MODULE"] = "spiders.settings"


def main(argv: list[str] | None = None) -> None:
    from scrapy.cmdline import execute
    from scrapy.settings import Settings

    # Not get_project_settings(): a scrapy.cfg of another project in the working directory
    # must not take over.
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    execute(["scrapy", *(sys.argv[1:] if argv is None else argv)], settings=settings)


def exit_now(status) -> None:
    """sys.exit(status) without the interpreter's teardown, once nothing is left to finish.

    A crawl ends with the archive closed and its worker processes joined; what Python's own
    exit would still do is free every object one by one, 0.14 s after a crawl of 2,000 pages
    (a tenth of a short scheduled run). The exit functions run and the streams are flushed
    first; a thread still running (not a daemon) gets the ordinary exit, which waits for it.
    """
    import atexit
    import threading

    if any(thread.is_alive() and not thread.daemon for thread in threading.enumerate()
           if thread is not threading.main_thread()):
        sys.exit(status)
    atexit._run_exitfuncs()  # logging.shutdown among them
    if status is None:
        code = 0
    elif isinstance(status, int):
        code = status
    else:  # sys.exit("message"): the message on stderr, status 1
        print(status, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said
            pass
    os._exit(code)


if __name__ == "__main__":
    try:
        main()
    except SystemExit as stop:  # how Scrapy's execute() always ends
        exit_now(stop.code)
