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


if __name__ == "__main__":
    main()
