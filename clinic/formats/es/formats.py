# Dates as Spanish readers expect them: "30 de noviembre de 2026", "noviembre de 2026".
DATE_FORMAT = r"j \d\e F \d\e Y"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
# Numbers as in the United States, Spanish included: "2.5 KB", "1,200" (Spain writes "2,5", "1.200").
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
