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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "case" -d 'File, list, update, comment, attach, close, reopen, escalate and share support cases'
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "config" -d 'Read and change the client\'s settings'
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c rsupport -n "__fish_rsupport_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand auth; and not __fish_seen_subcommand_from login logout status switch token help" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "create" -d 'File a case on behalf of a customer (prompts for what is missing on a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "list" -d 'List cases: open cases of every customer of the domain, most recently updated first'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "filter" -d 'Find cases by keywords, with the same filters as `case list`'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "view" -d 'Show one case: all fields, subscribers, attachments and the last messages'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "history" -d 'Show a case\'s whole message history, oldest first'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "update" -d 'Change a case\'s severity or title, and/or post a message, in one call'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "comment" -d 'Send a message to support on a case'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "attach" -d 'Upload files to a case (progress bar on a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "attachments" -d 'List a case\'s attachments'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "download" -d 'Download a case\'s attachments, verifying size and SHA-256'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "close" -d 'Close a case when the problem no longer occurs'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "reopen" -d 'Reopen a case closed less than 30 days ago'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "escalate" -d 'Escalate a case of a premium customer'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "share" -d 'Show or change who a case is shared with'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and not __fish_seen_subcommand_from create list filter view history update comment attach attachments download close reopen escalate share help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l on-behalf-of -d 'The customer\'s id (see `rsupport customer list`)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l title -d 'A short title describing the problem' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l category -d 'A category id, or a search term that matches exactly one category' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l severity -d 'P1 (critical) … P4 (low)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l description -d 'The description of the problem' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l description-file -d 'Read the description from a file (`-`: stdin)' -r -F
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l attach -d 'Attach a file after the case is filed (repeatable)' -r -F
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l language -d 'BCP 47 language of the case, e.g. it-IT [default: config, then system, then en-US]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l time-zone -d 'IANA time zone of the case, e.g. Europe/Rome [default: config, then system, then UTC]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l share -d 'Share the case with a user or group email (repeatable)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l allow-pii -d 'Send text that looks like personal data without asking'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -s y -l yes -d 'File the case without the final confirmation on a terminal'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l dry-run -d 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l search -d 'Keywords searched in title, description and messages' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l customer -d 'Only the cases of this customer (its id)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l state -d 'open (every state but closed), closed, all, or one state: new, in-progress, action-required, solution-provided' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l severity -d 'Only these severities, a comma list such as P1,P2' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l sort -d 'Order: updated (default), created or severity; newest or most severe first' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l limit -d 'How many cases to show [default: 30]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l all -d 'Every case, page after page (streamed)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l all-domains -d 'The cases of every logged-in domain, with a DOMAIN column'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l customer -d 'Only the cases of this customer (its id)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l state -d 'open (every state but closed), closed, all, or one state: new, in-progress, action-required, solution-provided' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l severity -d 'Only these severities, a comma list such as P1,P2' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l sort -d 'Order: updated (default), created or severity; newest or most severe first' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l limit -d 'How many cases to show [default: 30]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l all -d 'Every case, page after page (streamed)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l all-domains -d 'The cases of every logged-in domain, with a DOMAIN column'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from filter" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -l messages -d 'How many of the last messages to show' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from view" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l severity -d 'The new severity, P1 (critical) … P4 (low)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l title -d 'The new title' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l comment -d 'A message to post to support' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l comment-file -d 'Read the message from a file (`-`: stdin)' -r -F
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l allow-pii -d 'Send a message that looks like personal data without asking'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l dry-run -d 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l body -d 'The message' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l body-file -d 'Read the message from a file (`-`: stdin)' -r -F
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l allow-pii -d 'Send a message that looks like personal data without asking'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l dry-run -d 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from comment" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -l allow-pii -d 'Upload text that looks like personal data without asking'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -l dry-run -d 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attach" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from attachments" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -l dir -d 'The folder to write into (created if missing) [default: the current folder]' -r -F
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -l force -d 'Replace files that already exist'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -l comment -d 'A message posted with the close' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -l dry-run -d 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -l comment -d 'A message posted with the reopen' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -l dry-run -d 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from reopen" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l reason -d 'resolution-time, technical-expertise or business-impact' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l justification -d 'Why the case needs escalating' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l dry-run -d 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from escalate" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l add -d 'Share with this user or group email (repeatable)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l remove -d 'Stop sharing with this email (repeatable)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
tsv\t'Tab-separated rows without a header (the default when stdout is piped)'"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l jq -d 'Filter the JSON output through a jq expression; strings print raw (like jq -r)' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l color -d 'When to use colour (NO_COLOR also turns it off)' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t''
never\t''"
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l dry-run -d 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l json -d 'Print JSON (same as --format json)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -l no-input -d 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -s q -l quiet -d 'Say nothing on stderr but errors and warnings'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -s v -l verbose -d 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from share" -s V -l version -d 'Print version'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "create" -d 'File a case on behalf of a customer (prompts for what is missing on a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "list" -d 'List cases: open cases of every customer of the domain, most recently updated first'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "filter" -d 'Find cases by keywords, with the same filters as `case list`'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "view" -d 'Show one case: all fields, subscribers, attachments and the last messages'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show a case\'s whole message history, oldest first'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a case\'s severity or title, and/or post a message, in one call'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "comment" -d 'Send a message to support on a case'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "attach" -d 'Upload files to a case (progress bar on a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "attachments" -d 'List a case\'s attachments'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download a case\'s attachments, verifying size and SHA-256'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close a case when the problem no longer occurs'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Reopen a case closed less than 30 days ago'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "escalate" -d 'Escalate a case of a premium customer'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "share" -d 'Show or change who a case is shared with'
complete -c rsupport -n "__fish_rsupport_using_subcommand case; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l domain -d 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l endpoint -d 'The server\'s URL [default: the domain\'s, else http://127.0.0.1:8765]' -r
complete -c rsupport -n "__fish_rsupport_using_subcommand config; and not __fish_seen_subcommand_from list get set help" -l format -d 'Output format [default: table on a terminal, tsv when piped]' -r -f -a "table\t'Aligned table fitted to the terminal (the default on a terminal)'
json\t'JSON with the API\'s camelCase field names'
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
csv\t'CSV with a header of the API\'s field names (a cell starting with = + - @ gets a leading \' so spreadsheets do not run it as a formula)'
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
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category case config completion help" -f -a "auth" -d 'Log in and out of reseller domains, and see which are logged in'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category case config completion help" -f -a "customer" -d 'The customers of the domain'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category case config completion help" -f -a "category" -d 'Search the category catalogue'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category case config completion help" -f -a "case" -d 'File, list, update, comment, attach, close, reopen, escalate and share support cases'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category case config completion help" -f -a "config" -d 'Read and change the client\'s settings'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category case config completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and not __fish_seen_subcommand_from auth customer category case config completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Check a token with the server, then store it for the domain in the OS keyring'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Forget the token of a domain (or of every domain)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show every logged-in domain: server, user, privileges, where the token is, whether it works'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "switch" -d 'Set the default domain (a picker on a terminal when none is given)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "token" -d 'Print the token of the domain, for scripts'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "list" -d 'List the customers of the domain (plan, access granted or not)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from customer" -f -a "view" -d 'Show one customer with its contact details'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from category" -f -a "search" -d 'Search the category catalogue (every keyword must match)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "create" -d 'File a case on behalf of a customer (prompts for what is missing on a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "list" -d 'List cases: open cases of every customer of the domain, most recently updated first'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "filter" -d 'Find cases by keywords, with the same filters as `case list`'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "view" -d 'Show one case: all fields, subscribers, attachments and the last messages'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "history" -d 'Show a case\'s whole message history, oldest first'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "update" -d 'Change a case\'s severity or title, and/or post a message, in one call'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "comment" -d 'Send a message to support on a case'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "attach" -d 'Upload files to a case (progress bar on a terminal)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "attachments" -d 'List a case\'s attachments'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "download" -d 'Download a case\'s attachments, verifying size and SHA-256'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "close" -d 'Close a case when the problem no longer occurs'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "reopen" -d 'Reopen a case closed less than 30 days ago'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "escalate" -d 'Escalate a case of a premium customer'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from case" -f -a "share" -d 'Show or change who a case is shared with'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'Show every key that has a value'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one key\'s value (nothing when unset)'
complete -c rsupport -n "__fish_rsupport_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set one key, after checking the value'
