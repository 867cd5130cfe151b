# bash completion for verbatim-search                                 -*- shell-script -*-
# Installed as share/bash-completion/completions/verbatim-search; or: source this file.
# Needs only bash itself (not the bash-completion package's helpers).

_verbatim_search() {
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()

    case $prev in
        --index|--web)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --format)
            COMPREPLY=($(compgen -W "text jsonl csv" -- "$cur"))
            return ;;
        --sort)
            COMPREPLY=($(compgen -W "relevance date -date" -- "$cur"))
            return ;;
        --kind)
            COMPREPLY=($(compgen -W "quote reported narrative" -- "$cur"))
            return ;;
        --facets)
            # A comma-separated list: complete the item after the last comma.
            local done_part="" item=$cur
            if [[ $cur == *,* ]]; then done_part=${cur%,*},; item=${cur##*,}; fi
            compopt -o nospace 2>/dev/null
            COMPREPLY=($(compgen -P "$done_part" -W "speaker region country kind year" -- "$item"))
            return ;;
        --listen)
            COMPREPLY=($(compgen -W "127.0.0.1:8080 localhost:8080 0.0.0.0:8080" -- "$cur"))
            return ;;
        --limit|--offset|--context|--threads|--speaker|--region|--country|--from|--to|--like|--verify)
            return ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--help -h --version --verbose -v --quiet -q --index --format --limit --offset
            --sort --speaker --region --country --kind --from --to --exact --no-collapse --context --count
            --facets --explain --like --verify --batch --serve --listen --web --threads" -- "$cur"))
        return
    fi
    # kind:VALUE in a query (bash splits words at ':', so "kind:q" arrives as kind, :, q).
    if [[ $COMP_CWORD -ge 2 && ${COMP_WORDS[COMP_CWORD-2]} == kind && $prev == : ]] ||
       [[ $COMP_CWORD -ge 1 && ${COMP_WORDS[COMP_CWORD-1]} == kind && $cur == : ]]; then
        COMPREPLY=($(compgen -W "quote reported narrative" -- "${cur#:}"))
        return
    fi
    # QUERY words: the field: prefixes and operators of the query language.
    COMPREPLY=($(compgen -W "speaker: role: org: region: country: mentions: title: kind: date: AND OR NOT" -- "$cur"))
    [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *: ]] && compopt -o nospace 2>/dev/null
}
complete -F _verbatim_search verbatim-search
