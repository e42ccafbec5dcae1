/* GDELT 2.0 event and mention rows: the row structs, their formatters, and
 * how a coded event fills them. The formatters print exactly what the row
 * holds so that the event store can fill rows from the database (counts,
 * tone, DATEADDED) and print them with the same code. */
#include "io/write.h"
#include "io/write_impl.h"

#include <math.h>
#include <string.h>

/* ---------------------------------------------------------------- ids */

static uint64_t fnv1a(uint64_t h, const void *p, size_t n) {
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static void put_le32(unsigned char out[4], uint32_t v) {
    for (int i = 0; i < 4; i++) out[i] = (unsigned char)(v >> (8 * i));
}

uint64_t dy_gdelt_event_id(const char *article_id, int sentence, unsigned event_index) {
    uint64_t h = 0xcbf29ce484222325ULL;
    const char *id = article_id ? article_id : "";
    /* The NUL separates the id from the numbers, so "a1" + 2 and "a" + 12
     * cannot collide by concatenation. Little-endian integers keep the id
     * the same on every machine. */
    h = fnv1a(h, id, strlen(id) + 1);
    unsigned char num[8];
    put_le32(num, (uint32_t)sentence);
    put_le32(num + 4, (uint32_t)event_index);
    h = fnv1a(h, num, sizeof num);
    /* FNV's low bits mix poorly on short inputs; a final avalanche step
     * spreads them before the top bit is dropped (GDELT ids are signed
     * 64-bit integers in BigQuery). */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h &= 0x7fffffffffffffffULL;
    return h ? h : 1;
}

/* ---------------------------------------------------------------- fields */

static void tab(dy_buf *out) { dy_buf_addc(out, '\t'); }

/* GDELT has no escaping: a tab or line break in a value would shift every
 * later column, so they become spaces. */
static void str_field(dy_buf *out, const char *s) {
    if (!s) return;
    for (; *s; s++) dy_buf_addc(out, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

static void int_field(dy_buf *out, long v) {
    if (v >= 0) dy_buf_printf(out, "%ld", v);
}

/* Goldstein values have one decimal in GDELT files; tone and coordinates
 * print at full precision (%.15g), as GDELT's do. */
static void goldstein_field(dy_buf *out, double v) {
    if (!isnan(v)) dy_buf_printf(out, "%.1f", v);
}

static void double_field(dy_buf *out, double v) {
    if (!isnan(v)) dy_buf_printf(out, "%.15g", v);
}

static void actor_fields(dy_buf *out, const dy_gdelt_actor *a) {
    str_field(out, a->code); tab(out);
    str_field(out, a->name); tab(out);
    str_field(out, a->parts.country); tab(out);
    str_field(out, a->parts.known_group); tab(out);
    str_field(out, a->parts.ethnic); tab(out);
    str_field(out, a->parts.religion1); tab(out);
    str_field(out, a->parts.religion2); tab(out);
    str_field(out, a->parts.type1); tab(out);
    str_field(out, a->parts.type2); tab(out);
    str_field(out, a->parts.type3);
}

static void geo_fields(dy_buf *out, const dy_gdelt_geo *g) {
    dy_buf_printf(out, "%d", g->type < 0 ? 0 : g->type); tab(out);
    str_field(out, g->full_name); tab(out);
    str_field(out, g->country_code); tab(out);
    str_field(out, g->adm1_code); tab(out);
    str_field(out, g->adm2_code); tab(out);
    double_field(out, g->lat); tab(out);
    double_field(out, g->lon); tab(out);
    str_field(out, g->feature_id);
}

/* ---------------------------------------------------------------- events */

static void geo_init(dy_gdelt_geo *g) {
    memset(g, 0, sizeof *g);
    g->lat = g->lon = NAN;
}

void dy_gdelt_row_init(dy_gdelt_row *r) {
    memset(r, 0, sizeof *r);
    r->is_root_event = -1;
    r->goldstein = NAN;
    r->num_mentions = r->num_sources = r->num_articles = -1;
    r->avg_tone = NAN;
    geo_init(&r->actor1_geo);
    geo_init(&r->actor2_geo);
    geo_init(&r->action_geo);
}

static void copy_str(char *dst, size_t cap, const char *src) {
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) n = cap - 1;
    memcpy(dst, src ? src : "", n);
    dst[n] = '\0';
}

/* Upper-case ASCII, whitespace runs collapsed to one space, cut at a UTF-8
 * character boundary so a long name never ends in half a character. */
static void set_name(char *dst, size_t cap, const char *p, size_t n) {
    size_t len = 0;
    int pending_space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0) {
            pending_space = len > 0;
            continue;
        }
        size_t need = 1 + (size_t)pending_space;
        if (len + need >= cap) break;
        if (pending_space) dst[len++] = ' ';
        pending_space = 0;
        dst[len++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    while (len > 0 && ((unsigned char)dst[len - 1] & 0xC0) == 0x80) len--;
    if (len > 0 && ((unsigned char)dst[len - 1] & 0xC0) == 0xC0) len--;
    dst[len] = '\0';
}

void dy_gdelt_actor_set(dy_gdelt_actor *actor, const char *code, const char *name, size_t name_len) {
    copy_str(actor->code, sizeof actor->code, code);
    dy_actor_split(actor->code, &actor->parts);
    set_name(actor->name, sizeof actor->name, name ? name : "", name ? name_len : 0);
}

void dy_gdelt_row_from_event(dy_gdelt_row *r, const dyad_article *a, const dyad_event *e,
                             unsigned event_index) {
    dy_gdelt_row_init(r);
    r->global_event_id = dy_gdelt_event_id(e->article_id ? e->article_id : a->id, e->sentence,
                                           event_index);
    dy_event_date(a, e, &r->year, &r->month, &r->day);
    const char *p;
    size_t n;
    dy_span_slice(a, e->source_span, &p, &n);
    dy_gdelt_actor_set(&r->actor1, e->source, p, n);
    dy_span_slice(a, e->target_span, &p, &n);
    dy_gdelt_actor_set(&r->actor2, e->target, p, n);
    /* GDELT marks events from the lead paragraph; paragraphs are not known
     * here, so the lead sentence stands in for it. */
    r->is_root_event = e->sentence == 0;
    copy_str(r->event_code, sizeof r->event_code, e->code);
    dy_cameo_base(e->code, r->base_code);
    if (e->root[0]) copy_str(r->root_code, sizeof r->root_code, e->root);
    else dy_cameo_root(e->code, r->root_code);
    r->quad_class = e->quad;
    r->goldstein = e->quad ? e->goldstein : NAN;
    /* One event row comes from one mention in one article. */
    r->num_mentions = r->num_sources = r->num_articles = 1;
    r->source_url = a->url;
}

void dy_gdelt_row_format(const dy_gdelt_row *r, dy_buf *out) {
    if (r->global_event_id) dy_buf_printf(out, "%llu", (unsigned long long)r->global_event_id);
    tab(out);
    int dated = r->year > 0 && r->month >= 1 && r->month <= 12 && r->day >= 1 && r->day <= 31;
    if (dated) {
        /* FractionDate: the codebook says (MONTH*30+DAY)/365, but GDELT's
         * real rows are ((MONTH-1)*30+DAY)/365 (2020-02-18 -> 2020.1315). */
        double frac = r->year + ((r->month - 1) * 30 + r->day) / 365.0;
        dy_buf_printf(out, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f", r->year, r->month, r->day,
                      r->year, r->month, r->year, frac);
    } else {
        dy_buf_adds(out, "\t\t\t");
    }
    tab(out);
    actor_fields(out, &r->actor1); tab(out);
    actor_fields(out, &r->actor2); tab(out);
    int_field(out, r->is_root_event); tab(out);
    str_field(out, r->event_code); tab(out);
    str_field(out, r->base_code); tab(out);
    str_field(out, r->root_code); tab(out);
    if (r->quad_class > 0) dy_buf_printf(out, "%d", r->quad_class);
    tab(out);
    goldstein_field(out, r->goldstein); tab(out);
    int_field(out, r->num_mentions); tab(out);
    int_field(out, r->num_sources); tab(out);
    int_field(out, r->num_articles); tab(out);
    double_field(out, r->avg_tone); tab(out);
    geo_fields(out, &r->actor1_geo); tab(out);
    geo_fields(out, &r->actor2_geo); tab(out);
    geo_fields(out, &r->action_geo); tab(out);
    str_field(out, r->date_added); tab(out);
    str_field(out, r->source_url);
    dy_buf_addc(out, '\n');
}

/* ---------------------------------------------------------------- mentions */

void dy_gdelt_mention_init(dy_gdelt_mention *m) {
    memset(m, 0, sizeof *m);
    m->mention_type = -1;
    m->sentence_id = -1;
    m->actor1_offset = m->actor2_offset = m->action_offset = -1;
    m->in_raw_text = -1;
    m->confidence = -1;
    m->doc_len = -1;
    m->doc_tone = NAN;
}

/* GDELT offsets count characters; spans count bytes. Continuation bytes
 * (10xxxxxx) do not start a character. */
static long char_count(const char *text, size_t n) {
    long count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80) count++;
    return count;
}

static long char_offset(const dyad_article *a, dyad_span s) {
    if (s.start == s.end || s.end > a->text_len || s.start > s.end) return -1;
    return char_count(a->text, s.start);
}

void dy_gdelt_mention_from_event(dy_gdelt_mention *m, const dyad_article *a, const dyad_event *e,
                                 unsigned event_index) {
    dy_gdelt_mention_init(m);
    m->global_event_id = dy_gdelt_event_id(e->article_id ? e->article_id : a->id, e->sentence,
                                           event_index);
    int has_url = a->url && a->url[0];
    m->mention_type = has_url ? 1 : 2;
    m->source_name = a->source;
    m->identifier = has_url ? a->url : a->id;
    m->sentence_id = e->sentence + 1;
    m->actor1_offset = char_offset(a, e->source_span);
    m->actor2_offset = char_offset(a, e->target_span);
    m->action_offset = char_offset(a, e->verb_span);
    m->in_raw_text = 1;
    m->doc_len = char_count(a->text, a->text_len);
}

static void offset_field(dy_buf *out, long v) { dy_buf_printf(out, "%ld", v < 0 ? -1L : v); }

void dy_gdelt_mention_format(const dy_gdelt_mention *m, dy_buf *out) {
    if (m->global_event_id) dy_buf_printf(out, "%llu", (unsigned long long)m->global_event_id);
    tab(out);
    str_field(out, m->event_time_date); tab(out);
    str_field(out, m->mention_time_date); tab(out);
    int_field(out, m->mention_type); tab(out);
    str_field(out, m->source_name); tab(out);
    str_field(out, m->identifier); tab(out);
    int_field(out, m->sentence_id); tab(out);
    offset_field(out, m->actor1_offset); tab(out);
    offset_field(out, m->actor2_offset); tab(out);
    offset_field(out, m->action_offset); tab(out);
    int_field(out, m->in_raw_text); tab(out);
    int_field(out, m->confidence); tab(out);
    int_field(out, m->doc_len); tab(out);
    double_field(out, m->doc_tone); tab(out);
    str_field(out, m->translation_info); tab(out);
    str_field(out, m->extras);
    dy_buf_addc(out, '\n');
}
