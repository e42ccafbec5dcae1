/* PETRARCH validation XML, read with a small tolerant scanner rather than
 * an XML parser: the PETR2_GSR file is not well-formed (self-closed
 * <Sentence .../> followed by the sentence's content and </Sentence>, bare
 * '#' banner lines holding literal tags), and a strict parser would give up
 * on the whole file. The scanner knows the handful of elements the format
 * uses and skips the rest. */
#include "io/read.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    dy_xml_attr *v;
    size_t n, cap;
} attr_list;

typedef struct {
    attr_list attrs;
    long line;
} coding_rec;

typedef struct {
    const char *name, *data, *end;
    dyad_diag *diag;
    dy_petr_fn fn;
    void *user;
    int stop;
    /* line counting, forward only */
    const char *line_pos;
    const char *line_start;     /* start of the line that line_pos is on */
    long line;
    int in_env;
    /* the sentence being read */
    int in_sentence;
    long sent_line, sentence_no;
    attr_list sent_attrs;
    coding_rec *codings;
    size_t ncodings, cap_codings;
    char *text, *parse;
    size_t text_len, parse_len;
    const char *text_raw;       /* raw <Text> content in data, for file positions */
    const char *text_line_start;
    size_t text_raw_len;
    long text_line;
} scan;

static long line_of(scan *s, const char *p) {
    while (s->line_pos < p) {
        const char *nl = memchr(s->line_pos, '\n', (size_t)(p - s->line_pos));
        if (!nl) {
            s->line_pos = p;
            break;
        }
        s->line++;
        s->line_pos = s->line_start = nl + 1;
    }
    return s->line;
}

static void attrs_free(attr_list *a) {
    for (size_t i = 0; i < a->n; i++) {
        free((char *)a->v[i].name);
        free((char *)a->v[i].value);
    }
    free(a->v);
    memset(a, 0, sizeof *a);
}

static const char *attr_get(const attr_list *a, const char *name) {
    for (size_t i = 0; i < a->n; i++)
        if (!strcmp(a->v[i].name, name)) return a->v[i].value;
    return NULL;
}

static int name_char(char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '-' || c == ':' || c == '.';
}

static const char *find_str(const char *p, const char *end, const char *needle) {
    size_t n = strlen(needle);
    while (p + n <= end) {
        const char *q = memchr(p, needle[0], (size_t)(end - p));
        if (!q || q + n > end) return NULL;
        if (!memcmp(q, needle, n)) return q;
        p = q + 1;
    }
    return NULL;
}

/* Parse "<Name attr=... [/]>" at p (p[0] == '<'). Fills name, attrs,
 * self_closing; returns the byte after '>', or NULL if the tag never ends. */
static const char *parse_tag(const char *p, const char *end, char *name, size_t name_cap,
                             attr_list *attrs, int *self_closing) {
    p++;
    size_t n = 0;
    while (p < end && name_char(*p)) {
        if (n + 1 < name_cap) name[n++] = *p;
        p++;
    }
    name[n] = 0;
    *self_closing = 0;
    for (;;) {
        while (p < end && isspace((unsigned char)*p)) p++;
        if (p >= end) return NULL;
        if (*p == '>') return p + 1;
        if (*p == '/' && p + 1 < end && p[1] == '>') {
            *self_closing = 1;
            return p + 2;
        }
        if (!name_char(*p)) {
            p++;
            continue;
        }
        const char *an = p;
        while (p < end && name_char(*p)) p++;
        size_t anl = (size_t)(p - an);
        while (p < end && isspace((unsigned char)*p)) p++;
        const char *v = p;
        size_t vl = 0;
        if (p < end && *p == '=') {
            p++;
            while (p < end && isspace((unsigned char)*p)) p++;
            if (p < end && (*p == '"' || *p == '\'')) {
                char q = *p++;
                v = p;
                while (p < end && *p != q) p++;
                if (p >= end) return NULL;
                vl = (size_t)(p - v);
                p++;
            } else {
                v = p;
                while (p < end && !isspace((unsigned char)*p) && *p != '>') p++;
                vl = (size_t)(p - v);
            }
        }
        if (!attrs) continue;
        if (attrs->n == attrs->cap) {
            attrs->cap = attrs->cap ? attrs->cap * 2 : 8;
            attrs->v = dy_xrealloc(attrs->v, attrs->cap * sizeof *attrs->v);
        }
        size_t dl;
        attrs->v[attrs->n].name = dy_xstrndup(an, anl);
        attrs->v[attrs->n].value = dy_read_xml_unescape(v, vl, &dl);
        attrs->n++;
    }
}

static char *decode_trimmed(const char *b, const char *e, size_t *len) {
    while (b < e && isspace((unsigned char)*b)) b++;
    while (e > b && isspace((unsigned char)e[-1])) e--;
    return dy_read_xml_unescape(b, (size_t)(e - b), len);
}

static void sentence_reset(scan *s) {
    attrs_free(&s->sent_attrs);
    for (size_t i = 0; i < s->ncodings; i++) attrs_free(&s->codings[i].attrs);
    s->ncodings = 0;
    free(s->text);
    free(s->parse);
    s->text = s->parse = NULL;
    s->text_len = s->parse_len = 0;
    s->text_raw = NULL;
    s->text_raw_len = 0;
    s->in_sentence = 0;
}

static void emit(scan *s, const dy_petr_item *it) {
    if (!s->stop && s->fn(it, s->user)) s->stop = 1;
}

static void finish_sentence(scan *s) {
    if (!s->in_sentence) return;
    const char *raw_id = attr_get(&s->sent_attrs, "id");
    char id_buf[32];
    const char *id = raw_id;
    if (!id || !*id) {
        snprintf(id_buf, sizeof id_buf, "sentence-%ld", s->sentence_no);
        id = id_buf;
        dyad_diag_report(s->diag, DYAD_WARNING, s->name, s->sent_line, 0,
                         "<Sentence> has no id; using %s", id);
    }
    if (!s->text) {
        dyad_diag_report(s->diag, DYAD_ERROR, s->name, s->sent_line, 0,
                         "sentence %s has no <Text>; skipped", id);
        sentence_reset(s);
        return;
    }
    char date[11];
    const char *date_out = NULL;
    const char *d = attr_get(&s->sent_attrs, "date");
    if (d && dy_read_norm_date(d, strlen(d), date) == 0) date_out = date;
    else if (d)
        dyad_diag_report(s->diag, DYAD_WARNING, s->name, s->sent_line, 0,
                         "sentence %s: invalid date \"%.40s\"; date dropped", id, d);
    if (!s->text_len)
        dyad_diag_report(s->diag, DYAD_WARNING, s->name, s->text_line, 0,
                         "sentence %s has an empty <Text>", id);
    dy_read_check_utf8(s->name, s->text_line_start, s->text_line, s->text_raw, s->text_raw_len,
                       s->diag);
    dy_read_check_nul(s->name, NULL, s->text_line, s->text, s->text_len, s->diag);
    dyad_article a = {.id = id, .date = date_out, .title = NULL, .text = s->text,
                      .text_len = s->text_len, .url = NULL, .source = NULL, .origin = s->name,
                      .origin_line = s->text_line};
    dy_petr_coding *codings = dy_xcalloc(s->ncodings ? s->ncodings : 1, sizeof *codings);
    for (size_t i = 0; i < s->ncodings; i++) {
        const attr_list *al = &s->codings[i].attrs;
        codings[i].attrs = al->v;
        codings[i].nattrs = al->n;
        codings[i].sourcecode = attr_get(al, "sourcecode");
        codings[i].targetcode = attr_get(al, "targetcode");
        codings[i].eventcode = attr_get(al, "eventcode");
        codings[i].noevents = dy_read_bool_attr(attr_get(al, "noevents")) == 1;
        codings[i].error = attr_get(al, "error");
        codings[i].line = s->codings[i].line;
    }
    const char *valid = attr_get(&s->sent_attrs, "valid");
    if (!valid) valid = attr_get(&s->sent_attrs, "sentence");
    dy_petr_item it = {.kind = DY_PETR_SENTENCE,
                       .line = s->sent_line,
                       .article = &a,
                       .attrs = s->sent_attrs.v,
                       .nattrs = s->sent_attrs.n,
                       .category = attr_get(&s->sent_attrs, "category"),
                       .valid = dy_read_bool_attr(valid),
                       .evaluate = dy_read_bool_attr(attr_get(&s->sent_attrs, "evaluate")),
                       .codings = codings,
                       .ncodings = s->ncodings,
                       .parse = s->parse,
                       .parse_len = s->parse_len};
    emit(s, &it);
    free(codings);
    sentence_reset(s);
}

/* The raw content of <name>...</name> starting at p; returns the byte after
 * the end tag, or NULL when it is missing (reported). */
static const char *element_content(scan *s, const char *p, const char *name, const char **cb,
                                   const char **ce) {
    char close[64];
    snprintf(close, sizeof close, "</%s", name);
    const char *q = find_str(p, s->end, close);
    if (!q) {
        dyad_diag_report(s->diag, DYAD_ERROR, s->name, line_of(s, p), 0, "<%s> is never closed",
                         name);
        return NULL;
    }
    *cb = p;
    *ce = q;
    const char *gt = memchr(q, '>', (size_t)(s->end - q));
    return gt ? gt + 1 : s->end;
}

static void add_coding(scan *s, attr_list *attrs, long line) {
    if (s->ncodings == s->cap_codings) {
        s->cap_codings = s->cap_codings ? s->cap_codings * 2 : 4;
        s->codings = dy_xrealloc(s->codings, s->cap_codings * sizeof *s->codings);
    }
    s->codings[s->ncodings].attrs = *attrs;
    s->codings[s->ncodings].line = line;
    s->ncodings++;
    memset(attrs, 0, sizeof *attrs);
}

/* An opening tag at p; returns where scanning goes on, or NULL to stop. */
static const char *open_tag(scan *s, const char *p) {
    char name[64];
    attr_list attrs = {0};
    int self_closing;
    long line = line_of(s, p);
    const char *q = parse_tag(p, s->end, name, sizeof name, &attrs, &self_closing);
    if (!q) {
        dyad_diag_report(s->diag, DYAD_ERROR, s->name, line, 0, "tag <%s is never closed", name);
        attrs_free(&attrs);
        return NULL;
    }
    if (!strcmp(name, "Sentence")) {
        /* Self-closed or not, what follows up to </Sentence> (or the next
         * <Sentence>) is this sentence: that is how PETR2_GSR writes it. */
        finish_sentence(s);
        s->in_sentence = 1;
        s->sent_line = line;
        s->sentence_no++;
        s->sent_attrs = attrs;
        return q;
    }
    if (!strcmp(name, "EventCoding")) {
        if (s->in_sentence) add_coding(s, &attrs, line);
        else
            dyad_diag_report(s->diag, DYAD_WARNING, s->name, line, 0,
                             "<EventCoding> outside a <Sentence>; ignored");
        attrs_free(&attrs);
        return q;
    }
    if (!strcmp(name, "Config")) {
        dy_petr_item it = {.kind = DY_PETR_CONFIG, .line = line,
                           .name = attr_get(&attrs, "option"), .value = attr_get(&attrs, "value")};
        if (!it.name)
            dyad_diag_report(s->diag, DYAD_WARNING, s->name, line, 0,
                             "<Config> without option=; ignored");
        else
            emit(s, &it);
        attrs_free(&attrs);
        return q;
    }
    attrs_free(&attrs);
    if (!strcmp(name, "Environment")) {
        s->in_env = !self_closing;
        return q;
    }
    if (self_closing) return q;
    if (!strcmp(name, "Text") || !strcmp(name, "Parse")) {
        const char *cb, *ce;
        const char *after = element_content(s, q, name, &cb, &ce);
        if (!after) return NULL;
        if (!s->in_sentence) {
            dyad_diag_report(s->diag, DYAD_WARNING, s->name, line, 0,
                             "<%s> outside a <Sentence>; ignored", name);
        } else if (name[0] == 'T') {
            free(s->text);
            s->text = decode_trimmed(cb, ce, &s->text_len);
            const char *tb = cb;
            while (tb < ce && isspace((unsigned char)*tb)) tb++;
            s->text_raw = tb;
            s->text_raw_len = (size_t)(ce - tb);
            s->text_line = line_of(s, tb);
            s->text_line_start = s->line_start;
        } else {
            free(s->parse);
            s->parse = decode_trimmed(cb, ce, &s->parse_len);
        }
        return after;
    }
    if (s->in_env && !s->in_sentence) {
        const char *cb, *ce;
        const char *after = element_content(s, q, name, &cb, &ce);
        if (!after) return NULL;
        size_t vl;
        char *value = decode_trimmed(cb, ce, &vl);
        dy_petr_item it = {.kind = DY_PETR_ENVIRONMENT, .line = line, .name = name,
                           .value = value};
        emit(s, &it);
        free(value);
        return after;
    }
    return q;
}

static const char *close_tag(scan *s, const char *p) {
    char name[64];
    const char *q = parse_tag(p + 1, s->end, name, sizeof name, NULL, &(int){0});
    if (!strcmp(name, "Sentence")) finish_sentence(s);
    else if (!strcmp(name, "Environment")) s->in_env = 0;
    return q ? q : s->end;
}

/* Skip "<!-- ... -->", "<? ... ?>", "<!...>"; NULL when unterminated. */
static const char *skip_markup(scan *s, const char *p) {
    const char *close = !strncmp(p, "<!--", 4) ? "-->" : !strncmp(p, "<?", 2) ? "?>" : ">";
    const char *from = p + (close[0] == '-' ? 4 : 2);
    if (from > s->end) from = s->end;
    const char *q = find_str(from, s->end, close);
    if (!q) {
        dyad_diag_report(s->diag, DYAD_ERROR, s->name, line_of(s, p), 0,
                         "markup \"%.4s\" is never closed; rest of the file ignored", p);
        return NULL;
    }
    return q + strlen(close);
}

int dy_petrarch_read(const char *name, const char *data, size_t len, dy_petr_fn fn, void *user,
                     dyad_diag *diag) {
    scan s = {0};
    s.name = name;
    s.data = data;
    s.end = data + len;
    s.diag = diag;
    s.fn = fn;
    s.user = user;
    s.line_pos = s.line_start = data;
    s.line = 1;
    const char *p = data;
    while (p && p < s.end && !s.stop) {
        if (*p == '<') {
            if (p[1] == '!' || p[1] == '?') p = skip_markup(&s, p);
            else if (p[1] == '/') p = close_tag(&s, p);
            else p = open_tag(&s, p);
            continue;
        }
        /* Character data between elements carries nothing, except that a
         * line opening with '#' is a banner whose '<' must not be read. */
        if (p == data || p[-1] == '\n') {
            const char *q = p;
            while (q < s.end && (*q == ' ' || *q == '\t')) q++;
            if (q < s.end && *q == '#') {
                const char *nl = memchr(q, '\n', (size_t)(s.end - q));
                p = nl ? nl + 1 : s.end;
                continue;
            }
        }
        const char *lt = memchr(p, '<', (size_t)(s.end - p));
        const char *nl = memchr(p, '\n', (size_t)(s.end - p));
        if (nl && (!lt || nl < lt)) p = nl + 1;
        else p = lt ? lt : s.end;
    }
    if (!s.stop) finish_sentence(&s);
    sentence_reset(&s);
    free(s.codings);
    return 0;
}

typedef struct {
    dyad_article_fn fn;
    void *user;
} article_adapter;

static int to_article(const dy_petr_item *it, void *user) {
    const article_adapter *ad = user;
    return it->kind == DY_PETR_SENTENCE ? ad->fn(it->article, ad->user) : 0;
}

int dy_read_petrarch(const char *name, const char *data, size_t len, dyad_article_fn fn,
                     void *user, dyad_diag *diag) {
    article_adapter ad = {fn, user};
    return dy_petrarch_read(name, data, len, to_article, &ad, diag);
}
