# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rsupport_global_optspecs
    string join \n domain= endpoint= json format= jq= no-input q/quiet v/verbose color= h/help V/version
end

function __fish_rsupport_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_rsupport_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_rsupport_using_subcommand
    set -l cmd (__fish_rsupport_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c rsupport -n "__fish_rsupport_needs_command" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_needs_command" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_needs_command" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_needs_command" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_needs_command" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_needs_command" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_needs_command" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_needs_command" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_needs_command" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_needs_command" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "auth" -d 'Log in and out of reseller domains, and see which are logged in'
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "customer" -d 'The customers of the domain'
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "category" -d 'Search the category catalogue'
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "config" -d 'Read and change the client\'s settings'
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -f -a "login" -d 'Check a token with the server, then store it for the domain in the OS keyring'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -f -a "logout" -d 'Forget the token of a domain (or of every domain)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -f -a "status" -d 'Show every logged-in domain: server, user, privileges, where the token is, whether it works'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -f -a "switch" -d 'Set the default domain (a picker on a terminal when none is given)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -f -a "token" -d 'Print the token of the domain, for scripts'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-token -d 'Read the token from stdin instead of prompting for it'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -l insecure-storage -d 'Keep the token in a plain-text file (mode 0600) in the config dir instead of the OS keyring, for machines without one'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -l all -d 'Log out of every domain'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from switch" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Check a token with the server, then store it for the domain in the OS keyring'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Forget the token of a domain (or of every domain)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show every logged-in domain: server, user, privileges, where the token is, whether it works'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "switch" -d 'Set the default domain (a picker on a terminal when none is given)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print the token of the domain, for scripts'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -f -a "list" -d 'List the customers of the domain (plan, access granted or not)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -f -a "view" -d 'Show one customer with its contact details'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and not __fish_seen_subcommand_from list view help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -l search -d 'Keyword matched against id, name and primary domain' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -l all-domains -d 'List the customers of every logged-in domain'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the customers of the domain (plan, access granted or not)'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "view" -d 'Show one customer with its contact details'
complete -c rsupport -n "__fish_rsupport_using_subcommand customer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -f -a "search" -d 'Search the category catalogue (every keyword must match)'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and not __fish_seen_subcommand_from search help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search the category catalogue (every keyword must match)'
complete -c rsupport -n "__fish_rsupport_using_subcommand category; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -f -a "list" -d 'Show every key that has a value'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -f -a "get" -d 'Print one key\'s value (nothing when unset)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -f -a "set" -d 'Set one key, after checking the value'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show every key that has a value'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one key\'s value (nothing when unset)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set one key, after checking the value'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand completion" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category config completion help" -f -a "auth" -d 'Log in and out of reseller domains, and see which are logged in'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category config completion help" -f -a "customer" -d 'The customers of the domain'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category config completion help" -f -a "category" -d 'Search the category catalogue'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category config completion help" -f -a "config" -d 'Read and change the client\'s settings'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category config completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category config completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Check a token with the server, then store it for the domain in the OS keyring'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Forget the token of a domain (or of every domain)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show every logged-in domain: server, user, privileges, where the token is, whether it works'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "switch" -d 'Set the default domain (a picker on a terminal when none is given)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "token" -d 'Print the token of the domain, for scripts'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "list" -d 'List the customers of the domain (plan, access granted or not)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "view" -d 'Show one customer with its contact details'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from category" -f -a "search" -d 'Search the category catalogue (every keyword must match)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'Show every key that has a value'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one key\'s value (nothing when unset)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set one key, after checking the value'
