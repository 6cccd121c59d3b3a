"""Feed exports of the news spider's items: `scrapy crawl news -o items.jsonl` (or .json, .csv,
.xml, .marshal).

An item carries Python objects the pipelines need as they are: the raw `body` (bytes), the
`fetched_at` datetime and the extracted `article` (a newsarchive.Article). Scrapy's exporters
cannot write those, so FEED_EXPORTERS (spiders/settings.py) swaps in these subclasses of
Scrapy's exporters, which write every field in a serialisable form (export_value):

    body        base64 of the raw bytes (the exact response body; leave it out with
                -s FEED_EXPORT_FIELDS=url,status,fetched_at,error,hints,article)
    fetched_at  ISO 8601 text
    article     Article.to_dict() (null when the page is no web page)
    headers, hints   objects (in CSV, XML-less formats that want text: JSON text)

The items themselves are not changed: other pipelines and extensions still see the bytes.
"""
from __future__ import annotations

import base64
import dataclasses
import json
from datetime import date, datetime

from itemadapter import ItemAdapter
from scrapy import exporters


def export_value(value):
    """A JSON-ready copy of an item value (bytes as base64, datetimes as ISO 8601, objects
    with to_dict() or dataclasses as dicts)."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return export_value(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return export_value(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(key): export_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [export_value(item) for item in value]
    return value


def export_text(value):
    """export_value(), with objects and lists as JSON text (for one-cell-per-field formats)."""
    value = export_value(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


class ExportableFields:
    """Exporter mixin: each field value goes through `convert` before Scrapy's serialisation."""

    convert = staticmethod(export_value)

    def serialize_field(self, field, name, value):
        return super().serialize_field(field, name, self.convert(value))


class JsonItemExporter(ExportableFields, exporters.JsonItemExporter):
    pass


class JsonLinesItemExporter(ExportableFields, exporters.JsonLinesItemExporter):
    pass


class CsvItemExporter(ExportableFields, exporters.CsvItemExporter):
    convert = staticmethod(export_text)


class XmlItemExporter(ExportableFields, exporters.XmlItemExporter):
    pass


class MarshalItemExporter(exporters.MarshalItemExporter):
    def export_item(self, item):
        return super().export_item({key: export_value(value)
                                    for key, value in ItemAdapter(item).items()})
