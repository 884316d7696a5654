"""Loaded by schemathesis (SCHEMATHESIS_HOOKS) in `scripts/api-fuzz/run`.

CPython 3.11 can raise `SystemError: AST constructor recursion depth mismatch` from
`ast.parse` deep in a call stack; hypothesis parses source to describe a filter's lambda (only
for the strategy's repr), and the error would end the run as a schemathesis "runtime error".
A description is cosmetic: fall back to the function's name instead.
"""

from hypothesis.internal import lambda_sources

_describe = lambda_sources.lambda_description


def _lambda_description(f):
    try:
        return _describe(f)
    except SystemError:
        return getattr(f, "__name__", "<lambda>")


lambda_sources.lambda_description = _lambda_description
