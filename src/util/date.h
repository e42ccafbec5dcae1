/* Calendar days as integers: the one calendar every part of dyad uses
 * (dictionary date restrictions, article dates, --date options), so that
 * "is 2025-02-29 a date" has one answer everywhere. */
#ifndef DY_DATE_H
#define DY_DATE_H
#include <stddef.h>
#include <stdint.h>

#define DY_DAY_NONE INT32_MIN
#define DY_DAY_MIN (INT32_MIN + 1) /* open lower bound */
#define DY_DAY_MAX INT32_MAX       /* open upper bound */

/* y-m-d -> day number (days since 1970-01-01, proleptic Gregorian);
 * DY_DAY_NONE when month or day does not exist. */
int32_t dy_day_from_ymd(int y, int m, int d);
/* "YYYY-MM-DD" or "YYYYMMDD" (n bytes) -> day number, DY_DAY_NONE if malformed. */
int32_t dy_day_parse(const char *s, size_t n);
/* day number -> "YYYY-MM-DD" (out has room for 11 bytes); "" for none or a
 * year outside 0..9999. */
void dy_day_format(int32_t day, char out[11]);
/* 1 when s is exactly a real "YYYY-MM-DD" date with a year of 1..9999. */
int dy_date_valid(const char *s);
#endif
