# Dates as the clinic's English pages write them: "November 30, 2026", "November 2026".
DATE_FORMAT = "F j, Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
