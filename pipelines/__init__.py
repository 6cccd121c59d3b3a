"""Scrapy item pipelines: thin adapters from the spider's page items to newsarchive."""
