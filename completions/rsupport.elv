
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
            cand case 'File, list, update, comment, attach, close, reopen, escalate and share support cases'
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
        &'rsupport;case'= {
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
            cand create 'File a case on behalf of a customer (prompts for what is missing on a terminal)'
            cand list 'List cases: open cases of every customer of the domain, most recently updated first'
            cand filter 'Find cases by keywords, with the same filters as `case list`'
            cand view 'Show one case: all fields, subscribers, attachments and the last messages'
            cand history 'Show a case''s whole message history, oldest first'
            cand update 'Change a case''s severity or title, and/or post a message, in one call'
            cand comment 'Send a message to support on a case'
            cand attach 'Upload files to a case (progress bar on a terminal)'
            cand attachments 'List a case''s attachments'
            cand download 'Download a case''s attachments, verifying size and SHA-256'
            cand close 'Close a case when the problem no longer occurs'
            cand reopen 'Reopen a case closed less than 30 days ago'
            cand escalate 'Escalate a case of a premium customer'
            cand share 'Show or change who a case is shared with'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;case;create'= {
            cand --on-behalf-of 'The customer''s id (see `rsupport customer list`)'
            cand --title 'A short title describing the problem'
            cand --category 'A category id, or a search term that matches exactly one category'
            cand --severity 'P1 (critical) … P4 (low)'
            cand --description 'The description of the problem'
            cand --description-file 'Read the description from a file (`-`: stdin)'
            cand --attach 'Attach a file after the case is filed (repeatable)'
            cand --language 'BCP 47 language of the case, e.g. it-IT [default: config, then system, then en-US]'
            cand --time-zone 'IANA time zone of the case, e.g. Europe/Rome [default: config, then system, then UTC]'
            cand --share 'Share the case with a user or group email (repeatable)'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --allow-pii 'Send text that looks like personal data without asking'
            cand -y 'File the case without the final confirmation on a terminal'
            cand --yes 'File the case without the final confirmation on a terminal'
            cand --dry-run 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
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
        &'rsupport;case;list'= {
            cand --search 'Keywords searched in title, description and messages'
            cand --customer 'Only the cases of this customer (its id)'
            cand --state 'open (every state but closed), closed, all, or one state: new, in-progress, action-required, solution-provided'
            cand --severity 'Only these severities, a comma list such as P1,P2'
            cand --sort 'Order: updated (default), created or severity; newest or most severe first'
            cand --limit 'How many cases to show [default: 30]'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --all 'Every case, page after page (streamed)'
            cand --all-domains 'The cases of every logged-in domain, with a DOMAIN column'
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
        &'rsupport;case;filter'= {
            cand --customer 'Only the cases of this customer (its id)'
            cand --state 'open (every state but closed), closed, all, or one state: new, in-progress, action-required, solution-provided'
            cand --severity 'Only these severities, a comma list such as P1,P2'
            cand --sort 'Order: updated (default), created or severity; newest or most severe first'
            cand --limit 'How many cases to show [default: 30]'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --all 'Every case, page after page (streamed)'
            cand --all-domains 'The cases of every logged-in domain, with a DOMAIN column'
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
        &'rsupport;case;view'= {
            cand --messages 'How many of the last messages to show'
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
        &'rsupport;case;history'= {
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
        &'rsupport;case;update'= {
            cand --severity 'The new severity, P1 (critical) … P4 (low)'
            cand --title 'The new title'
            cand --comment 'A message to post to support'
            cand --comment-file 'Read the message from a file (`-`: stdin)'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --allow-pii 'Send a message that looks like personal data without asking'
            cand --dry-run 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
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
        &'rsupport;case;comment'= {
            cand --body 'The message'
            cand --body-file 'Read the message from a file (`-`: stdin)'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --allow-pii 'Send a message that looks like personal data without asking'
            cand --dry-run 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
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
        &'rsupport;case;attach'= {
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --allow-pii 'Upload text that looks like personal data without asking'
            cand --dry-run 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
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
        &'rsupport;case;attachments'= {
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
        &'rsupport;case;download'= {
            cand --dir 'The folder to write into (created if missing) [default: the current folder]'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --force 'Replace files that already exist'
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
        &'rsupport;case;close'= {
            cand --comment 'A message posted with the close'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --dry-run 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
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
        &'rsupport;case;reopen'= {
            cand --comment 'A message posted with the reopen'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --dry-run 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
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
        &'rsupport;case;escalate'= {
            cand --reason 'resolution-time, technical-expertise or business-impact'
            cand --justification 'Why the case needs escalating'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --dry-run 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
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
        &'rsupport;case;share'= {
            cand --add 'Share with this user or group email (repeatable)'
            cand --remove 'Stop sharing with this email (repeatable)'
            cand --domain 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]'
            cand --endpoint 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]'
            cand --format 'Output format [default: table on a terminal, tsv when piped]'
            cand --jq 'Filter the JSON output through a jq expression; strings print raw (like jq -r)'
            cand --color 'When to use colour (NO_COLOR also turns it off)'
            cand --dry-run 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would'
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
        &'rsupport;case;help'= {
            cand create 'File a case on behalf of a customer (prompts for what is missing on a terminal)'
            cand list 'List cases: open cases of every customer of the domain, most recently updated first'
            cand filter 'Find cases by keywords, with the same filters as `case list`'
            cand view 'Show one case: all fields, subscribers, attachments and the last messages'
            cand history 'Show a case''s whole message history, oldest first'
            cand update 'Change a case''s severity or title, and/or post a message, in one call'
            cand comment 'Send a message to support on a case'
            cand attach 'Upload files to a case (progress bar on a terminal)'
            cand attachments 'List a case''s attachments'
            cand download 'Download a case''s attachments, verifying size and SHA-256'
            cand close 'Close a case when the problem no longer occurs'
            cand reopen 'Reopen a case closed less than 30 days ago'
            cand escalate 'Escalate a case of a premium customer'
            cand share 'Show or change who a case is shared with'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rsupport;case;help;create'= {
        }
        &'rsupport;case;help;list'= {
        }
        &'rsupport;case;help;filter'= {
        }
        &'rsupport;case;help;view'= {
        }
        &'rsupport;case;help;history'= {
        }
        &'rsupport;case;help;update'= {
        }
        &'rsupport;case;help;comment'= {
        }
        &'rsupport;case;help;attach'= {
        }
        &'rsupport;case;help;attachments'= {
        }
        &'rsupport;case;help;download'= {
        }
        &'rsupport;case;help;close'= {
        }
        &'rsupport;case;help;reopen'= {
        }
        &'rsupport;case;help;escalate'= {
        }
        &'rsupport;case;help;share'= {
        }
        &'rsupport;case;help;help'= {
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
            cand case 'File, list, update, comment, attach, close, reopen, escalate and share support cases'
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
        &'rsupport;help;case'= {
            cand create 'File a case on behalf of a customer (prompts for what is missing on a terminal)'
            cand list 'List cases: open cases of every customer of the domain, most recently updated first'
            cand filter 'Find cases by keywords, with the same filters as `case list`'
            cand view 'Show one case: all fields, subscribers, attachments and the last messages'
            cand history 'Show a case''s whole message history, oldest first'
            cand update 'Change a case''s severity or title, and/or post a message, in one call'
            cand comment 'Send a message to support on a case'
            cand attach 'Upload files to a case (progress bar on a terminal)'
            cand attachments 'List a case''s attachments'
            cand download 'Download a case''s attachments, verifying size and SHA-256'
            cand close 'Close a case when the problem no longer occurs'
            cand reopen 'Reopen a case closed less than 30 days ago'
            cand escalate 'Escalate a case of a premium customer'
            cand share 'Show or change who a case is shared with'
        }
        &'rsupport;help;case;create'= {
        }
        &'rsupport;help;case;list'= {
        }
        &'rsupport;help;case;filter'= {
        }
        &'rsupport;help;case;view'= {
        }
        &'rsupport;help;case;history'= {
        }
        &'rsupport;help;case;update'= {
        }
        &'rsupport;help;case;comment'= {
        }
        &'rsupport;help;case;attach'= {
        }
        &'rsupport;help;case;attachments'= {
        }
        &'rsupport;help;case;download'= {
        }
        &'rsupport;help;case;close'= {
        }
        &'rsupport;help;case;reopen'= {
        }
        &'rsupport;help;case;escalate'= {
        }
        &'rsupport;help;case;share'= {
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
