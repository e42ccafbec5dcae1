/* CAMEO helpers beyond the public dyad_cameo_lookup: event-code structure
 * (root, base, validity) and the splitting of actor codes into the parts
 * GDELT reports separately. Codes are always strings: "010" and "10" are
 * different codes, so nothing here converts a code to a number. */
#ifndef DY_CAMEO_H
#define DY_CAMEO_H
#include "dyad.h"
#include <stddef.h>

/* Number of entries in the event-code table, and entry i (sorted by strcmp). */
size_t dy_cameo_count(void);
const dyad_cameo_code *dy_cameo_at(size_t i);

/* 1 when code is one of the CAMEO event codes in the table. */
int dy_cameo_is_valid(const char *code);

/* GDELT quad class of a root 1..20, or 0 outside that range. */
int dy_cameo_quad_of_root(int root);

/* Root code: the first two digits ("042" -> "04"). Returns 0, or -1 (and
 * root = "") when code does not start with two digits. */
int dy_cameo_root(const char *code, char root[3]);

/* GDELT EventBaseCode: the first three digits, or the code itself for a
 * two-digit root ("0211" -> "021", "04" -> "04"). Returns 0 or -1. */
int dy_cameo_base(const char *code, char base[5]);

/* An actor code broken into the fields of a GDELT event row. Each field is
 * one 3-character block ("" when absent). */
typedef struct {
    char country[4];
    char known_group[4];
    char ethnic[4];
    char religion1[4];
    char religion2[4];
    char type1[4], type2[4], type3[4];
} dy_actor_parts;

/* Split an actor code ("PRKGOV", "IGOUNOREFHCR", "MOSSHI", "USAkur") into
 * its parts, GDELT style: each block is looked up as country/region, known
 * group, religion or role/type (lower-case blocks are ethnic codes); the
 * first block of each kind fills its slot, later ones fill the next slot
 * (type1..3, religion1..2) or are dropped. Unknown blocks and a trailing
 * partial block are ignored. Returns the number of blocks recognised. */
int dy_actor_split(const char *code, dy_actor_parts *out);

/* Which kind a single 3-character block is; for tests and diagnostics. */
typedef enum {
    DY_BLOCK_UNKNOWN = 0,
    DY_BLOCK_COUNTRY,     /* ISO-3166 alpha-3, CAMEO legacy country, region or special place */
    DY_BLOCK_KNOWN_GROUP, /* organisation block: UNO, NAT, ALQ ... */
    DY_BLOCK_RELIGION,
    DY_BLOCK_TYPE,        /* role/type: GOV, MIL, ... and the international generics */
    DY_BLOCK_ETHNIC       /* any lower-case block */
} dy_block_kind;

dy_block_kind dy_actor_block_kind(const char block[3]);

#endif
