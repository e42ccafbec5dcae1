/* Calendar periods for time series: day, ISO week, month, year. Computed
 * here rather than in SQL so SQLite and PostgreSQL give the same keys. */
#ifndef DY_STORE_PERIOD_H
#define DY_STORE_PERIOD_H

typedef enum { DY_BY_NONE = 0, DY_BY_DAY, DY_BY_WEEK, DY_BY_MONTH, DY_BY_YEAR } dy_period;

enum { DY_PERIOD_KEY = 12 }; /* bytes for a key and its NUL */

/* "day", "week", "month", "year"; -1 if unknown. */
int dy_period_parse(const char *name);
const char *dy_period_name(dy_period p);
/* The key of the period holding date ("YYYY-MM-DD"): "2024-03-05",
 * "2024-W10" (ISO 8601 week), "2024-03", "2024". "" when date is not a
 * valid date. */
void dy_period_key(dy_period p, const char *date, char out[DY_PERIOD_KEY]);
/* The key of the period after key; 0, or -1 when key is not a key of p. */
int dy_period_next(dy_period p, const char *key, char out[DY_PERIOD_KEY]);
#endif
