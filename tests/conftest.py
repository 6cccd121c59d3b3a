"""Shared test set-up: nothing may leave loopback."""
import os

# Must be set before Scrapy (and so tldextract) is imported, here and in every subprocess.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
