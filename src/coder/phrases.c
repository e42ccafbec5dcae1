/* Units to actor groups: the noun-phrase step of the shallow parse.
 *
 * An actor group is what a verb can take as its source or target: one
 * actor with its agent composed in ("Gondor's Prime Minister" -> GONGOV,
 * "the ambassadors of Arnor" -> ARNGOV), a pronoun resolved to an earlier
 * group, or a compound ("Dagolath and Osgiliath") whose members each give
 * an event of their own. */
#include "coder/coder.h"
#include "coder/n.h"
#include <string.h>

/* actor code + agent code, as the agent's form says (suffix by default). */
static const char *compose(const char *actor, const dy_agent_entry *agent, dy_arena *a) {
    if (!agent || !agent->code || !*agent->code) return actor;
    const char *ag = agent->code;
    while (*ag == ' ') ag++;
    size_t ng = strlen(ag);
    while (ng && ag[ng - 1] == ' ') ng--;
    if (!ng) return actor;
    if (!actor || !*actor) actor = "---";
    size_t na = strlen(actor);
    if (!agent->prefix && na >= ng && !memcmp(actor + na - ng, ag, ng)) return actor;
    if (agent->prefix && na >= ng && !memcmp(actor, ag, ng)) return actor; /* NGM~ + NGM */
    /* CAMEO never repeats a block: "Hezbollah fighters" is LBNREBHEZ, not
     * LBNREBHEZREB (our own sets; the peers' records keep their own way) */
    if (agent->family == DY_FAM_NATIVE && n_code_has_block(actor, ag, ng)) return actor;
    char *out = dy_arena_alloc(a, na + ng + 1);
    if (agent->prefix) {
        memcpy(out, ag, ng);
        memcpy(out + ng, actor, na + 1);
    } else {
        memcpy(out, actor, na);
        memcpy(out + na, ag, ng);
        out[na + ng] = 0;
    }
    return out;
}

typedef struct {
    dy_member *m;
    uint32_t n, cap;
} member_list;

static void push_member(member_list *l, dy_arena *a, const dy_member *m) {
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 4;
        dy_member *nm = dy_arena_alloc(a, cap * sizeof *nm);
        if (l->n) memcpy(nm, l->m, l->n * sizeof *nm);
        l->m = nm;
        l->cap = cap;
    }
    l->m[l->n++] = *m;
}

/* One actor unit may carry several codes ("ELR/GAL"): each is a member. */
static void add_actor(member_list *l, dy_arena *a, const dy_unit *actor, const dy_agent_entry *agent,
                      dyad_span span) {
    const char *codes = actor ? (actor->actor ? actor->actor->code : NULL) : "---";
    if (!codes) return;
    /* a null actor ("BOROMIR [---]") names nobody unless an agent says who */
    if (actor && actor->actor && (actor->actor->flags & DY_ACODE_NULL) && !agent) return;
    const char *p = codes;
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        while (len && p[len - 1] == ' ') len--;
        while (len && *p == ' ') p++, len--;
        if (len) {
            dy_member m = {0};
            m.code = compose(dy_arena_strndup(a, p, len), agent, a);
            m.span = span;
            m.actor = actor ? actor->actor : NULL;
            m.agent = agent;
            push_member(l, a, &m);
        }
        if (!slash) break;
        p = slash + 1;
    }
}

static dyad_span units_span(const dy_sentence_parse *s, size_t u0, size_t u1) {
    dyad_span sp = {s->tok[s->u[u0].t0].start, s->tok[s->u[u1 - 1].t1 - 1].end};
    return sp;
}

static int norm_is(const dy_token *t, const char *w) {
    size_t n = strlen(w);
    return t->norm_len == n && !memcmp(t->norm, w, n);
}

static int is_plain(const dy_unit *x) {
    return x->kind == DY_U_WORD && x->fw == DY_FW_NONE && !x->possessive;
}

/* "about 30", "around 200": a count, not a preposition (native). */
static int approximate_count(const dy_sentence_parse *s, size_t k) {
    static const char *const words[] = {"about", "around", "over", "nearly", "almost", "some", "roughly"};
    if (s->family != DY_FAM_NATIVE || k + 1 >= s->nu || s->u[k].kind != DY_U_WORD ||
        s->tok[s->u[k + 1].t0].kind != DY_TOK_NUMBER)
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (norm_is(&s->tok[s->u[k].t0], words[i])) return 1;
    return 0;
}

static void mark_pp(dy_sentence_parse *s, dy_group *g) {
    size_t k = g->u0;
    while (k > 0 && s->u[k - 1].kind == DY_U_WORD && s->u[k - 1].fw == DY_FW_DET) k--;
    size_t reach = s->family == DY_FAM_NATIVE ? 4 : 3; /* "about 30 armed militants" */
    while (k > 0 && (is_plain(&s->u[k - 1]) || approximate_count(s, k - 1)) && k + reach > g->u0) k--;
    if (k == 0) return;
    const dy_unit *p = &s->u[k - 1];
    if (p->kind != DY_U_WORD) return;
    if (s->family == DY_FAM_NATIVE && n_pp_is_np(s, k - 1, g->u1)) return;
    /* native: "when", "while", "because" ... open a clause, never a phrase
     * ("when unidentified assailants attacked them": the assailants act);
     * "after", "before", "since" may be either */
    if (s->family == DY_FAM_NATIVE && n_pure_subordinator(s, k - 1)) return;
    if (p->fw == DY_FW_PREP || p->fw == DY_FW_OF || p->fw == DY_FW_TO || p->fw == DY_FW_BY ||
        p->fw == DY_FW_SUB)
        g->in_pp = 1;
    if (p->fw == DY_FW_BY) g->by_pp = 1;
}

/* The group a pronoun stands for. TABARI's rule, which also suits news
 * prose best: the first actor of the sentence that is not inside a
 * prepositional phrase ("Elrond urged Bree to wait and Gondor asked him":
 * him = Elrond), else the first of any kind, else what the previous
 * sentences left. */
static int resolve_pronoun(const dy_group *g, size_t ng, const dy_context *ctx,
                           const dy_member **m, uint32_t *nm) {
    for (size_t k = 0; k < ng; k++)
        if (!g[k].in_pp && g[k].nm) {
            *m = g[k].m;
            *nm = g[k].nm;
            return 1;
        }
    for (size_t k = 0; k < ng; k++)
        if (g[k].nm) {
            *m = g[k].m;
            *nm = g[k].nm;
            return 1;
        }
    if (ctx && ctx->nm) {
        *m = ctx->m;
        *nm = ctx->nm;
        return 1;
    }
    return 0;
}

/* TABARI: two actors with only <ADJECTIVE> words between them ("the evil
 * Arnor awful Gondor") are read as a list. */
static int tabari_adjective_link(const dy_sentence_parse *s, size_t a, size_t b) {
    if (s->family != DY_FAM_TABARI || b <= a) return 0;
    for (size_t k = a; k < b; k++) {
        const dy_unit *x = &s->u[k];
        const dy_class_entry *ce;
        if (x->kind != DY_U_WORD || x->fw != DY_FW_NONE ||
            !dy_dict_class_match(s->d, DY_CLASS_ADJECTIVE, s->dt, s->ntok, x->t0, &ce))
            return 0;
    }
    return 1;
}

/* Units strictly between two groups that make them one compound: a comma
 * or a conjunction (or both), then perhaps a determiner and adjectives
 * ("and the evil awful Gondor"). */
static int is_link(const dy_sentence_parse *s, size_t a, size_t b, int *has_conj) {
    *has_conj = 0;
    if (b <= a || b - a > 6) return 0;
    int commas = 0, conj = 0;
    size_t k = a;
    for (; k < b; k++) {
        const dy_unit *x = &s->u[k];
        if (x->kind == DY_U_COMMA && !commas && !conj) commas++;
        else if (x->kind == DY_U_WORD && x->fw == DY_FW_CONJ && !conj) conj++;
        else break;
    }
    if (!commas && !conj) return (*has_conj = tabari_adjective_link(s, a, b));
    for (; k < b; k++) {
        const dy_unit *x = &s->u[k];
        if (!(x->kind == DY_U_WORD && (x->fw == DY_FW_DET || is_plain(x)))) return 0;
    }
    *has_conj = conj;
    return 1;
}

/* With PETRARCH and native semantics an agent written once covers the whole
 * list: "the ambassadors of A, B and C" are three ambassadors. TABARI
 * gives the agent to the first actor only. */
static void spread_agent(dy_sentence_parse *s, dy_group *first, member_list *l, dy_arena *a) {
    if (s->family == DY_FAM_TABARI || !first->nm) return;
    /* "Danish media and government": a bare agent in a list is of the list's actor */
    const dy_actor_code *lead = first->m[0].actor;
    if (lead && !strchr(lead->code, '/'))
        for (uint32_t q = 1; q < l->n; q++)
            if (!l->m[q].actor && l->m[q].agent) {
                l->m[q].code = compose(lead->code, l->m[q].agent, a);
                l->m[q].actor = lead;
            }
    if (!first->agent_of || !first->m[0].agent) return;
    const dy_agent_entry *ag = first->m[0].agent;
    for (uint32_t q = first->nm; q < l->n; q++)
        if (!l->m[q].agent) {
            l->m[q].code = compose(l->m[q].code, ag, a);
            l->m[q].agent = ag;
        }
}

/* PETRARCH-2: an agent after the last actor of a list is every bare
 * country's in it ("US and British activists": both are activists). */
static void spread_last_agent(const dy_sentence_parse *s, const dy_group *last, member_list *l, dy_arena *a) {
    if ((s->family != DY_FAM_PETRARCH2 && s->family != DY_FAM_NATIVE) || !last->nm || last->agent_of) return;
    const dy_agent_entry *ag = last->m[last->nm - 1].agent;
    if (!ag || s->u[last->u0].kind != DY_U_ACTOR) return;
    for (uint32_t q = 0; q + last->nm < l->n; q++)
        if (!l->m[q].agent && l->m[q].actor && strlen(l->m[q].code) == 3) {
            l->m[q].code = compose(l->m[q].code, ag, a);
            l->m[q].agent = ag;
        }
}

static void link_compounds(dy_sentence_parse *s, dy_arena *a) {
    if (s->ng < 2) return;
    dy_group *out = dy_arena_alloc(a, s->ng * sizeof *out);
    size_t no = 0;
    for (size_t k = 0; k < s->ng;) {
        size_t last_conj = k;
        int conj;
        for (size_t j = k; j + 1 < s->ng && is_link(s, s->g[j].u1, s->g[j + 1].u0, &conj); j++)
            if (conj) last_conj = j + 1;
        /* A comma alone is apposition unless a conjunction closes the list. */
        size_t end = last_conj;
        if (end == k) {
            out[no++] = s->g[k];
            k++;
            continue;
        }
        member_list l = {0};
        for (size_t j = k; j <= end; j++)
            for (uint32_t q = 0; q < s->g[j].nm; q++) push_member(&l, a, &s->g[j].m[q]);
        spread_agent(s, &s->g[k], &l, a);
        spread_last_agent(s, &s->g[end], &l, a);
        dy_group merged = s->g[k];
        merged.u1 = s->g[end].u1;
        merged.m = l.m;
        merged.nm = l.n;
        out[no++] = merged;
        k = end + 1;
    }
    s->g = out;
    s->ng = no;
}

static dy_group *new_group(dy_group *g, size_t *ng, size_t u0, size_t u1, member_list *l) {
    dy_group *gr = &g[(*ng)++];
    memset(gr, 0, sizeof *gr);
    gr->u0 = (uint32_t)u0;
    gr->u1 = (uint32_t)u1;
    gr->m = l->m;
    gr->nm = l->n;
    return gr;
}

/* CAMEO codes former office holders as elites: "former security officials"
 * is ELI, whatever the office (TABARI's FORMER conversion). */
static const dy_agent_entry former_agent = {"~ELI", "ELI", 0, DY_FAM_TABARI, "(FORMER rule)", 0};

static int former_in(const dy_sentence_parse *s, size_t from, size_t to) {
    for (size_t k = from; k < to && k < s->nu; k++)
        if (s->u[k].kind == DY_U_WORD && norm_is(&s->tok[s->u[k].t0], "former")) return 1;
    return 0;
}

/* A lone agent word used as a modifier: "a military parade", "state media
 * outlets" — followed by a plain word (units.c has already turned "a
 * military parade" from a verb into a noun). (PETRARCH
 * and native sets; PETRARCH-1 writes such agents as ---MIL, so it keeps them.) */
/* Native: nouns naming a post, vehicle or unit of the agent before them:
 * "attacked a police post" is an attack on the police, as CAMEO codes
 * it, while "police reform" names nobody. Not "station": "a village
 * under Nauhatta Police Station" names a district, not its police. */
static int post_of_agent(const dy_token *t) {
    static const char *const nouns[] = {"post", "posts", "checkpoint", "checkpoints",
                                        "camp", "camps", "base", "bases", "convoy", "convoys", "patrol",
                                        "patrols", "headquarters", "barracks", "outpost", "outposts",
                                        "vehicle", "vehicles", "van", "jeep", "picket", "pickets"};
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
        if (norm_is(t, nouns[i])) return 1;
    return 0;
}

static int modifier_use(const dy_sentence_parse *s, size_t next) {
    if (s->family == DY_FAM_PETRARCH1 || next >= s->nu) return 0;
    const dy_unit *x = &s->u[next];
    if (s->family == DY_FAM_NATIVE && x->kind == DY_U_WORD && x->t1 == x->t0 + 1 && post_of_agent(&s->tok[x->t0]))
        return 0;
    return x->kind == DY_U_WORD && x->fw == DY_FW_NONE && !x->possessive;
}

/* Is the agent at unit i the one of a possessive pronoun before it ("its
 * foreign minister"), as pronoun_groups reads it? */
static int after_possessive(const dy_sentence_parse *s, size_t i) {
    size_t k = i;
    while (k > 0 && k + 3 > i && is_plain(&s->u[k - 1])) k--;
    return k > 0 && s->u[k - 1].kind == DY_U_PRONOUN && s->u[k - 1].fw == DY_FW_POSSPRON;
}

/* Is there a verb before unit i (the phrase at i is then an object)? */
static int verb_before(const dy_sentence_parse *s, size_t i) {
    for (size_t k = 0; k < i; k++)
        if (s->u[k].kind == DY_U_VERB) return 1;
    return 0;
}

/* Native: after an actor, at unit j, one or two lower-case modifiers and
 * then an agent that ends its noun phrase ("the Venezuelan state oil
 * company")? The agent's unit, 0 when not. */
static size_t modifier_agent(const dy_sentence_parse *s, size_t j) {
    size_t k = j;
    while (k < s->nu && k < j + 2 && is_plain(&s->u[k]) && s->tok[s->u[k].t0].kind == DY_TOK_WORD &&
           !(s->tok[s->u[k].t0].flags & (DY_TOKF_CAPITAL | DY_TOKF_AFTER_ASIDE)))
        k++;
    if (k == j || k >= s->nu || s->u[k].kind != DY_U_AGENT || (s->tok[s->u[k].t0].flags & DY_TOKF_AFTER_ASIDE))
        return 0;
    return modifier_use(s, k + 1) ? 0 : k;
}

/* A further agent right after a phrase adds its block to every member.
 * Native: CAMEO's CVL is the catch-all for people with no other role, so
 * it adds nothing to a member that has one ("Sunni residents" MOSSUN). */
static void stack_agent(const dy_sentence_parse *s, member_list *l, const dy_agent_entry *ag, dy_arena *a) {
    for (uint32_t q = 0; q < l->n; q++) {
        if (s->family == DY_FAM_NATIVE && l->m[q].agent && ag->code && !strcmp(ag->code, "CVL")) continue;
        l->m[q].code = compose(l->m[q].code, ag, a);
        l->m[q].agent = ag;
    }
}

/* Pass 1: actors with their agents, and agents with their actors. */
static void actor_groups(dy_sentence_parse *s, const dy_context *ctx, dy_arena *a) {
    dy_unit *u = s->u;
    size_t nu = s->nu;
    dy_group *g = dy_arena_alloc(a, (nu + 1) * sizeof *g);
    size_t ng = 0;
    for (size_t i = 0; i < nu;) {
        dy_unit *x = &u[i];
        member_list l = {0};
        size_t j = i + 1;
        int agent_of = 0;
        if (x->kind == DY_U_ACTOR) {
            const dy_agent_entry *agent = NULL;
            /* "Arnor former security officials": the agent after "former" */
            if (j + 1 < nu && u[j + 1].kind == DY_U_AGENT && former_in(s, j, j + 1) &&
                !(s->tok[u[j].t0].flags & DY_TOKF_AFTER_ASIDE)) {
                agent = u[j + 1].agent;
                j += 2;
            } else if (j < nu && u[j].kind == DY_U_AGENT && !(s->tok[u[j].t0].flags & DY_TOKF_AFTER_ASIDE)) {
                agent = u[j].agent;
                j++;
            } else if (j < nu && u[j].possessive) {
                size_t k = j + 1;
                while (k < nu && k < j + 4 && is_plain(&u[k])) k++;
                /* native: "denounced Hungary's new media law" is a law, no
                 * media; as the subject, the word after is more likely its
                 * verb ("Freedonia's president arrived") */
                if (k < nu && u[k].kind == DY_U_AGENT &&
                    !(s->family == DY_FAM_NATIVE && verb_before(s, i) && modifier_use(s, k + 1))) {
                    agent = u[k].agent;
                    j = k + 1;
                }
            } else if (s->family == DY_FAM_NATIVE) {
                size_t k = n_title_agent(s, j);
                if (!k) k = modifier_agent(s, j);
                if (k) {
                    agent = u[k].agent;
                    j = k + 1;
                }
            }
            if (agent && j < nu && u[j].kind == DY_U_ACTOR) {
                /* the agent's name; TABARI codes "Dagolath's Prime Minister
                 * Telemar" as the first actor alone when the name is an actor too */
                if (s->family == DY_FAM_TABARI && u[i + 1].possessive) agent = NULL;
                j++;
            }
            if (agent && former_in(s, i > 0 ? i - 1 : i, j)) agent = &former_agent;
            /* an actor coded ### / +++ discards the sentence or makes it complex in
             * TABARI; PETRARCH reads the code as any other ("### is not a
             * discard code in PETR") */
            unsigned fl = x->actor ? x->actor->flags : 0;
            int peer_petrarch = s->family == DY_FAM_PETRARCH1 || s->family == DY_FAM_PETRARCH2;
            if ((fl & DY_ACODE_DISCARD) && !peer_petrarch) s->discard = 1;
            else if ((fl & DY_ACODE_COMPLEX) && !peer_petrarch) s->complex = 1;
            else add_actor(&l, a, x, agent, units_span(s, i, j));
        } else if (x->kind == DY_U_AGENT && s->family == DY_FAM_NATIVE && after_possessive(s, i)) {
            /* "its ambassador from X": the pronoun's agent (pass 2), not X's */
            i++;
            continue;
        } else if (x->kind == DY_U_AGENT) {
            const dy_unit *actor = NULL;
            /* native: "Sunni residents from X": stacked agents, then their actor */
            size_t stack0 = j, stack1 = j;
            while (s->family == DY_FAM_NATIVE && stack1 < nu && u[stack1].kind == DY_U_AGENT && u[stack1].agent &&
                   !(s->tok[u[stack1].t0].flags & DY_TOKF_AFTER_ASIDE))
                stack1++;
            if (stack1 > stack0 && stack1 + 1 < nu && u[stack1].kind == DY_U_WORD &&
                (u[stack1].fw == DY_FW_OF || norm_is(&s->tok[u[stack1].t0], "from") ||
                 norm_is(&s->tok[u[stack1].t0], "in")))
                j = stack1;
            else
                stack1 = stack0;
            if (j < nu && u[j].kind == DY_U_ACTOR) {
                actor = &u[j];
                j++;
            } else if (j + 1 < nu && u[j].kind == DY_U_WORD &&
                       (u[j].fw == DY_FW_OF || norm_is(&s->tok[u[j].t0], "from") ||
                        norm_is(&s->tok[u[j].t0], "in")) &&
                       !(s->family == DY_FAM_NATIVE && norm_is(&s->tok[u[j].t0], "from") && i > 0 &&
                         u[i - 1].kind == DY_U_VERB)) {
                /* native: a bare object right after its verb with "from" is
                 * moved from there ("bought fighter jets from X", "withdrew
                 * troops from X"), not X's own */
                size_t k = j + 1;
                if (k < nu && u[k].kind == DY_U_WORD && u[k].fw == DY_FW_DET) k++;
                /* PETRARCH-2 and native: "the mayor of the northern West Bank" */
                int news = s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE;
                for (size_t adj = 0; news && adj < 2 && k + 1 < nu && is_plain(&u[k]); adj++) k++;
                if (k < nu && u[k].kind == DY_U_ACTOR) {
                    actor = &u[k];
                    j = k + 1;
                    agent_of = 1;
                    /* "leaders of Egypt's Muslim Brotherhood": the actor's own agent follows */
                    if (news && j + 1 < nu && u[j].possessive && u[j + 1].kind == DY_U_AGENT) j++;
                }
            }
            if (!actor) j = stack1 = stack0; /* stacked agents with no actor: read as before */
            int definite = i > 0 && u[i - 1].kind == DY_U_WORD && u[i - 1].fw == DY_FW_DET &&
                           norm_is(&s->tok[u[i - 1].t0], "the");
            const dy_agent_entry *ag = x->agent;
            if (former_in(s, i > 0 ? i - 1 : i, i + 1)) ag = &former_agent;
            if (actor) {
                add_actor(&l, a, actor, ag, units_span(s, i, j));
                for (size_t k = stack0; k < stack1; k++) stack_agent(s, &l, u[k].agent, a);
            } else if (s->family == DY_FAM_NATIVE && definite && ctx && ctx->nm == 1 && ctx->m[0].actor &&
                       !strchr(ctx->m[0].actor->code, '/')) {
                /* "the president": of the country the article is about */
                dy_member m = ctx->m[0];
                m.code = compose(m.actor->code, x->agent, a);
                m.agent = x->agent;
                m.span = units_span(s, i, j);
                push_member(&l, a, &m);
            } else if (s->family != DY_FAM_TABARI && !modifier_use(s, j)) {
                add_actor(&l, a, NULL, x->agent, units_span(s, i, j));
            } else if (s->convert_agents && x->agent) {
                /* TABARI "SET: CONVERT AGENT": a lone agent is coded as written ("~MOS") */
                dy_member m = {0};
                m.code = x->agent->text;
                m.span = units_span(s, i, j);
                m.agent = x->agent;
                push_member(&l, a, &m);
            }
        } else {
            i++;
            continue;
        }
        /* "An MSF Arnor diplomat", "the Gondor main opposition group": more
         * agents right after the phrase add their codes too */
        while (l.n && j < nu && u[j].kind == DY_U_AGENT && u[j].agent &&
               !(s->tok[u[j].t0].flags & DY_TOKF_AFTER_ASIDE)) {
            stack_agent(s, &l, u[j].agent, a);
            j++;
        }
        if (l.n) {
            dy_group *gr = new_group(g, &ng, i, j, &l);
            gr->agent_of = agent_of;
            s->g = g;
            mark_pp(s, gr);
        }
        i = j;
    }
    s->g = g;
    s->ng = ng;
}

/* Add a group over units [u0, u1) keeping the groups in text order. */
static void insert_group(dy_sentence_parse *s, dy_arena *a, size_t u0, size_t u1, member_list *l) {
    dy_group *g = dy_arena_alloc(a, (s->ng + 1) * sizeof *g);
    size_t k = 0, n = 0;
    while (k < s->ng && s->g[k].u0 < u0) g[n++] = s->g[k++];
    dy_group *gr = new_group(g, &n, u0, u1, l);
    mark_pp(s, gr);
    while (k < s->ng) g[n++] = s->g[k++];
    s->g = g;
    s->ng = n;
}

/* Nouns that, after "the two", stand for a pair named earlier. */
static int pair_noun(const dy_token *t) {
    static const char *const nouns[] = {"countries", "nations", "sides", "governments", "states",
                                        "leaders", "neighbours", "neighbors", "capitals", "allies"};
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
        if (norm_is(t, nouns[i])) return 1;
    return 0;
}

/* Pass 1b (native dictionaries): definite descriptions. "the two
 * countries" is the last compound named; "the president" (an agent with no
 * actor, after "the") is the agent of the actor the article is about. */
static void description_groups(dy_sentence_parse *s, const dy_context *ctx, dy_arena *a) {
    if (s->family != DY_FAM_NATIVE) return;
    dy_unit *u = s->u;
    for (size_t i = 0; i + 2 < s->nu; i++) {
        if (!(u[i].kind == DY_U_WORD && u[i].fw == DY_FW_DET && norm_is(&s->tok[u[i].t0], "the")))
            continue;
        if (u[i + 1].kind == DY_U_WORD && norm_is(&s->tok[u[i + 1].t0], "two") &&
            u[i + 2].kind == DY_U_WORD && pair_noun(&s->tok[u[i + 2].t0])) {
            const dy_member *pm = NULL;
            uint32_t pn = 0;
            for (size_t k = 0; k < s->ng && s->g[k].u0 < i; k++)
                if (s->g[k].nm > 1) pm = s->g[k].m, pn = s->g[k].nm;
            if (!pn && ctx && ctx->npair) pm = ctx->pair, pn = ctx->npair;
            if (!pn) continue;
            member_list l = {0};
            for (uint32_t q = 0; q < pn; q++) {
                dy_member m = pm[q];
                m.span = units_span(s, i + 1, i + 3);
                push_member(&l, a, &m);
            }
            insert_group(s, a, i + 1, i + 3, &l);
        }
    }
    (void)ctx;
}

/* "him", "her", "them" right after a verb: the verb's object. */
static int object_pronoun(const dy_sentence_parse *s, size_t i) {
    const dy_token *t = &s->tok[s->u[i].t0];
    return i > 0 && s->u[i - 1].kind == DY_U_VERB &&
           (norm_is(t, "him") || norm_is(t, "her") || norm_is(t, "them"));
}

static int same_members(const dy_member *a, uint32_t na, const dy_member *b, uint32_t nb) {
    if (na != nb) return 0;
    for (uint32_t k = 0; k < na; k++)
        if (strcmp(a[k].code, b[k].code)) return 0;
    return 1;
}

/* Pass 2: pronouns, resolved against the compounds already linked. A
 * possessive pronoun is an actor only with an agent after it ("its foreign
 * minister"); "welcomed their resumption" names nobody new. */
static void pronoun_groups(dy_sentence_parse *s, const dy_context *ctx, dy_arena *a) {
    dy_unit *u = s->u;
    size_t nu = s->nu;
    dy_group *g = dy_arena_alloc(a, (s->ng + nu + 1) * sizeof *g);
    size_t ng = 0, next = 0;
    for (size_t i = 0; i < nu; i++) {
        while (next < s->ng && s->g[next].u0 <= i) g[ng++] = s->g[next++];
        dy_unit *x = &u[i];
        if (x->kind != DY_U_PRONOUN) continue;
        size_t j = i + 1;
        const dy_agent_entry *agent = NULL;
        if (x->fw == DY_FW_POSSPRON) {
            size_t k = j;
            while (k < nu && k < j + 3 && is_plain(&u[k])) k++;
            if (k < nu && u[k].kind == DY_U_AGENT) {
                agent = u[k].agent;
                j = k + 1;
            } else {
                continue; /* "welcomed their resumption" names nobody new */
            }
        }
        const dy_member *pm;
        uint32_t pn;
        if (!resolve_pronoun(g, ng, ctx, &pm, &pn)) continue;
        /* native: "Xi welcomed him": an object pronoun right after its verb
         * is not that verb's subject; the actor the previous sentences left */
        if (s->family == DY_FAM_NATIVE && object_pronoun(s, i) && ctx && ctx->nm && ng &&
            same_members(pm, pn, g[ng - 1].m, g[ng - 1].nm) && !same_members(pm, pn, ctx->m, ctx->nm)) {
            pm = ctx->m;
            pn = ctx->nm;
        }
        member_list l = {0};
        for (uint32_t q = 0; q < pn; q++) {
            dy_member m = pm[q];
            if (agent) {
                /* native: "the armies ... its citizens" are the country's
                 * citizens, not the armies' (the actor's own code, not the
                 * agent the pronoun's antecedent carried) */
                const char *base = s->family == DY_FAM_NATIVE && m.actor && !strchr(m.actor->code, '/')
                                       ? m.actor->code
                                       : m.code;
                m.code = compose(base, agent, a);
                m.agent = agent;
            }
            m.span = units_span(s, i, j);
            push_member(&l, a, &m);
        }
        dy_group *gr = new_group(g, &ng, i, j, &l);
        gr->pronoun = 1;
        mark_pp(s, gr);
        i = j - 1;
    }
    while (next < s->ng) g[ng++] = s->g[next++];
    s->g = g;
    s->ng = ng;
}

void dy_groups_build(dy_sentence_parse *s, const dy_context *ctx, dy_arena *a) {
    s->complex = 0;
    actor_groups(s, ctx, a);
    link_compounds(s, a);
    description_groups(s, ctx, a);
    pronoun_groups(s, ctx, a);
    for (size_t k = 0; k < s->nu; k++) s->u[k].group = -1;
    s->group_start = dy_arena_alloc(a, (s->ntok + 1) * sizeof *s->group_start);
    s->group_end = dy_arena_alloc(a, (s->ntok + 1) * sizeof *s->group_end);
    for (size_t t = 0; t <= s->ntok; t++) s->group_start[t] = s->group_end[t] = -1;
    for (size_t k = 0; k < s->ng; k++) {
        for (uint32_t q = s->g[k].u0; q < s->g[k].u1; q++) s->u[q].group = (int)k;
        s->group_start[s->u[s->g[k].u0].t0] = (int)k;
        s->group_end[s->u[s->g[k].u1 - 1].t1 - 1] = (int)k;
    }
}
