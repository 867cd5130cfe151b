# bash completion for verbatim-index                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/verbatim-index; or: source this file.
# Needs only bash itself (not the bash-completion package's helpers).

_verbatim_index() {
    local cur prev words cword
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()

    local common="--help -h --version --verbose -v --quiet -q"
    local reading="--data --strict --csv-column"
    local command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            extract|build|compact) command=${COMP_WORDS[i]}; break ;;
        esac
    done

    # The value of the option before the cursor.
    case $prev in
        --data|--index)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --batch|--jobs|-j|--shards)
            return ;;
        --csv-column)
            compopt -o nospace 2>/dev/null
            COMPREPLY=($(compgen -W "title= date= url= text= location= id=" -- "$cur"))
            return ;;
    esac

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help -h --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "extract build compact" -- "$cur"))
        fi
        return
    fi

    if [[ $cur == -* ]]; then
        local options=$common
        [[ $command != compact ]] && options+=" $reading"
        [[ $command != extract ]] && options+=" --index"
        [[ $command == build ]] && options+=" --batch --jobs -j --shards --prune --force --no-progress"
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    [[ $command == compact ]] && return
    # PATH...: files and folders of a corpus.
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _verbatim_index verbatim-index
