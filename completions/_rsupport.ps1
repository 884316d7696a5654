
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'rsupport' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'rsupport'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'rsupport' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in and out of reseller domains, and see which are logged in')
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'The customers of the domain')
            [CompletionResult]::new('category', 'category', [CompletionResultType]::ParameterValue, 'Search the category catalogue')
            [CompletionResult]::new('case', 'case', [CompletionResultType]::ParameterValue, 'File, list, update, comment, attach, close, reopen, escalate and share support cases')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the client''s settings')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;auth' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a token with the server, then store it for the domain in the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the token of a domain (or of every domain)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show every logged-in domain: server, user, privileges, where the token is, whether it works')
            [CompletionResult]::new('switch', 'switch', [CompletionResultType]::ParameterValue, 'Set the default domain (a picker on a terminal when none is given)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the token of the domain, for scripts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;auth;login' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Read the token from stdin instead of prompting for it')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Keep the token in a plain-text file (mode 0600) in the config dir instead of the OS keyring, for machines without one')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;auth;logout' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Log out of every domain')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;auth;status' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;auth;switch' {
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;auth;token' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a token with the server, then store it for the domain in the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the token of a domain (or of every domain)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show every logged-in domain: server, user, privileges, where the token is, whether it works')
            [CompletionResult]::new('switch', 'switch', [CompletionResultType]::ParameterValue, 'Set the default domain (a picker on a terminal when none is given)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the token of the domain, for scripts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;auth;help;login' {
            break
        }
        'rsupport;auth;help;logout' {
            break
        }
        'rsupport;auth;help;status' {
            break
        }
        'rsupport;auth;help;switch' {
            break
        }
        'rsupport;auth;help;token' {
            break
        }
        'rsupport;auth;help;help' {
            break
        }
        'rsupport;customer' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the customers of the domain (plan, access granted or not)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one customer with its contact details')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;customer;list' {
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Keyword matched against id, name and primary domain')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--all-domains', '--all-domains', [CompletionResultType]::ParameterName, 'List the customers of every logged-in domain')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;customer;view' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;customer;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the customers of the domain (plan, access granted or not)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one customer with its contact details')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;customer;help;list' {
            break
        }
        'rsupport;customer;help;view' {
            break
        }
        'rsupport;customer;help;help' {
            break
        }
        'rsupport;category' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search the category catalogue (every keyword must match)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;category;search' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;category;help' {
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search the category catalogue (every keyword must match)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;category;help;search' {
            break
        }
        'rsupport;category;help;help' {
            break
        }
        'rsupport;case' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'File a case on behalf of a customer (prompts for what is missing on a terminal)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List cases: open cases of every customer of the domain, most recently updated first')
            [CompletionResult]::new('filter', 'filter', [CompletionResultType]::ParameterValue, 'Find cases by keywords, with the same filters as `case list`')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one case: all fields, subscribers, attachments and the last messages')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a case''s whole message history, oldest first')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a case''s severity or title, and/or post a message, in one call')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Send a message to support on a case')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Upload files to a case (progress bar on a terminal)')
            [CompletionResult]::new('attachments', 'attachments', [CompletionResultType]::ParameterValue, 'List a case''s attachments')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a case''s attachments, verifying size and SHA-256')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a case when the problem no longer occurs')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a case closed less than 30 days ago')
            [CompletionResult]::new('escalate', 'escalate', [CompletionResultType]::ParameterValue, 'Escalate a case of a premium customer')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Show or change who a case is shared with')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;case;create' {
            [CompletionResult]::new('--on-behalf-of', '--on-behalf-of', [CompletionResultType]::ParameterName, 'The customer''s id (see `rsupport customer list`)')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'A short title describing the problem')
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'A category id, or a search term that matches exactly one category')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'P1 (critical) … P4 (low)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The description of the problem')
            [CompletionResult]::new('--description-file', '--description-file', [CompletionResultType]::ParameterName, 'Read the description from a file (`-`: stdin)')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach a file after the case is filed (repeatable)')
            [CompletionResult]::new('--language', '--language', [CompletionResultType]::ParameterName, 'BCP 47 language of the case, e.g. it-IT [default: config, then system, then en-US]')
            [CompletionResult]::new('--time-zone', '--time-zone', [CompletionResultType]::ParameterName, 'IANA time zone of the case, e.g. Europe/Rome [default: config, then system, then UTC]')
            [CompletionResult]::new('--share', '--share', [CompletionResultType]::ParameterName, 'Share the case with a user or group email (repeatable)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--allow-pii', '--allow-pii', [CompletionResultType]::ParameterName, 'Send text that looks like personal data without asking')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'File the case without the final confirmation on a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'File the case without the final confirmation on a terminal')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;list' {
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Keywords searched in title, description and messages')
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only the cases of this customer (its id)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'open (every state but closed), closed, all, or one state: new, in-progress, action-required, solution-provided')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'Only these severities, a comma list such as P1,P2')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order: updated (default), created or severity; newest or most severe first')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many cases to show [default: 30]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every case, page after page (streamed)')
            [CompletionResult]::new('--all-domains', '--all-domains', [CompletionResultType]::ParameterName, 'The cases of every logged-in domain, with a DOMAIN column')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;filter' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only the cases of this customer (its id)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'open (every state but closed), closed, all, or one state: new, in-progress, action-required, solution-provided')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'Only these severities, a comma list such as P1,P2')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order: updated (default), created or severity; newest or most severe first')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many cases to show [default: 30]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every case, page after page (streamed)')
            [CompletionResult]::new('--all-domains', '--all-domains', [CompletionResultType]::ParameterName, 'The cases of every logged-in domain, with a DOMAIN column')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;view' {
            [CompletionResult]::new('--messages', '--messages', [CompletionResultType]::ParameterName, 'How many of the last messages to show')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;history' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;update' {
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'The new severity, P1 (critical) … P4 (low)')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The new title')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'A message to post to support')
            [CompletionResult]::new('--comment-file', '--comment-file', [CompletionResultType]::ParameterName, 'Read the message from a file (`-`: stdin)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--allow-pii', '--allow-pii', [CompletionResultType]::ParameterName, 'Send a message that looks like personal data without asking')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;comment' {
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The message')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the message from a file (`-`: stdin)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--allow-pii', '--allow-pii', [CompletionResultType]::ParameterName, 'Send a message that looks like personal data without asking')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;attach' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--allow-pii', '--allow-pii', [CompletionResultType]::ParameterName, 'Upload text that looks like personal data without asking')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;attachments' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;download' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The folder to write into (created if missing) [default: the current folder]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace files that already exist')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;close' {
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'A message posted with the close')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;reopen' {
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'A message posted with the reopen')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;escalate' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'resolution-time, technical-expertise or business-impact')
            [CompletionResult]::new('--justification', '--justification', [CompletionResultType]::ParameterName, 'Why the case needs escalating')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;share' {
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Share with this user or group email (repeatable)')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Stop sharing with this email (repeatable)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything (here and on the server) and change nothing: say what would happen and exit with the code the real command would')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;case;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'File a case on behalf of a customer (prompts for what is missing on a terminal)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List cases: open cases of every customer of the domain, most recently updated first')
            [CompletionResult]::new('filter', 'filter', [CompletionResultType]::ParameterValue, 'Find cases by keywords, with the same filters as `case list`')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one case: all fields, subscribers, attachments and the last messages')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a case''s whole message history, oldest first')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a case''s severity or title, and/or post a message, in one call')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Send a message to support on a case')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Upload files to a case (progress bar on a terminal)')
            [CompletionResult]::new('attachments', 'attachments', [CompletionResultType]::ParameterValue, 'List a case''s attachments')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a case''s attachments, verifying size and SHA-256')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a case when the problem no longer occurs')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a case closed less than 30 days ago')
            [CompletionResult]::new('escalate', 'escalate', [CompletionResultType]::ParameterValue, 'Escalate a case of a premium customer')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Show or change who a case is shared with')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;case;help;create' {
            break
        }
        'rsupport;case;help;list' {
            break
        }
        'rsupport;case;help;filter' {
            break
        }
        'rsupport;case;help;view' {
            break
        }
        'rsupport;case;help;history' {
            break
        }
        'rsupport;case;help;update' {
            break
        }
        'rsupport;case;help;comment' {
            break
        }
        'rsupport;case;help;attach' {
            break
        }
        'rsupport;case;help;attachments' {
            break
        }
        'rsupport;case;help;download' {
            break
        }
        'rsupport;case;help;close' {
            break
        }
        'rsupport;case;help;reopen' {
            break
        }
        'rsupport;case;help;escalate' {
            break
        }
        'rsupport;case;help;share' {
            break
        }
        'rsupport;case;help;help' {
            break
        }
        'rsupport;config' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show every key that has a value')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one key''s value (nothing when unset)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one key, after checking the value')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;config;list' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;config;get' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;config;set' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;config;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show every key that has a value')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one key''s value (nothing when unset)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one key, after checking the value')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;config;help;list' {
            break
        }
        'rsupport;config;help;get' {
            break
        }
        'rsupport;config;help;set' {
            break
        }
        'rsupport;config;help;help' {
            break
        }
        'rsupport;completion' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The reseller domain to act for [default: the one set by `auth switch`, or the only one logged in]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'The server''s URL [default: the domain''s, else http://127.0.0.1:8765]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, tsv when piped]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression; strings print raw (like jq -r)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR also turns it off)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (same as --format json)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: a missing value is an error naming its flag (implied when stdin is not a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on stderr but errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP request (method, URL, status, timing) on stderr; tokens are never shown')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rsupport;help' {
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in and out of reseller domains, and see which are logged in')
            [CompletionResult]::new('customer', 'customer', [CompletionResultType]::ParameterValue, 'The customers of the domain')
            [CompletionResult]::new('category', 'category', [CompletionResultType]::ParameterValue, 'Search the category catalogue')
            [CompletionResult]::new('case', 'case', [CompletionResultType]::ParameterValue, 'File, list, update, comment, attach, close, reopen, escalate and share support cases')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Read and change the client''s settings')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rsupport;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a token with the server, then store it for the domain in the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the token of a domain (or of every domain)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show every logged-in domain: server, user, privileges, where the token is, whether it works')
            [CompletionResult]::new('switch', 'switch', [CompletionResultType]::ParameterValue, 'Set the default domain (a picker on a terminal when none is given)')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the token of the domain, for scripts')
            break
        }
        'rsupport;help;auth;login' {
            break
        }
        'rsupport;help;auth;logout' {
            break
        }
        'rsupport;help;auth;status' {
            break
        }
        'rsupport;help;auth;switch' {
            break
        }
        'rsupport;help;auth;token' {
            break
        }
        'rsupport;help;customer' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the customers of the domain (plan, access granted or not)')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one customer with its contact details')
            break
        }
        'rsupport;help;customer;list' {
            break
        }
        'rsupport;help;customer;view' {
            break
        }
        'rsupport;help;category' {
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search the category catalogue (every keyword must match)')
            break
        }
        'rsupport;help;category;search' {
            break
        }
        'rsupport;help;case' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'File a case on behalf of a customer (prompts for what is missing on a terminal)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List cases: open cases of every customer of the domain, most recently updated first')
            [CompletionResult]::new('filter', 'filter', [CompletionResultType]::ParameterValue, 'Find cases by keywords, with the same filters as `case list`')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Show one case: all fields, subscribers, attachments and the last messages')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a case''s whole message history, oldest first')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a case''s severity or title, and/or post a message, in one call')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Send a message to support on a case')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Upload files to a case (progress bar on a terminal)')
            [CompletionResult]::new('attachments', 'attachments', [CompletionResultType]::ParameterValue, 'List a case''s attachments')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a case''s attachments, verifying size and SHA-256')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a case when the problem no longer occurs')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Reopen a case closed less than 30 days ago')
            [CompletionResult]::new('escalate', 'escalate', [CompletionResultType]::ParameterValue, 'Escalate a case of a premium customer')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Show or change who a case is shared with')
            break
        }
        'rsupport;help;case;create' {
            break
        }
        'rsupport;help;case;list' {
            break
        }
        'rsupport;help;case;filter' {
            break
        }
        'rsupport;help;case;view' {
            break
        }
        'rsupport;help;case;history' {
            break
        }
        'rsupport;help;case;update' {
            break
        }
        'rsupport;help;case;comment' {
            break
        }
        'rsupport;help;case;attach' {
            break
        }
        'rsupport;help;case;attachments' {
            break
        }
        'rsupport;help;case;download' {
            break
        }
        'rsupport;help;case;close' {
            break
        }
        'rsupport;help;case;reopen' {
            break
        }
        'rsupport;help;case;escalate' {
            break
        }
        'rsupport;help;case;share' {
            break
        }
        'rsupport;help;config' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show every key that has a value')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one key''s value (nothing when unset)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one key, after checking the value')
            break
        }
        'rsupport;help;config;list' {
            break
        }
        'rsupport;help;config;get' {
            break
        }
        'rsupport;help;config;set' {
            break
        }
        'rsupport;help;completion' {
            break
        }
        'rsupport;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
