/* Splitting a CAMEO actor code into GDELT's actor fields.
 *
 * The block lists below are written for this project: ISO 3166-1 alpha-3
 * country codes plus the legacy codes CAMEO kept, CAMEO's region codes and
 * special places, the CAMEO role/type codes, the religion codes and the
 * organisation ("known group") blocks most often seen in CAMEO dictionaries.
 * They hold codes only, no labels. Each list is one string of 3-letter
 * blocks scanned with a stride of three: this runs only when a GDELT row is
 * formatted, and a few hundred byte compares cost less than building an
 * index would. */
#include "cameo/cameo.h"

#include <string.h>

static const char country_blocks[] =
    /* ISO 3166-1 alpha-3 */
    "AFGALAALBDZAASMANDAGOAIAATAATGARGARMABWAUSAUTAZEBHSBHRBGDBRBBLRBELBLZBENBMUBTNBOL"
    "BESBIHBWABVTBRAIOTBRNBGRBFABDICPVKHMCMRCANCYMCAFTCDCHLCHNCXRCCKCOLCOMCOGCODCOKCRI"
    "CIVHRVCUBCUWCYPCZEDNKDJIDMADOMECUEGYSLVGNQERIESTSWZETHFLKFROFJIFINFRAGUFPYFATFGAB"
    "GMBGEODEUGHAGIBGRCGRLGRDGLPGUMGTMGGYGINGNBGUYHTIHMDVATHNDHKGHUNISLINDIDNIRNIRQIRL"
    "IMNISRITAJAMJPNJEYJORKAZKENKIRPRKKORKWTKGZLAOLVALBNLSOLBRLBYLIELTULUXMACMDGMWIMYS"
    "MDVMLIMLTMHLMTQMRTMYTMEXFSMMDAMCOMNGMNEMSRMARMOZMMRNAMNRUNPLNLDNCLNZLNICNERNGA"
    "NIUNFKMKDMNPNOROMNPAKPLWPSEPANPNGPRYPERPHLPCNPOLPRTPRIQATREUROURUSRWABLMSHNKNALCA"
    "MAFSPMVCTWSMSMRSTPSAUSENSRBSYCSLESGPSXMSVKSVNSLBSOMZAFSGSSSDESPLKASDNSURSJMSWECHE"
    "SYRTWNTJKTZATHATLSTGOTKLTONTTOTUNTURTKMTCATUVUGAUKRAREGBRUSAUMIURYUZBVUTVENVNMVGB"
    "VIRWLFESHYEMZMBZWE"
    /* legacy country codes still used by CAMEO dictionaries and GDELT */
    "ROMTMPMTNIMYANTSCGYUGZARKSV"
    /* regions */
    "AFRASABLKCRBCAUCFRCASCEUEINEAFEEUEURLAMMEAMDTNAFNMRPGSSCNSAMSASSEASAFWAFWST"
    /* sub-state places coded like countries */
    "WSBBAGGZS";

/* Mauritius (MUS) is left out on purpose: PETRARCH/Phoenix dictionaries use
 * MUS for "Muslim" inside codes (REBMUS, IMGMUSALQ); see block_kind. */

static const char type_blocks[] =
    "COPGOVINSJUDMILOPPREBSEPSPYUAFAGRBUSCRMCVLDEVEDUELIENVHLHHRILABLEGMEDREFMODRAD"
    "AMNIRCGRPUNOPKOUISIGOIMGINTMNCNGMNGOSET";

static const char religion_blocks[] =
    "ADRALEATHBAHBUDCHRCONCPTCTHDOXDRZHINHSDITRJANJEWJHWLDSMOSMRNNRMPAGPROSFISHISHN"
    "SIKSUNTAOUDXZRO";

/* Organisation blocks. UNO, AMN and IRC are also in GDELT's type list;
 * GDELT's rows show them as known groups (IGOUNO -> known group UNO), and
 * known groups are tested before types. */
static const char known_group_blocks[] =
    "UNOAMNIRCNATEECARLASNGCCOPCSCEOASWASIMFWBKWTOIAEICJICCILOWFPWHOFAOHCRHCHKIDHRWMSFCRCRCR"
    "XFMALQHMSHEZTALFTAPLOMBRBTHCMNLKDLBAMRZSHAPFLDFLISJAAMPLSCISCOECWNGOSGOEOAUOIC"
    "SADADBAFBIDBWCTITPIOMIPUWEFNONPRCEBREFTAMUAPEKDPIAFFISGIAFLNENNMSPPMDRNDGSP";

static int in_list(const char *list, size_t list_len, const char block[3]) {
    for (size_t i = 0; i + 3 <= list_len; i += 3)
        if (list[i] == block[0] && list[i + 1] == block[1] && list[i + 2] == block[2]) return 1;
    return 0;
}

#define IN(list, b) in_list(list, sizeof list - 1, b)

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }

dy_block_kind dy_actor_block_kind(const char block[3]) {
    if (is_lower(block[0]) && is_lower(block[1]) && is_lower(block[2])) return DY_BLOCK_ETHNIC;
    if (!is_upper(block[0]) || !is_upper(block[1]) || !is_upper(block[2])) return DY_BLOCK_UNKNOWN;
    /* Country, known group, religion, type: the order GDELT's rows imply.
     * The only collision with a country is SHN (Saint Helena / Shinto),
     * where the country wins. */
    if (IN(country_blocks, block)) return DY_BLOCK_COUNTRY;
    if (IN(known_group_blocks, block)) return DY_BLOCK_KNOWN_GROUP;
    if (IN(religion_blocks, block)) return DY_BLOCK_RELIGION;
    if (IN(type_blocks, block)) return DY_BLOCK_TYPE;
    if (!memcmp(block, "MUS", 3)) return DY_BLOCK_RELIGION;
    return DY_BLOCK_UNKNOWN;
}

static void put_block(char dst[4], const char *src) {
    memcpy(dst, src, 3);
    dst[3] = '\0';
}

int dy_actor_split(const char *code, dy_actor_parts *out) {
    memset(out, 0, sizeof *out);
    if (!code) return 0;
    size_t len = strlen(code);
    int recognised = 0;
    for (size_t i = 0; i + 3 <= len; i += 3) {
        const char *b = code + i;
        dy_block_kind kind = dy_actor_block_kind(b);
        /* Phoenix writes MUS for Muslim; GDELT's religion field says MOS. */
        const char *rel = !memcmp(b, "MUS", 3) ? "MOS" : b;
        switch (kind) {
        case DY_BLOCK_COUNTRY:
            if (!out->country[0]) put_block(out->country, b);
            break;
        case DY_BLOCK_KNOWN_GROUP:
            if (!out->known_group[0]) put_block(out->known_group, b);
            break;
        case DY_BLOCK_ETHNIC:
            if (!out->ethnic[0]) put_block(out->ethnic, b);
            break;
        case DY_BLOCK_RELIGION:
            if (!out->religion1[0]) put_block(out->religion1, rel);
            else if (!out->religion2[0]) put_block(out->religion2, rel);
            break;
        case DY_BLOCK_TYPE:
            if (!out->type1[0]) put_block(out->type1, b);
            else if (!out->type2[0]) put_block(out->type2, b);
            else if (!out->type3[0]) put_block(out->type3, b);
            break;
        case DY_BLOCK_UNKNOWN:
            continue;
        }
        recognised++;
    }
    return recognised;
}
