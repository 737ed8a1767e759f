#!/bin/sh
# Writes a help2man include file (section SUBCOMMANDS) holding the --help of each subcommand of
# PROGRAM, so the man page documents `run`, `list` and `diff`, not only the top-level usage.
# Usage: man-subcommands.sh PROGRAM OUTPUT SUBCOMMAND...
set -eu
program=$1
output=$2
shift 2
{
  echo "[SUBCOMMANDS]"
  for sub in "$@"; do
    echo ".SS $sub"
    echo ".nf"
    # roff: a backslash is written \e, and a line starting with . or ' must not read as a request.
    "$program" "$sub" --help | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
    echo ".fi"
  done
} >"$output"
