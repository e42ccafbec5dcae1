/* The dyad command line: one file per subcommand, each a thin layer that
 * parses options and calls the library. Exit status: 0 all good, 1 some
 * input was bad (reported, the rest processed), 2 usage error or an input
 * that could not be opened at all. */
#ifndef DY_CLI_H
#define DY_CLI_H

enum { DY_EXIT_OK = 0, DY_EXIT_BAD_INPUT = 1, DY_EXIT_USAGE = 2 };

int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_split(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif
