/* HTML: one article per page. libxml2's forgiving HTML parser builds the
 * tree; we keep the readable text of the article body and drop the page
 * furniture around it (menus, share bars, comments, scripts). */
#include "io/read.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

static int name_in(const char *name, const char *const *list) {
    for (; *list; list++)
        if (!strcasecmp(name, *list)) return 1;
    return 0;
}

static const char *const dropped_tags[] = {
    "script", "style",    "nav",    "header", "footer",   "aside",  "form",  "noscript",
    "iframe", "svg",      "button", "select", "textarea", "template", "object", "embed",
    "canvas", "head",     "title",  "menu",   "dialog",   NULL};

static const char *const block_tags[] = {
    "p",     "div",     "h1",      "h2",   "h3",         "h4",      "h5",     "h6",
    "li",    "ul",      "ol",      "dl",   "dt",         "dd",      "blockquote", "pre",
    "section", "article", "main",  "table", "tr",        "td",      "th",     "caption",
    "figure", "figcaption", "address", "hr", "body",     "center",  "details", "summary",
    NULL};

/* Class and id words that mark page furniture rather than article text. */
static const char *const boilerplate_words[] = {
    "nav",    "menu",    "footer", "sidebar", "cookie",     "share",     "sharing", "social",
    "related", "advert", "comment", "breadcrumb", "newsletter", "subscribe", "promo", NULL};

static int boilerplate_value(const char *v) {
    char word[64];
    while (*v) {
        while (*v && !isalnum((unsigned char)*v)) v++;
        size_t n = 0;
        while (*v && isalnum((unsigned char)*v)) {
            if (n + 1 < sizeof word) word[n++] = (char)tolower((unsigned char)*v);
            v++;
        }
        word[n] = 0;
        if (!n) continue;
        if (!strcmp(word, "ad") || !strcmp(word, "ads")) return 1;
        /* "commentary" is an article genre, not a comment thread. */
        if (!strncmp(word, "commentary", 10)) continue;
        for (const char *const *w = boilerplate_words; *w; w++)
            if (!strncmp(word, *w, strlen(*w))) return 1;
    }
    return 0;
}

static int has_boilerplate_attr(xmlNodePtr n) {
    static const char *const attrs[] = {"class", "id", "role", NULL};
    for (const char *const *a = attrs; *a; a++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)*a);
        if (!v) continue;
        int bad = !strcasecmp((const char *)v, "navigation") || !strcasecmp((const char *)v, "banner") ||
                  !strcasecmp((const char *)v, "complementary") ||
                  !strcasecmp((const char *)v, "contentinfo") || boilerplate_value((const char *)v);
        xmlFree(v);
        if (bad) return 1;
    }
    xmlChar *h = xmlGetProp(n, (const xmlChar *)"hidden");
    if (h) {
        xmlFree(h);
        return 1;
    }
    xmlChar *aria = xmlGetProp(n, (const xmlChar *)"aria-hidden");
    int hidden = aria && !strcasecmp((const char *)aria, "true");
    if (aria) xmlFree(aria);
    return hidden;
}

/* Walks use parent/next links, never recursion: a page nested 100,000
 * deep must not exhaust the stack. */
static xmlNodePtr next_node(xmlNodePtr n, xmlNodePtr root, int descend) {
    if (descend && n->children) return n->children;
    while (n && n != root) {
        if (n->next) return n->next;
        n = n->parent;
    }
    return NULL;
}

/* ---------------------------------------------------------------- text assembly */

typedef struct {
    dy_buf out;
    int pending_break;   /* 0 none, 1 line break, 2 paragraph break */
    int pending_space;
} text_out;

static void want_break(text_out *t, int kind) {
    if (kind > t->pending_break) t->pending_break = kind;
}

static void add_text(text_out *t, const char *s) {
    while (*s) {
        unsigned char c = (unsigned char)*s;
        int nbsp = c == 0xC2 && (unsigned char)s[1] == 0xA0;
        if (isspace(c) || nbsp) {
            t->pending_space = 1;
            s += nbsp ? 2 : 1;
            continue;
        }
        if (t->out.len) {
            if (t->pending_break) dy_buf_adds(&t->out, t->pending_break == 2 ? "\n\n" : "\n");
            else if (t->pending_space) dy_buf_addc(&t->out, ' ');
        }
        t->pending_break = t->pending_space = 0;
        const char *run = s;
        while (*s && !isspace((unsigned char)*s) &&
               !((unsigned char)*s == 0xC2 && (unsigned char)s[1] == 0xA0))
            s++;
        dy_buf_add(&t->out, run, (size_t)(s - run));
    }
}

static void extract(xmlNodePtr root, text_out *t) {
    xmlNodePtr n = root;
    while (n) {
        int descend = 1;
        if (n->type == XML_ELEMENT_NODE && n->name) {
            const char *name = (const char *)n->name;
            if (n != root && (name_in(name, dropped_tags) || has_boilerplate_attr(n))) {
                descend = 0;
            } else if (!strcasecmp(name, "br")) {
                want_break(t, 1);
            } else if (name_in(name, block_tags)) {
                want_break(t, 2);
            }
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            add_text(t, (const char *)n->content);
        }
        /* Leaving a block ends its paragraph, whatever inline text follows. */
        xmlNodePtr next = next_node(n, root, descend);
        for (xmlNodePtr up = (descend && n->children) ? NULL : n; up && up != root;) {
            if (up->type == XML_ELEMENT_NODE && up->name && name_in((const char *)up->name, block_tags))
                want_break(t, 2);
            if (up->next) break;
            up = up->parent;
        }
        n = next;
    }
}

/* ---------------------------------------------------------------- metadata */

typedef struct {
    xmlNodePtr title, h1, body, main_el;
    xmlNodePtr articles[64];
    size_t narticles;
    char *og_title, *date, *url, *canonical, *site;
} page;

static void set_once(char **slot, xmlNodePtr n, const char *attr) {
    if (*slot) return;
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    if (!v) return;
    *slot = dy_xstrdup((const char *)v);
    xmlFree(v);
}

/* A teaser <article> in a sidebar or a "related" box is furniture too. */
static int in_furniture(xmlNodePtr n) {
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (n->name && (name_in((const char *)n->name, dropped_tags) || has_boilerplate_attr(n)))
            return 1;
    return 0;
}

static int inside(xmlNodePtr n, xmlNodePtr const *list, size_t count) {
    for (xmlNodePtr p = n->parent; p; p = p->parent)
        for (size_t i = 0; i < count; i++)
            if (p == list[i]) return 1;
    return 0;
}

static void survey(xmlNodePtr root, page *pg) {
    for (xmlNodePtr n = root; n; n = next_node(n, root, 1)) {
        if (n->type != XML_ELEMENT_NODE || !n->name) continue;
        const char *name = (const char *)n->name;
        if (!strcasecmp(name, "title") && !pg->title) pg->title = n;
        else if (!strcasecmp(name, "h1") && !pg->h1) pg->h1 = n;
        else if (!strcasecmp(name, "body") && !pg->body) pg->body = n;
        else if (!strcasecmp(name, "main") && !pg->main_el && !in_furniture(n)) pg->main_el = n;
        else if (!strcasecmp(name, "article") && pg->narticles < 64 &&
                 !inside(n, pg->articles, pg->narticles) && !in_furniture(n))
            pg->articles[pg->narticles++] = n;
        else if (!strcasecmp(name, "meta")) {
            xmlChar *key = xmlGetProp(n, (const xmlChar *)"property");
            if (!key) key = xmlGetProp(n, (const xmlChar *)"name");
            if (!key) key = xmlGetProp(n, (const xmlChar *)"itemprop");
            if (!key) continue;
            const char *k = (const char *)key;
            if (!strcasecmp(k, "og:title")) set_once(&pg->og_title, n, "content");
            else if (!strcasecmp(k, "og:url")) set_once(&pg->url, n, "content");
            else if (!strcasecmp(k, "og:site_name")) set_once(&pg->site, n, "content");
            else if (!strcasecmp(k, "article:published_time") || !strcasecmp(k, "datePublished") ||
                     !strcasecmp(k, "date") || !strcasecmp(k, "pubdate") ||
                     !strcasecmp(k, "dc.date"))
                set_once(&pg->date, n, "content");
            xmlFree(key);
        } else if (!strcasecmp(name, "link")) {
            xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
            if (rel && !strcasecmp((const char *)rel, "canonical")) set_once(&pg->canonical, n, "href");
            if (rel) xmlFree(rel);
        }
    }
}

static char *node_text(xmlNodePtr n) {
    if (!n) return NULL;
    text_out t = {{0}, 0, 0};
    dy_buf_init(&t.out);
    /* The title element is in the dropped set, so collect it directly. */
    for (xmlNodePtr c = n; c; c = next_node(c, n, 1))
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            add_text(&t, (const char *)c->content);
    if (!t.out.len) {
        dy_buf_free(&t.out);
        return NULL;
    }
    return t.out.data;
}

static char *collapse(const char *s) {
    if (!s) return NULL;
    text_out t = {{0}, 0, 0};
    dy_buf_init(&t.out);
    add_text(&t, s);
    if (!t.out.len) {
        dy_buf_free(&t.out);
        return NULL;
    }
    return t.out.data;
}

/* The charset a page declares in its first 4 KB (meta charset, http-equiv
 * content type, or an XML declaration's encoding), lowercased into out;
 * "" when none is declared. */
static void declared_charset(const char *data, size_t len, char *out, size_t cap) {
    size_t n = len < 4096 ? len : 4096;
    out[0] = 0;
    static const char *const keys[] = {"charset", "encoding", NULL};
    for (size_t i = 0; i < n; i++)
        for (const char *const *k = keys; *k; k++) {
            size_t kl = strlen(*k);
            if (i + kl > n || strncasecmp(data + i, *k, kl)) continue;
            size_t j = i + kl;
            while (j < n && (isspace((unsigned char)data[j]) || data[j] == '=' || data[j] == '"' ||
                             data[j] == '\''))
                j++;
            if (j == i + kl) continue;
            size_t o = 0;
            while (j < n && o + 1 < cap && (isalnum((unsigned char)data[j]) || data[j] == '-' ||
                                             data[j] == '_'))
                out[o++] = (char)tolower((unsigned char)data[j++]);
            out[o] = 0;
            if (o) return;
        }
}

/* A copy of data with every byte that is not valid UTF-8 replaced by
 * U+FFFD, so that libxml2 does not switch the whole rest of the page to
 * Latin-1 on the first bad byte. */
static char *replace_bad_utf8(const char *data, size_t len, size_t *out_len) {
    dy_buf b;
    dy_buf_init(&b);
    dy_buf_reserve(&b, len + len / 8);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = (unsigned char)data[i] < 0x80 ? 1 : dy_utf8_decode(data + i, len - i, &cp);
        if (k == 1 && (unsigned char)data[i] >= 0x80) dy_buf_add(&b, "\xEF\xBF\xBD", 3);
        else dy_buf_add(&b, data + i, k);
        i += k;
    }
    *out_len = b.len;
    return b.data;
}

/* libxml2 appends each attribute by walking the element's attribute list
 * and compares it with every earlier one, so a tag with n attributes costs
 * n^2: 50,000 attributes take seconds. No real page needs more than a few
 * dozen, and we read only class/id/role/hidden and meta fields, so tags
 * with more than MAX_ATTRS are cut down before parsing. Returns NULL when
 * no tag needed it (the common case: no copy). */
enum { MAX_ATTRS = 5000 };

static int is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static char *limit_attributes(const char *data, size_t len, size_t *out_len, long *first_line) {
    dy_buf b;
    int copying = 0;
    size_t flushed = 0; /* data[0..flushed) is already in b when copying */
    for (size_t i = 0; i < len; i++) {
        if (data[i] != '<' || i + 1 >= len || !((data[i + 1] | 32) >= 'a' && (data[i + 1] | 32) <= 'z'))
            continue;
        size_t j = i + 1;
        while (j < len && !is_html_space(data[j]) && data[j] != '>' && data[j] != '/') j++;
        size_t nattrs = 0;
        while (j < len) {
            while (j < len && (is_html_space(data[j]) || data[j] == '/')) j++;
            if (j >= len || data[j] == '>') break;
            size_t attr_start = j;
            while (j < len && !is_html_space(data[j]) && data[j] != '=' && data[j] != '>') j++;
            while (j < len && is_html_space(data[j])) j++;
            if (j < len && data[j] == '=') {
                j++;
                while (j < len && is_html_space(data[j])) j++;
                if (j < len && (data[j] == '"' || data[j] == '\'')) {
                    char q = data[j++];
                    const char *close = memchr(data + j, q, len - j);
                    j = close ? (size_t)(close - data) + 1 : len;
                } else {
                    while (j < len && !is_html_space(data[j]) && data[j] != '>') j++;
                }
            }
            if (++nattrs > MAX_ATTRS) {
                if (!copying) {
                    long line = 1; /* only computed once, for the warning */
                    for (size_t k = 0; k < i; k++) line += data[k] == '\n';
                    *first_line = line;
                    dy_buf_init(&b);
                    dy_buf_reserve(&b, len);
                    copying = 1;
                }
                dy_buf_add(&b, data + flushed, attr_start - flushed);
                flushed = j; /* drop this attribute */
            }
        }
        i = j > i ? j - 1 : i;
    }
    if (!copying) return NULL;
    dy_buf_add(&b, data + flushed, len - flushed);
    *out_len = b.len;
    return b.data;
}

int dy_read_html(const char *name, const char *data, size_t len, dyad_article_fn fn, void *user,
                 dyad_diag *diag) {
    /* A page that declares another charset is decoded by libxml2 and its
     * bytes are not UTF-8 by design; otherwise bad bytes are reported and
     * read as U+FFFD, like in every other format. */
    char charset[32];
    declared_charset(data, len, charset, sizeof charset);
    char *clean = NULL;
    int utf8 = !charset[0] || !strcmp(charset, "utf-8") || !strcmp(charset, "utf8");
    if (utf8) {
        if (dy_read_check_utf8(name, data, 1, data, len, diag)) {
            clean = replace_bad_utf8(data, len, &len);
            data = clean;
        }
    }
    size_t limited_len;
    long limited_line = 0;
    char *limited = limit_attributes(data, len, &limited_len, &limited_line);
    if (limited) {
        dyad_diag_report(diag, DYAD_WARNING, name, limited_line, 0,
                         "a tag with more than %d attributes: the rest of its attributes ignored",
                         MAX_ATTRS);
        free(clean);
        clean = limited;
        data = clean;
        len = limited_len;
    }
    if (len > INT_MAX) {
        dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "HTML file larger than 2 GB; skipped");
        free(clean);
        return 0;
    }
    /* Our own parser context (not htmlReadMemory) so that we can see why
     * libxml2 stopped: past 256 levels of nesting it gives up on the rest
     * of the page, which deserves a warning rather than silence. */
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) dy_oom();
    /* Without a declaration libxml2 would assume Latin-1 (the HTML 4
     * default); pages today are UTF-8. */
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, utf8 ? "UTF-8" : NULL,
                                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (ctxt->errNo == XML_ERR_INTERNAL_ERROR)
        dyad_diag_report(diag, DYAD_WARNING, name, ctxt->input ? ctxt->input->line : 0, 0,
                         "HTML nested too deeply; the rest of the page is ignored");
    htmlFreeParserCtxt(ctxt);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "not readable as HTML; skipped");
        if (doc) xmlFreeDoc(doc);
        free(clean);
        return 0;
    }
    page pg;
    memset(&pg, 0, sizeof pg);
    survey(root, &pg);

    text_out t = {{0}, 0, 0};
    dy_buf_init(&t.out);
    if (pg.narticles) {
        for (size_t i = 0; i < pg.narticles; i++) {
            want_break(&t, 2);
            extract(pg.articles[i], &t);
        }
    } else {
        extract(pg.main_el ? pg.main_el : pg.body ? pg.body : root, &t);
    }

    char *title = node_text(pg.title);
    if (!title) title = collapse(pg.og_title);
    if (!title) title = node_text(pg.h1);
    char *url = pg.url ? pg.url : pg.canonical;
    char date[11];
    const char *date_out = NULL;
    if (pg.date && dy_read_norm_date(pg.date, strlen(pg.date), date) == 0) date_out = date;

    if (!t.out.len) {
        dyad_diag_report(diag, DYAD_WARNING, name, 0, 0, "no article text found in the HTML");
    } else {
        char id[256];
        dy_read_base_id(name, id, sizeof id);
        dyad_article a = {.id = id, .date = date_out, .title = title, .text = t.out.data,
                          .text_len = t.out.len, .url = url, .source = pg.site, .origin = name,
                          .origin_line = 1};
        fn(&a, user);
    }
    dy_buf_free(&t.out);
    free(title);
    free(pg.og_title);
    free(pg.date);
    free(pg.url);
    free(pg.canonical);
    free(pg.site);
    xmlFreeDoc(doc);
    free(clean);
    return 0;
}
