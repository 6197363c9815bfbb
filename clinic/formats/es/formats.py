# Dates as Spanish readers expect them: "30 de noviembre de 2026", "noviembre de 2026".
DATE_FORMAT = r"j \d\e F \d\e Y"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
