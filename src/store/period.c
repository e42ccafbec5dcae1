/* Date arithmetic on the proleptic Gregorian calendar with day numbers
 * (days since 1970-01-01), after H. Hinnant's civil-date algorithms. */
#include "store/period.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const names[] = {"", "day", "week", "month", "year"};

int dy_period_parse(const char *name) {
    for (int i = 1; i <= 4; i++)
        if (!strcmp(name, names[i])) return i;
    return -1;
}

const char *dy_period_name(dy_period p) { return (unsigned)p <= 4 ? names[p] : ""; }

static long days_from_civil(long y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Keys are formatted in a roomy buffer and then copied, so years outside
 * 0..9999 (never produced by parse_date) cannot overflow a key. */
static void key_printf(char out[DY_PERIOD_KEY], const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void key_printf(char out[DY_PERIOD_KEY], const char *fmt, ...) {
    char tmp[96];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    size_t n = strlen(tmp);
    if (n >= DY_PERIOD_KEY) n = DY_PERIOD_KEY - 1;
    memcpy(out, tmp, n);
    out[n] = 0;
}

static int parse_date(const char *s, long *y, int *m, int *d) {
    int yy, mm, dd;
    char tail;
    if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &yy, &mm, &dd, &tail) != 3) return -1;
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return -1;
    *y = yy;
    *m = mm;
    *d = dd;
    return 0;
}

/* Monday = 0. 1970-01-01 was a Thursday. */
static int weekday(long days) { return (int)(((days % 7) + 7 + 3) % 7); }

/* ISO week-numbering year and week of a day number. */
static void iso_week(long days, long *iso_year, int *week) {
    long thursday = days - weekday(days) + 3; /* the Thursday of this week decides the year */
    long y;
    int m, d;
    civil_from_days(thursday, &y, &m, &d);
    long jan1 = days_from_civil(y, 1, 1);
    *iso_year = y;
    *week = (int)((thursday - jan1) / 7 + 1);
}

void dy_period_key(dy_period p, const char *date, char out[DY_PERIOD_KEY]) {
    long y;
    int m, d;
    out[0] = 0;
    if (parse_date(date, &y, &m, &d) != 0) return;
    switch (p) {
    case DY_BY_DAY: key_printf(out, "%04ld-%02d-%02d", y, m, d); break;
    case DY_BY_MONTH: key_printf(out, "%04ld-%02d", y, m); break;
    case DY_BY_YEAR: key_printf(out, "%04ld", y); break;
    case DY_BY_WEEK: {
        long iy;
        int w;
        iso_week(days_from_civil(y, m, d), &iy, &w);
        key_printf(out, "%04ld-W%02d", iy, w);
        break;
    }
    default: break;
    }
}

int dy_period_next(dy_period p, const char *key, char out[DY_PERIOD_KEY]) {
    long y;
    int m, d, w;
    char tail;
    switch (p) {
    case DY_BY_DAY:
        if (parse_date(key, &y, &m, &d) != 0) return -1;
        civil_from_days(days_from_civil(y, m, d) + 1, &y, &m, &d);
        key_printf(out, "%04ld-%02d-%02d", y, m, d);
        return 0;
    case DY_BY_MONTH:
        if (sscanf(key, "%4ld-%2d%c", &y, &m, &tail) != 2) return -1;
        if (++m > 12) m = 1, y++;
        key_printf(out, "%04ld-%02d", y, m);
        return 0;
    case DY_BY_YEAR:
        if (sscanf(key, "%4ld%c", &y, &tail) != 1) return -1;
        key_printf(out, "%04ld", y + 1);
        return 0;
    case DY_BY_WEEK: {
        if (sscanf(key, "%4ld-W%2d%c", &y, &w, &tail) != 2) return -1;
        /* Monday of ISO week 1 is the Monday of the week holding January 4. */
        long jan4 = days_from_civil(y, 1, 4);
        long monday = jan4 - weekday(jan4) + (long)(w - 1) * 7 + 7;
        long iy;
        int iw;
        iso_week(monday, &iy, &iw);
        key_printf(out, "%04ld-W%02d", iy, iw);
        return 0;
    }
    default: return -1;
    }
}
