"""The project's Scrapy commands (COMMANDS_MODULE): `crawl` with newsarchive's exit statuses."""
