# Definitions that make jaq's standard library behave as jq 1.7.1's (src/builtin.jq and
# src/builtin.c of jq 1.7.1), loaded after jaq's own so that these win. `_rsupport_tojson` is
# native (src/output/jq.rs): JSON on one line, numbers and strings written as jq writes them.
def _rsupport_has($k): has($k);
def tojson: _rsupport_tojson;
def tostring: if type == "string" then . else _rsupport_tojson end;
def @text: tostring;
def @json: tojson;
def @html: tostring | escape_html;
def @uri: tostring | encode_uri;
def @base64: tostring | encode_base64;
def @base64d: tostring | decode_base64;
def ltrimstr($x):
  if type == "string" and ($x | type) == "string" and startswith($x)
  then .[($x | length):] else . end;
def rtrimstr($x):
  if type == "string" and ($x | type) == "string" and endswith($x)
  then .[:length - ($x | length)] else . end;
def join($x): reduce .[] as $i (null;
  (if . == null then "" else . + $x end) +
  ($i | if type == "boolean" or type == "number" then tojson else . // "" end)
) // "";
def has($k):
  if (type == "object" and ($k | type) == "string") or (type == "array" and ($k | type) == "number")
  then _rsupport_has($k)
  else error("Cannot check whether \(type) has a \($k | type) key") end;
def to_entries: [keys_unsorted[] as $k | {key: $k, value: .[$k]}];
def from_entries: reduce (.[] | {
    k: (.key // .Key // .name // .Name),
    v: (if has("value") then .value else .Value end)
  }) as $e ({};
  if ($e.k | type) == "string" then . + {($e.k): $e.v}
  else error("Object keys must be strings") end);
def with_entries(f): to_entries | map(f) | from_entries;
def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] |= $row);
def INDEX(idx_expr): INDEX(.[]; idx_expr);
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
def _rsupport_row($format):
  if type != "array" then error("\(type) (\(tojson)) cannot be \($format)-formatted, only an array can be")
  else . end;
def _rsupport_cell:
  if type == "boolean" then tojson
  elif type == "number" then (if isnan then "" else tojson end)
  elif type == "null" then ""
  else error("\(type) (\(tojson)) is not valid in a csv row") end;
def @csv: _rsupport_row("csv")
  | map(if type == "string" then "\"" + (split("\"") | join("\"\"")) + "\"" else _rsupport_cell end)
  | join(",");
def @tsv: _rsupport_row("tsv")
  | map(if type == "string"
        then split("\\") | join("\\\\") | split("\t") | join("\\t")
           | split("\r") | join("\\r") | split("\n") | join("\\n")
        else _rsupport_cell end)
  | join("\t");
def @sh: [if type == "array" then .[] else . end
  | if type == "string" then "'" + (split("'") | join("'\\''")) + "'"
    elif type == "array" or type == "object" then error("\(type) (\(tojson)) can not be escaped for shell")
    else tojson end]
  | join(" ");
# jaq deletes a key by moving the object's last key into its place; jq keeps the order. Paths
# of plain keys and indices are deleted natively, others (slices) as jaq does.
def _rsupport_jaq_delpaths($ps): delpaths($ps);
def delpaths($ps):
  if ($ps | type) == "array" and all($ps[]; type == "array" and all(.[]; type == "string" or type == "number"))
  then _rsupport_delpaths($ps) else _rsupport_jaq_delpaths($ps) end;
def del(f): delpaths([path(f)]);
