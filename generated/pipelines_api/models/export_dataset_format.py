from enum import StrEnum


class ExportDatasetFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    ZIP = "zip"
    ZIP_JSON = "zip-json"

    def __str__(self) -> str:
        return str(self.value)
