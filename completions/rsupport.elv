
use builtin;
use str;

set edit:completion:arg-completer[rsupport] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'rsupport'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'rsupport'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand auth 'Log in and out of reseller domains, and see which are logged in'
            cand customer 'The customers of the domain'
            cand category 'Search the category catalogue'
            cand config 'Read and change the client''s settings'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;auth'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Check a token with the server, then store it for the domain in the OS keyring'
            cand logout 'Forget the token of a domain (or of every domain)'
            cand status 'Show every logged-in domain: server, user, privileges, where the token is, whether it works'
            cand switch 'Set the default domain (a picker on a terminal when none is given)'
            cand token 'Print the token of the domain, for scripts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;auth;login'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --with-token 'Read the token from stdin instead of prompting for it'
            cand --insecure-storage 'Keep the token in a plain-text file (mode 0600) in the config dir instead of the OS keyring, for machines without one'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;auth;logout'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --all 'Log out of every domain'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;auth;status'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;auth;switch'= {
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;auth;token'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;auth;help'= {
            cand login 'Check a token with the server, then store it for the domain in the OS keyring'
            cand logout 'Forget the token of a domain (or of every domain)'
            cand status 'Show every logged-in domain: server, user, privileges, where the token is, whether it works'
            cand switch 'Set the default domain (a picker on a terminal when none is given)'
            cand token 'Print the token of the domain, for scripts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;auth;help;login'= {
        }
        &'rsupport;auth;help;logout'= {
        }
        &'rsupport;auth;help;status'= {
        }
        &'rsupport;auth;help;switch'= {
        }
        &'rsupport;auth;help;token'= {
        }
        &'rsupport;auth;help;help'= {
        }
        &'rsupport;customer'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the customers of the domain (plan, access granted or not)'
            cand view 'Show one customer with its contact details'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;customer;list'= {
            cand --search 'Keyword matched against id, name and primary domain'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --all-domains 'List the customers of every logged-in domain'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;customer;view'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;customer;help'= {
            cand list 'List the customers of the domain (plan, access granted or not)'
            cand view 'Show one customer with its contact details'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;customer;help;list'= {
        }
        &'rsupport;customer;help;view'= {
        }
        &'rsupport;customer;help;help'= {
        }
        &'rsupport;category'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand search 'Search the category catalogue (every keyword must match)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;category;search'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;category;help'= {
            cand search 'Search the category catalogue (every keyword must match)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;category;help;search'= {
        }
        &'rsupport;category;help;help'= {
        }
        &'rsupport;config'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Show every key that has a value'
            cand get 'Print one key''s value (nothing when unset)'
            cand set 'Set one key, after checking the value'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;config;list'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;config;get'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;config;set'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;config;help'= {
            cand list 'Show every key that has a value'
            cand get 'Print one key''s value (nothing when unset)'
            cand set 'Set one key, after checking the value'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;config;help;list'= {
        }
        &'rsupport;config;help;get'= {
        }
        &'rsupport;config;help;set'= {
        }
        &'rsupport;config;help;help'= {
        }
        &'rsupport;completion'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --json 'Print JSON (same as --format json)'
            cand --no-input 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)'
            cand -q 'Say nothing on stderr but errors and warnings'
            cand --quiet 'Say nothing on stderr but errors and warnings'
            cand -v 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand --verbose 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rsupport;help'= {
            cand auth 'Log in and out of reseller domains, and see which are logged in'
            cand customer 'The customers of the domain'
            cand category 'Search the category catalogue'
            cand config 'Read and change the client''s settings'
            cand completion 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;help;auth'= {
            cand login 'Check a token with the server, then store it for the domain in the OS keyring'
            cand logout 'Forget the token of a domain (or of every domain)'
            cand status 'Show every logged-in domain: server, user, privileges, where the token is, whether it works'
            cand switch 'Set the default domain (a picker on a terminal when none is given)'
            cand token 'Print the token of the domain, for scripts'
        }
        &'rsupport;help;auth;login'= {
        }
        &'rsupport;help;auth;logout'= {
        }
        &'rsupport;help;auth;status'= {
        }
        &'rsupport;help;auth;switch'= {
        }
        &'rsupport;help;auth;token'= {
        }
        &'rsupport;help;customer'= {
            cand list 'List the customers of the domain (plan, access granted or not)'
            cand view 'Show one customer with its contact details'
        }
        &'rsupport;help;customer;list'= {
        }
        &'rsupport;help;customer;view'= {
        }
        &'rsupport;help;category'= {
            cand search 'Search the category catalogue (every keyword must match)'
        }
        &'rsupport;help;category;search'= {
        }
        &'rsupport;help;config'= {
            cand list 'Show every key that has a value'
            cand get 'Print one key''s value (nothing when unset)'
            cand set 'Set one key, after checking the value'
        }
        &'rsupport;help;config;list'= {
        }
        &'rsupport;help;config;get'= {
        }
        &'rsupport;help;config;set'= {
        }
        &'rsupport;help;completion'= {
        }
        &'rsupport;help;help'= {
        }
    ]
    $completions[$command]
}
