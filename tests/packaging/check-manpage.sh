#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Signoff authors
# SPDX-License-Identifier: GPL-3.0-or-later
# signoff(1) and `signoff --help` cannot drift apart:
#   * every command of `signoff --help` ("signoff serve", "signoff user add",
#     ...) and every option of it and of each command's --help appears in the
#     man page;
#   * every option that the man page's SYNOPSIS, COMMANDS and OPTIONS name,
#     and every command they name as "signoff WORD", exists in the help (the
#     later sections may show other programs' options, e.g. runuser -u);
#   * the environment variables the help names are in the man page;
#   * the man page carries the program's version.
# The man page is compared as man renders it (plain text), so roff escapes
# such as \- do not matter.
source "$(dirname "$0")/common.sh"
require_tools man

help_text="$SIGNOFF_TEST_WORK/help.txt"
man_text="$SIGNOFF_TEST_WORK/man.txt"
man_reference="$SIGNOFF_TEST_WORK/man-reference.txt"

"$SIGNOFF_BINARY" --help >"$help_text"
# Commands as the usage lines list them: "  signoff WORD ..." (WORD not an option).
mapfile -t commands < <(sed -nE 's/^  signoff ([a-z][a-z-]*).*/\1/p' "$help_text" | sort -u)
((${#commands[@]} > 0)) || fail "found no commands in signoff --help"
for command in "${commands[@]}"; do
    "$SIGNOFF_BINARY" "$command" --help >>"$help_text" \
        || fail "signoff $command --help failed"
done

LC_ALL=C.UTF-8 MANWIDTH=1000 man --no-hyphenation --no-justification -E UTF-8 -l "$SIGNOFF_MANPAGE" 2>/dev/null \
    | sed 's/.\x08//g' >"$man_text"
[[ -s $man_text ]] || fail "man rendered nothing from $SIGNOFF_MANPAGE"
sed -n '/^SYNOPSIS$/,/^ENVIRONMENT$/p' "$man_text" >"$man_reference"
if ! grep -q '^COMMANDS$' "$man_reference" || ! grep -q '^OPTIONS$' "$man_reference"; then
    fail "the man page needs the sections SYNOPSIS, COMMANDS, OPTIONS and ENVIRONMENT, in this order"
fi

options() { grep -oE '(^|[^[:alnum:]-])--?[[:alpha:]][[:alnum:]-]*' "$1" | sed -E 's/^[^-]//' | sort -u; }
missing=0

note "commands of --help in the man page"
# A command with actions ("user add NAME", "migrate status|up|down") is
# checked action by action.
while read -r command actions; do
    if [[ $actions =~ ^[a-z]+(\|[a-z]+)*$ ]]; then
        for action in ${actions//|/ }; do
            grep -qE "signoff $command ([a-z|]*\|)?$action([| ]|$)" "$man_text" \
                || { echo "the man page lacks 'signoff $command $action'"; missing=1; }
        done
    else
        grep -q "signoff $command" "$man_text" || { echo "the man page lacks 'signoff $command'"; missing=1; }
    fi
done < <(sed -nE 's/^  signoff ([a-z][a-z-]*)( ([a-z|]+)( |$))?.*/\1 \3/p' "$help_text" | sort -u)

note "options of --help in the man page"
man_options=$(options "$man_text")
while read -r option; do
    grep -qxF -- "$option" <<<"$man_options" || { echo "the man page lacks $option"; missing=1; }
done < <(options "$help_text")

note "options and commands of the man page in --help"
help_options=$(options "$help_text")
while read -r option; do
    grep -qxF -- "$option" <<<"$help_options" || { echo "the man page names $option, which signoff does not have"; missing=1; }
done < <(options "$man_reference")
while read -r word; do
    printf '%s\n' "${commands[@]}" | grep -qxF -- "$word" \
        || { echo "the man page names the command 'signoff $word', which signoff does not have"; missing=1; }
done < <(grep -oE 'signoff [a-z][a-z-]*' "$man_reference" | cut -d' ' -f2 | sort -u)

note "environment"
while read -r variable; do
    grep -q "$variable" "$man_text" || { echo "the man page lacks $variable"; missing=1; }
done < <(grep -oE 'SIGNOFF_[A-Z_]+' "$help_text" | sort -u)

note "version"
version=$("$SIGNOFF_BINARY" --version)
grep -qF "$version" "$man_text" || { echo "the man page is not for '$version'"; missing=1; }

((missing == 0)) || fail "signoff(1) and signoff --help differ (above): change packaging/man/signoff.1.in with the program"
note "signoff(1) matches signoff --help: commands ${commands[*]}; options $(tr '\n' ' ' <<<"$help_options")"
