
set edit:completion:arg-completer[rsupport] = { |@words|
    var index = (count $words)
    set index = (- $index 1)

    put (env _CLAP_IFS="\n" _CLAP_COMPLETE_INDEX=(to-string $index) RSUPPORT_COMPLETE="elvish" rsupport -- $@words) | to-lines
}

