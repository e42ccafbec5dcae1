/* Internal side of the article readers: the per-format readers behind
 * dyad_read_memory, the checks every article goes through, and the richer
 * views of the validation formats (TABARI records, PETRARCH XML) that the
 * validator needs beyond what a dyad_article carries.
 *
 * Every reader here takes a buffer that is NUL-terminated at data[len]
 * (dyad_read_file and dyad_read_memory guarantee that), so strings can be
 * handed to callbacks without copying the whole input. */
#ifndef DY_IO_READ_H
#define DY_IO_READ_H
#include "dyad.h"
#include <stddef.h>

/* ---------------------------------------------------------------- shared helpers */

/* Where a byte offset sits in a buffer, as 1-based line and byte column. */
void dy_read_line_col(const char *data, size_t offset, long *line, long *column);

/* Warn (once per article) about invalid UTF-8 and about NUL bytes in
 * text[0..len). line_start is the start of input line `line`, on which the
 * text begins, in the same buffer as text, so that a warning can name the
 * line and column of the first bad byte; pass NULL when text is a decoded
 * copy (the warning then names the line only). Cost is linear in len. */
void dy_read_check_text(const char *name, const char *line_start, long line, const char *text,
                        size_t len, dyad_diag *diag);
/* The two halves of dy_read_check_text, for readers whose text is decoded
 * (JSON escapes) and whose bad bytes are best located in the raw line. */
size_t dy_read_check_utf8(const char *name, const char *line_start, long line, const char *text,
                          size_t len, dyad_diag *diag); /* returns the number of bad bytes */
void dy_read_check_nul(const char *name, const char *line_start, long line, const char *text,
                       size_t len, dyad_diag *diag);

/* Normalise "YYYY-MM-DD", "YYYYMMDD" (and "YYYY-MM-DD" followed by a time)
 * into out[11] as "YYYY-MM-DD". Returns 0, or -1 when s is no valid date. */
int dy_read_norm_date(const char *s, size_t n, char out[11]);

/* A two-digit year as TABARI reads it: 00-30 is 20YY, the rest 19YY. */
int dy_read_pivot_year(int yy);

/* File base name without directory and extension ("dir/a.txt" -> "a"),
 * written into out (NUL-terminated, truncated to cap). "-" or NULL: "stdin". */
void dy_read_base_id(const char *name, char *out, size_t cap);

/* Decode the five XML entities and numeric character references in
 * s[0..n) into a new malloc'd string (*out_len bytes). Unknown entities stay
 * as written. */
char *dy_read_xml_unescape(const char *s, size_t n, size_t *out_len);

/* ---------------------------------------------------------------- per-format readers */

int dy_read_text(const char *name, const char *data, size_t len, dyad_article_fn fn, void *user,
                 dyad_diag *diag);
int dy_read_jsonl(const char *name, const char *data, size_t len, dyad_article_fn fn, void *user,
                  dyad_diag *diag);
int dy_read_html(const char *name, const char *data, size_t len, dyad_article_fn fn, void *user,
                 dyad_diag *diag);
int dy_read_tabari(const char *name, const char *data, size_t len, dyad_article_fn fn, void *user,
                   dyad_diag *diag);
int dy_read_petrarch(const char *name, const char *data, size_t len, dyad_article_fn fn,
                     void *user, dyad_diag *diag);

/* Which reader "auto" picks for this name and content (never DYAD_IN_AUTO). */
dyad_in_format dy_read_detect(const char *name, const char *data, size_t len);

/* Read a whole file ("-" or NULL: stdin) into a malloc'd, NUL-terminated
 * buffer. Returns 0, or -1 after reporting why to diag. */
int dy_read_slurp(const char *path, char **data, size_t *len, dyad_diag *diag);

/* ---------------------------------------------------------------- TABARI records */

/* One record of a TABARI text file. article->id is made unique within the
 * file ("ID#2", "ID#3" for repeats, as in ../shared/gold); raw_id is the ID
 * exactly as TABARI reads it. */
typedef struct {
    const dyad_article *article;
    const char *raw_id;
    const char *raw_date;     /* the date field as written: 6 digits, or 8 in YYYY mode */
    long ordinal;             /* 1-based record number (TABARI's record counter) */
    const char *block;        /* the comment block from its opening slash-star, or NULL */
    size_t block_len;
    long block_line;          /* line of the block's start in the file; 0 when no block */
} dy_tabari_record;

typedef int (*dy_tabari_fn)(const dy_tabari_record *r, void *user);

/* Read TABARI records from data[0..len) (NUL-terminated at len). The reader
 * follows "SET: YYYY = TRUE/FALSE" option commands found in the blocks, as
 * TABARI does in validation mode. Returns 0; bad records go to diag. */
int dy_tabari_read(const char *name, const char *data, size_t len, dy_tabari_fn fn, void *user,
                   dyad_diag *diag);

/* One "{ ... }" entry of a record's comment block. */
typedef enum {
    DY_TAB_EVENT = 0,      /* { SRC / TGT / CODE } [date] */
    DY_TAB_NOEVENT,        /* { --- } */
    DY_TAB_DISCARD,        /* { ### } */
    DY_TAB_COMPLEX,        /* { +++ } */
    DY_TAB_OPTION,         /* { OPTION: command } ; the closing brace may be missing */
    DY_TAB_OTHER           /* anything else between braces */
} dy_tabari_entry_kind;

typedef struct {
    dy_tabari_entry_kind kind;
    int unchecked;         /* the entry was written "-{": checking is off from here on */
    const char *body;      /* inside the braces, trimmed; not NUL-terminated */
    size_t body_len;
    /* DY_TAB_EVENT: the three fields, trimmed (not NUL-terminated) */
    const char *src, *tgt, *code;
    size_t src_len, tgt_len, code_len;
    /* DY_TAB_OPTION: the command after "OPTION:", trimmed */
    const char *option;
    size_t option_len;
    long line_offset;      /* lines after the block's first line (add block_line) */
} dy_tabari_entry;

/* Iterate the entries of block[0..len): start with *pos = 0; returns 1 and
 * fills *e while there is one more, 0 at the end. Text in square brackets
 * (TABARI's comments) is never taken for an entry. Each call counts lines
 * from the block's start for line_offset: fine for record blocks, which
 * are a few lines long. */
int dy_tabari_block_next(const char *block, size_t len, size_t *pos, dy_tabari_entry *e);

/* ---------------------------------------------------------------- PETRARCH validation XML */

typedef struct {
    const char *name, *value;   /* value with entities decoded */
} dy_xml_attr;

typedef struct {
    const dy_xml_attr *attrs;   /* all attributes as written, in order */
    size_t nattrs;
    const char *sourcecode, *targetcode, *eventcode; /* NULL when absent */
    int noevents;               /* noevents="True" (any case) */
    const char *error;          /* error="..." or NULL */
    long line;
} dy_petr_coding;

typedef enum {
    DY_PETR_ENVIRONMENT = 0,    /* one child of <Environment>: name, value = its text */
    DY_PETR_CONFIG,             /* <Config option= value=>, wherever it appears */
    DY_PETR_SENTENCE            /* a complete <Sentence> with its codings and text */
} dy_petr_kind;

typedef struct {
    dy_petr_kind kind;
    long line;
    /* ENVIRONMENT: element name and trimmed text; CONFIG: option and value */
    const char *name, *value;
    /* SENTENCE */
    const dyad_article *article;      /* id, date (normalised), text (trimmed, decoded) */
    const dy_xml_attr *attrs;         /* the <Sentence> attributes as written */
    size_t nattrs;
    const char *category;             /* NULL when absent */
    int valid;                        /* valid= or sentence= : 1 true, 0 false, -1 absent */
    int evaluate;                     /* evaluate= : 1, 0, -1 absent */
    const dy_petr_coding *codings;
    size_t ncodings;
    const char *parse;                /* <Parse> content, decoded, or NULL */
    size_t parse_len;
} dy_petr_item;

typedef int (*dy_petr_fn)(const dy_petr_item *it, void *user);

/* Read a PETRARCH validation file from data[0..len) (NUL-terminated at len),
 * items in document order. Tolerates the PETR2_GSR defects (self-closed
 * <Sentence .../> and bare '#' header lines). Returns 0; bad records go to
 * diag and are skipped. */
int dy_petrarch_read(const char *name, const char *data, size_t len, dy_petr_fn fn, void *user,
                     dyad_diag *diag);

/* Case-insensitive "true"/"false" as 1/0; -1 for anything else or NULL. */
int dy_read_bool_attr(const char *v);

#endif
