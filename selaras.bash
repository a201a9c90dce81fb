# selaras.bash: bash completion for selaras.
#
# Commands, options and the arguments options take are read from the
# program itself (`selaras help`, `selaras COMMAND --help`), so they are
# always those of the selaras being completed; only the values of a few
# options are listed here. Install as
# $(PREFIX)/share/bash-completion/completions/selaras, or source it.

# The commands of `selaras help`.
_selaras_commands()
{
    "$1" help 2>/dev/null | awk '/^commands:/ { on = 1; next } /^$/ { on = 0 } on { print $1 }'
}

# The options of `selaras COMMAND --help`, one a line, with the name of the
# argument an option takes: "-f F", "--format F", "--presplit".
_selaras_options()
{
    "$1" "$2" --help 2>/dev/null | awk '
        /^  -[A-Za-z], --/ { sub(/,$/, "", $1); print $1, ($3 ~ /^[A-Z]/ ? $3 : "");
                             print $2, ($3 ~ /^[A-Z]/ ? $3 : ""); next }
        /^      --/        { print $1, ($2 ~ /^[A-Z]/ ? $2 : "") }'
}

_selaras()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local prog=${COMP_WORDS[0]}
    prog=${prog/#\~/$HOME}
    command -v "$prog" >/dev/null 2>&1 || prog=selaras
    COMPREPLY=()

    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$(_selaras_commands "$prog") --help --version" -- "$cur"))
        return
    fi
    local cmd=${COMP_WORDS[1]}
    case $cmd in
    -*) return ;;
    help)
        if [[ $cur != -* ]]; then
            [ "$COMP_CWORD" -eq 2 ] &&
                COMPREPLY=($(compgen -W "$(_selaras_commands "$prog")" -- "$cur"))
            return
        fi
        ;;
    esac

    local options arg
    options=$(_selaras_options "$prog" "$cmd")
    arg=$(printf '%s\n' "$options" | awk -v o="$prev" '$1 == o { print $2 }')
    if [ -n "$arg" ]; then # the argument of the option before
        local values=
        case $cmd:$prev in
        align:-f | align:--format) values="tmx tsv moses json beads ladder" ;;
        align:--glossary-format) values="tbx omegat" ;;
        align:--text) values="verbatim normalized" ;;
        check:--fail-on) values="error warning info never" ;;
        check:--show) values="error warning info" ;;
        split:-l | split:--lang) values="id en" ;;
        *:--src-lang | *:--tgt-lang) values="id en none" ;;
        *:--encoding) values="UTF-16LE UTF-16BE UTF-16 UTF-32LE CP1252 ISO-8859-1 ISO-8859-15" ;;
        esac
        if [ -n "$values" ]; then
            COMPREPLY=($(compgen -W "$values" -- "$cur"))
        elif [ "$arg" = FILE ]; then
            COMPREPLY=($(compgen -f -- "$cur"))
        elif [ "$arg" = DIR ]; then
            COMPREPLY=($(compgen -d -- "$cur"))
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(printf '%s\n' "$options" | awk '{ print $1 }')" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -F _selaras selaras
