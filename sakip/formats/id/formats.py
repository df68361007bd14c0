# Indonesian formats as official documents print them: "2 Januari 2024", "1.234.567,89".
# Django's own "id" locale abbreviates months ("2 Jan. 2024"), which documents never do.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H.i"
TIME_FORMAT = "H.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H.i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # what <input type="date"> sends
    "%d-%m-%Y",
    "%d/%m/%Y",
    "%d %B %Y",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
